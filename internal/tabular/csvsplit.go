package tabular

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// Limits against hostile or broken files. encoding/csv keeps a whole record
// in memory (several copies while it grows), so a record is cut into lines
// and bounded before the parser sees it; the cell limit is checked on the
// parsed record.
const (
	// maxCSVCellChars is the longest cell accepted, in characters.
	maxCSVCellChars = 1_000_000
	// maxCSVRowBytes bounds one record: room for a maximal cell of Chinese
	// text (3 bytes a character) plus the rest of the row.
	maxCSVRowBytes = 4 << 20
	// maxCSVRowColumns is Excel's column limit; it also bounds the parser's
	// per-field bookkeeping on a line of nothing but delimiters.
	maxCSVRowColumns = 16_384
	// maxCSVRejectBytes caps the values a broken row hands to the rejects
	// file: the rejects file names the lines, the input keeps the text.
	maxCSVRejectBytes = 64 << 10
	// maxCSVUnclosedQuotes stops a file whose quoting is broken throughout:
	// each unclosed quote costs a rescan of up to maxCSVRowBytes.
	maxCSVUnclosedQuotes = 1000
)

// csvBinaryErr reports a NUL byte; offset is in the text the parser reads.
type csvBinaryErr struct {
	offset int64
	line   int
}

func (e *csvBinaryErr) Error() string { return fmt.Sprintf("NUL byte at offset %d", e.offset) }

// csvRecordKind says what csvSplitter found.
type csvRecordKind int

const (
	csvRecordOK       csvRecordKind = iota // a whole record, ready for the parser
	csvRecordUnclosed                      // a quote that is never closed (a broken span)
	csvRecordTooLong                       // a record over maxCSVRowBytes outside quotes
	csvRecordTooWide                       // a record with more than maxCSVRowColumns columns
)

// csvRecord is one record cut from the text: its bytes (valid until the
// next call) and where it is.
type csvRecord struct {
	kind      csvRecordKind
	text      []byte // csvRecordOK: the record, ending in a line break; else the start of it
	startLine int    // line of the record's first byte
	endLine   int    // last line of a broken span
	quoteCol  int    // csvRecordUnclosed: column of the quote that never closes
	quotes    int    // csvRecordUnclosed: unclosed quotes in the span
	longCol   int    // csvRecordTooLong: column of a cell over maxCSVCellChars, or 0
	last      bool   // csvRecordUnclosed: the span runs to the end of the file
}

// csvSplitter cuts decoded text into records the way encoding/csv reads them
// (a quote opens a quoted field only at the start of a field; inside one, ""
// is a quote and line breaks are text), so the parser only ever sees one
// bounded record, and a record that cannot end well is handled here:
//
//   - A quote that is never closed (by the end of the file, or within
//     maxCSVRowBytes) does not swallow the rest of the file: the lines from the
//     record's start up to the next line that reads as a record on its own
//     become one broken span, and reading resumes there. This is what
//     spreadsheet programs and csvkit report as "unterminated quote at line N".
//   - A record over maxCSVRowBytes or maxCSVRowColumns outside quotes is
//     skipped to the end of its line.
//   - A NUL byte stops the file (binary data, not text).
//
// Old Mac line endings (CR only) are turned into LF.
type csvSplitter struct {
	src    *bufio.Reader
	delim  []byte
	crOnly bool // file uses CR line endings: deliver them as LF

	back     []byte // text pushed back after a broken span, read before src
	backLine int    // line number of back's first byte
	offset   int64  // bytes read from src
	line     int    // line number of the next byte read
	eof      bool

	rec      []byte    // the record being cut
	held     csvRecord // a record cut while looking past a broken span
	hasHeld  bool
	unclosed int // unclosed quotes so far
}

func newCSVSplitter(src *bufio.Reader, delim []byte, crOnly bool) *csvSplitter {
	return &csvSplitter{src: src, delim: delim, crOnly: crOnly, line: 1}
}

