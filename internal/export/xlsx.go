package export

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/crmkit/crmkit/internal/report"
	"github.com/crmkit/crmkit/internal/warncode"
)

// defaultSheet is the sheet a new excelize workbook starts with; the first
// sheet crmkit writes takes it over by renaming it.
const defaultSheet = "Sheet1"

// XLSX streams rows into a workbook written to w on Close.
//
// One sheet is written and compressed as rows come, once its first 1,000
// rows have set the column widths. Split sheets (and Options.Spool) wait in
// a temporary file and are written one after another at Close, because rows
// for different sheets arrive interleaved and each sheet being compressed
// holds a few megabytes. excelize writes the workbook around the data
// sheets: styles, the summary sheet and its chart, names and filters.
type XLSX struct {
	p     *plan
	out   io.Writer
	f     *excelize.File
	st    *styles
	taken map[string]bool
	opts  Options

	defaultUsed bool   // Sheet1 has been renamed to a sheet of ours
	base        string // the single sheet's name

	// straight to excelize (one sheet)
	direct  *sheetWriter
	pending [][]string // the first rows, until the widths are known
	meter   *widthMeter

	// through the spool (split sheets, Options.Spool)
	spool  *rowSpool
	sheets map[string]*spooledSheet
	order  []*spooledSheet
	source RowSource // the rows of WriteRows, read again at Close

	cells    []string // masked values of the row being written
	colNames []string // column letters
	zip      *partZip
	temp     []*os.File // sheets' temporary files, removed at Close
	defs     []*parallelDeflate

	// the summary sheet, when its table comes late (Options.SummaryFrom):
	// its name is taken in NewXLSX, its cells written by lateSummary
	summaryFrom func() *report.Table
	summaryName string

	longCells int // text cut to Excel's 32,767 characters
	firstLong string
	closed    bool
}

type spooledSheet struct {
	value string
	rows  spooledRows
	index []int // rows of source (WriteRows), after those spooled
	meter *widthMeter
}

// RowSource gives rows by position, as often as asked (see WriteRows).
type RowSource interface {
	Len() int
	// Row returns row i in column order, in dst's memory when it has
	// room. Its strings must stay as they are until the writer is closed.
	Row(i int, dst []string) []string
}

// NewXLSX prepares a workbook; nothing is written to w before Close.
func NewXLSX(w io.Writer, cols []Column, opts Options) (*XLSX, error) {
	p, err := newPlan(cols, opts)
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile(excelize.Options{TmpDir: opts.TempDir})
	// The archive goes straight to out: excelize would otherwise build the
	// whole file in memory first. It takes the data sheets from their
	// temporary files (partZip).
	zw := newPartZip(w)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw })
	st, err := newStyles(f)
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	x := &XLSX{
		p: p, out: w, f: f, st: st, opts: opts, zip: zw,
		taken:    map[string]bool{},
		cells:    make([]string, len(cols)),
		colNames: make([]string, len(cols)),
	}
	for i := range cols {
		if x.colNames[i], err = excelize.ColumnNumberToName(i + 1); err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("export: %d columns are more than a sheet holds", len(cols))
		}
	}
	switch {
	case opts.Summary != nil:
		if err := x.writeSummary(SafeSheetName(x.p.words.summary, x.taken), opts.Summary); err != nil {
			_ = f.Close()
			return nil, err
		}
	case opts.SummaryFrom != nil:
		x.summaryName, x.summaryFrom = SafeSheetName(x.p.words.summary, x.taken), opts.SummaryFrom
	}
	name := opts.SheetName
	if name == "" {
		name = p.words.sheet
	}
	if p.split < 0 {
		x.base = SafeSheetName(name, x.taken)
	}
	if p.split >= 0 || opts.Spool {
		if x.spool, err = newRowSpool(opts.TempDir); err != nil {
			_ = f.Close()
			return nil, err
		}
		x.sheets = map[string]*spooledSheet{}
	} else {
		x.meter = newWidthMeter(cols)
	}
	return x, nil
}

// Write adds one row, in column order.
func (x *XLSX) Write(row []string) error {
	if x.closed {
		return fmt.Errorf("export: write after close")
	}
	if x.source != nil {
		return fmt.Errorf("export: write after WriteRows")
	}
	if err := x.p.checkRow(row); err != nil {
		return err
	}
	x.setCells(row)
	switch {
	case x.spool != nil:
		return x.spool.add(&x.spooledSheet(row).rows, x.cells)
	case x.direct != nil:
		return x.direct.write(x.cells)
	}
	// The widths are not known yet: keep the row (a copy, the caller may
	// reuse its strings' memory) and measure it.
	x.meter.observe(x.cells)
	kept := make([]string, len(x.cells))
	for i, c := range x.cells {
		kept[i] = strings.Clone(c)
	}
	x.pending = append(x.pending, kept)
	if x.meter.done() {
		return x.startDirect()
	}
	return nil
}

// WriteRows adds every row of src, as Write would one after another, and
// takes no more rows after them. Split sheets (and Options.Spool) keep
// each row's position instead of a copy of the row, and read the rows
// again from src at Close: at a million rows that is some 300 MB not
// written to a temporary file and read back.
func (x *XLSX) WriteRows(src RowSource) error {
	var row []string
	if x.spool == nil {
		for i := range src.Len() {
			row = src.Row(i, row)
			if err := x.Write(row); err != nil {
				return err
			}
		}
		x.source = src
		return nil
	}
	if x.closed {
		return fmt.Errorf("export: write after close")
	}
	if x.source != nil {
		return fmt.Errorf("export: write after WriteRows")
	}
	x.source = src
	for i := range src.Len() {
		row = src.Row(i, row)
		if err := x.p.checkRow(row); err != nil {
			return err
		}
		x.setCells(row)
		s := x.spooledSheet(row)
		s.index = append(s.index, i)
	}
	return nil
}

