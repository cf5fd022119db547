package dedupe

import (
	"cmp"
	"slices"
	"testing"
)

// sortEntries gives the order of the comparison sort it replaced, on
// random keys with ties: repeated keys (blocks of every size, up to
// thousands of records), a record's key repeated, keys sharing their
// high bytes, records above 2^24.
func TestSortEntriesMatchesComparisonSort(t *testing.T) {
	rng := splitmix64(7)
	for round := range 40 {
		n := int(rng.next() % 50_000)
		if round < 10 {
			n = round * 7 // empty and tiny inputs
		}
		var es []keyEntry
		var keys []uint64
		for len(es) < n {
			var key uint64
			switch r := rng.next() % 10; {
			case r < 4 && len(keys) > 0:
				key = keys[rng.next()%uint64(len(keys))] // a tie on the key
			case r < 6 && len(keys) > 0:
				key = keys[rng.next()%uint64(len(keys))]&^0xffff | rng.next()&0xffff // shared high bytes
			case r < 7:
				key = rng.next() & 0xff // small keys: leading zero bytes
			default:
				key = rng.next()
			}
			keys = append(keys, key)
			size := 1 + int(rng.next()%4)
			if rng.next()%200 == 0 {
				size = 1000 + int(rng.next()%3000) // a big block
			}
			for range size {
				rec := uint32(rng.next())
				if round%2 == 0 {
					rec %= 1 << 20
				}
				es = append(es, keyEntry{key, rec})
				if rng.next()%20 == 0 {
					es = append(es, keyEntry{key, rec}) // the same entry twice
				}
			}
		}
		want := slices.Clone(es)
		slices.SortFunc(want, func(a, b keyEntry) int {
			if c := cmp.Compare(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.rec, b.rec)
		})
		sortEntries(es)
		if !slices.Equal(es, want) {
			i := 0
			for es[i] == want[i] {
				i++
			}
			t.Fatalf("round %d (%d entries): at %d got %+v, want %+v", round, len(es), i, es[i], want[i])
		}
	}
}

func benchEntries(n int) []keyEntry {
	rng := splitmix64(3)
	es := make([]keyEntry, n)
	for i := range es {
		es[i] = keyEntry{rng.next(), uint32(rng.next() % 1_000_000)}
	}
	return es
}

func BenchmarkSortEntriesRadix(b *testing.B) {
	src := benchEntries(2_000_000)
	es := make([]keyEntry, len(src))
	for b.Loop() {
		copy(es, src)
		sortEntries(es)
	}
}

func BenchmarkSortEntriesCompare(b *testing.B) {
	src := benchEntries(2_000_000)
	es := make([]keyEntry, len(src))
	for b.Loop() {
		copy(es, src)
		slices.SortFunc(es, func(a, b keyEntry) int {
			if c := cmp.Compare(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.rec, b.rec)
		})
	}
}
