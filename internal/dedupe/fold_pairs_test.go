package dedupe

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/sample"
)

type foldTestSink struct{ recs *record.Store }

func (s foldTestSink) Record(_ *ingest.Table, r *record.Record) error { s.recs.Add(r); return nil }
func (foldTestSink) Reject(*ingest.Table, ingest.Reject) error        { return nil }

// generatedStore imports a generated export of n records.
func generatedStore(t *testing.T, n int) (*record.Store, *record.Schema) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.WriteCSV(f, sample.Config{N: n, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	in, err := ingest.Open([]string{path}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var recs record.Store
	if _, err := in.Run(context.Background(), 0, foldTestSink{&recs}); err != nil {
		t.Fatal(err)
	}
	return &recs, &in.Schema
}

// foldPairs, spread over workers with its lookups galloping from the last
// block's, finds exactly the pairs of looking every block up on its own,
// one block after the other.
func TestFoldPairsSameAsBlockByBlock(t *testing.T) {
	recs, schema := generatedStore(t, 12000)
	m, err := NewMatcher(DefaultConfig(), schema)
	if err != nil {
		t.Fatal(err)
	}
	n, nm := recs.Len(), recs.Len()-2500
	profiles := m.profiles(recs, 0, n, nil)
	ix := m.buildIndex(profiles, nm)
	news := profiles[nm:]
	entries := m.blockKeys(news, nm)
	sortEntries(entries)
	entries = slices.Compact(entries)
	place := make([]uint32, n-nm)
	for i := range place {
		place[i] = ix.place(news[i].sortKey())
	}

	var want []uint64
	blocks, oversized := 0, 0
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].key == entries[i].key {
			j++
		}
		var members []uint32
		for _, e := range entries[i:j] {
			members = append(members, e.rec)
		}
		masters := ix.lookup(entries[i].key)
		blocks++
		if len(masters)+len(members) > maxBlock {
			oversized++
		}
		want = foldBlockPairs(ix, entries[i].key, masters, members, place, news, nm, want)
		i = j
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if blocks < 4*1024 || oversized == 0 || len(want) == 0 {
		t.Fatalf("the sample does not exercise the split: %d blocks, %d oversized, %d pairs", blocks, oversized, len(want))
	}
	for _, workers := range []int{1, 2, 4} {
		if got := foldPairs(ix, entries, place, news, nm, workers); !slices.Equal(got, want) {
			t.Fatalf("%d workers: %d pairs, block by block %d", workers, len(got), len(want))
		}
	}
}

// lookupFrom finds a key's entries from any earlier starting point.
func TestIndexLookupFrom(t *testing.T) {
	ix := &Index{entries: []keyEntry{{2, 0}, {2, 1}, {5, 0}, {7, 0}, {7, 1}, {7, 2}, {9, 0}}}
	for key, want := range map[blockKey][2]int{1: {0, 0}, 2: {0, 2}, 3: {2, 2}, 5: {2, 3}, 7: {3, 6}, 9: {6, 7}, 10: {7, 7}} {
		for from := 0; from <= want[0]; from++ {
			if lo, hi := ix.lookupFrom(key, from); lo != want[0] || hi != want[1] {
				t.Errorf("key %d from %d: [%d,%d), want %v", key, from, lo, hi, want)
			}
		}
	}
}

// On a generated master, with records kept, changed, dropped and added,
// the index an IndexBuilder streams is the one built from scratch.
func TestIndexBuilderMatchesRebuildGenerated(t *testing.T) {
	recs, schema := generatedStore(t, 6000)
	m, err := NewMatcher(DefaultConfig(), schema)
	if err != nil {
		t.Fatal(err)
	}
	nm := 5000
	old := m.buildIndex(m.profiles(recs, 0, nm, nil), nm)
	b := m.NewIndexBuilder(old)
	var out record.Store
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		switch {
		case i < nm && i%7 == 3: // merged away
			continue
		case i < nm && i%5 == 1: // changed
			r.Values[record.Name] += "子"
			b.Add(&r)
		case i < nm:
			b.Keep(i)
		default: // new
			b.Add(&r)
		}
		out.Add(&r)
	}
	want := m.buildIndex(m.profiles(&out, 0, out.Len(), nil), out.Len())
	checkStreamedIndex(t, b, want)
}
