package dedupe

import (
	"context"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// scoringInput imports n generated records and returns a matcher set up
// for them, their profiles and their candidate pairs: what score reads.
func scoringInput(tb testing.TB, n int) (*Matcher, *profileSet, []uint64, *record.Store) {
	m, recs := fileMatcher(tb, samplePath(tb, n))
	profiles := &profileSet{list: m.profiles(recs, 0, recs.Len(), nil)}
	m.sites = m.findSwitchboards(profiles.list)
	m.rare = m.findRareWords(profiles.list)
	pairs := candidatePairs(m.blockKeys(profiles.list, 0), profiles.list, m.workers)
	m.learn(profiles, pairs, recs.Len())
	return m, profiles, pairs, recs
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
