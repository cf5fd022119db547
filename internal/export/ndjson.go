package export

import (
	"io"

	"github.com/crmkit/crmkit/internal/tabular"
)

// NDJSON writes rows as newline-delimited JSON, one object per row keyed
// by the column names, with the same masking as CSV and XLSX. Formula
// escaping does not apply: no spreadsheet runs a JSON string.
type NDJSON struct {
	p   *plan
	w   *tabular.NDJSONWriter
	out []string
}

// NewNDJSON returns the writer; SplitBy, Summary and MaxRows do not apply.
func NewNDJSON(w io.Writer, cols []Column, opts Options) (*NDJSON, error) {
	p, err := newPlan(cols, opts)
	if err != nil {
		return nil, err
	}
	n := &NDJSON{p: p, w: tabular.NewNDJSONWriter(w), out: make([]string, len(cols))}
	for i, c := range cols {
		n.out[i] = c.Name
	}
	if err := n.w.Write(n.out); err != nil {
		return nil, err
	}
	return n, nil
}

// Write writes one row, in column order.
func (n *NDJSON) Write(row []string) error {
	if err := n.p.checkRow(row); err != nil {
		return err
	}
	for i := range n.out {
		n.out[i] = n.p.value(row, i)
	}
	return n.w.Write(n.out)
}

// Close flushes what is buffered; it does not close the underlying writer.
func (n *NDJSON) Close() error { return n.w.Flush() }
