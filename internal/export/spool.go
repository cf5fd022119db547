package export

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// spoolChunk is how much of one sheet's rows is held in memory before it
// goes to disk: memory is about spoolChunk per sheet, whatever the rows.
const spoolChunk = 32 << 10

// rowSpool keeps the rows of many sheets in one temporary file, each sheet's
// rows in chunks, so that one file handle serves any number of sheets and
// the rows of a split export never wait in memory.
type rowSpool struct {
	f    *os.File
	size int64
}

// spooledRows is one sheet's share of the spool.
type spooledRows struct {
	buf    []byte
	chunks []spoolSpan
	rows   int
}

type spoolSpan struct {
	off int64
	n   int
}

func newRowSpool(dir string) (*rowSpool, error) {
	f, err := os.CreateTemp(dir, "crmkit-export-*")
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary file for the sheets: %w", err)
	}
	return &rowSpool{f: f}, nil
}

// add appends one row of cells: each cell as a length and its bytes.
func (s *rowSpool) add(r *spooledRows, cells []string) error {
	for _, c := range cells {
		r.buf = binary.AppendUvarint(r.buf, uint64(len(c)))
		r.buf = append(r.buf, c...)
	}
	r.rows++
	if len(r.buf) >= spoolChunk {
		return s.flush(r)
	}
	return nil
}

func (s *rowSpool) flush(r *spooledRows) error {
	if len(r.buf) == 0 {
		return nil
	}
	n, err := s.f.WriteAt(r.buf, s.size)
	if err != nil {
		return fmt.Errorf("cannot write the temporary file for the sheets: %w", err)
	}
	r.chunks = append(r.chunks, spoolSpan{off: s.size, n: n})
	s.size += int64(n)
	r.buf = r.buf[:0]
	return nil
}

// each reads r's rows back in order; cells is reused between calls. One
// string per chunk backs every cell of the chunk, so replay allocates per
// chunk, not per cell.
func (s *rowSpool) each(r *spooledRows, ncols int, fn func(cells []string) error) error {
	if err := s.flush(r); err != nil {
		return err
	}
	r.buf = nil // this sheet's memory is no longer needed
	cells := make([]string, ncols)
	raw := make([]byte, 0, spoolChunk*2)
	for _, span := range r.chunks {
		if cap(raw) < span.n {
			raw = make([]byte, span.n) // one row bigger than a chunk
		}
		raw = raw[:span.n]
		if _, err := s.f.ReadAt(raw, span.off); err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("cannot read the temporary file for the sheets: %w", err)
		}
		chunk := string(raw)
		for chunk != "" {
			for i := range cells {
				n, size := uvarint(chunk)
				if size <= 0 || uint64(len(chunk)-size) < n {
					return errors.New("the temporary file for the sheets is corrupt")
				}
				cells[i] = chunk[size : size+int(n)]
				chunk = chunk[size+int(n):]
			}
			if err := fn(cells); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *rowSpool) close() error {
	name := s.f.Name()
	err := s.f.Close()
	if rmErr := os.Remove(name); err == nil {
		err = rmErr
	}
	return err
}

// uvarint is binary.Uvarint for a string, so decoding needs no copy.
func uvarint(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<(7*i), i + 1
		}
		x |= uint64(b&0x7f) << (7 * i)
	}
	return 0, 0
}
