package export

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/warncode"
	"github.com/xuri/excelize/v2"
)

// writeXLSX exports rows and returns the file and the warnings given.
func writeXLSX(t testing.TB, cols []Column, opts Options, rows [][]string) ([]byte, []string) {
	t.Helper()
	var warnings []string
	opts.Warn = func(_ warncode.Code, _ int, msg string) { warnings = append(warnings, msg) }
	var buf bytes.Buffer
	x, err := NewXLSX(&buf, cols, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := x.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), warnings
}

func openXLSX(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestXLSXCellTypes(t *testing.T) {
	data, _ := writeXLSX(t, fixtureCols, Options{Escape: true}, fixtureRows)
	f := openXLSX(t, data)
	const sheet = "客户"
	tests := []struct {
		cell     string
		typ      excelize.CellType
		raw      string // stored value
		shown    string // formatted value, "" = same as raw
		numFmt   int    // built-in format, or -1 for a custom one
		quoted   bool
		noFormat bool
	}{
		{cell: "A2", typ: excelize.CellTypeInlineString, raw: "00123", numFmt: numFmtText},
		{cell: "B2", typ: excelize.CellTypeInlineString, raw: "深圳市腾云科技有限公司"},
		{cell: "C2", typ: excelize.CellTypeInlineString, raw: "+8613812345678", numFmt: numFmtText, quoted: false},
		{cell: "F2", typ: excelize.CellTypeUnset, raw: "45720", shown: "2025-03-04", numFmt: -1},
		{cell: "G2", typ: excelize.CellTypeUnset, raw: "45721.6041666667", shown: "2025-03-05 14:30:00", numFmt: -1},
		{cell: "H2", typ: excelize.CellTypeUnset, raw: "3"},
		{cell: "I2", typ: excelize.CellTypeUnset, raw: "12345.5", shown: "12,345.50", numFmt: numFmtMoney},
		{cell: "J2", typ: excelize.CellTypeInlineString, raw: hyperlink, quoted: true},
		{cell: "I3", typ: excelize.CellTypeUnset, raw: "-5", shown: "-5.00", numFmt: numFmtMoney},
		{cell: "J3", typ: excelize.CellTypeInlineString, raw: "@SUM(A1:A2)", quoted: true},
		{cell: "G3", typ: excelize.CellTypeUnset, raw: ""},
		{cell: "A5", typ: excelize.CellTypeInlineString, raw: "0001", numFmt: numFmtText},
		{cell: "B5", typ: excelize.CellTypeInlineString, raw: "-负数开头的公司", quoted: true},
		{cell: "F5", typ: excelize.CellTypeInlineString, raw: "not a date"},
		{cell: "G5", typ: excelize.CellTypeInlineString, raw: "2025-02-30"},
		{cell: "H5", typ: excelize.CellTypeInlineString, raw: "x"},
		{cell: "I5", typ: excelize.CellTypeInlineString, raw: "1.2万"},
		{cell: "J5", typ: excelize.CellTypeInlineString, raw: "\ttab first", quoted: true},
		{cell: "B6", typ: excelize.CellTypeInlineString, raw: "=1+2", quoted: true},
		{cell: "F6", typ: excelize.CellTypeInlineString, raw: "1899-12-31"},
	}
	for _, tt := range tests {
		typ, err := f.GetCellType(sheet, tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue(sheet, tt.cell, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue(sheet, tt.cell)
		formula, _ := f.GetCellFormula(sheet, tt.cell)
		if typ != tt.typ || raw != tt.raw || formula != "" {
			t.Errorf("%s: type %v raw %q formula %q; want type %v raw %q, no formula", tt.cell, typ, raw, formula, tt.typ, tt.raw)
		}
		if want := cmp(tt.shown, tt.raw); shown != want {
			t.Errorf("%s shows %q, want %q", tt.cell, shown, want)
		}
		if tt.raw == "" {
			continue
		}
		id, _ := f.GetCellStyle(sheet, tt.cell)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if got := numFmtOf(st); got != tt.numFmt {
			t.Errorf("%s number format %d, want %d", tt.cell, got, tt.numFmt)
		}
		if got := quotePrefixOf(f, id); got != tt.quoted {
			t.Errorf("%s quote prefix %v, want %v", tt.cell, got, tt.quoted)
		}
	}
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func numFmtOf(st *excelize.Style) int {
	if st.CustomNumFmt != nil {
		return -1
	}
	return st.NumFmt
}

func quotePrefixOf(f *excelize.File, id int) bool {
	xf := f.Styles.CellXfs.Xf[id]
	return xf.QuotePrefix != nil && *xf.QuotePrefix
}

func TestXLSXSheetLayout(t *testing.T) {
	data, _ := writeXLSX(t, fixtureCols, Options{Escape: true}, fixtureRows)
	f := openXLSX(t, data)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"客户"}) {
		t.Fatalf("sheets = %v", got)
	}
	panes, err := f.GetPanes("客户")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, want the first row frozen", panes)
	}
	if got := filterRange(f, "客户"); got != "'客户'!$A$1:$K$6" {
		t.Errorf("autofilter = %q", got)
	}
	id, _ := f.GetCellStyle("客户", "B1")
	st, _ := f.GetStyle(id)
	if st.Font == nil || !st.Font.Bold || len(st.Fill.Color) == 0 {
		t.Errorf("header style = %+v, want bold and filled", st)
	}
	widths := map[string]float64{
		"A": 8,  // "00123": minimum
		"B": 30, // 北京星辰贸易有限公司（北京）: 14 wide characters + 2
		"C": 16, // +8613812345678 + 2
		"J": 32, // =HYPERLINK("http://x","click") + 2
		"G": 21, // 2025-03-05 14:30:00 + 2
	}
	for col, want := range widths {
		if got, _ := f.GetColWidth("客户", col); got != want {
			t.Errorf("column %s width %v, want %v", col, got, want)
		}
	}
}

// filterRange returns the autofilter range Excel keeps as a hidden name.
func filterRange(f *excelize.File, sheet string) string {
	idx, _ := f.GetSheetIndex(sheet)
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" && d.Scope == f.GetSheetName(idx) {
			return d.RefersTo
		}
	}
	return ""
}

