package dedupe

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// Index is a master's blocking index: every master record's block keys,
// sorted, and the order the window of an oversized block follows. Folding
// new records into a master looks their keys up here instead of blocking
// the master again; it is saved beside the master (see WriteIndex).
type Index struct {
	n int
	// entries are the master's block keys, sorted by key, then by rank.
	entries []keyEntry
	// byRank lists the records in (company core, name, record) order;
	// keys holds their core + "\x00" + name, rank[rec] the place.
	byRank []uint32
	rank   []uint32
	keys   rankKeys
	// regions holds, by rank, the region of each record's company name:
	// with the core in keys, the company parsed, so a fold profiles the
	// master records it compares without parsing their names again.
	regions []string
}

// rankKeys holds the records' sort keys by rank in one string: a million
// strings fewer for the collector to mark at every cycle.
type rankKeys struct {
	blob string
	end  []int // end[r] is where key r ends in blob
}

func (k *rankKeys) at(r int) string {
	start := 0
	if r > 0 {
		start = k.end[r-1]
	}
	return k.blob[start:k.end[r]]
}

func (k *rankKeys) len() int { return len(k.end) }

// rankKeysBuilder appends keys in rank order.
type rankKeysBuilder struct {
	blob strings.Builder
	end  []int
}

// grow makes room for n more keys of size bytes in all.
func (b *rankKeysBuilder) grow(n, size int) {
	b.blob.Grow(size)
	b.end = slices.Grow(b.end, n)
}

func (b *rankKeysBuilder) add(key string) {
	b.blob.WriteString(key)
	b.end = append(b.end, b.blob.Len())
}

func (b *rankKeysBuilder) addBytes(key []byte) {
	b.blob.Write(key)
	b.end = append(b.end, b.blob.Len())
}

// last returns the key added last.
func (b *rankKeysBuilder) last() string {
	start := 0
	if len(b.end) > 1 {
		start = b.end[len(b.end)-2]
	}
	return b.blob.String()[start:]
}

// keys returns the keys added; the builder is not used after.
func (b *rankKeysBuilder) keys() rankKeys { return rankKeys{blob: b.blob.String(), end: b.end} }

// parsed returns master record rec's company as the index keeps it (a
// value: taken by address on the caller's stack, not one allocation per
// profile).
func (ix *Index) parsed(rec int) parsedCompany {
	r := int(ix.rank[rec])
	core, _, _ := strings.Cut(ix.keys.at(r), "\x00")
	return parsedCompany{core: core, region: ix.regions[r]}
}

// Len returns the number of master records the index covers.
func (ix *Index) Len() int { return ix.n }

// sortKey is the order of records in an oversized block's window.
func (p *profile) sortKey() string { return p.core() + "\x00" + p.name() }

// buildIndex indexes the master records profiles[:n].
func (m *Matcher) buildIndex(profiles []profile, n int) *Index {
	// The master index's rank is an oversized block's window order.
	order := newWindowOrder(profiles[:n])
	ix := &Index{n: n, byRank: order.byRank, rank: order.rank, regions: make([]string, n)}
	var keys rankKeysBuilder
	keys.grow(n, 0)
	for r, rec := range ix.byRank {
		keys.add(profiles[rec].sortKey())
		ix.regions[r] = profiles[rec].coRegion()
	}
	ix.keys = keys.keys()
	ix.entries = m.blockKeys(profiles[:n], 0)
	ix.sortEntries()
	return ix
}

// sortEntries orders the entries by key, then rank: with ranks in place
// of records, by the radix sort of sortEntries, then records again.
func (ix *Index) sortEntries() {
	for i, e := range ix.entries {
		ix.entries[i].rec = ix.rank[e.rec]
	}
	sortEntries(ix.entries)
	ix.entries = slices.Compact(ix.entries)
	for i, e := range ix.entries {
		ix.entries[i].rec = ix.byRank[e.rec]
	}
}

// lookup returns the master records holding key, in rank order.
func (ix *Index) lookup(key blockKey) []keyEntry {
	lo, hi := ix.lookupFrom(key, 0)
	return ix.entries[lo:hi]
}

