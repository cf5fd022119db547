package dedupe

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/sample"
)

type scoreSink struct{ recs *record.Store }

func (s scoreSink) Record(_ *ingest.Table, r *record.Record) error { s.recs.Add(r); return nil }
func (scoreSink) Reject(*ingest.Table, ingest.Reject) error        { return nil }

// scoringInput imports n generated records and returns a matcher set up
// for them, their profiles and their candidate pairs: what score reads.
func scoringInput(tb testing.TB, n int) (*Matcher, *profileSet, []uint64, *record.Store) {
	path := filepath.Join(tb.TempDir(), "sample.csv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := sample.WriteCSV(f, sample.Config{N: n, Seed: 1}, nil); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	in, err := ingest.Open([]string{path}, ingest.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	var recs record.Store
	if _, err := in.Run(context.Background(), 0, scoreSink{&recs}); err != nil {
		tb.Fatal(err)
	}
	m, err := NewMatcher(DefaultConfig(), &in.Schema)
	if err != nil {
		tb.Fatal(err)
	}
	m.valueRoles(&recs)
	m.setEntity(&recs)
	profiles := &profileSet{list: m.profiles(&recs, 0, recs.Len(), nil)}
	m.sites = m.findSwitchboards(profiles.list)
	m.rare = m.findRareWords(profiles.list)
	pairs := candidatePairs(m.blockKeys(profiles.list, 0), profiles.list, m.workers)
	m.learn(profiles, pairs, recs.Len())
	return m, profiles, pairs, &recs
}

// BenchmarkScore measures scoring alone: every candidate pair of 50,000
// generated records compared and weighed.
func BenchmarkScore(b *testing.B) {
	m, profiles, pairs, recs := scoringInput(b, 50000)
	cpu := cpuTime()
	for b.Loop() {
		if _, _, err := m.score(context.Background(), profiles, pairs, recs.Len()); err != nil {
			b.Fatal(err)
		}
	}
	// CPU time, unlike wall time, holds on a machine shared with others.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(len(pairs)), "pairs")
}
