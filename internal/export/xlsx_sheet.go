package export

import (
	"fmt"

	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/warncode"
	"github.com/xuri/excelize/v2"
)

// sheetWriter streams one logical sheet: header, frozen first row,
// autofilter and widths, going on in "<name> (2)", "(3)", … when a sheet
// reaches the row limit.
type sheetWriter struct {
	x      *XLSX
	name   string // the logical sheet; continuations are named from it
	widths []float64
	part   string // the sheet being written
	sw     *excelize.StreamWriter
	row    int // rows in part, header included
}

func (x *XLSX) startSheet(name string, widths []float64) (*sheetWriter, error) {
	s := &sheetWriter{x: x, name: name, widths: widths}
	return s, s.open(name)
}

func (s *sheetWriter) open(part string) error {
	x := s.x
	if err := x.newSheet(part); err != nil {
		return fmt.Errorf("cannot add sheet %q: %w", part, err)
	}
	sw, err := x.f.NewStreamWriter(part)
	if err != nil {
		return err
	}
	// Widths and panes go before the first row: the stream writer has
	// written the sheet's head by then.
	for i, w := range s.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	for i, c := range x.p.cols {
		style := x.st.header
		if x.p.escape && looksLikeFormula(c.Name) {
			style = x.st.headerQuoted
		}
		x.cellBuf[i] = excelize.Cell{StyleID: style, Value: c.Name}
		x.vals[i] = &x.cellBuf[i]
	}
	if err := sw.SetRow("A1", x.vals); err != nil {
		return err
	}
	s.part, s.sw, s.row = part, sw, 1
	return nil
}

// write adds one row of (already masked) cell values.
func (s *sheetWriter) write(cells []string) error {
	x := s.x
	if s.row >= x.p.maxRows {
		if err := s.finish(); err != nil {
			return err
		}
		next := SafeSheetName(s.name, x.taken)
		x.p.warn(warncode.SheetContinued, 0, fmt.Sprintf("sheet %q reached %d rows; the rest continues on sheet %q",
			s.part, x.p.maxRows, next))
		if err := s.open(next); err != nil {
			return err
		}
	}
	s.row++
	for i, v := range cells {
		if v == "" {
			x.vals[i] = nil // no cell at all, as Excel writes a blank
			continue
		}
		x.cellBuf[i] = x.typedCell(v, i)
		x.vals[i] = &x.cellBuf[i]
		if _, isText := x.cellBuf[i].Value.(string); isText {
			x.noteLong(v, s.part, s.row, i)
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, x.vals)
}

// finish sets the autofilter over what was written and ends the stream.
func (s *sheetWriter) finish() error {
	last, err := excelize.CoordinatesToCellName(len(s.x.p.cols), s.row)
	if err != nil {
		return err
	}
	if err := s.x.f.AutoFilter(s.part, "A1:"+last, nil); err != nil {
		return err
	}
	return s.sw.Flush()
}

// typedCell types a value by its column: dates as date cells, amounts and
// counts as numbers when they are exact decimals, ids and phones always as
// text, so that leading zeros and + signs survive.
func (x *XLSX) typedCell(v string, col int) excelize.Cell {
	kind := x.p.cols[col].Kind
	if x.p.masked[col] && kind != record.KindPhone && kind != record.KindCode {
		kind = record.KindText // a masked date or amount is text with stars
	}
	switch kind {
	case record.KindDate:
		if serial, withTime, ok := dateSerial(v); ok {
			style := x.st.date
			if withTime {
				style = x.st.dateTime
			}
			return excelize.Cell{StyleID: style, Value: serial}
		}
	case record.KindAmount, record.KindCount:
		if n, ok := decimalNumber(v); ok {
			style := x.st.count
			if kind == record.KindAmount {
				style = x.st.amount
			}
			return excelize.Cell{StyleID: style, Value: n}
		}
	case record.KindCode, record.KindPhone:
		return x.textCell(v, x.st.code, x.st.codeQuoted)
	}
	return x.textCell(v, x.st.text, x.st.textQuoted)
}

// textCell is always a string cell, never a formula: escaping only adds the
// quote prefix, so the value reads back exactly as given.
func (x *XLSX) textCell(v string, plain, quoted int) excelize.Cell {
	if x.p.escape && looksLikeFormula(v) {
		return excelize.Cell{StyleID: quoted, Value: v}
	}
	return excelize.Cell{StyleID: plain, Value: v}
}
