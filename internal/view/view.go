// Package view owns what part of a record stream an output shows: which
// columns (--select, --exclude), which rows (--limit, --sample) and in
// what order (--sort). A Writer sits in front of any row writer (CSV, TSV,
// NDJSON): it takes the header, then the rows, and passes on the view.
// Rows it leaves out are counted, so the run's closing line can say so.
package view

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/errs"
)

// Spec is the view asked for. The zero Spec passes everything through.
type Spec struct {
	Select  []string // only these columns, in this order
	Exclude []string // every column but these
	// Sort lists the columns to order rows by, the first deciding; a
	// leading "-" sorts that column descending. Values that are both
	// numbers compare as numbers, others as text; ties keep input order.
	Sort   []string
	Limit  int    // at most this many rows (0: all), after sorting
	Sample int    // a random sample of this many rows (0: all), in input order
	Seed   uint64 // the sample's seed: the same seed and input give the same rows
}

// Active reports whether the spec changes anything.
func (s Spec) Active() bool {
	return len(s.Select) > 0 || len(s.Exclude) > 0 || len(s.Sort) > 0 || s.Limit > 0 || s.Sample > 0
}

// Check reports settings that cannot work together or are out of range,
// before any row is read.
func (s Spec) Check() error {
	if len(s.Select) > 0 && len(s.Exclude) > 0 {
		return errs.Usagef("pass one of them", "--select and --exclude cannot be combined")
	}
	if s.Limit < 0 {
		return errs.Usagef("pass a number of rows, e.g. --limit 100", "--limit %d: not a number of rows", s.Limit)
	}
	if s.Sample < 0 {
		return errs.Usagef("pass a number of rows, e.g. --sample 1000", "--sample %d: not a number of rows", s.Sample)
	}
	for _, list := range [][]string{s.Select, s.Exclude, s.Sort} {
		for _, c := range list {
			if strings.TrimPrefix(strings.TrimSpace(c), "-") == "" {
				return errs.Usagef("name the columns, e.g. --select id,company,phone", "empty column name in %q", strings.Join(list, ","))
			}
		}
	}
	return nil
}

// RowWriter is where the view goes: tabular's CSV and NDJSON writers.
type RowWriter interface {
	Write(row []string) error
	Flush() error
}

// Writer applies a Spec to the rows written through it.
type Writer struct {
	spec   Spec
	out    RowWriter
	header []string
	cols   []int // input index of each output column; nil: all
	keys   []sortKey
	buffer bool // sort or sample: rows are kept until Flush

	rows    []heldRow
	rng     *rand.Rand
	seen    int // data rows written to the view
	written int // data rows passed on
	row     []string
}

type sortKey struct {
	col  int
	desc bool
}

type heldRow struct {
	seq   int
	cells []string
}

// NewWriter returns a Writer passing the view of its rows to out.
func NewWriter(out RowWriter, spec Spec) *Writer {
	w := &Writer{spec: spec, out: out, buffer: len(spec.Sort) > 0 || spec.Sample > 0}
	if spec.Sample > 0 {
		w.rng = rand.New(rand.NewPCG(spec.Seed, 0x5eed))
	}
	return w
}

// Write takes the header on the first call, then one row per call.
func (w *Writer) Write(row []string) error {
	if w.header == nil {
		return w.writeHeader(row)
	}
	w.seen++
	if !w.buffer {
		if w.spec.Limit > 0 && w.written >= w.spec.Limit {
			return nil
		}
		return w.pass(row)
	}
	cells := slices.Clone(row)
	if w.spec.Sample > 0 {
		// Reservoir sampling (Algorithm R): every row has the same chance
		// whatever the stream's length, in one pass.
		if len(w.rows) < w.spec.Sample {
			w.rows = append(w.rows, heldRow{w.seen, cells})
		} else if j := w.rng.IntN(w.seen); j < w.spec.Sample {
			w.rows[j] = heldRow{w.seen, cells}
		}
		return nil
	}
	w.rows = append(w.rows, heldRow{w.seen, cells})
	return nil
}

