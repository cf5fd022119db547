package export

import (
	"fmt"
	"os"
	"strconv"

	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/warncode"
	"github.com/xuri/excelize/v2"
)

// rowFlush is how much row XML is gathered before it goes to the
// compressor.
const rowFlush = 64 << 10

// sheetWriter streams one logical sheet: header, frozen first row,
// autofilter and widths, going on in "<name> (2)", "(3)", … when a sheet
// reaches the row limit.
//
// The rows' XML is written here (sheetxml.go) and compressed on every core
// into a temporary file as it comes; excelize, which writes the rest of the
// workbook, holds only an empty sheet of the same name, whose entry the
// archive takes from that file at Close (partZip).
type sheetWriter struct {
	x      *XLSX
	name   string // the logical sheet; continuations are named from it
	widths []float64
	part   string // the sheet being written
	row    int    // rows in part, header included
	rowNum []byte // row as text

	file *os.File
	def  *parallelDeflate
	buf  []byte
}

func (x *XLSX) startSheet(name string, widths []float64) (*sheetWriter, error) {
	if err := x.lateSummary(); err != nil {
		return nil, err
	}
	s := &sheetWriter{x: x, name: name, widths: widths}
	return s, s.open(name)
}

func (s *sheetWriter) open(part string) error {
	x := s.x
	selected, err := x.newSheet(part)
	if err != nil {
		return fmt.Errorf("cannot add sheet %q: %w", part, err)
	}
	f, err := os.CreateTemp(x.opts.TempDir, "crmkit-sheet-*")
	if err != nil {
		return fmt.Errorf("cannot create a temporary file for sheet %q: %w", part, err)
	}
	s.part, s.file, s.def, s.row = part, f, newParallelDeflate(f), 1
	x.temp, x.defs = append(x.temp, f), append(x.defs, s.def)
	s.rowNum = append(s.rowNum[:0], '1')
	s.buf = appendWorksheetHead(s.buf[:0], selected, s.widths)
	s.buf = append(s.buf, `<row r="1">`...)
	for i, c := range x.p.cols {
		s.buf = appendTextCell(s.buf, x.colNames[i], "1", x.textStyle(c.Name, x.st.header, x.st.headerQuoted), c.Name)
	}
	s.buf = append(s.buf, `</row>`...)
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
	s.rowNum = strconv.AppendInt(s.rowNum[:0], int64(s.row), 10)
	row := string(s.rowNum) // one small string per row, shared by its cells
	b := append(s.buf, `<row r="`...)
	b = append(b, row...)
	b = append(b, `">`...)
	for i, v := range cells {
		if v == "" {
			continue // no cell at all, as Excel writes a blank
		}
		var cut bool
		b, cut = x.appendCell(b, v, i, row)
		if cut {
			x.noteLong(s.part, s.row, i)
		}
	}
	s.buf = append(b, `</row>`...)
	if len(s.buf) >= rowFlush {
		return s.flush()
	}
	return nil
}

func (s *sheetWriter) flush() error {
	_, err := s.def.Write(s.buf)
	s.buf = s.buf[:0]
	return err
}

// finish sets the autofilter over what was written, ends the sheet's XML
// and hands the compressed sheet to the archive.
func (s *sheetWriter) finish() error {
	x := s.x
	last, err := excelize.CoordinatesToCellName(len(x.p.cols), s.row)
	if err != nil {
		return err
	}
	ref := "A1:" + last
	// The workbook's filter name for the sheet (excelize writes it).
	if err := x.f.AutoFilter(s.part, ref, nil); err != nil {
		return err
	}
	s.buf = appendWorksheetTail(s.buf, ref)
	err = s.flush()
	if cerr := s.def.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot write sheet %q to a temporary file: %w", s.part, err)
	}
	path, err := x.sheetPath(s.part)
	if err != nil {
		return err
	}
	return x.zip.hold(path, s.file, s.def.crc, s.def.size)
}

// appendCell writes one cell typed by its column: dates as date cells,
// amounts and counts as numbers when they are exact decimals, ids and
// phones always as text, so that leading zeros and + signs survive. It
// reports whether the cell is text cut to what Excel holds.
func (x *XLSX) appendCell(b []byte, v string, col int, row string) ([]byte, bool) {
	kind := x.p.cols[col].Kind
	if x.p.masked[col] && kind != record.KindPhone && kind != record.KindCode {
		kind = record.KindText // a masked date or amount is text with stars
	}
	ref := x.colNames[col]
	switch kind {
	case record.KindDate:
		if serial, withTime, ok := dateSerial(v); ok {
			if withTime {
				return appendNumberCell(b, ref, row, x.st.dateTime, serial), false
			}
			return appendNumberCell(b, ref, row, x.st.date, serial), false
		}
	case record.KindAmount, record.KindCount:
		if n, ok := decimalNumber(v); ok {
			style := x.st.count
			if kind == record.KindAmount {
				style = x.st.amount
			}
			return appendDecimalCell(b, ref, row, style, v, n), false
		}
	}
	plain, quoted := x.st.text, x.st.textQuoted
	if kind == record.KindCode || kind == record.KindPhone {
		plain, quoted = x.st.code, x.st.codeQuoted
	}
	t, cut := fitCell(v)
	return appendFitText(b, ref, row, x.textStyle(v, plain, quoted), t), cut
}

// textStyle: a text cell (a header too) is never a formula; escaping only adds the quote
// prefix, so the value reads back exactly as given.
func (x *XLSX) textStyle(v string, plain, quoted int) int {
	if x.p.escape && looksLikeFormula(v) {
		return quoted
	}
	return plain
}

// sheetPath is the archive entry excelize writes sheet to.
func (x *XLSX) sheetPath(sheet string) (string, error) {
	for id, name := range x.f.GetSheetMap() {
		if name == sheet {
			return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml", nil
		}
	}
	return "", fmt.Errorf("export: sheet %q is not in the workbook", sheet)
}