func TestXLSXSheetNames(t *testing.T) {
	tests := []struct {
		opts Options
		want string
	}{
		{Options{}, "客户"},
		{Options{Lang: "en"}, "Customers"},
		{Options{SheetName: "客户/名单:2025"}, "客户_名单_2025"},
	}
	for _, tt := range tests {
		data, _ := writeXLSX(t, fixtureCols, tt.opts, fixtureRows[:1])
		if got := openXLSX(t, data).GetSheetList(); !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%+v: sheets %v, want [%s]", tt.opts, got, tt.want)
		}
	}
}

func TestXLSXSplit(t *testing.T) {
	tests := []struct {
		name   string
		opts   Options
		sheets []string
	}{
		{"first appearance", Options{SplitBy: "value_tier"}, []string{"高", "中", "低", "(空)"}},
		{"given order", Options{SplitBy: "value_tier", SplitOrder: []string{"低", "中", "高", "无"}}, []string{"低", "中", "高", "(空)"}},
		{"english blank", Options{SplitBy: "value_tier", Lang: "en"}, []string{"高", "中", "低", "(blank)"}},
		{"with summary", Options{SplitBy: "value_tier", Summary: tierTable()}, []string{"汇总", "高", "中", "低", "(空)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, _ := writeXLSX(t, fixtureCols, tt.opts, fixtureRows)
			f := openXLSX(t, data)
			if got := f.GetSheetList(); !slices.Equal(got, tt.sheets) {
				t.Fatalf("sheets = %v, want %v", got, tt.sheets)
			}
			// Every row lands on its tier's sheet, in input order.
			want := map[string][]string{}
			for _, r := range fixtureRows {
				tier := r[10]
				if tier == "" {
					tier = tt.sheets[len(tt.sheets)-1]
				}
				want[tier] = append(want[tier], r[0])
			}
			for _, s := range tt.sheets {
				if s == "汇总" {
					continue
				}
				if got := columnValues(t, f, s, 0); !slices.Equal(got, want[s]) {
					t.Errorf("sheet %s ids = %v, want %v", s, got, want[s])
				}
				if p, _ := f.GetPanes(s); !p.Freeze {
					t.Errorf("sheet %s has no frozen header", s)
				}
				if filterRange(f, s) == "" {
					t.Errorf("sheet %s has no autofilter", s)
				}
			}
		})
	}
}

