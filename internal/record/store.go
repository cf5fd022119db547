package record

import (
	"encoding/binary"
	"unsafe"
)

// Store keeps many records compactly, for the commands that must hold a
// whole input (dedupe, classify, assign). A Record is 400 bytes of string
// headers before any data; a stored record is its values length-prefixed,
// about the size of its CSV line, in a large block shared with others.
type Store struct {
	// rows locate each record in chunks. They hold no pointers, so the
	// collector never scans them: at a million records that is a million
	// pointers less to follow in every collection of every later step.
	rows   [][]rowRef // in blocks of rowBlock: growing never copies them
	n      int
	chunks []string // the blocks, each as much as has been written of it
	// chunk is the block being written. Records are only appended to it,
	// within its capacity, so the bytes chunks[cur] already shows never
	// change (the promise strings.Builder makes).
	chunk  []byte
	cur    int // index in chunks of the block chunk is writing
	nExtra int
	bytes  int
	buf    []byte
	// kept: the store lives as long as the process (see KeepForLife)
	kept bool
}

// rowRef is where one encoded record lies: chunks[chunk][off:off+n].
type rowRef struct{ chunk, off, n uint32 }

// rowBlock is how many rows one block of rows holds.
const rowBlock = 1 << 14

// storeChunk is the size of the blocks rows are written into: a million
// rows are a few hundred allocations, not a million.
const storeChunk = 1 << 20

// Add appends a copy of r.
func (s *Store) Add(r *Record) {
	b := appendRecord(s.buf[:0], r)
	s.buf = b
	if len(s.chunk)+len(b) > cap(s.chunk) || len(s.chunks) == 0 {
		// A new block; rows already written keep the old one.
		s.chunk = s.newChunk(len(b))
		s.cur = len(s.chunks)
		s.chunks = append(s.chunks, "")
	}
	at := len(s.chunk)
	s.chunk = append(s.chunk, b...) // fits: the block never moves
	s.chunks[s.cur] = unsafe.String(unsafe.SliceData(s.chunk), len(s.chunk))
	s.addRow(rowRef{chunk: uint32(s.cur), off: uint32(at), n: uint32(len(b))})
	s.bytes += len(b) + 16
	s.nExtra = max(s.nExtra, len(r.Extra))
}

// KeepForLife says the store is kept until the process exits, as a
// command's only copy of its input is (assign's, export's). Once it holds
// more than keptOnHeap bytes, its blocks are then mapped outside the Go
// heap, where the kernel may back them with huge pages (see arenaBlock):
// the collector no longer counts hundreds of megabytes of records it never
// frees toward its next collection, so the garbage of reading the input is
// collected and its memory used again instead of fresh pages being
// faulted in, and the blocks themselves fault in 2 MiB at a time. Those
// blocks are never unmapped — strings from Get may outlive the store — so
// a store that is dropped early must not be kept this way. Records read
// back are the same either way.
func (s *Store) KeepForLife() { s.kept = true }

// keptOnHeap is how much of a kept store stays on the heap, so that small
// inputs (and tests) never map memory of their own.
const keptOnHeap = 16 << 20

// newChunk returns an empty block with room for at least n bytes.
func (s *Store) newChunk(n int) []byte {
	if s.kept && len(s.chunks)*storeChunk >= keptOnHeap {
		if b := arenaBlock(max(arenaChunk, n)); b != nil {
			return b
		}
	}
	return make([]byte, 0, max(storeChunk, n))
}

// addRow appends ref. The first block grows as a slice does, so a small
// store stays small; the next ones are made full size at once.
func (s *Store) addRow(ref rowRef) {
	last := len(s.rows) - 1
	if last < 0 || len(s.rows[last]) == rowBlock {
		var block []rowRef
		if last >= 0 {
			block = make([]rowRef, 0, rowBlock)
		}
		s.rows = append(s.rows, block)
		last++
	}
	s.rows[last] = append(s.rows[last], ref)
	s.n++
}

// appendRecord encodes r: every value length-prefixed, canonical fields,
// then the number of extra values and those, then the lineage.
func appendRecord(b []byte, r *Record) []byte {
	for _, v := range r.Values {
		b = appendValue(b, v)
	}
	b = binary.AppendUvarint(b, uint64(len(r.Extra)))
	for _, v := range r.Extra {
		b = appendValue(b, v)
	}
	return appendValue(b, r.Source)
}

func appendValue(b []byte, v string) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

// AddStore appends o's records (sharing their memory, not copied).
func (s *Store) AddStore(o *Store) {
	base := uint32(len(s.chunks))
	s.chunks = append(s.chunks, o.chunks...)
	for _, block := range o.rows {
		for _, ref := range block {
			ref.chunk += base
			s.addRow(ref)
		}
	}
	s.bytes += o.bytes
	s.nExtra = max(s.nExtra, o.nExtra)
}

// Bytes returns the memory the stored records take, roughly.
func (s *Store) Bytes() int { return s.bytes }

// Len returns the number of records.
func (s *Store) Len() int { return s.n }

// Get fills r with record i. r's strings share the store's memory; r.Extra
// is reused when it has room.
func (s *Store) Get(i int, r *Record) {
	ref := s.rows[i/rowBlock][i%rowBlock]
	decodeRecord(s.chunks[ref.chunk][ref.off:ref.off+ref.n], r)
}

// decodeRecord fills r from an encoded row; r's strings share row.
func decodeRecord(row string, r *Record) {
	next := func() string {
		n := uvarint(&row)
		v := row[:n]
		row = row[n:]
		return v
	}
	for f := range r.Values {
		r.Values[f] = next()
	}
	n := uvarint(&row)
	r.Extra = r.Extra[:0]
	for range int(n) {
		r.Extra = append(r.Extra, next())
	}
	r.Source = next()
}

// uvarint reads a varint from the front of *s (as written by
// binary.AppendUvarint) and advances past it.
func uvarint(s *string) int {
	var n, shift int
	for i := 0; i < len(*s); i++ {
		c := (*s)[i]
		n |= int(c&0x7f) << shift
		if c < 0x80 {
			*s = (*s)[i+1:]
			return n
		}
		shift += 7
	}
	panic("record: corrupt store")
}
