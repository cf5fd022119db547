package tabular

import (
	"bufio"
	"encoding/csv"
	"io"
)

// CSVWriter writes delimited text: canonical CSV (UTF-8, no BOM, comma) by
// default.
type CSVWriter struct {
	bw *bufio.Writer
	cw *csv.Writer
}

// NewCSVWriter writes to w with the delimiter (',' when 0); bom prefixes
// a UTF-8 byte-order mark for Excel.
func NewCSVWriter(w io.Writer, delim rune, bom bool) (*CSVWriter, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	if bom {
		if _, err := bw.WriteString("\uFEFF"); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(bw)
	if delim != 0 {
		cw.Comma = delim
	}
	return &CSVWriter{bw: bw, cw: cw}, nil
}

// Write writes one row.
func (w *CSVWriter) Write(row []string) error { return w.cw.Write(row) }

// Flush writes buffered rows through to the underlying writer.
func (w *CSVWriter) Flush() error {
	w.cw.Flush()
	if err := w.cw.Error(); err != nil {
		return err
	}
	return w.bw.Flush()
}
