package dedupe

// Scoring reads pairs in order of their first record, so the second one
// is a random record: its profile, packed strings and lists are three
// cache misses in a row, and at a million records waiting for memory was
// half of scoring's time. score therefore warms the profiles of the pairs
// a few batches ahead: the struct first, then (once the struct is in
// cache) what it points to, a batch's loads issued together so that the
// memory fetches overlap instead of queueing.

// warmBatch is how many pairs are warmed at a time.
const warmBatch = 16

// warmPairs warms the profiles of pairs[i+warmBatch : i+3·warmBatch) (up
// to hi): the structs of the farther batch, what the structs of the
// nearer one point to. It returns a value made of what it read, which
// the caller keeps, so the reads are not optimized away.
func warmPairs(profiles *profileSet, pairs []uint64, i, hi int) uint64 {
	var x uint64
	for j := i + 2*warmBatch; j < min(hi, i+3*warmBatch); j++ {
		x += warmStruct(profiles.get(int(uint32(pairs[j]))))
	}
	for j := i + warmBatch; j < min(hi, i+2*warmBatch); j++ {
		x += warmData(profiles.get(int(uint32(pairs[j]))))
	}
	return x
}

// warmStruct reads a word of each cache line a profile struct spans.
func warmStruct(p *profile) uint64 {
	return uint64(len(p.blob)) ^ uint64(len(p.lists)) ^ p.digest ^ uint64(p.coLetters)
}

// warmData reads a byte of each cache line of the profile's strings, its
// first list entry and its first phone.
func warmData(p *profile) uint64 {
	var x uint64
	n := len(p.blob)
	for k := 0; k < n; k += 64 {
		x ^= uint64(p.blob[k])
	}
	if n > 0 {
		x ^= uint64(p.blob[n-1])
	}
	if len(p.lists) > 0 {
		x ^= uint64(len(p.lists[0]))
	}
	if len(p.phones) > 0 {
		x ^= p.phones[0].value
	}
	return x
}
