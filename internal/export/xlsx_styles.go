package export

import (
	"errors"

	"github.com/xuri/excelize/v2"
)

// Excel's built-in number formats used here.
const (
	numFmtFixed2     = 2  // 0.00
	numFmtThousands  = 3  // #,##0
	numFmtMoney      = 4  // #,##0.00
	numFmtText       = 49 // @: a value typed in later stays text (ids keep zeros)
	dateFormat       = "yyyy-mm-dd"
	dateTimeFormat   = "yyyy-mm-dd hh:mm:ss"
	shareFormat      = "0.0%"
	headerFill       = "D9E1F2"
	excelMaxCellRune = 32767
)

// styles are the cell formats of a workbook, made once.
type styles struct {
	header, headerQuoted int
	text, textQuoted     int // textQuoted: formula-looking text shown as typed
	code, codeQuoted     int // ids, postcodes, phones
	date, dateTime       int
	amount, count        int
	// summary sheet
	title, share, score, thousands, boldMoney, boldThousands, boldShare, boldScore int
}

func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{text: 0, count: 0}
	bold := &excelize.Font{Bold: true}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}}
	date, dateTime, share := dateFormat, dateTimeFormat, shareFormat
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{Font: bold, Fill: fill}},
		{&s.code, excelize.Style{NumFmt: numFmtText}},
		{&s.date, excelize.Style{CustomNumFmt: &date}},
		{&s.dateTime, excelize.Style{CustomNumFmt: &dateTime}},
		{&s.amount, excelize.Style{NumFmt: numFmtMoney}},
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.share, excelize.Style{CustomNumFmt: &share}},
		{&s.score, excelize.Style{NumFmt: numFmtFixed2}},
		{&s.thousands, excelize.Style{NumFmt: numFmtThousands}},
		{&s.boldMoney, excelize.Style{Font: bold, NumFmt: numFmtMoney}},
		{&s.boldThousands, excelize.Style{Font: bold, NumFmt: numFmtThousands}},
		{&s.boldShare, excelize.Style{Font: bold, CustomNumFmt: &share}},
		{&s.boldScore, excelize.Style{Font: bold, NumFmt: numFmtFixed2}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	// Quoted variants come last: NewStyle reuses an identical format, and a
	// quote prefix is invisible to it, so a later NewStyle could otherwise
	// hand out a quoted format for plain cells.
	var err error
	for _, q := range []struct{ from, to *int }{
		{&s.header, &s.headerQuoted}, {&s.text, &s.textQuoted}, {&s.code, &s.codeQuoted},
	} {
		if *q.to, err = quotePrefixed(f, *q.from); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// quotePrefixed adds a copy of cell format id with Excel's quote prefix: the
// cell shows its text as typed, and editing it cannot turn it into a
// formula. excelize's Style has no field for it, so the format record is
// added to the workbook's style sheet directly.
func quotePrefixed(f *excelize.File, id int) (int, error) {
	if f.Styles == nil || f.Styles.CellXfs == nil || id >= len(f.Styles.CellXfs.Xf) {
		return 0, errors.New("export: workbook styles are not loaded")
	}
	xf := f.Styles.CellXfs.Xf[id]
	on := true
	xf.QuotePrefix = &on
	f.Styles.CellXfs.Xf = append(f.Styles.CellXfs.Xf, xf)
	f.Styles.CellXfs.Count = len(f.Styles.CellXfs.Xf)
	return len(f.Styles.CellXfs.Xf) - 1, nil
}
