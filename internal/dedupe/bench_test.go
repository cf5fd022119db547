package dedupe_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/crmkit/crmkit/internal/dedupe"
)

// BenchmarkMatch measures matching alone — profiles, blocking, scoring,
// clustering — on 50,000 generated records.
func BenchmarkMatch(b *testing.B) {
	recs, schema := dedupe.LoadSample(b, 50000)
	m, err := dedupe.NewMatcher(dedupe.DefaultConfig(), schema)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := m.Match(context.Background(), recs)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Compared)/float64(recs.Len()), "pairs/record")
	}
}

// TestMatchIsDeterministic checks that the clusters do not depend on the
// number of workers.
func TestMatchIsDeterministic(t *testing.T) {
	recs, schema := dedupe.LoadSample(t, 4000)
	var first []int
	for _, workers := range []int{1, 2, 3, 8} {
		cfg := dedupe.DefaultConfig()
		cfg.Workers = workers
		m, err := dedupe.NewMatcher(cfg, schema)
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.Match(context.Background(), recs)
		if err != nil {
			t.Fatal(err)
		}
		got := make([]int, recs.Len())
		for i := range got {
			got[i] = res.ClusterOf(i)
		}
		if first == nil {
			first = got
			if len(res.Clusters) == recs.Len() {
				t.Fatal("nothing matched")
			}
			continue
		}
		for i := range got {
			if got[i] != first[i] {
				t.Fatalf("workers=%d: record %d in cluster %d, with 1 worker %d", workers, i, got[i], first[i])
			}
		}
	}
}

// An index of a few thousand records (entries read in several chunks)
// reads back to the same bytes and the same fold.
func TestIndexRoundTripAtSize(t *testing.T) {
	recs, schema := dedupe.LoadSample(t, 8000)
	m, err := dedupe.NewMatcher(dedupe.DefaultConfig(), schema)
	if err != nil {
		t.Fatal(err)
	}
	nm := 7000
	res, err := m.MatchWith(context.Background(), recs, dedupe.Options{Master: nm})
	if err != nil {
		t.Fatal(err)
	}
	var first, second bytes.Buffer
	if err := dedupe.WriteIndex(&first, res.Index, "fp"); err != nil {
		t.Fatal(err)
	}
	ix, err := dedupe.ReadIndex(bytes.NewReader(first.Bytes()), "fp", -1)
	if err != nil {
		t.Fatal(err)
	}
	if ix.Len() != nm {
		t.Fatalf("index of %d records, want %d", ix.Len(), nm)
	}
	if err := dedupe.WriteIndex(&second, ix, "fp"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("the index read back writes other bytes")
	}
	again, err := m.MatchWith(context.Background(), recs, dedupe.Options{Master: nm, Index: ix})
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs.Len() {
		if again.ClusterOf(i) != res.ClusterOf(i) {
			t.Fatalf("record %d: cluster %d with the saved index, %d without", i, again.ClusterOf(i), res.ClusterOf(i))
		}
	}
}
