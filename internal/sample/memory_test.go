package sample

import (
	"runtime"
	"testing"
)

// TestMemoryIsBounded streams 200,000 rows and samples the live heap: the
// generator keeps only entities waiting for a duplicate, so the heap stays
// far below what 200,000 rows of strings would need.
func TestMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 200,000 rows")
	}
	const n = 200_000
	g, err := New(Config{N: n, Seed: 71, Extra: []string{"微信", "QQ"}})
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	var peak uint64
	rows, pending := 0, 0
	for {
		_, _, ok := g.Next()
		if !ok {
			break
		}
		rows++
		pending = max(pending, len(g.pending))
		if rows%20_000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	if rows != n {
		t.Fatalf("%d rows", rows)
	}
	t.Logf("peak live heap %.1f MB, %d entities pending at most", float64(peak)/(1<<20), pending)
	if peak > 100<<20 {
		t.Errorf("live heap reached %.1f MB, want under 100 MB", float64(peak)/(1<<20))
	}
}
