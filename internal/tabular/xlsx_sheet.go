package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

const (
	// Excel's sheet size.
	maxSheetRows    = 1_048_576
	maxSheetColumns = 16_384
	// maxRowBytes bounds the text of one row held in memory.
	maxRowBytes = 64 << 20
	// maxStyleIndex is far above Excel's 64,000 cell formats.
	maxStyleIndex = 1 << 20
	// maxCustomerColumns is the widest customer list read as laid out
	// (column AMJ). A value past it (a stray cell in column XFD) is not
	// placed at its column, which would make every row 16,384 cells wide
	// (one value in XFD on 300k rows took 3.4 GB): its row is rejected,
	// the value kept right after the row's other values for the rejects
	// file.
	maxCustomerColumns = 1024
)

var errTooManyRows = errors.New("it has more than 1,048,576 rows, more than Excel allows")

// sheetStream decodes the rows of one worksheet part into typed text, one
// row at a time, reusing its buffers: memory does not grow with the sheet.
type sheetStream struct {
	sc       *xmlScanner
	sst      *sharedStrings // nil when the workbook has no shared strings
	formats  cellFormats
	date1904 bool
	merges   mergeFill

	inData, done bool
	rowCount     int // <row> elements seen
	lastRow      int // sheet row number of the last row read

	// Per-row scratch, reused.
	arena   []byte      // text of the row's values that are not shared strings
	vals    []cellValue // the row's values in document order
	cells   []string
	v, is   []byte
	problem string
	far     int // values past maxCustomerColumns in the row
}

// cellValue is a decoded value: either a string (shared strings and
// constants, no copy) or a span of the row arena.
type cellValue struct {
	col        int
	str        string
	start, end int
	inArena    bool
}

// next returns the next row that has a value, or io.EOF.
func (st *sheetStream) next() (Row, error) {
	for !st.done {
		tag, err := st.sc.next()
		if errors.Is(err, io.EOF) {
			st.done = true
			break
		}
		if err != nil {
			return Row{}, err
		}
		if !st.inData {
			if tag.is(startTag, "sheetData") {
				st.inData = true
			}
			continue
		}
		switch {
		case tag.is(endTag, "sheetData"):
			st.done = true
		case tag.opens("row"):
			row, ok, err := st.readRow(tag)
			if err != nil {
				return Row{}, err
			}
			if ok {
				return row, nil
			}
		}
	}
	return Row{}, io.EOF
}

// readRow reads one <row>; ok is false for a row without any value.
func (st *sheetStream) readRow(tag xmlTag) (Row, bool, error) {
	num := st.lastRow + 1
	if r, ok := attrRaw(tag.attrs, "r"); ok {
		if n, ok := parseCount(r, maxSheetRows); ok && n > 0 {
			num = n
		}
	}
	st.rowCount++
	if num > maxSheetRows || st.rowCount > maxSheetRows {
		return Row{}, false, errTooManyRows
	}
	ordered := num > st.lastRow
	st.lastRow = max(num, st.lastRow)
	st.arena, st.vals, st.problem, st.far = st.arena[:0], st.vals[:0], "", 0
	if tag.kind == emptyTag {
		return Row{}, false, nil
	}
	col := -1
	for {
		tag, err := st.sc.next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = fmt.Errorf("%w: row %d is not closed", errMalformedXML, num)
			}
			return Row{}, false, err
		}
		switch {
		case tag.opens("c"):
			col++
			if err := st.readCell(tag, num, &col); err != nil {
				return Row{}, false, err
			}
		case tag.is(endTag, "row"):
			return st.finishRow(num, ordered)
		}
	}
}

// readCell reads one <c> and appends its value to st.vals. col is the
// 0-based column, advanced from the previous cell unless r= says otherwise.
func (st *sheetStream) readCell(tag xmlTag, row int, col *int) error {
	typ, style := cellNumber, -1
	attrs := xmlAttrs{rest: tag.attrs}
	for {
		name, value, ok := attrs.next()
		if !ok {
			break
		}
		switch string(name) { // the attribute text is only valid until the next read
		case "r":
			if c, _, ok := parseCellRef(value); ok {
				*col = c
			}
		case "s":
			if n, ok := parseCount(value, maxStyleIndex); ok {
				style = n
			}
		case "t":
			typ = parseCellType(value)
		}
	}
	if tag.kind == emptyTag {
		return nil // a formatted but empty cell
	}
	v, over, inline, err := st.readCellContent(row)
	if err != nil {
		return err
	}
	if *col >= maxSheetColumns {
		st.setProblem(fmt.Sprintf("cell %s%d is beyond Excel's last column XFD", columnName(*col), row))
		return nil
	}
	if len(st.vals) >= maxSheetColumns || len(st.arena) > maxRowBytes {
		st.setProblem("the row holds more data than Excel allows")
		return nil
	}
	if inline {
		typ = cellInlineString
	}
	if *col < maxCustomerColumns {
		st.decodeValue(*col, row, typ, style, v, over)
		return nil
	}
	n, problem := len(st.vals), st.problem
	st.decodeValue(farColumn(st.far), row, typ, style, v, over)
	if len(st.vals) == n || st.valueEmpty(st.vals[n]) {
		st.vals, st.problem = st.vals[:n], problem // nothing there: no column to speak of
		return nil
	}
	st.far++
	st.setProblem(fmt.Sprintf("cell %s%d is past column %s: a customer list has at most %d columns (delete the stray cells right of the table; Ctrl+End in Excel finds the last one)",
		columnName(*col), row, columnName(maxCustomerColumns-1), maxCustomerColumns))
	return nil
}

