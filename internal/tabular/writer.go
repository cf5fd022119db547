package tabular

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CSVWriter writes delimited text: canonical CSV (UTF-8, no BOM, comma) by
// default. It writes what encoding/csv writes (fields quoted when they
// hold the delimiter, a quote or a line break, start with a space, or are
// `\.`; "\n" line ends), a row at a time straight into its own buffer.
type CSVWriter struct {
	*CSVFormat
	w   io.Writer
	buf []byte // rows not yet written to w
	err error  // the first error writing to w: every later call returns it
}

// CSVFormat formats rows as CSVWriter writes them, into the caller's
// buffer (for rows formatted on several goroutines, one CSVFormat each).
//
// Most rows need no quotes at all, and checking each field byte by byte
// for the four bytes that call for them was the writer's main cost. So a
// row is first written as it stands and checked whole: a few vectorised
// scans of its bytes, and one look at each field's first byte. Only in a
// row that fails the check are the fields that need quotes found, and
// quoted where they stand.
type CSVFormat struct {
	comma rune
	delim []byte    // comma in UTF-8
	sep   string    // the same
	quote []fieldAt // scratch: the fields of a row to quote
}

// csvFlushAt is how much the writer buffers before writing through.
const csvFlushAt = 256 << 10

// NewCSVFormat formats rows with the delimiter (',' when 0).
func NewCSVFormat(delim rune) (*CSVFormat, error) {
	if delim == 0 {
		delim = ','
	}
	if delim == '"' || delim == '\r' || delim == '\n' || !utf8.ValidRune(delim) || delim == utf8.RuneError {
		return nil, errors.New("csv: invalid field or comment delimiter")
	}
	return &CSVFormat{comma: delim, delim: utf8.AppendRune(nil, delim), sep: string(delim)}, nil
}

// NewCSVWriter writes to w with the delimiter (',' when 0); bom prefixes
// a UTF-8 byte-order mark for Excel.
func NewCSVWriter(w io.Writer, delim rune, bom bool) (*CSVWriter, error) {
	f, err := NewCSVFormat(delim)
	if err != nil {
		return nil, err
	}
	cw := &CSVWriter{CSVFormat: f, w: w, buf: make([]byte, 0, csvFlushAt+4<<10)}
	if bom {
		cw.buf = append(cw.buf, "\uFEFF"...)
	}
	return cw, nil
}

// Write writes one row.
func (w *CSVWriter) Write(row []string) error {
	if w.err != nil {
		return w.err
	}
	w.buf = w.AppendRow(w.buf, row)
	if len(w.buf) >= csvFlushAt {
		return w.writeOut()
	}
	return nil
}

// AppendRow appends row, as CSVWriter.Write writes it, to b. The row is
// appended as it stands, and that is what encoding/csv writes when no
// field needs quotes: when its text holds no quote or line break, no more
// delimiters than were put between the fields (a delimiter's UTF-8 never
// overlaps another nor straddles two fields: it has a single lead byte,
// its first), and no field starts like one that needs quotes. Otherwise
// the fields that do are quoted in place.
func (f *CSVFormat) AppendRow(b []byte, row []string) []byte {
	start := len(b)
	b = f.appendPlain(b, row)
	text := b[start:]
	specials := hasQuoteOrBreak(text)
	inner := bytes.Count(text, f.delim) - max(len(row)-1, 0)
	if specials || inner > 0 || f.leadNeedsQuotes(row) {
		b = f.quoteInPlace(b, start, row, specials, inner)
	}
	return append(b, '\n')
}

// quoteInPlace quotes the fields that need quotes of row, written plain
// into b from start: each is found (inner is how many delimiters the
// fields hold, specials whether they hold a quote or a line break), then
// quoted where it stands, the rest of the row moved up to make room.
func (f *CSVFormat) quoteInPlace(b []byte, start int, row []string, specials bool, inner int) []byte {
	quote := f.quote[:0]
	off := start
	for i, field := range row {
		// Most fields are empty, or start plainly once the delimiters
		// inside fields are all found: no call for those.
		if field != "" && (specials || inner > 0 || mayStartQuoted[field[0]]) && f.fieldNeedsQuotes(field, specials, inner > 0) {
			quote = append(quote, fieldAt{i, off})
			inner -= f.delimsIn(field)
		}
		off += len(field) + len(f.delim)
	}
	f.quote = quote
	// From the last field back, so the offsets of the others stay true.
	for k := len(quote) - 1; k >= 0; k-- {
		field, at := row[quote[k].index], quote[k].offset
		grow := 2 + strings.Count(field, `"`)
		n := len(b)
		b = slices.Grow(b, grow)[:n+grow]
		copy(b[at+len(field)+grow:], b[at+len(field):n])
		appendQuotedField(b[at:at], field) // exactly len(field)+grow bytes, in place
	}
	return b
}