// setCells sets x.cells to row's values as written (masked).
func (x *XLSX) setCells(row []string) {
	for i := range x.cells {
		x.cells[i] = x.p.value(row, i)
	}
}

// spooledSheet is the sheet row goes to, its widths measured with row's
// cells (x.cells, set).
func (x *XLSX) spooledSheet(row []string) *spooledSheet {
	key := ""
	if x.p.split >= 0 {
		key = x.p.splitValue(row)
	}
	s := x.sheets[key]
	if s == nil {
		// A copy: the row's strings may share a block of the reader's text
		// with many other rows, which the key would keep in memory.
		key = strings.Clone(key)
		s = &spooledSheet{value: key, meter: newWidthMeter(x.p.cols)}
		x.sheets[key] = s
		x.order = append(x.order, s)
	}
	s.meter.observe(x.cells)
	return s
}

// replay writes the rows of s that WriteRows left in its source.
func (x *XLSX) replay(s *spooledSheet, sw *sheetWriter) error {
	var row []string
	for _, i := range s.index {
		row = x.source.Row(i, row)
		x.setCells(row)
		if err := sw.write(x.cells); err != nil {
			return err
		}
	}
	s.index = nil
	return nil
}

func (x *XLSX) startDirect() error {
	sw, err := x.startSheet(x.base, x.meter.widths())
	if err != nil {
		return err
	}
	x.direct = sw
	for _, row := range x.pending {
		if err := sw.write(row); err != nil {
			return err
		}
	}
	x.pending = nil
	return nil
}

// Close writes the workbook to w; it does not close w.
func (x *XLSX) Close() error {
	if x.closed {
		return nil
	}
	x.closed = true
	err := x.finishSheets()
	if err == nil && x.longCells > 0 {
		x.p.warn(warncode.CellsCut, x.longCells, fmt.Sprintf("%d cells were longer than Excel's %d characters and were cut (first: %s)",
			x.longCells, excelMaxCellRune, x.firstLong))
	}
	if err == nil {
		x.f.SetActiveSheet(0)
		// excelize adds image content types from a map when a chart is
		// added; sort them so the same input gives the same bytes.
		if ct := x.f.ContentTypes; ct != nil {
			sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
		}
		// The zip writer set in NewXLSX writes to out; what excelize
		// hands to Write here is empty.
		err = x.f.Write(io.Discard)
	}
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	for _, d := range x.defs {
		_ = d.Close() // ended already unless a write failed
	}
	for _, f := range x.temp {
		f.Close()
		os.Remove(f.Name())
	}
	if x.spool != nil {
		if cerr := x.spool.close(); err == nil {
			err = cerr
		}
	}
	return err
}

// lateSummary writes the summary sheet whose table comes late
// (Options.SummaryFrom), once, before any data sheet is made: the workbook
// is then built in the same order as with Options.Summary, and its bytes
// are the same.
func (x *XLSX) lateSummary() error {
	from := x.summaryFrom
	if from == nil {
		return nil
	}
	x.summaryFrom = nil
	if t := from(); t != nil {
		return x.writeSummary(x.summaryName, t)
	}
	return nil
}

func (x *XLSX) finishSheets() error {
	if err := x.lateSummary(); err != nil {
		return err
	}
	if x.spool == nil {
		if x.direct == nil {
			if err := x.startDirect(); err != nil {
				return err
			}
		}
		return x.direct.finish()
	}
	if len(x.order) == 0 { // no rows: still a sheet with the header
		name := x.base
		if name == "" {
			name = SafeSheetName(x.p.words.sheet, x.taken)
		}
		sw, err := x.startSheet(name, newWidthMeter(x.p.cols).widths())
		if err != nil {
			return err
		}
		return sw.finish()
	}
	ordered := x.splitOrder()
	names := make([]string, len(ordered))
	for i, s := range ordered { // name every sheet before a continuation takes a name
		names[i] = x.base
		if x.p.split >= 0 {
			names[i] = SafeSheetName(s.value, x.taken)
		}
	}
	for i, s := range ordered {
		sw, err := x.startSheet(names[i], s.meter.widths())
		if err != nil {
			return err
		}
		if err := x.spool.each(&s.rows, len(x.p.cols), sw.write); err != nil {
			return err
		}
		if err := x.replay(s, sw); err != nil {
			return err
		}
		if err := sw.finish(); err != nil {
			return err
		}
	}
	return nil
}

// splitOrder puts the sheets named in Options.SplitOrder first, in that
// order, then the rest in order of first appearance.
func (x *XLSX) splitOrder() []*spooledSheet {
	out := make([]*spooledSheet, 0, len(x.order))
	placed := map[*spooledSheet]bool{}
	for _, v := range x.opts.SplitOrder {
		if s := x.sheets[v]; s != nil && !placed[s] {
			out = append(out, s)
			placed[s] = true
		}
	}
	for _, s := range x.order {
		if !placed[s] {
			out = append(out, s)
		}
	}
	return out
}

// newSheet creates a sheet, taking over the workbook's initial Sheet1 first;
// that one is the workbook's first sheet, selected when it opens.
func (x *XLSX) newSheet(name string) (first bool, err error) {
	if !x.defaultUsed {
		x.defaultUsed = true
		return true, x.f.SetSheetName(defaultSheet, name)
	}
	_, err = x.f.NewSheet(name)
	return false, err
}

// noteLong counts a text cell Excel could not hold whole, which was cut.
func (x *XLSX) noteLong(sheet string, row, col int) {
	if x.longCells == 0 {
		x.firstLong = fmt.Sprintf("sheet %q row %d column %q", sheet, row, x.p.cols[col].Name)
	}
	x.longCells++
}
