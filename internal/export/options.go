package export

import (
	"errors"
	"fmt"
	"strings"

	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
	"github.com/crmkit/crmkit/internal/warncode"
)

// ExcelMaxRows is the most rows an Excel sheet holds, header included.
const ExcelMaxRows = 1_048_576

// Column is one output column: its header and how its cells are typed.
// Columns that are not canonical fields are KindText.
type Column struct {
	Name string
	Kind record.Kind
}

// Options are the choices shared by the CSV and XLSX writers.
type Options struct {
	// Escape protects against formula injection: text starting with
	// = + - @ tab or CR is never run by a spreadsheet (CSV: a leading ',
	// XLSX: a quote-prefixed text cell). The CLI defaults it to true.
	Escape bool
	// Mask names the columns whose values are masked for sharing.
	Mask []string
	// SplitBy names the column whose value picks the sheet ("" = one sheet).
	SplitBy string
	// SplitOrder lists split values whose sheets come first, in this order
	// (高, 中, 低); the others follow in order of first appearance.
	SplitOrder []string
	// Lang is "en" for English sheet names; anything else is Chinese.
	Lang string
	// SheetName names the single sheet; default 客户 / Customers.
	SheetName string
	// Summary, when set, becomes a first sheet with this table and a column
	// chart of its first numeric column by its first column.
	Summary *report.Table
	// SummaryFrom, when set instead of Summary, gives that table late:
	// the XLSX writer calls it once, when the summary sheet is due (before
	// the first data sheet is made: at Close for split sheets), so that the
	// table can be made from the rows while they are written. A nil table
	// leaves the summary out.
	SummaryFrom func() *report.Table
	// MaxRows is the rows per sheet, header included, before the rows go on
	// in "<name> (2)"; default and maximum ExcelMaxRows.
	MaxRows int
	// Spool makes a single-sheet XLSX keep its rows in a temporary file until
	// Close, as split sheets always do: use it when many XLSX writers are open
	// at once (split files), so that memory stays flat.
	Spool bool
	// TempDir holds temporary files ("" = the system's).
	TempDir string
	// Warn receives warnings (sheet continued, cell cut to Excel's limit)
	// with their codes.
	Warn WarnFunc
}

// WarnFunc receives a warning: its stable code, what it counts (0 when
// nothing) and its text.
type WarnFunc func(code warncode.Code, count int, msg string)

// words are the sheet names a user reads, in the export language.
type words struct {
	sheet, summary, blank string
}

func wordsFor(lang string) words {
	if lang == "en" {
		return words{sheet: "Customers", summary: "Summary", blank: "(blank)"}
	}
	return words{sheet: "客户", summary: "汇总", blank: "(空)"}
}

// plan is Options checked against the columns, ready for the hot path.
type plan struct {
	cols    []Column
	escape  bool
	masked  []bool // by column
	split   int    // column index, -1 for none
	words   words
	maxRows int
	warn    WarnFunc
}

func newPlan(cols []Column, opts Options) (*plan, error) {
	if len(cols) == 0 {
		return nil, errors.New("export: no columns to write")
	}
	p := &plan{
		cols:    cols,
		escape:  opts.Escape,
		masked:  make([]bool, len(cols)),
		split:   -1,
		words:   wordsFor(opts.Lang),
		maxRows: opts.MaxRows,
		warn:    opts.Warn,
	}
	if p.warn == nil {
		p.warn = func(warncode.Code, int, string) {}
	}
	switch {
	case p.maxRows == 0:
		p.maxRows = ExcelMaxRows
	case p.maxRows < 2 || p.maxRows > ExcelMaxRows:
		return nil, fmt.Errorf("export: rows per sheet must be 2 to %d, got %d", ExcelMaxRows, p.maxRows)
	}
	for _, name := range opts.Mask {
		i := columnIndex(cols, name)
		if i < 0 {
			return nil, fmt.Errorf("--mask: no column named %q (columns: %s)", name, columnList(cols))
		}
		p.masked[i] = true
	}
	if opts.SplitBy != "" {
		p.split = columnIndex(cols, opts.SplitBy)
		if p.split < 0 {
			return nil, fmt.Errorf("--split-by: no column named %q (columns: %s)", opts.SplitBy, columnList(cols))
		}
	}
	return p, nil
}

func columnIndex(cols []Column, name string) int {
	for i, c := range cols {
		if c.Name == name {
			return i
		}
	}
	return -1
}

func columnList(cols []Column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

// value returns row[i] as written: masked when the column is masked. Rows
// shorter than the header read as empty cells.
func (p *plan) value(row []string, i int) string {
	if i >= len(row) {
		return ""
	}
	if p.masked[i] {
		return mask(row[i], p.cols[i].Kind)
	}
	return row[i]
}

// splitValue is the split column's value as a sheet or file is named from
// it: masked like the cell (a masked owner must not leak through a sheet
// name), and the blank word for an empty value.
func (p *plan) splitValue(row []string) string {
	v := strings.TrimSpace(p.value(row, p.split))
	if v == "" {
		return p.words.blank
	}
	return v
}

// checkRow refuses a row with more cells than there are columns: the extra
// values would have no header and silently vanish.
func (p *plan) checkRow(row []string) error {
	if len(row) > len(p.cols) {
		return fmt.Errorf("export: row has %d values but there are %d columns", len(row), len(p.cols))
	}
	return nil
}
