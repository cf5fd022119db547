package record

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// Spool keeps records in a temporary file, for commands that need a first
// pass over every record before writing any (classify's quantiles): memory
// stays flat however many records there are, and stdin can be read twice.
type Spool struct {
	f   *os.File
	w   *bufio.Writer
	n   int
	buf []byte
}

// NewSpool creates the spool file in dir ("" for the system temp folder).
func NewSpool(dir string) (*Spool, error) {
	f, err := os.CreateTemp(dir, "crmkit-spool-*")
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary file: %w", err)
	}
	return &Spool{f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// Add writes a copy of r.
func (s *Spool) Add(r *Record) error {
	s.buf = appendRecord(s.buf[:0], r)
	var head [binary.MaxVarintLen64]byte
	if _, err := s.w.Write(binary.AppendUvarint(head[:0], uint64(len(s.buf)))); err != nil {
		return err
	}
	_, err := s.w.Write(s.buf)
	s.n++
	return err
}

// Len returns the number of records written.
func (s *Spool) Len() int { return s.n }

// Each reads the records back in order. r's strings are valid only during
// the call to fn.
func (s *Spool) Each(fn func(i int, r *Record) error) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	rd := bufio.NewReaderSize(s.f, 1<<16)
	var r Record
	var buf []byte
	for i := 0; i < s.n; i++ {
		size, err := binary.ReadUvarint(rd)
		if err != nil {
			return spoolErr(err)
		}
		if cap(buf) < int(size) {
			buf = make([]byte, size)
		}
		buf = buf[:size]
		if _, err := io.ReadFull(rd, buf); err != nil {
			return spoolErr(err)
		}
		decodeRecord(string(buf), &r)
		if err := fn(i, &r); err != nil {
			return err
		}
	}
	return nil
}

func spoolErr(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("temporary file was truncated")
	}
	return err
}

// Close removes the spool file.
func (s *Spool) Close() error {
	err := s.f.Close()
	if rmErr := os.Remove(s.f.Name()); err == nil {
		err = rmErr
	}
	return err
}
