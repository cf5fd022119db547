package record

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestStoreRoundTrip(t *testing.T) {
	var s Store
	var a, b Record
	a.Values[ID] = "C001"
	a.Values[Company] = "深圳市华强电子有限公司"
	a.Values[Notes] = strings.Repeat("长备注", 100)
	a.Extra = []string{"wx_1", ""}
	a.Source = "a.csv:2"
	b.Values[Phone] = "+8613800138000"
	b.Source = "b.xlsx:客户:9"
	s.Add(&a)
	s.Add(&b)
	if s.Len() != 2 {
		t.Fatalf("Len = %d", s.Len())
	}
	var got Record
	for i, want := range []*Record{&a, &b} {
		s.Get(i, &got)
		if got.Values != want.Values || got.Source != want.Source || len(got.Extra) != len(want.Extra) {
			t.Fatalf("record %d: got %+v, want %+v", i, got, *want)
		}
		for j := range want.Extra {
			if got.Extra[j] != want.Extra[j] {
				t.Errorf("record %d extra %d = %q, want %q", i, j, got.Extra[j], want.Extra[j])
			}
		}
	}
}

func TestSpoolRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s, err := NewSpool(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []Record
	for i := range 1000 {
		var r Record
		r.Values[ID] = strings.Repeat("x", i%300)
		r.Values[Company] = "公司" + r.Values[ID]
		r.Extra = []string{"e", r.Values[ID]}
		r.Source = "f.csv"
		want = append(want, r)
		if err := s.Add(&r); err != nil {
			t.Fatal(err)
		}
	}
	for pass := range 2 { // a spool can be read more than once
		n := 0
		err := s.Each(func(i int, r *Record) error {
			if r.Values != want[i].Values || r.Source != want[i].Source || r.Extra[1] != want[i].Extra[1] {
				t.Fatalf("pass %d record %d differs", pass, i)
			}
			n++
			return nil
		})
		if err != nil || n != 1000 {
			t.Fatalf("pass %d: %d records, err %v", pass, n, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("spool file left behind: %v", left)
	}
}

// TestStoreManyRows crosses the row blocks and joins stores, checking every
// record comes back where it was put.
func TestStoreManyRows(t *testing.T) {
	var a, b Store
	var r Record
	const n = 3*rowBlock + 17
	for i := range n {
		r.Values[ID] = strings.Repeat("x", i%50) + string(rune('a'+i%26))
		r.Source = "f.csv:" + strconv.Itoa(i)
		a.Add(&r)
		if i%3 == 0 {
			b.Add(&r)
		}
	}
	a.AddStore(&b)
	r.Source = "last"
	a.Add(&r) // a keeps writing its own block after the join
	if want := n + (n+2)/3 + 1; a.Len() != want {
		t.Fatalf("Len = %d, want %d", a.Len(), want)
	}
	var got Record
	for i := range a.Len() {
		a.Get(i, &got)
		j := i
		if i >= n {
			j = (i - n) * 3
		}
		want := "f.csv:" + strconv.Itoa(j)
		if i == a.Len()-1 {
			want = "last"
		}
		if got.Source != want {
			t.Fatalf("record %d: source %q, want %q", i, got.Source, want)
		}
	}
}

// TestStoreJoinIntoEmptyAndBigRecord joins a store into an empty one, keeps
// writing both, and stores a record larger than a block: every record comes
// back whole, and rows the joined store gets later are not the joiner's.
func TestStoreJoinIntoEmptyAndBigRecord(t *testing.T) {
	var s, o Store
	var r Record
	add := func(st *Store, src, notes string) {
		r.Source, r.Values[Notes] = src, notes
		st.Add(&r)
	}
	big := strings.Repeat("长", storeChunk) // 3 MiB: a block of its own
	add(&o, "o0", "")
	add(&o, "o1", big)
	add(&o, "o2", "x")
	s.AddStore(&o)
	add(&o, "o3", "later") // o goes on writing the block s shares
	add(&s, "s3", "y")
	add(&s, "s4", big)
	add(&s, "s5", "z")
	want := []struct{ src, notes string }{{"o0", ""}, {"o1", big}, {"o2", "x"}, {"s3", "y"}, {"s4", big}, {"s5", "z"}}
	if s.Len() != len(want) || o.Len() != 4 {
		t.Fatalf("Len = %d and %d, want %d and 4", s.Len(), o.Len(), len(want))
	}
	var got Record
	for i, w := range want {
		s.Get(i, &got)
		if got.Source != w.src || got.Values[Notes] != w.notes {
			t.Fatalf("record %d: source %q, notes of %d bytes; want %q, %d bytes", i, got.Source, len(got.Values[Notes]), w.src, len(w.notes))
		}
	}
	o.Get(3, &got)
	if got.Source != "o3" || got.Values[Notes] != "later" {
		t.Fatalf("o's record 3: %q %q", got.Source, got.Values[Notes])
	}
}
