package tabular

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
)

// Limits against hostile or broken files. encoding/csv keeps a whole record
// in memory (several copies while it grows), so a record must be bounded
// before the parser sees it; the cell limit is checked on the parsed record.
const (
	// maxCSVCellChars is the longest cell accepted, in characters.
	maxCSVCellChars = 1_000_000
	// maxCSVRowBytes bounds one record: room for a maximal cell of Chinese
	// text (3 bytes a character) plus the rest of the row.
	maxCSVRowBytes = 4 << 20
	// maxCSVRowColumns is Excel's column limit; it also bounds the parser's
	// per-field bookkeeping on a line of nothing but delimiters.
	maxCSVRowColumns = 16_384
)

var (
	errCSVRowTooLong     = errors.New("row too long")
	errCSVTooManyColumns = errors.New("too many columns")
)

// csvBinaryErr reports a NUL byte; offset is in the text the parser reads.
type csvBinaryErr struct{ offset int64 }

func (e *csvBinaryErr) Error() string { return fmt.Sprintf("NUL byte at offset %d", e.offset) }

// csvRowGuard sits between the decoded text and the CSV parser. It enforces
// maxCSVRowBytes and maxCSVRowColumns per record, stops at the first NUL byte,
// and turns old Mac line endings (CR only) into LF.
//
// The parser reads through its own buffer, so the guard sees bytes up to one
// buffer ahead of the record being parsed: its counts are per call to
// startRow, accurate to within one buffer (64 KiB). A limit trips only at the
// start of a Read, so the error reaches the parser inside the offending
// line, never after a complete record.
type csvRowGuard struct {
	src    *bufio.Reader
	delim  []byte
	crOnly bool // file uses CR line endings: deliver them as LF

	offset  int64 // bytes delivered so far
	bytes   int   // bytes delivered since startRow
	columns int   // delimiters delivered since startRow
	lastNL  bool  // last byte delivered was a line break
	skip    bool  // drop the rest of the current line after a trip
	pending error // error to return at the next Read
}

// startRow resets the per-record counts; call it before reading a record.
func (g *csvRowGuard) startRow() {
	g.bytes = 0
	g.columns = 0
}

func (g *csvRowGuard) Read(p []byte) (int, error) {
	if g.pending != nil {
		err := g.pending
		if _, ok := err.(*csvBinaryErr); !ok {
			g.pending = nil
		}
		return 0, err
	}
	if g.skip {
		if err := g.skipLine(); err != nil {
			return 0, err
		}
	}
	switch {
	case g.bytes >= maxCSVRowBytes:
		return 0, g.trip(errCSVRowTooLong)
	case g.columns >= maxCSVRowColumns:
		return 0, g.trip(errCSVTooManyColumns)
	}
	n, err := g.src.Read(p)
	if n == 0 {
		return 0, err
	}
	p = p[:n]
	if i := bytes.IndexByte(p, 0); i >= 0 {
		// Deliver the text before the NUL so the parser fails on the
		// record that contains it.
		g.pending = &csvBinaryErr{offset: g.offset + int64(i)}
		p = p[:i]
		n = i
		err = nil
		if n == 0 {
			return 0, g.pending
		}
	}
	if g.crOnly {
		for i, b := range p {
			if b == '\r' {
				p[i] = '\n'
			}
		}
	}
	g.offset += int64(n)
	g.bytes += n
	g.columns += bytes.Count(p, g.delim)
	g.lastNL = p[n-1] == '\n'
	return n, err
}

// trip returns err and arranges for the rest of the offending line to be
// skipped, so the parser resumes at a line boundary.
func (g *csvRowGuard) trip(err error) error {
	g.skip = !g.lastNL
	g.bytes = 0
	g.columns = 0
	return err
}

func (g *csvRowGuard) skipLine() error {
	nl := byte('\n')
	if g.crOnly {
		nl = '\r'
	}
	for {
		chunk, err := g.src.ReadSlice(nl)
		g.offset += int64(len(chunk))
		if err == bufio.ErrBufferFull {
			continue
		}
		g.skip = false
		g.lastNL = true
		return err
	}
}