// cellType is a cell's t= attribute.
type cellType uint8

const (
	cellNumber       cellType = iota // n, or no t=
	cellSharedString                 // s
	cellInlineString                 // inlineStr
	cellFormulaText                  // str: a formula's text result
	cellBool                         // b
	cellError                        // e: #N/A, #DIV/0!, ...
	cellISODate                      // d
)

func parseCellType(t []byte) cellType {
	switch string(t) {
	case "s":
		return cellSharedString
	case "inlineStr":
		return cellInlineString
	case "str":
		return cellFormulaText
	case "b":
		return cellBool
	case "e":
		return cellError
	case "d":
		return cellISODate
	}
	return cellNumber
}

// readCellContent reads a cell's children up to </c>: the value <v> and an
// inline string <is>. Formulas <f> are skipped: their cached result is <v>.
func (st *sheetStream) readCellContent(row int) (v []byte, over, inline bool, err error) {
	st.v, st.is = st.v[:0], st.is[:0]
	sc := st.sc
	// Fast paths for the shapes Excel, LibreOffice and most libraries
	// write; anything else falls through to the general loop below.
	switch {
	case sc.consume("<v>"):
		if st.v, over, err = sc.text(st.v, maxCellBytes+1); err != nil {
			return nil, false, false, err
		}
		if sc.consume("</v></c>") {
			return st.v, over, false, nil
		}
	case sc.consume("<is><t>"):
		inline = true
		if st.is, _, err = sc.text(st.is, maxCellBytes+1); err != nil {
			return nil, false, false, err
		}
		if sc.consume("</t></is></c>") {
			return st.is, false, true, nil
		}
		if st.is, err = readRichText(sc, "is", st.is); err != nil {
			return nil, false, false, err
		}
	}
	for {
		tag, err := sc.next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = fmt.Errorf("%w: a cell in row %d is not closed", errMalformedXML, row)
			}
			return nil, false, false, err
		}
		switch {
		case tag.is(startTag, "v"):
			if st.v, over, err = sc.text(st.v[:0], maxCellBytes+1); err != nil {
				return nil, false, false, err
			}
		case tag.is(startTag, "is"):
			if st.is, err = readRichText(sc, "is", st.is[:0]); err != nil {
				return nil, false, false, err
			}
			inline = true
		case tag.is(endTag, "c"):
			if inline {
				return st.is, false, true, nil
			}
			return st.v, over, false, nil
		case tag.opens("c"), tag.is(endTag, "row"):
			return nil, false, false, fmt.Errorf("%w: a cell in row %d is not closed", errMalformedXML, row)
		}
	}
}

const (
	textTRUE  = "TRUE"
	textFALSE = "FALSE"
)

// decodeValue turns a raw cell into text by its type and, for numbers,
// its number format.
func (st *sheetStream) decodeValue(col, row int, typ cellType, style int, v []byte, over bool) {
	start := len(st.arena)
	switch typ {
	case cellInlineString, cellFormulaText:
		st.arena = append(st.arena, unescapeXString(v)...)
	case cellSharedString:
		st.sharedString(col, row, v)
		return
	case cellBool:
		switch string(v) {
		case "1":
			st.vals = append(st.vals, cellValue{col: col, str: textTRUE})
			return
		case "0":
			st.vals = append(st.vals, cellValue{col: col, str: textFALSE})
			return
		}
		st.arena = append(st.arena, v...)
	case cellError:
		// Keep the error text (#N/A, #DIV/0!) as Excel's own CSV export
		// does: the value is wrong, not absent, and the checks
		// downstream will report it.
		st.arena = append(st.arena, v...)
	case cellISODate:
		st.arena = appendISODate(st.arena, v)
	default:
		if len(v) == 0 {
			return
		}
		st.arena = st.appendNumeric(st.arena, style, v)
	}
	text, cut := tooLongForCell(st.arena[start:])
	if cut || over {
		st.arena = st.arena[:start+len(text)]
		st.setProblem(fmt.Sprintf("cell %s%d is longer than 32,767 characters", columnName(col), row))
	}
	if len(st.arena) > start {
		st.vals = append(st.vals, cellValue{col: col, start: start, end: len(st.arena), inArena: true})
	}
}