// quoteScan follows encoding/csv's quoting through a record, piece by piece.
type quoteScan struct {
	state    int // scanFieldStart, scanUnquoted, scanQuoted, scanQuoteInQuoted
	columns  int // fields started so far
	openCol  int // column of the quoted field now open
	openLine int // line it opened on
}

const (
	scanFieldStart = iota
	scanUnquoted
	scanQuoted
	scanQuoteInQuoted // a quote inside a quoted field: doubled, or the end of it
)

func (q *quoteScan) reset() { *q = quoteScan{columns: 1} }

// feed scans p, a piece of line number line.
func (q *quoteScan) feed(p, delim []byte, line int) {
	for i := 0; i < len(p); {
		switch q.state {
		case scanFieldStart:
			if p[i] == '"' {
				q.state, q.openCol, q.openLine = scanQuoted, q.columns, line
				i++
				continue
			}
			q.state = scanUnquoted
		case scanUnquoted:
			// Up to the next quote only delimiters matter, and one count
			// of them beats a search for each: most pieces are whole lines
			// of short fields, and half of them have no quote at all. A
			// quote opens a quoted field only right after a delimiter.
			seg := p[i:]
			quote := bytes.IndexByte(seg, '"')
			if quote >= 0 {
				seg = seg[:quote]
			}
			n := bytes.Count(seg, delim)
			q.columns += n
			atFieldStart := n > 0 && bytes.HasSuffix(seg, delim)
			switch {
			case quote < 0:
				if atFieldStart {
					q.state = scanFieldStart
				}
				return
			case atFieldStart:
				i += quote
				q.state = scanFieldStart
			default:
				i += quote + 1 // a quote inside an unquoted field: text
			}
		case scanQuoted:
			j := bytes.IndexByte(p[i:], '"')
			if j < 0 {
				return
			}
			i += j + 1
			q.state = scanQuoteInQuoted
		case scanQuoteInQuoted:
			if p[i] == '"' {
				q.state = scanQuoted // a doubled quote
				i++
				continue
			}
			// The field is closed; anything up to the delimiter is an
			// error the parser reports, not the start of a field.
			q.state = scanUnquoted
		}
	}
}

// piece returns the next piece of a line (at most a bufio buffer), whether
// it ends the line, and the line it is on. It returns io.EOF at the end.
func (s *csvSplitter) piece() (p []byte, lineEnd bool, line int, err error) {
	if len(s.back) > 0 {
		line = s.backLine
		if i := bytes.IndexByte(s.back, '\n'); i >= 0 {
			p, s.back = s.back[:i+1], s.back[i+1:]
			s.backLine++
			s.line = s.backLine
			return p, true, line, nil
		}
		// A partial line: the rest of it follows in src.
		p, s.back = s.back, nil
		s.line = line
		return p, false, line, nil
	}
	if s.eof {
		return nil, false, s.line, io.EOF
	}
	line = s.line
	nl := byte('\n')
	if s.crOnly {
		nl = '\r'
	}
	p, err = s.src.ReadSlice(nl)
	switch err {
	case nil:
		lineEnd = true
	case bufio.ErrBufferFull:
		err = nil
	case io.EOF:
		s.eof = true
		if len(p) == 0 {
			return nil, false, line, io.EOF
		}
		err = nil
		lineEnd = true // the last line, without a line break
	default:
		return nil, false, line, err
	}
	if i := bytes.IndexByte(p, 0); i >= 0 {
		return nil, false, line, &csvBinaryErr{offset: s.offset + int64(i), line: line}
	}
	s.offset += int64(len(p))
	if s.crOnly {
		for i, b := range p {
			if b == '\r' {
				p[i] = '\n'
			}
		}
	}
	if lineEnd && p[len(p)-1] == '\n' {
		s.line++
	}
	return p, lineEnd, line, nil
}

