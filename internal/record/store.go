package record

import (
	"encoding/binary"
	"strings"
)

// Store keeps many records compactly, for the commands that must hold a
// whole input (dedupe, classify, assign). A Record is 400 bytes of string
// headers before any data; a stored record is one string holding its
// values length-prefixed, about the size of its CSV line.
type Store struct {
	rows   []string // each a slice of a chunk
	chunk  strings.Builder
	nExtra int
	bytes  int
	buf    []byte
}

// storeChunk is the size of the blocks rows are written into: a million
// rows are a few hundred allocations, not a million.
const storeChunk = 1 << 20

// Add appends a copy of r.
func (s *Store) Add(r *Record) {
	b := appendRecord(s.buf[:0], r)
	s.buf = b
	if s.chunk.Len()+len(b) > s.chunk.Cap() {
		// A new block; rows already written keep the old one (a Builder
		// never changes bytes it has written).
		s.chunk = strings.Builder{}
		s.chunk.Grow(max(storeChunk, len(b)))
	}
	at := s.chunk.Len()
	s.chunk.Write(b)
	s.rows = append(s.rows, s.chunk.String()[at:])
	s.bytes += len(b) + 16
	s.nExtra = max(s.nExtra, len(r.Extra))
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
	s.rows = append(s.rows, o.rows...)
	s.bytes += o.bytes
	s.nExtra = max(s.nExtra, o.nExtra)
}

// Bytes returns the memory the stored records take, roughly.
func (s *Store) Bytes() int { return s.bytes }

// Len returns the number of records.
func (s *Store) Len() int { return len(s.rows) }

// Get fills r with record i. r's strings share the store's memory; r.Extra
// is reused when it has room.
func (s *Store) Get(i int, r *Record) { decodeRecord(s.rows[i], r) }

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