// lookupFrom returns the bounds of the master records holding key,
// searching from entry from on (the end of the previous, smaller key's):
// a fold looks its blocks up in key order, and the next key is most
// often a few entries on, so a search that gallops from there reads a
// few cache lines rather than a path through the whole index.
func (ix *Index) lookupFrom(key blockKey, from int) (lo, hi int) {
	e := ix.entries
	step, lo := 1, from
	hi = from
	for hi < len(e) && e[hi].key < key {
		lo = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi, len(e))
	lo += sort.Search(hi-lo, func(i int) bool { return e[lo+i].key >= key })
	hi = lo
	for hi < len(e) && e[hi].key == key {
		hi++
	}
	return lo, hi
}

// place returns where a record with this sort key goes among the master
// records: the number of master records ordered before it.
func (ix *Index) place(key string) uint32 {
	return uint32(sort.Search(ix.keys.len(), func(r int) bool { return ix.keys.at(r) > key }))
}

// foldCandidates returns the profiles (of the new records and of the
// master records they are compared with) and the candidate pairs of a
// fold: new records against each other and against the master, never two
// master records. It builds o.Index when nil.
func (m *Matcher) foldCandidates(ctx context.Context, recs *record.Store, o *Options) (*profileSet, []uint64, error) {
	n, nm := recs.Len(), o.Master
	var set *profileSet
	if o.Index == nil {
		all := m.profiles(recs, 0, n, nil)
		o.Index = m.buildIndex(all, nm)
		set = &profileSet{list: all}
	} else {
		if o.Index.n != nm {
			return nil, nil, fmt.Errorf("the master index covers %d records, the master has %d", o.Index.n, nm)
		}
		set = &profileSet{list: make([]profile, n-nm), slot: make([]int32, n)}
		for i := range nm {
			set.slot[i] = -1
		}
		for i := nm; i < n; i++ {
			set.slot[i] = int32(i - nm)
		}
		m.parallel(n-nm, func(_, lo, hi int) {
			var r record.Record
			for i := lo; i < hi; i++ {
				recs.Get(nm+i, &r)
				set.list[i] = newProfile(&r, m.rules, m.web)
			}
		})
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	ix := o.Index
	var news []profile
	if set.slot == nil {
		news = set.list[nm:]
	} else {
		news = set.list[:n-nm]
	}
	entries := m.blockKeys(news, nm)
	// Sorted by key, then record, in parts split by the key's top bits.
	cuts := splitSorted(entries, splitParts(len(entries), m.workers), func(e keyEntry, bits, of uint64) bool { return e.key>>(64-bits) < of })
	eachPart(cuts, m.workers, func(lo, hi int) { sortEntries(entries[lo:hi]) })
	entries = slices.Compact(entries)
	place := make([]uint32, n-nm)
	m.parallel(len(place), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			place[i] = ix.place(news[i].sortKey())
		}
	})
	pairs := foldPairs(ix, entries, place, news, nm, m.workers)
	if set.slot == nil {
		return set, pairs, ctx.Err()
	}
	// Profile the master records compared, their company names parsed
	// already in the index,
	var touched []int
	for _, p := range pairs {
		if a, _ := unpack(p); int(a) < nm && set.slot[a] < 0 {
			set.slot[a] = int32(len(set.list) + len(touched))
			touched = append(touched, int(a))
		}
	}
	// and those whose pairs u is learned on, as when the index was built.
	if !m.fixed {
		for _, pr := range randomPairs(n) {
			for _, a := range pr {
				if int(a) < nm && set.slot[a] < 0 {
					set.slot[a] = int32(len(set.list) + len(touched))
					touched = append(touched, int(a))
				}
			}
		}
	}
	first := len(set.list)
	set.list = slices.Grow(set.list, len(touched))[:first+len(touched)]
	m.parallel(len(touched), func(_, lo, hi int) {
		var r record.Record
		for k := lo; k < hi; k++ {
			i := touched[k]
			recs.Get(i, &r)
			parsed := ix.parsed(i)
			set.list[first+k] = buildProfile(&r, m.rules, m.web, &parsed, true)
		}
	})
	return set, pairs, ctx.Err()
}

