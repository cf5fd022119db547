package sample

import (
	"io"
	"testing"
)

// BenchmarkNext measures generating one row (ns/op is per row).
func BenchmarkNext(b *testing.B) {
	g, err := New(Config{N: b.N + 1, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, _, ok := g.Next(); !ok {
			b.Fatal("ran out of rows")
		}
	}
}

// BenchmarkWriteCSV writes 100,000 rows with truth to io.Discard per op.
func BenchmarkWriteCSV(b *testing.B) {
	const n = 100_000
	b.ReportAllocs()
	b.SetBytes(0)
	for range b.N {
		if err := WriteCSV(io.Discard, Config{N: n, Seed: 1}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/row")
}