// fieldAt is a field of a row and where its text starts in the buffer.
type fieldAt struct{ index, offset int }

// delimsIn counts the delimiters in field.
func (f *CSVFormat) delimsIn(field string) int { return strings.Count(field, f.sep) }

// appendPlain appends row's fields to b as they are, between delimiters:
// b grows once, then each field is copied in.
func (f *CSVFormat) appendPlain(b []byte, row []string) []byte {
	if len(row) == 0 {
		return b
	}
	n := (len(row) - 1) * len(f.delim)
	for _, field := range row {
		n += len(field)
	}
	at := len(b)
	b = slices.Grow(b, n)[:at+n]
	if len(f.delim) == 1 {
		d := f.delim[0]
		at += copy(b[at:], row[0])
		for _, field := range row[1:] {
			b[at] = d
			at += 1 + copy(b[at+1:], field)
		}
		return b
	}
	at += copy(b[at:], row[0])
	for _, field := range row[1:] {
		at += copy(b[at:], f.sep)
		at += copy(b[at:], field)
	}
	return b
}

// hasQuoteOrBreak reports whether text holds a quote or a line break.
func hasQuoteOrBreak(text []byte) bool {
	return bytes.IndexByte(text, '"') >= 0 || bytes.IndexByte(text, '\n') >= 0 || bytes.IndexByte(text, '\r') >= 0
}

// leadNeedsQuotes reports whether a field of row needs quotes for how it
// starts: with a space or as `\.`.
func (f *CSVFormat) leadNeedsQuotes(row []string) bool {
	for _, field := range row {
		if field != "" && mayStartQuoted[field[0]] && f.fieldNeedsQuotes(field, false, false) {
			return true
		}
	}
	return false
}

// mayStartQuoted marks the first bytes of the fields that need a closer
// look: those of an ASCII space, of `\.`, and the lead bytes of every
// other Unicode space (U+0085 and U+00A0: 0xC2; U+1680: 0xE1; U+2000 to
// U+205F: 0xE2; U+3000: 0xE3).
var mayStartQuoted = func() (t [256]bool) {
	for _, c := range []byte{'\t', '\n', '\v', '\f', '\r', ' ', '\\', 0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = true
	}
	return t
}()

// appendQuotedField appends field in quotes, its quotes doubled.
func appendQuotedField(b []byte, field string) []byte {
	b = append(b, '"')
	for {
		q := strings.IndexByte(field, '"')
		if q < 0 {
			break
		}
		b = append(b, field[:q+1]...)
		b = append(b, '"')
		field = field[q+1:]
	}
	b = append(b, field...)
	return append(b, '"')
}

// fieldNeedsQuotes is encoding/csv's rule, told what the field cannot
// hold: the delimiter when delims is false, a quote or a line break when
// specials is false.
func (f *CSVFormat) fieldNeedsQuotes(field string, specials, delims bool) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	if delims {
		if f.comma < utf8.RuneSelf {
			if hasByte(field, byte(f.comma)) {
				return true
			}
		} else if strings.ContainsRune(field, f.comma) {
			return true
		}
	}
	if specials && (strings.IndexByte(field, '"') >= 0 || strings.IndexByte(field, '\n') >= 0 || strings.IndexByte(field, '\r') >= 0) {
		return true
	}
	if !mayStartQuoted[field[0]] {
		return false // no space starts with that byte
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

// hasByte reports whether s holds c: a plain loop for the short fields
// most are, where it beats strings.IndexByte's call.
func hasByte(s string, c byte) bool {
	if len(s) > 16 {
		return strings.IndexByte(s, c) >= 0
	}
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// writeOut writes the buffered rows to w.
func (w *CSVWriter) writeOut() error {
	if w.err != nil {
		return w.err
	}
	if len(w.buf) == 0 {
		return nil
	}
	n, err := w.w.Write(w.buf)
	if err == nil && n < len(w.buf) {
		err = io.ErrShortWrite
	}
	w.buf = w.buf[:0]
	w.err = err
	return err
}

// Flush writes buffered rows through to the underlying writer.
func (w *CSVWriter) Flush() error { return w.writeOut() }
