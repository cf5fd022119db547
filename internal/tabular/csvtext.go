package tabular

import "unsafe"

// csvTextSlab is how much record text one block holds: about 500 rows of
// a canonical file, so the strings of a million rows are two thousand
// allocations, not a million.
const csvTextSlab = 256 << 10

// csvTextMaxShared is the longest record copied into a block; a longer one
// gets a string of its own, so a block is never mostly wasted on a tail it
// could not use.
const csvTextMaxShared = csvTextSlab / 8

// csvText makes the strings of records' cells. It copies each record's
// text into the free end of a block and returns a string over the copy:
// bytes once handed out are never written again, and a full block is
// dropped (never reused), so every string stays as immutable as one from
// string(b). A kept cell holds its whole block in memory: a caller keeping
// the values of a few scattered rows for long (map keys) should clone them.
type csvText struct {
	block []byte // len: bytes handed out; cap: the block
}

// string returns an immutable copy of b.
func (t *csvText) string(b []byte) string {
	n := len(b)
	switch {
	case n == 0:
		return ""
	case n > csvTextMaxShared:
		return string(b)
	case cap(t.block)-len(t.block) < n:
		t.block = make([]byte, 0, csvTextSlab)
	}
	at := len(t.block)
	t.block = append(t.block, b...)
	return unsafe.String(&t.block[at], n)
}