// columnValues returns column col of sheet below the header.
func columnValues(t testing.TB, f *excelize.File, sheet string, col int) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows[1:] {
		v := ""
		if col < len(r) {
			v = r[col]
		}
		out = append(out, v)
	}
	return out
}

func TestXLSXContinuesSheetAtRowLimit(t *testing.T) {
	cols := []Column{{"id", record.KindCode}, {"owner", record.KindText}}
	var rows [][]string
	for i := range 2500 {
		owner := "张三"
		if i%5 == 0 {
			owner = "李四"
		}
		rows = append(rows, []string{fmt.Sprintf("%05d", i), owner})
	}
	tests := []struct {
		name     string
		opts     Options
		sheets   map[string]int // data rows per sheet
		warnings int
	}{
		{"one sheet", Options{MaxRows: 1001}, map[string]int{"客户": 1000, "客户 (2)": 1000, "客户 (3)": 500}, 2},
		{"spooled", Options{MaxRows: 1001, Spool: true}, map[string]int{"客户": 1000, "客户 (2)": 1000, "客户 (3)": 500}, 2},
		{"split", Options{MaxRows: 1001, SplitBy: "owner"}, map[string]int{"张三": 1000, "张三 (2)": 1000, "李四": 500}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, warnings := writeXLSX(t, cols, tt.opts, rows)
			f := openXLSX(t, data)
			total := 0
			for _, s := range f.GetSheetList() {
				ids := columnValues(t, f, s, 0)
				if len(ids) != tt.sheets[s] {
					t.Errorf("sheet %q has %d rows, want %d", s, len(ids), tt.sheets[s])
				}
				if head, _ := f.GetCellValue(s, "A1"); head != "id" {
					t.Errorf("sheet %q header = %q", s, head)
				}
				total += len(ids)
			}
			if len(f.GetSheetList()) != len(tt.sheets) || total != len(rows) {
				t.Errorf("sheets %v hold %d rows, want %v and %d", f.GetSheetList(), total, tt.sheets, len(rows))
			}
			if len(warnings) != tt.warnings || !strings.Contains(warnings[0], "continues on sheet") {
				t.Errorf("warnings = %q, want %d", warnings, tt.warnings)
			}
		})
	}
}

func TestXLSXWidthsFromSampleOnly(t *testing.T) {
	cols := []Column{{"company", record.KindText}}
	rows := make([][]string, 0, 1500)
	for range 1200 {
		rows = append(rows, []string{"短"})
	}
	rows = append(rows, []string{strings.Repeat("长", 20)}) // past the sample
	for _, opts := range []Options{{}, {Spool: true}} {
		data, _ := writeXLSX(t, cols, opts, rows)
		if got, _ := openXLSX(t, data).GetColWidth("客户", "A"); got != 9 { // "company" + 2
			t.Errorf("spool %v: width %v, want 9", opts.Spool, got)
		}
	}
}

