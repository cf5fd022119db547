package dedupe

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// storeOf builds a store from records given as company, name, phone.
func storeOf(rows ...[3]string) *record.Store {
	var s record.Store
	for _, row := range rows {
		var r record.Record
		r.Values[record.Company], r.Values[record.Name], r.Values[record.Phone] = row[0], row[1], row[2]
		s.Add(&r)
	}
	return &s
}

func foldSample(t *testing.T) (*record.Store, int) {
	t.Helper()
	return storeOf(
		[3]string{"深圳市华强电子有限公司", "张伟", "+8613800000001"},
		[3]string{"北京华强电子有限公司", "李娜", "+8613900000002"},
		[3]string{"上海乐辰服饰有限公司", "王芳", "+8613700000003"},
		// new records
		[3]string{"华强电子(深圳)有限公司", "张伟", "+8613800000001"},
		[3]string{"乐辰服饰", "王芳", "+8613700000003"},
		[3]string{"杭州新客科技有限公司", "赵敏", "+8613600000004"},
		[3]string{"杭州新客科技", "赵敏", "+8613600000004"},
	), 3
}

func TestFoldMatchesNewRecordsIntoMaster(t *testing.T) {
	recs, nm := foldSample(t)
	m, err := NewMatcher(DefaultConfig(), &record.Schema{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.MatchWith(context.Background(), recs, Options{Master: nm})
	if err != nil {
		t.Fatal(err)
	}
	same := func(a, b int) bool { return res.ClusterOf(a) == res.ClusterOf(b) }
	if !same(0, 3) || !same(2, 4) || !same(5, 6) || same(0, 1) {
		t.Fatalf("clusters %v", res.Clusters)
	}
	if len(res.Clusters) != 4 {
		t.Fatalf("%d clusters, want 4", len(res.Clusters))
	}

	// The index saved and read back gives the same result.
	var buf bytes.Buffer
	if err := WriteIndex(&buf, res.Index, "fp"); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	ix, err := ReadIndex(bytes.NewReader(data), "fp", nm)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ix, res.Index) {
		t.Fatal("index read back differs")
	}
	again, err := m.MatchWith(context.Background(), recs, Options{Master: nm, Index: ix})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.clusterOf, res.clusterOf) {
		t.Fatal("clusters differ with the saved index")
	}
	if _, err := ReadIndex(bytes.NewReader(data), "other", nm); !errors.Is(err, ErrStaleIndex) {
		t.Errorf("other fingerprint: %v, want stale", err)
	}
	if _, err := ReadIndex(bytes.NewReader(data), "fp", nm+1); !errors.Is(err, ErrStaleIndex) {
		t.Errorf("other size: %v, want stale", err)
	}
	bad := bytes.Clone(data)
	bad[len(bad)-20] ^= 0xff
	if _, err := ReadIndex(bytes.NewReader(bad), "fp", nm); err == nil || errors.Is(err, ErrStaleIndex) {
		t.Errorf("damaged file: %v, want a damage error", err)
	}
	if _, err := ReadIndex(bytes.NewReader(data[:len(data)/2]), "fp", nm); err == nil {
		t.Error("a cut file was accepted")
	}

	// A fingerprint filled in after the index was written.
	f, err := os.Create(filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := WriteIndex(f, res.Index, "sha256:????|x"); err != nil {
		t.Fatal(err)
	}
	if err := SetFingerprint(f, "sha256:too long|x"); err == nil {
		t.Error("a fingerprint longer than the placeholder was written")
	}
	if err := SetFingerprint(f, "sha256:abcd|x"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if ix, err := ReadIndex(f, "sha256:abcd|x", nm); err != nil || !reflect.DeepEqual(ix, res.Index) {
		t.Fatalf("index with its fingerprint filled in: %v", err)
	}
}

// The index an IndexBuilder derives equals one built from scratch.
func TestIndexBuilderMatchesRebuild(t *testing.T) {
	recs, nm := foldSample(t)
	m, _ := NewMatcher(DefaultConfig(), &record.Schema{})
	old := m.buildIndex(m.profiles(recs, 0, nm, nil), nm)
	b := m.NewIndexBuilder(old)
	var out record.Store
	var r record.Record
	// Output: master 0 kept, master 1 dropped (merged away), master 2
	// changed, then two new records.
	for _, i := range []int{0, 2, 5, 6} {
		recs.Get(i, &r)
		if i == 2 {
			r.Values[record.Name] = "王芳芳"
		}
		out.Add(&r)
		if i == 0 {
			b.Keep(0)
		} else {
			b.Add(&r)
		}
	}
	got := b.Index()
	want := m.buildIndex(m.profiles(&out, 0, out.Len(), nil), out.Len())
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("builder index\n%+v\nrebuilt\n%+v", got, want)
	}
	// Streamed to a file, the same bytes.
	checkStreamedIndex(t, b, want)
}

// checkStreamedIndex fails t unless the index b streams to a file is the
// bytes of want written whole.
func checkStreamedIndex(t *testing.T, b *IndexBuilder, want *Index) {
	t.Helper()
	var streamed, whole bytes.Buffer
	if err := b.WriteIndex(&streamed, "fp"); err != nil {
		t.Fatal(err)
	}
	if err := WriteIndex(&whole, want, "fp"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(streamed.Bytes(), whole.Bytes()) {
		t.Fatalf("the streamed index (%d bytes) differs from the rebuilt one (%d bytes)", streamed.Len(), whole.Len())
	}
}

// A no-match decision holds even against a chain of matches, and a match
// decision joins records the evidence keeps apart.
func TestDecisions(t *testing.T) {
	recs := storeOf(
		[3]string{"华强电子", "张伟", "+8613800000001"},
		[3]string{"华强电子有限公司", "张伟", "+8613800000001"},
		[3]string{"华强电子(深圳)", "张伟", "+8613800000001"},
		[3]string{"乐辰服饰", "王芳", "+8613700000003"},
		[3]string{"北京新客科技", "赵敏", "+8613600000004"},
	)
	m, _ := NewMatcher(DefaultConfig(), &record.Schema{})
	res, err := m.MatchWith(context.Background(), recs, Options{
		Cannot: [][2]int{{0, 2}},
		Must:   [][2]int{{3, 4}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.ClusterOf(0) == res.ClusterOf(2) {
		t.Error("0 and 2 were decided apart but share a cluster")
	}
	if res.ClusterOf(0) != res.ClusterOf(1) && res.ClusterOf(2) != res.ClusterOf(1) {
		t.Error("1 should join 0 or 2")
	}
	if res.ClusterOf(3) != res.ClusterOf(4) || res.Decided != 1 {
		t.Errorf("3 and 4 were decided one customer: clusters %v, decided %d", res.Clusters, res.Decided)
	}
	for _, l := range res.Review {
		if l.A == 0 && l.B == 2 {
			t.Error("a decided pair is listed for review")
		}
	}
	// A match decision against a no-match decision is refused.
	res, _ = m.MatchWith(context.Background(), recs, Options{Cannot: [][2]int{{3, 4}}, Must: [][2]int{{3, 4}}})
	if res.ClusterOf(3) == res.ClusterOf(4) || res.Contradicted != 1 {
		t.Errorf("contradicting decisions: clusters %v, contradicted %d", res.Clusters, res.Contradicted)
	}
}

// A new record that matches two master customers joins them, as deduping
// everything at once would — unless the two are clearly different.
func TestFoldBridgesMasterCustomers(t *testing.T) {
	rec := func(company, name, phone, email string) record.Record {
		var r record.Record
		r.Values[record.Company], r.Values[record.Name] = company, name
		r.Values[record.Phone], r.Values[record.Email] = phone, email
		return r
	}
	m, _ := NewMatcher(DefaultConfig(), &record.Schema{})
	for _, tc := range []struct {
		name   string
		second record.Record
		joined bool
	}{
		{"compatible", rec("华强电子有限公司", "张伟", "", "zw@hq.cn"), true},
		{"another city's company", rec("北京华强电子有限公司", "李娜", "+8613900000009", "zw@hq.cn"), false},
		{"another city's company, new record without a city", rec("北京华强电子有限公司", "张伟", "+8613900000009", "zw@hq.cn"), false},
	} {
		var s record.Store
		for _, r := range []record.Record{
			rec("深圳市华强电子有限公司", "张伟", "+8613800000001", ""),
			tc.second,
			rec("华强电子", "张伟", "+8613800000001", "zw@hq.cn"),
		} {
			s.Add(&r)
		}
		res, err := m.MatchWith(context.Background(), &s, Options{Master: 2})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.ClusterOf(0) == res.ClusterOf(1); got != tc.joined {
			t.Errorf("%s: masters joined = %v, want %v (clusters %v)", tc.name, got, tc.joined, res.Clusters)
		}
		if res.ClusterOf(2) != res.ClusterOf(0) {
			t.Errorf("%s: the new record should join its phone's customer", tc.name)
		}
	}
}
