package dedupe

import (
	"cmp"
	"slices"
	"strings"
)

// sortEntries sorts entries by key, then record: the order of a
// comparison sort on (key, rec), by an in-place radix sort (American
// flag) on the key's bytes, most significant first, then the record's.
// Entries that compare equal are identical, so the result is the same
// bytes as any comparison sort's. At a million records it takes a third
// of slices.SortFunc's time: keys are hashes, spread evenly, so after two
// or three bytes the runs are small enough for an insertion sort.
func sortEntries(es []keyEntry) { radixEntries(es, 0) }

// entryDigits is the number of radix digits of an entry: 8 key bytes,
// then 4 record bytes.
const entryDigits = 12

// smallRun is the run length below which an insertion sort beats
// another radix pass.
const smallRun = 32

func entryDigit(e keyEntry, d int) byte {
	if d < 8 {
		return byte(e.key >> (56 - 8*d))
	}
	return byte(e.rec >> (24 - 8*(d-8)))
}

func entryLess(a, b keyEntry) bool {
	return a.key < b.key || a.key == b.key && a.rec < b.rec
}

func radixEntries(es []keyEntry, d int) {
	for ; d < entryDigits; d++ {
		if len(es) <= smallRun {
			for i := 1; i < len(es); i++ {
				for j := i; j > 0 && entryLess(es[j], es[j-1]); j-- {
					es[j], es[j-1] = es[j-1], es[j]
				}
			}
			return
		}
		var count [256]int
		for _, e := range es {
			count[entryDigit(e, d)]++
		}
		if count[entryDigit(es[0], d)] == len(es) {
			continue // one bucket: on to the next digit
		}
		var start, next [256]int
		sum := 0
		for b, c := range count {
			start[b], next[b] = sum, sum
			sum += c
		}
		for b := range 256 {
			end := start[b] + count[b]
			for next[b] < end {
				e := es[next[b]]
				for db := int(entryDigit(e, d)); db != b; db = int(entryDigit(e, d)) {
					es[next[db]], e = e, es[next[db]]
					next[db]++
				}
				es[next[b]] = e
				next[b]++
			}
		}
		for b, c := range count {
			if c > 1 {
				radixEntries(es[start[b]:start[b]+c], d+1)
			}
		}
		return
	}
}

// A windowOrder ranks every record by company core, then contact name,
// then record number: the order of an oversized block's window. Ranking
// all records once, then sorting each oversized block's ranks as plain
// numbers, costs less than comparing the blocks' strings: at a million
// records the members of oversized blocks outnumber the records.
type windowOrder struct {
	rank   []uint32 // rank[rec]
	byRank []uint32 // byRank[rank] = rec
}

func newWindowOrder(profiles []profile) *windowOrder {
	// Radix-sorted by the core's first 8 bytes, then the runs that share
	// them by the full comparison.
	es := make([]keyEntry, len(profiles))
	for i := range profiles {
		es[i] = keyEntry{prefix8(profiles[i].core()), uint32(i)}
	}
	sortEntries(es)
	o := &windowOrder{rank: make([]uint32, len(profiles)), byRank: make([]uint32, len(profiles))}
	for i, e := range es {
		o.byRank[i] = e.rec
	}
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].key == es[i].key {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(o.byRank[i:j], byCoreName(profiles))
		}
		i = j
	}
	for r, rec := range o.byRank {
		o.rank[rec] = uint32(r)
	}
	return o
}

// prefix8 is s's first 8 bytes, big-endian, zero-padded: a < b when
// prefix8(a) < prefix8(b), and equal prefixes say nothing.
func prefix8(s string) uint64 {
	var p uint64
	for i := range 8 {
		p <<= 8
		if i < len(s) {
			p |= uint64(s[i])
		}
	}
	return p
}

// sort orders distinct records by company core, name and record number.
func (o *windowOrder) sort(recs []uint32) {
	for i, r := range recs {
		recs[i] = o.rank[r]
	}
	slices.Sort(recs)
	for i, r := range recs {
		recs[i] = o.byRank[r]
	}
}

// sortPairs sorts packed pairs (lo<<32|hi) ascending, by the same
// in-place radix sort as sortEntries: equal pairs are identical, so the
// result is slices.Sort's.
func sortPairs(xs []uint64) { radixPairs(xs, 0) }

func radixPairs(xs []uint64, d int) {
	for ; d < 8; d++ {
		if len(xs) <= smallRun {
			for i := 1; i < len(xs); i++ {
				for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
					xs[j], xs[j-1] = xs[j-1], xs[j]
				}
			}
			return
		}
		shift := 56 - 8*d
		var count [256]int
		for _, x := range xs {
			count[byte(x>>shift)]++
		}
		if count[byte(xs[0]>>shift)] == len(xs) {
			continue // one bucket: on to the next digit
		}
		var start, next [256]int
		sum := 0
		for b, c := range count {
			start[b], next[b] = sum, sum
			sum += c
		}
		for b := range 256 {
			end := start[b] + count[b]
			for next[b] < end {
				x := xs[next[b]]
				for db := int(byte(x >> shift)); db != b; db = int(byte(x >> shift)) {
					xs[next[db]], x = x, xs[next[db]]
					next[db]++
				}
				xs[next[b]] = x
				next[b]++
			}
		}
		for b, c := range count {
			if c > 1 {
				radixPairs(xs[start[b]:start[b]+c], d+1)
			}
		}
		return
	}
}

// byCoreName orders records by company core, then name, then record: the
// order of an oversized block's members and of the master index.
func byCoreName(profiles []profile) func(a, b uint32) int {
	return func(a, b uint32) int {
		pa, pb := &profiles[a], &profiles[b]
		if c := strings.Compare(pa.core(), pb.core()); c != 0 {
			return c
		}
		if c := strings.Compare(pa.name(), pb.name()); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}
}
