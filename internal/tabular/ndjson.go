package tabular

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// RowWriter writes records as rows, the first row being the header:
// CSVWriter (CSV, TSV) and NDJSONWriter.
type RowWriter interface {
	Write(row []string) error
	Flush() error
}

// RecordFormats are the formats NewRowWriter writes records in.
var RecordFormats = []string{"csv", "tsv", "ndjson"}

// NewRowWriter writes rows in format: "csv" (bom for Excel), "tsv" or
// "ndjson".
func NewRowWriter(w io.Writer, format string, bom bool) (RowWriter, error) {
	switch format {
	case "", "csv":
		return NewCSVWriter(w, ',', bom)
	case "tsv":
		return NewCSVWriter(w, '\t', bom)
	case "ndjson":
		return NewNDJSONWriter(w), nil
	}
	return nil, fmt.Errorf("unknown record format %q (formats: csv, tsv, ndjson)", format)
}

// NDJSONWriter writes records as newline-delimited JSON: the first row
// written is the header, every later row one object whose keys are the
// header's names in header order and whose values are the cells as
// strings, exactly as CSV holds them ("" for an empty cell), so an id
// keeps its leading zeros and an amount its digits. A name the header
// repeats gets "_2", "_3", … so every key is unique.
type NDJSONWriter struct {
	bw   *bufio.Writer
	keys [][]byte // each key encoded as a JSON string, then ':'
	line []byte
}

// NewNDJSONWriter writes to w.
func NewNDJSONWriter(w io.Writer) *NDJSONWriter {
	return &NDJSONWriter{bw: bufio.NewWriterSize(w, 256<<10)}
}

// Write takes the header on the first call, then one record per call. A
// row longer than the header gets keys "column_N" for the cells past it.
func (w *NDJSONWriter) Write(row []string) error {
	if w.keys == nil {
		w.keys = make([][]byte, 0, len(row))
		seen := make(map[string]int, len(row))
		for _, name := range row {
			w.addKey(name, seen)
		}
		return nil
	}
	if len(row) > len(w.keys) {
		seen := make(map[string]int, len(w.keys))
		for len(w.keys) < len(row) {
			w.addKey("column_"+strconv.Itoa(len(w.keys)+1), seen)
		}
	}
	b := append(w.line[:0], '{')
	for i, cell := range row {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, w.keys[i]...)
		b = appendJSONString(b, cell)
	}
	b = append(b, '}', '\n')
	w.line = b
	_, err := w.bw.Write(b)
	return err
}

func (w *NDJSONWriter) addKey(name string, seen map[string]int) {
	key := name
	seen[name]++
	if n := seen[name]; n > 1 {
		key = name + "_" + strconv.Itoa(n)
	}
	w.keys = append(w.keys, append(appendJSONString(nil, key), ':'))
}

// Flush writes buffered records through.
func (w *NDJSONWriter) Flush() error { return w.bw.Flush() }

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, U+2028/U+2029 escaped (as encoding/json
// does), other text as UTF-8, invalid bytes as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