// skipLine drops the rest of the current line.
func (s *csvSplitter) skipLine() error {
	for {
		_, lineEnd, _, err := s.piece()
		if err != nil || lineEnd {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// next returns the next record, or io.EOF.
func (s *csvSplitter) next() (csvRecord, error) {
	if s.hasHeld {
		s.hasHeld = false
		return s.held, nil
	}
	r, err := s.cut()
	if err != nil || r.kind != csvRecordUnclosed {
		return r, err
	}
	// A broken span runs on while the line after it is broken too.
	span := r
	span.text = append([]byte(nil), r.text...)
	for {
		if s.unclosed > maxCSVUnclosedQuotes {
			return csvRecord{}, errCSVTooManyUnclosed
		}
		n, err := s.cut()
		if err == io.EOF {
			span.last = true
			return span, nil
		}
		if err != nil {
			return csvRecord{}, err
		}
		if n.kind == csvRecordUnclosed && n.startLine == span.endLine+1 {
			span.endLine = n.endLine
			span.quotes += n.quotes
			if room := maxCSVRejectBytes - len(span.text) - 1; room > 0 {
				span.text = append(span.text, '\n')
				span.text = append(span.text, n.text[:min(len(n.text), room)]...)
			}
			continue
		}
		s.held, s.hasHeld = n, true
		if n.kind == csvRecordOK {
			// n.text is s.rec, which the caller reads before the next cut.
			s.held.text = n.text
		}
		return span, nil
	}
}

var errCSVTooManyUnclosed = fmt.Errorf("more than %d unclosed quotes", maxCSVUnclosedQuotes)

// cut reads one record.
func (s *csvSplitter) cut() (csvRecord, error) {
	var q quoteScan
	q.reset()
	s.rec = s.rec[:0]
	start := -1
	firstLineLen := -1 // bytes of the record's first line, once whole
	fed := 0           // bytes of s.rec the scan has seen
	for {
		p, lineEnd, line, err := s.piece()
		if err == io.EOF {
			if len(s.rec) == 0 {
				return csvRecord{}, io.EOF
			}
			if q.state == scanQuoted {
				return s.unclosedSpan(&q, start, firstLineLen, true)
			}
			lineEnd = true // a pushed-back last line without a line break
		} else if err != nil {
			return csvRecord{}, err
		} else {
			if start < 0 {
				start = line
			}
			s.rec = append(s.rec, p...)
			end := len(s.rec)
			if !lineEnd {
				// A delimiter of several bytes may be cut between two
				// pieces of a long line: its first bytes wait for the rest.
				end -= delimPrefixAtEnd(s.rec[fed:], s.delim)
			}
			q.feed(s.rec[fed:end], s.delim, line)
			fed = end
			if lineEnd && firstLineLen < 0 {
				firstLineLen = len(s.rec)
			}
			if q.columns > maxCSVRowColumns {
				return s.overLimit(csvRecordTooWide, start, lineEnd)
			}
			if len(s.rec) > maxCSVRowBytes {
				if q.state == scanQuoted || q.state == scanQuoteInQuoted {
					return s.unclosedSpan(&q, start, firstLineLen, false)
				}
				return s.overLimit(csvRecordTooLong, start, lineEnd)
			}
		}
		if !lineEnd || q.state == scanQuoted {
			continue // more of the line, or a line break inside a quoted field
		}
		if s.rec[len(s.rec)-1] != '\n' {
			s.rec = append(s.rec, '\n') // the last line of the file
		}
		return csvRecord{kind: csvRecordOK, text: s.rec, startLine: start, endLine: start}, nil
	}
}

// delimPrefixAtEnd returns how many bytes at the end of text are the
// start of delim, not all of it: 0 for a one-byte delimiter.
func delimPrefixAtEnd(text, delim []byte) int {
	for k := min(len(delim)-1, len(text)); k > 0; k-- {
		if bytes.HasSuffix(text, delim[:k]) {
			return k
		}
	}
	return 0
}

// overLimit skips the rest of an over-long line and reports it.
func (s *csvSplitter) overLimit(kind csvRecordKind, start int, lineEnd bool) (csvRecord, error) {
	r := csvRecord{kind: kind, text: s.rec[:min(len(s.rec), maxCSVRejectBytes)], startLine: start, endLine: start}
	if kind == csvRecordTooLong {
		r.longCol = longRawCell(s.rec, s.delim)
	}
	if !lineEnd {
		if err := s.skipLine(); err != nil {
			return csvRecord{}, err
		}
	}
	r.endLine = s.line - 1
	if r.endLine < start {
		r.endLine = start
	}
	return r, nil
}

// unclosedSpan rejects the first line of a record whose quote never closes
// and pushes the lines after it back, to be read again as records.
func (s *csvSplitter) unclosedSpan(q *quoteScan, start, firstLineLen int, atEOF bool) (csvRecord, error) {
	s.unclosed++
	r := csvRecord{kind: csvRecordUnclosed, startLine: start, endLine: start, quoteCol: q.openCol, quotes: 1}
	if q.openLine != start {
		r.quoteCol = 0 // opened on a later line of the record; that line follows
	}
	if firstLineLen < 0 {
		// The first line alone is over the limit: drop the rest of it.
		r.text = s.rec[:min(len(s.rec), maxCSVRejectBytes)]
		if !atEOF {
			if err := s.skipLine(); err != nil {
				return csvRecord{}, err
			}
		}
		return r, nil
	}
	first := s.rec[:firstLineLen]
	rest := s.rec[firstLineLen:]
	if len(rest) > 0 {
		back := make([]byte, 0, len(rest)+len(s.back))
		back = append(append(back, rest...), s.back...)
		s.back, s.backLine = back, start+1
		s.line = start + 1
	}
	r.text = bytes.TrimRight(first[:min(len(first), maxCSVRejectBytes)], "\r\n")
	return r, nil
}

// longRawCell returns the 1-based column of the first cell of text (cut at
// the delimiter) longer than maxCSVCellChars, or 0.
func longRawCell(text, delim []byte) int {
	for col := 1; len(text) > 0; col++ {
		cell := text
		if i := bytes.Index(text, delim); i >= 0 {
			cell, text = text[:i], text[i+len(delim):]
		} else {
			text = nil
		}
		if len(cell) > maxCSVCellChars && utf8.RuneCount(cell) > maxCSVCellChars {
			return col
		}
	}
	return 0
}

// cutBack handles a record of several lines the parser could not read (a
// quote closed lines later, with text after it: most often one quote never
// closed and another taken for its end). Like an unclosed quote, its first
// line becomes a broken span and the lines after it are read again, so the
// rows between the two quotes are not lost in one reject. rec must be the
// record next returned last.
func (s *csvSplitter) cutBack(rec csvRecord) (csvRecord, bool) {
	i := bytes.IndexByte(rec.text, '\n')
	if i < 0 || i == len(rec.text)-1 {
		return csvRecord{}, false // one line: the parser's own problem stands
	}
	first, rest := rec.text[:i+1], rec.text[i+1:]
	var q quoteScan
	q.reset()
	q.feed(first, s.delim, rec.startLine)
	back := make([]byte, 0, len(rest)+len(s.back))
	back = append(append(back, rest...), s.back...)
	s.back, s.backLine = back, rec.startLine+1
	s.line = rec.startLine + 1
	s.unclosed++
	out := csvRecord{kind: csvRecordUnclosed, startLine: rec.startLine, endLine: rec.startLine, quotes: 1,
		text: bytes.TrimRight(first[:min(len(first), maxCSVRejectBytes)], "\r\n")}
	if q.state == scanQuoted {
		out.quoteCol = q.openCol
	}
	return out, true
}
