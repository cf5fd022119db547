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

// windowOrder sorts an oversized block's members as the comparison on
// (company core, name, record) it replaced: ties on the core, on the
// name and on both, empty strings, one string a prefix of another.
func TestWindowOrderMatchesComparisonSort(t *testing.T) {
	rng := splitmix64(11)
	words := []string{"", "a", "ab", "abc", "b", "乐辰服饰", "乐晨服饰", "acme", "acme trading", "acme travel", "ab\x00", "ab\x00c"}
	profiles := make([]profile, 5000)
	for i := range profiles {
		d := profileData{core: words[rng.next()%uint64(len(words))], name: words[rng.next()%uint64(len(words))]}
		profiles[i] = d.pack()
	}
	order := newWindowOrder(profiles)
	for range 200 {
		seen := map[uint32]bool{}
		var members []uint32
		for n := 33 + int(rng.next()%500); len(members) < n; {
			r := uint32(rng.next() % uint64(len(profiles)))
			if !seen[r] {
				seen[r] = true
				members = append(members, r)
			}
		}
		want := slices.Clone(members)
		slices.SortFunc(want, byCoreName(profiles))
		order.sort(members)
		if !slices.Equal(members, want) {
			t.Fatalf("got %v, want %v", members, want)
		}
	}
}

// sortPairs gives slices.Sort's order on pairs with repeats, records
// sharing their high bytes, and small and large record numbers.
func TestSortPairsMatchesComparisonSort(t *testing.T) {
	rng := splitmix64(5)
	for round := range 30 {
		n := int(rng.next() % 100_000)
		if round < 10 {
			n = round * 7
		}
		xs := make([]uint64, 0, n)
		for len(xs) < n {
			lo, hi := uint32(rng.next()%(1<<20)), uint32(rng.next()%(1<<20))
			switch round % 3 {
			case 0:
				lo, hi = uint32(rng.next()), uint32(rng.next())
			case 1: // dense: pairs that differ in their last byte only
				lo, hi = uint32(rng.next()%16), uint32(rng.next()%512)
			}
			if rng.next()%4 == 0 && len(xs) > 0 {
				lo = uint32(xs[rng.next()%uint64(len(xs))] >> 32) // a record's many pairs
			}
			xs = append(xs, pack(lo, hi))
			if rng.next()%10 == 0 {
				xs = append(xs, pack(lo, hi)) // a pair from two blocks
			}
		}
		want := slices.Clone(xs)
		slices.Sort(want)
		sortPairs(xs)
		if !slices.Equal(xs, want) {
			t.Fatalf("round %d: %d pairs out of order", round, len(xs))
		}
	}
}

func benchPairs(n int) []uint64 {
	rng := splitmix64(3)
	xs := make([]uint64, n)
	for i := range xs {
		xs[i] = pack(uint32(rng.next()%1_000_000), uint32(rng.next()%1_000_000))
	}
	return xs
}

func BenchmarkSortPairsRadix(b *testing.B) {
	src := benchPairs(4_000_000)
	xs := make([]uint64, len(src))
	for b.Loop() {
		copy(xs, src)
		sortPairs(xs)
	}
}

func BenchmarkSortPairsCompare(b *testing.B) {
	src := benchPairs(4_000_000)
	xs := make([]uint64, len(src))
	for b.Loop() {
		copy(xs, src)
		slices.Sort(xs)
	}
}
