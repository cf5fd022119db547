package dedupe

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
