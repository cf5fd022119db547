package sample

import (
	"io"
	"os"
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

// BenchmarkWriteCSV1M is the README's scale: 1,000,000 rows with truth,
// written to /dev/null (run with -benchtime=1x).
func BenchmarkWriteCSV1M(b *testing.B) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Skip(err)
	}
	defer null.Close()
	b.ReportAllocs()
	for range b.N {
		if err := WriteCSV(null, Config{N: 1_000_000, Seed: 1}, null); err != nil {
			b.Fatal(err)
		}
	}
}