func TestXLSXMask(t *testing.T) {
	data, _ := writeXLSX(t, fixtureCols, Options{Escape: true, Mask: []string{"phone", "email", "claimed_at"}}, fixtureRows[:1])
	f := openXLSX(t, data)
	for cell, want := range map[string]string{"C2": "+86138****5678", "D2": "z***@example.com", "F2": "2********4"} {
		got, _ := f.GetCellValue("客户", cell)
		typ, _ := f.GetCellType("客户", cell)
		if got != want || typ != excelize.CellTypeInlineString {
			t.Errorf("%s = %q (%v), want text %q", cell, got, typ, want)
		}
	}
}

func TestXLSXEmpty(t *testing.T) {
	for _, opts := range []Options{{}, {SplitBy: "owner"}, {Spool: true}} {
		data, _ := writeXLSX(t, fixtureCols, opts, nil)
		f := openXLSX(t, data)
		rows, _ := f.GetRows("客户")
		if got := f.GetSheetList(); !slices.Equal(got, []string{"客户"}) || len(rows) != 1 || rows[0][0] != "id" {
			t.Errorf("%+v: sheets %v rows %v, want the header alone on 客户", opts, got, rows)
		}
	}
}

func TestXLSXLongCellWarns(t *testing.T) {
	cols := []Column{{"notes", record.KindText}}
	_, warnings := writeXLSX(t, cols, Options{}, [][]string{{"ok"}, {strings.Repeat("长", 40000)}})
	if len(warnings) != 1 || !strings.Contains(warnings[0], `row 3 column "notes"`) {
		t.Errorf("warnings = %q", warnings)
	}
}

func TestXLSXErrors(t *testing.T) {
	tests := []struct {
		opts Options
		want string
	}{
		{Options{SplitBy: "tier"}, `--split-by: no column named "tier"`},
		{Options{Mask: []string{"mobile"}}, `--mask: no column named "mobile"`},
		{Options{MaxRows: 1}, "rows per sheet"},
		{Options{MaxRows: ExcelMaxRows + 1}, "rows per sheet"},
	}
	for _, tt := range tests {
		_, err := NewXLSX(&bytes.Buffer{}, fixtureCols, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.opts, err, tt.want)
		}
	}
}

// sliceRows are rows in memory, as a RowSource.
type sliceRows [][]string

func (s sliceRows) Len() int { return len(s) }

func (s sliceRows) Row(i int, dst []string) []string { return append(dst[:0], s[i]...) }

// WriteRows (split sheets read the rows again at Close) writes the same
// workbook as Write row by row: one sheet, split sheets, spooled, sheets
// continued past MaxRows, masked cells, and after rows given to Write.
func TestWriteRowsIsWrite(t *testing.T) {
	var rows [][]string
	for i := range 40 {
		for _, r := range fixtureRows {
			r = slices.Clone(r)
			r[0] = fmt.Sprintf("%s-%d", r[0], i)
			rows = append(rows, r)
		}
	}
	for _, opts := range []Options{
		{},
		{SplitBy: "value_tier", Escape: true},
		{SplitBy: "value_tier", MaxRows: 7, Mask: []string{"phone", "owner"}},
		{Spool: true, MaxRows: 50},
	} {
		opts.TempDir = t.TempDir()
		want, wantWarn := writeXLSX(t, fixtureCols, opts, rows)
		for _, before := range []int{0, 5} {
			var buf bytes.Buffer
			var warnings []string
			o := opts
			o.Warn = func(_ warncode.Code, _ int, msg string) { warnings = append(warnings, msg) }
			x, err := NewXLSX(&buf, fixtureCols, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows[:before] {
				if err := x.Write(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := x.WriteRows(sliceRows(rows[before:])); err != nil {
				t.Fatal(err)
			}
			if err := x.Write(rows[0]); err == nil {
				t.Errorf("%+v: Write after WriteRows was taken", opts)
			}
			if err := x.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) || !slices.Equal(warnings, wantWarn) {
				t.Errorf("%+v, %d rows written first: WriteRows wrote other bytes or warnings %q, want %q", opts, before, warnings, wantWarn)
			}
		}
	}
}
