package dedupe

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/sample"
)

type benchSink struct{ recs *record.Store }

func (s benchSink) Record(_ *ingest.Table, r *record.Record) error { s.recs.Add(r); return nil }
func (benchSink) Reject(*ingest.Table, ingest.Reject) error        { return nil }

// benchMatcher imports n generated records and readies a matcher for
// them, as MatchWith does before profiling.
func benchMatcher(b testing.TB, n int) (*Matcher, *record.Store) {
	path := filepath.Join(b.TempDir(), "sample.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := sample.WriteCSV(f, sample.Config{N: n, Seed: 1}, nil); err != nil {
		b.Fatal(err)
	}
	f.Close()
	in, err := ingest.Open([]string{path}, ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	var recs record.Store
	if _, err := in.Run(context.Background(), 0, benchSink{&recs}); err != nil {
		b.Fatal(err)
	}
	m, err := NewMatcher(DefaultConfig(), &in.Schema)
	if err != nil {
		b.Fatal(err)
	}
	m.valueRoles(&recs)
	m.setEntity(&recs)
	return m, &recs
}

// BenchmarkProfiles measures building the profiles of 50,000 generated
// records.
func BenchmarkProfiles(b *testing.B) {
	m, recs := benchMatcher(b, 50000)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		m.profiles(recs, 0, recs.Len(), nil)
	}
}

// BenchmarkBlocking measures the block keys and candidate pairs of 50,000
// generated records.
func BenchmarkBlocking(b *testing.B) {
	m, recs := benchMatcher(b, 50000)
	profiles := m.profiles(recs, 0, recs.Len(), nil)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		entries, bounds := m.sortedBlockKeys(profiles)
		pairsOfSorted(entries, bounds, profiles, m.workers)
	}
}

// sortedBlockKeys gives the entries blockKeys gives, sorted as
// slices.SortFunc sorts them, with bounds that split them by top byte; and
// pairing them gives candidatePairs' pairs, whatever the number of
// workers.
func TestSortedBlockKeys(t *testing.T) {
	m, recs := benchMatcher(t, 3000)
	profiles := m.profiles(recs, 0, recs.Len(), nil)
	want := m.blockKeys(profiles, 0)
	slices.SortFunc(want, func(a, b keyEntry) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return cmp.Compare(a.rec, b.rec)
	})
	wantPairs := candidatePairs(slices.Clone(want), profiles, 1)
	if len(wantPairs) < 1000 {
		t.Fatalf("%d pairs: too few to test", len(wantPairs))
	}
	for _, w := range []int{1, 2, 3, 8} {
		m.workers = w
		got, bounds := m.sortedBlockKeys(profiles)
		if !slices.Equal(got, want) {
			t.Fatalf("%d workers: entries not blockKeys' sorted", w)
		}
		if len(bounds) != 257 || bounds[0] != 0 || bounds[256] != len(got) {
			t.Fatalf("%d workers: bounds %v", w, bounds)
		}
		for b := range 256 {
			for _, e := range got[bounds[b]:bounds[b+1]] {
				if e.key>>56 != uint64(b) {
					t.Fatalf("%d workers: key %x in the run of top byte %d", w, e.key, b)
				}
			}
		}
		if pairs := pairsOfSorted(got, bounds, profiles, w); !slices.Equal(pairs, wantPairs) {
			t.Fatalf("%d workers: %d pairs, candidatePairs %d (or other pairs)", w, len(pairs), len(wantPairs))
		}
	}
}

// BenchmarkBlockingJoined is BenchmarkBlocking by the keys joined in
// record order, then split and sorted (the fold's path): the reference
// sortedBlockKeys is measured against.
func BenchmarkBlockingJoined(b *testing.B) {
	m, recs := benchMatcher(b, 50000)
	profiles := m.profiles(recs, 0, recs.Len(), nil)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		candidatePairs(m.blockKeys(profiles, 0), profiles, m.workers)
	}
}

// reportCPU reports the CPU time per operation from now until the
// returned function is called.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }
}
