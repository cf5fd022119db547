package classify

import (
	"slices"
	"strconv"

	"github.com/crmkit/crmkit/internal/record"
)

// Layout places the classification columns in an output: after the
// input's columns, or over the input's own when it was classified before.
type Layout struct {
	Schema record.Schema
	cols   []int // output Extra index of each class column
}

// NewLayout lays out columns (a Classifier's Columns) after in's.
func NewLayout(in *record.Schema, columns []string) *Layout {
	o := &Layout{Schema: record.Schema{Extra: slices.Clone(in.Extra)}}
	for _, c := range columns {
		i := slices.Index(o.Schema.Extra, c)
		if i < 0 {
			o.Schema.Extra = append(o.Schema.Extra, c)
			i = len(o.Schema.Extra) - 1
		}
		o.cols = append(o.cols, i)
	}
	return o
}

// Fill writes cells (Model.Cells) into r's class columns.
func (o *Layout) Fill(r *record.Record, cells []string) {
	if len(r.Extra) < len(o.Schema.Extra) {
		r.Extra = append(r.Extra, make([]string, len(o.Schema.Extra)-len(r.Extra))...)
	}
	for j, i := range o.cols {
		r.Extra[i] = cells[j]
	}
}

// ColumnReader reads back the classes an earlier classification wrote.
type ColumnReader struct{ idx []int }

// NewColumnReader finds the classification columns in a schema; false
// when any is missing.
func NewColumnReader(s *record.Schema) (*ColumnReader, bool) {
	g := &ColumnReader{}
	for _, c := range Columns {
		i := slices.Index(s.Extra, c)
		if i < 0 {
			return nil, false
		}
		g.idx = append(g.idx, i)
	}
	return g, true
}

// Read returns r's classes.
func (g *ColumnReader) Read(r *record.Record) Classes {
	get := func(k int) string {
		if i := g.idx[k]; i < len(r.Extra) {
			return r.Extra[i]
		}
		return ""
	}
	num := func(k int) int {
		s := get(k)
		if s == "" { // a score of 0 is written empty; Atoi would allocate its error
			return 0
		}
		n, _ := strconv.Atoi(s)
		return n
	}
	return Classes{ABC: get(0), Tier: get(1), R: num(2), F: num(3), M: num(4), Segment: get(5), Lifecycle: get(6), Grade: get(7)}
}
