package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"

	"github.com/crmkit/crmkit/internal/record"
)

// utf8BOM makes Excel read a CSV as UTF-8 instead of the system code page
// (GBK on Chinese Windows), which would garble every Chinese character.
const utf8BOM = "\uFEFF"

// CSV writes rows as CSV or TSV with the header first, applying the same
// masking and formula-injection escaping as XLSX.
type CSV struct {
	p   *plan
	buf *bufio.Writer
	w   *csv.Writer
	out []string // reused for every row
}

// NewCSV writes the header (and the BOM when bom is set) and returns the
// writer; delim is ',' for CSV, '\t' for TSV. SplitBy, Summary and MaxRows
// do not apply to a CSV: split files are SplitFiles' job.
func NewCSV(w io.Writer, cols []Column, delim rune, bom bool, opts Options) (*CSV, error) {
	p, err := newPlan(cols, opts)
	if err != nil {
		return nil, err
	}
	if delim == '"' || delim == '\r' || delim == '\n' || delim == 0xFFFD || delim < ' ' && delim != '\t' {
		return nil, fmt.Errorf("export: %q cannot separate CSV fields", delim)
	}
	c := &CSV{p: p, buf: bufio.NewWriterSize(w, 1<<16), out: make([]string, len(cols))}
	c.w = csv.NewWriter(c.buf)
	c.w.Comma = delim
	if bom {
		if _, err := c.buf.WriteString(utf8BOM); err != nil {
			return nil, err
		}
	}
	for i, col := range cols {
		c.out[i] = c.textCell(col.Name)
	}
	if err := c.w.Write(c.out); err != nil {
		return nil, err
	}
	return c, nil
}

// Write writes one row, in column order.
func (c *CSV) Write(row []string) error {
	if err := c.p.checkRow(row); err != nil {
		return err
	}
	for i := range c.out {
		c.out[i] = c.cell(c.p.value(row, i), i)
	}
	return c.w.Write(c.out)
}

// Close flushes what is buffered; it does not close the underlying writer.
func (c *CSV) Close() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.buf.Flush()
}

func (c *CSV) cell(v string, col int) string {
	if !c.p.escape || !looksLikeFormula(v) {
		return v
	}
	// A number in a numeric column is not a formula: -5 stays -5.
	if !c.p.masked[col] && isNumericKind(c.p.cols[col].Kind) {
		if _, ok := decimalNumber(v); ok {
			return v
		}
	}
	return escapeCSV(v)
}

func (c *CSV) textCell(v string) string {
	if c.p.escape {
		return escapeCSV(v)
	}
	return v
}

func isNumericKind(k record.Kind) bool {
	return k == record.KindAmount || k == record.KindCount
}
