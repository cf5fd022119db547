package dedupe

import (
	"slices"
	"testing"
)

// candidatePairs gives the same pairs whatever the number of workers it
// splits the work over: blocks of every size (all pairs, windowed), weak
// and strong keys, keys spread over the whole hash range.
func TestCandidatePairsSameForAnyWorkers(t *testing.T) {
	const records = 200_000
	profiles := make([]profile, records)
	for i := range profiles {
		d := profileData{core: string(rune('a' + i%23)), name: string(rune('a' + i%7))}
		profiles[i] = d.pack()
	}
	rng := splitmix64(9)
	var entries []keyEntry
	for b := range 40_000 {
		key := rng.next()
		size := 1 + int(rng.next()%6)
		if b%500 == 0 {
			size = 40 + int(rng.next()%200) // oversized: windowed
		}
		if b%97 == 0 {
			// A block of 33+ entries naming at most 32 records (a record
			// with a key twice): paired all-pairs, above the entries' window
			// bound.
			first := uint32(rng.next() % (records - 40))
			for k := range 33 + int(rng.next()%8) {
				entries = append(entries, keyEntry{key, first + uint32(k%(20+b%13))})
			}
			continue
		}
		for range size {
			entries = append(entries, keyEntry{key, uint32(rng.next() % records)})
		}
	}
	want := candidatePairs(slices.Clone(entries), profiles, 1)
	if len(want) < 100_000 || !slices.IsSorted(want) {
		t.Fatalf("%d pairs, sorted %v", len(want), slices.IsSorted(want))
	}
	for i := 1; i < len(want); i++ {
		if want[i] == want[i-1] {
			t.Fatalf("pair %x twice", want[i])
		}
	}
	for _, w := range []int{2, 3, 4, 8, 16} {
		if got := candidatePairs(slices.Clone(entries), profiles, w); !slices.Equal(got, want) {
			t.Errorf("%d workers: %d pairs, one worker %d (or other pairs)", w, len(got), len(want))
		}
	}
}
