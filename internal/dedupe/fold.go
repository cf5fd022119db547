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

// parsed returns master record rec's company as the index keeps it.
func (ix *Index) parsed(rec int) *parsedCompany {
	r := int(ix.rank[rec])
	core, _, _ := strings.Cut(ix.keys.at(r), "\x00")
	return &parsedCompany{core: core, region: ix.regions[r]}
}

// Len returns the number of master records the index covers.
func (ix *Index) Len() int { return ix.n }

// sortKey is the order of records in an oversized block's window.
func (p *profile) sortKey() string { return p.core() + "\x00" + p.name() }

// buildIndex indexes the master records profiles[:n].
func (m *Matcher) buildIndex(profiles []profile, n int) *Index {
	ix := &Index{n: n, byRank: make([]uint32, n), rank: make([]uint32, n), regions: make([]string, n)}
	for i := range ix.byRank {
		ix.byRank[i] = uint32(i)
	}
	slices.SortFunc(ix.byRank, func(a, b uint32) int {
		pa, pb := &profiles[a], &profiles[b]
		if c := strings.Compare(pa.core(), pb.core()); c != 0 {
			return c
		}
		if c := strings.Compare(pa.name(), pb.name()); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	var keys rankKeysBuilder
	keys.grow(n, 0)
	for r, rec := range ix.byRank {
		ix.rank[rec] = uint32(r)
		keys.add(profiles[rec].sortKey())
		ix.regions[r] = profiles[rec].coRegion()
	}
	ix.keys = keys.keys()
	ix.entries = m.blockKeys(profiles[:n], 0)
	ix.sortEntries()
	return ix
}

func (ix *Index) sortEntries() {
	slices.SortFunc(ix.entries, func(a, b keyEntry) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(ix.rank[a.rec], ix.rank[b.rec])
	})
	ix.entries = slices.Compact(ix.entries)
}

// lookup returns the master records holding key, in rank order.
func (ix *Index) lookup(key blockKey) []keyEntry {
	lo := sort.Search(len(ix.entries), func(i int) bool { return ix.entries[i].key >= key })
	hi := lo
	for hi < len(ix.entries) && ix.entries[hi].key == key {
		hi++
	}
	return ix.entries[lo:hi]
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
	slices.SortFunc(entries, func(a, b keyEntry) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.rec, b.rec)
	})
	entries = slices.Compact(entries)
	place := make([]uint32, n-nm)
	m.parallel(len(place), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			place[i] = ix.place(news[i].sortKey())
		}
	})
	// Blocks, cut into one contiguous run per worker.
	var starts []int
	for i := range entries {
		if i == 0 || entries[i].key != entries[i-1].key {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(entries))
	parts := make([][]uint64, m.workers)
	m.parallel(len(starts)-1, func(c, lo, hi int) {
		var out []uint64
		var members []uint32
		for g := lo; g < hi; g++ {
			block := entries[starts[g]:starts[g+1]]
			members = members[:0]
			for _, e := range block {
				members = append(members, e.rec)
			}
			out = foldBlockPairs(ix, block[0].key, members, place, news, nm, out)
		}
		parts[c] = out
	})
	size := 0
	for _, p := range parts {
		size += len(p)
	}
	pairs := make([]uint64, 0, size)
	for _, p := range parts {
		pairs = append(pairs, p...)
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
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
			set.list[first+k] = buildProfile(&r, m.rules, m.web, ix.parsed(i), true)
		}
	})
	return set, pairs, ctx.Err()
}

// foldBlockPairs appends the pairs of one block: its new records news
// (record indexes, ascending) and the master records holding key. A block
// small enough is compared whole; in a larger one each new record meets
// the window's worth of master records on either side of its place, and
// the next new records in the same order.
func foldBlockPairs(ix *Index, key blockKey, news []uint32, place []uint32, newProfiles []profile, nm int, out []uint64) []uint64 {
	masters := ix.lookup(key)
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
