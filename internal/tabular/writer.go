package tabular

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CSVWriter writes delimited text: canonical CSV (UTF-8, no BOM, comma) by
// default. It writes what encoding/csv writes (fields quoted when they
// hold the delimiter, a quote or a line break, or start with a space; "\n"
// line ends), a row at a time into one buffer: a third of the time.
type CSVWriter struct {
	bw    *bufio.Writer
	comma rune
	row   []byte
}

// NewCSVWriter writes to w with the delimiter (',' when 0); bom prefixes
// a UTF-8 byte-order mark for Excel.
func NewCSVWriter(w io.Writer, delim rune, bom bool) (*CSVWriter, error) {
	if delim == 0 {
		delim = ','
	}
	if delim == '"' || delim == '\r' || delim == '\n' || !utf8.ValidRune(delim) || delim == utf8.RuneError {
		return nil, errors.New("csv: invalid field or comment delimiter")
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	if bom {
		if _, err := bw.WriteString("\uFEFF"); err != nil {
			return nil, err
		}
	}
	return &CSVWriter{bw: bw, comma: delim}, nil
}

// Write writes one row.
func (w *CSVWriter) Write(row []string) error {
	b := w.row[:0]
	for i, field := range row {
		if i > 0 {
			b = utf8.AppendRune(b, w.comma)
		}
		if !w.needsQuotes(field) {
			b = append(b, field...)
			continue
		}
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
		b = append(b, '"')
	}
	b = append(b, '\n')
	w.row = b
	_, err := w.bw.Write(b)
	return err
}

// needsQuotes is encoding/csv's rule.
func (w *CSVWriter) needsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	if w.comma < utf8.RuneSelf {
		comma := byte(w.comma)
		for i := 0; i < len(field); i++ {
			if c := field[i]; c == comma || c == '"' || c == '\n' || c == '\r' {
				return true
			}
		}
	} else if strings.ContainsRune(field, w.comma) || strings.ContainsAny(field, "\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

// Flush writes buffered rows through to the underlying writer.
func (w *CSVWriter) Flush() error { return w.bw.Flush() }