func (w *Writer) writeHeader(header []string) error {
	w.header = slices.Clone(header)
	index := make(map[string]int, len(header))
	for i, h := range header {
		if _, dup := index[h]; !dup {
			index[h] = i
		}
	}
	find := func(flag, name string) (int, error) {
		if i, ok := index[name]; ok {
			return i, nil
		}
		return 0, errs.Usagef(fmt.Sprintf("columns are: %s", strings.Join(header, ", ")),
			"%s: no column %q in the output", flag, name)
	}
	switch {
	case len(w.spec.Select) > 0:
		for _, name := range w.spec.Select {
			i, err := find("--select", strings.TrimSpace(name))
			if err != nil {
				return err
			}
			w.cols = append(w.cols, i)
		}
	case len(w.spec.Exclude) > 0:
		drop := map[int]bool{}
		for _, name := range w.spec.Exclude {
			i, err := find("--exclude", strings.TrimSpace(name))
			if err != nil {
				return err
			}
			drop[i] = true
		}
		for i := range header {
			if !drop[i] {
				w.cols = append(w.cols, i)
			}
		}
	}
	for _, s := range w.spec.Sort {
		s = strings.TrimSpace(s)
		desc := strings.HasPrefix(s, "-")
		i, err := find("--sort", strings.TrimPrefix(s, "-"))
		if err != nil {
			return err
		}
		w.keys = append(w.keys, sortKey{i, desc})
	}
	return w.out.Write(w.project(header))
}

// project picks the view's columns of row.
func (w *Writer) project(row []string) []string {
	if w.cols == nil {
		return row
	}
	out := w.row[:0]
	for _, i := range w.cols {
		if i < len(row) {
			out = append(out, row[i])
		} else {
			out = append(out, "")
		}
	}
	w.row = out
	return out
}

func (w *Writer) pass(row []string) error {
	w.written++
	return w.out.Write(w.project(row))
}

// Flush writes the rows kept for sorting or sampling, then flushes out.
func (w *Writer) Flush() error {
	if w.buffer {
		rows := w.rows
		w.rows = nil
		if w.spec.Sample > 0 {
			slices.SortFunc(rows, func(a, b heldRow) int { return cmp.Compare(a.seq, b.seq) })
		}
		if len(w.keys) > 0 {
			slices.SortStableFunc(rows, w.compare)
		}
		for _, r := range rows {
			if w.spec.Limit > 0 && w.written >= w.spec.Limit {
				break
			}
			if err := w.pass(r.cells); err != nil {
				return err
			}
		}
	}
	return w.out.Flush()
}

func (w *Writer) compare(a, b heldRow) int {
	for _, k := range w.keys {
		x, y := cell(a.cells, k.col), cell(b.cells, k.col)
		if (x == "") != (y == "") {
			// A missing value goes last either way: it never heads a list.
			if x == "" {
				return 1
			}
			return -1
		}
		c := compareValues(x, y)
		if k.desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// compareValues orders two cells: numbers by value, before text; text by
// its bytes (ISO dates and ids sort as people expect).
func compareValues(a, b string) int {
	x, numA := number(a)
	y, numB := number(b)
	switch {
	case numA && numB:
		if c := cmp.Compare(x, y); c != 0 {
			return c
		}
	case numA:
		return -1
	case numB:
		return 1
	}
	return strings.Compare(a, b)
}

// number reads a plain decimal (canonical amounts and counts: 12345.5,
// -3, 1e6); "NaN", "Inf" and anything with other characters are text.
func number(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	digit := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E':
		default:
			return 0, false
		}
	}
	if !digit {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// Seen is how many data rows came in; Written how many went out; Left
// how many the view left out (--limit, --sample).
func (w *Writer) Seen() int    { return w.seen }
func (w *Writer) Written() int { return w.written }
func (w *Writer) Left() int    { return w.seen - w.written }
