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

// benchMatcher imports n generated records and readies a matcher for
// them, as MatchWith does before profiling.
func benchMatcher(b testing.TB, n int) (*Matcher, *record.Store) {
	return fileMatcher(b, samplePath(b, n))
}

// samplePath writes a generated export of n records (seed 1) and returns
// its path.
func samplePath(tb testing.TB, n int) string {
	path := filepath.Join(tb.TempDir(), "sample.csv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := sample.WriteCSV(f, sample.Config{N: n, Seed: 1}, nil); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return path
}

type storeSink struct{ recs *record.Store }

func (s storeSink) Record(_ *ingest.Table, r *record.Record) error { s.recs.Add(r); return nil }
func (storeSink) Reject(*ingest.Table, ingest.Reject) error        { return nil }

// loadFile imports the file at path into a store.
func loadFile(tb testing.TB, path string) (*record.Store, *record.Schema) {
	in, err := ingest.Open([]string{path}, ingest.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	var recs record.Store
	if _, err := in.Run(context.Background(), 0, storeSink{&recs}); err != nil {
		tb.Fatal(err)
	}
	return &recs, &in.Schema
}

// fileMatcher imports the file at path and readies a matcher for it.
func fileMatcher(b testing.TB, path string) (*Matcher, *record.Store) {
	recs, schema := loadFile(b, path)
	m, err := NewMatcher(DefaultConfig(), schema)
	if err != nil {
		b.Fatal(err)
	}
	m.valueRoles(recs)
	m.setEntity(recs)
	return m, recs
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
		candidatePairs(m.blockKeys(profiles, 0), profiles, m.workers)
	}
}

// reportCPU reports the CPU time per operation from now until the
// returned function is called.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }
}

// BenchmarkBlockingFile is BenchmarkBlocking on the CSV file
// CRMKIT_BENCH_CSV names (a million records: run with -benchtime 1x, so
// the one run meets fresh memory as a real run does).
func BenchmarkBlockingFile(b *testing.B) {
	path := os.Getenv("CRMKIT_BENCH_CSV")
	if path == "" {
		b.Skip("CRMKIT_BENCH_CSV names no file")
	}
	m, recs := fileMatcher(b, path)
	profiles := m.profiles(recs, 0, recs.Len(), nil)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		candidatePairs(m.blockKeys(profiles, 0), profiles, m.workers)
	}
}

// BenchmarkProfilesFile is BenchmarkProfiles on the file CRMKIT_BENCH_CSV
// names.
func BenchmarkProfilesFile(b *testing.B) {
	path := os.Getenv("CRMKIT_BENCH_CSV")
	if path == "" {
		b.Skip("CRMKIT_BENCH_CSV names no file")
	}
	m, recs := fileMatcher(b, path)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		m.profiles(recs, 0, recs.Len(), nil)
	}
}