// foldPairs returns the candidate pairs of a fold, sorted and each once:
// entries are the new records' block keys sorted by key, place where each
// new record sorts among the master records. Work is spread like
// candidatePairs': blocks cut into one contiguous run per worker, each
// run's pairs written into its own region of one slice (sized by
// foldPairsBound, so it is allocated once), then the pairs split by their
// first record and sorted part by part.
func foldPairs(ix *Index, entries []keyEntry, place []uint32, news []profile, nm, workers int) []uint64 {
	var starts []int
	for i := range entries {
		if i == 0 || entries[i].key != entries[i-1].key {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(entries))
	nblocks := len(starts) - 1
	// One span of master entries per block, found once.
	spans := make([][2]int, nblocks)
	parts := max(1, min(workers, nblocks/1024+1))
	cuts := make([]int, parts+1)
	for p := range cuts {
		cuts[p] = nblocks * p / parts
	}
	at := make([]int, parts+1)
	eachPart(cuts, workers, func(lo, hi int) {
		from, n := 0, 0
		for g := lo; g < hi; g++ {
			a, b := ix.lookupFrom(entries[starts[g]].key, from)
			spans[g], from = [2]int{a, b}, b
			n += foldPairsBound(b-a, starts[g+1]-starts[g], entries[starts[g]].key)
		}
		at[slices.Index(cuts, lo)+1] = n
	})
	for p := range parts {
		at[p+1] += at[p]
	}
	pairs := make([]uint64, at[parts])
	outs := make([][]uint64, parts)
	eachPart(cuts, workers, func(lo, hi int) {
		p := slices.Index(cuts, lo)
		out := pairs[at[p]:at[p]:at[p+1]]
		var members []uint32
		for g := lo; g < hi; g++ {
			block := entries[starts[g]:starts[g+1]]
			members = members[:0]
			for _, e := range block {
				members = append(members, e.rec)
			}
			masters := ix.entries[spans[g][0]:spans[g][1]]
			out = foldBlockPairs(ix, block[0].key, masters, members, place, news, nm, out)
		}
		outs[p] = out
	})
	pairs = closeGaps(pairs, outs, at)
	records := uint64(len(ix.rank) + len(news))
	cuts = splitSorted(pairs, splitParts(len(pairs), workers), func(x, bits, of uint64) bool {
		return (x>>32)<<bits < of*records
	})
	eachPart(cuts, workers, func(lo, hi int) { sortPairs(pairs[lo:hi]) })
	return slices.Compact(pairs)
}

// foldPairsBound bounds the pairs foldBlockPairs appends for a block of
// news new records and masters master entries.
func foldPairsBound(masters, news int, key blockKey) int {
	if masters+news <= maxBlock {
		return news*(news-1)/2 + news*masters
	}
	w := window
	if isWeak(key) {
		w = weakWindow
	}
	return news*2*w + news*w
}

// foldBlockPairs appends the pairs of one block: its new records news
// (record indexes, ascending) and masters, the master records holding
// key. A block small enough is compared whole; in a larger one each new
// record meets the window's worth of master records on either side of its
// place, and the next new records in the same order.
func foldBlockPairs(ix *Index, key blockKey, masters []keyEntry, news []uint32, place []uint32, newProfiles []profile, nm int, out []uint64) []uint64 {
	if len(masters)+len(news) <= maxBlock {
		for x, a := range news {
			for _, b := range news[x+1:] {
				out = append(out, pack(a, b))
			}
			for _, e := range masters {
				out = append(out, pack(e.rec, a))
			}
		}
		return out
	}
	w := window
	if isWeak(key) {
		w = weakWindow
	}
	for _, a := range news {
		p := place[int(a)-nm]
		t := sort.Search(len(masters), func(i int) bool { return ix.rank[masters[i].rec] >= p })
		for i := max(0, t-w); i < min(len(masters), t+w); i++ {
			out = append(out, pack(masters[i].rec, a))
		}
	}
	if len(news) > 1 {
		sorted := slices.Clone(news)
		slices.SortFunc(sorted, func(a, b uint32) int {
			if c := cmp.Compare(place[int(a)-nm], place[int(b)-nm]); c != 0 {
				return c
			}
			if c := strings.Compare(newProfiles[int(a)-nm].sortKey(), newProfiles[int(b)-nm].sortKey()); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		for x := range sorted {
			for y := x + 1; y < len(sorted) && y <= x+w; y++ {
				out = append(out, pack(sorted[x], sorted[y]))
			}
		}
	}
	return out
}