func (st *sheetStream) sharedString(col, row int, v []byte) {
	if len(v) == 0 {
		return // an empty cell typed as text
	}
	i, err := strconv.Atoi(string(bytes.TrimSpace(v)))
	s, ok := "", false
	if err == nil && st.sst != nil {
		s, ok = st.sst.at(i)
	}
	if !ok {
		st.setProblem(fmt.Sprintf("cell %s%d refers to shared text %q that the workbook does not have", columnName(col), row, v))
		return
	}
	if st.sst.long[i] {
		st.setProblem(fmt.Sprintf("cell %s%d is longer than 32,767 characters", columnName(col), row))
	}
	if s != "" {
		st.vals = append(st.vals, cellValue{col: col, str: s})
	}
}

// appendNumeric shows a number cell: as an ISO date or time when its format
// is a date format, else as a plain decimal.
func (st *sheetStream) appendNumeric(dst []byte, style int, v []byte) []byte {
	if kind := st.formats.kind(style); kind != kindNumber {
		if f, err := strconv.ParseFloat(string(v), 64); err == nil {
			var out []byte
			var ok bool
			if kind == kindTimeOnly {
				out, ok = appendTimeOfDay(dst, f, st.date1904)
			} else {
				out, ok = excelSerialDate(dst, f, st.date1904)
			}
			if ok {
				return out
			}
		}
	}
	return appendNumber(dst, v)
}

// farColumn marks the k-th value past maxCustomerColumns in a row; finishRow
// places it after the row's other values.
func farColumn(k int) int { return -1 - k }

func (st *sheetStream) valueEmpty(v cellValue) bool {
	if v.inArena {
		return v.start == v.end
	}
	return v.str == ""
}

func (st *sheetStream) setProblem(p string) {
	if st.problem == "" {
		st.problem = p
	}
}

// finishRow lays the row's values out by column. Blank rows are skipped;
// blankness is decided before merged cells are filled, so the empty rows
// under a merged owner cell do not come out as rows holding only an owner.
func (st *sheetStream) finishRow(num int, ordered bool) (Row, bool, error) {
	width := 0
	for _, v := range st.vals {
		width = max(width, v.col+1)
	}
	if st.far > 0 {
		for i := range st.vals {
			if v := &st.vals[i]; v.col < 0 {
				v.col = width + (-1 - v.col)
			}
		}
		width += st.far
	}
	if width == 0 && st.problem == "" {
		return Row{}, false, nil
	}
	if !ordered {
		// Merged-cell filling needs ascending rows; say so rather than
		// guess which merges apply.
		st.setProblem(fmt.Sprintf("row %d appears out of order in the sheet", num))
	}
	text := string(st.arena) // one allocation for the whole row
	st.cells = st.cells[:0]
	for range width {
		st.cells = append(st.cells, "")
	}
	for _, v := range st.vals {
		if v.inArena {
			st.cells[v.col] = text[v.start:v.end]
		} else {
			st.cells[v.col] = v.str
		}
	}
	if ordered {
		st.cells = st.merges.apply(num, st.cells)
	}
	return Row{Cells: st.cells, Line: num, Problem: st.problem}, true, nil
}

// parseCellRef parses a reference like "B12" into a 0-based column and a
// 1-based row. Columns past XFD (up to ZZZ) parse; callers check them.
func parseCellRef(ref []byte) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && i < 4 && isLetter(ref[i]) {
		col = col*26 + int(ref[i]|0x20-'a') + 1
		i++
	}
	if i == 0 || i == len(ref) || i > 3 {
		return 0, 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
		if row > maxSheetRows {
			return 0, 0, false
		}
	}
	if row == 0 {
		return 0, 0, false
	}
	return col - 1, row, true
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// columnName turns a 0-based column into its letters: 0 → A, 27 → AB.
func columnName(col int) string {
	var b [8]byte
	i := len(b)
	for col++; col > 0 && i > 0; col = (col - 1) / 26 {
		i--
		b[i] = byte('A' + (col-1)%26)
	}
	return string(b[i:])
}
