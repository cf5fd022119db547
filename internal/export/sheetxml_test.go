package export

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelizeRow is the <row> excelize's StreamWriter writes for cells at
// row 2: what crmkit wrote through it before it wrote sheets itself.
func excelizeRow(t testing.TB, cells []excelize.Cell) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	vals := make([]any, len(cells))
	for i := range cells {
		vals[i] = &cells[i]
	}
	if err := sw.SetRow("A2", vals); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(rc)
	s := string(b)
	from, to := strings.Index(s, "<sheetData>"), strings.Index(s, "</sheetData>")
	if from < 0 || to < 0 {
		t.Fatalf("no sheetData in %q", s)
	}
	return s[from+len("<sheetData>") : to]
}

func ourRow(cells []excelize.Cell) string {
	b := []byte(`<row r="2">`)
	for i, c := range cells {
		col, _ := excelize.ColumnNumberToName(i + 1)
		switch v := c.Value.(type) {
		case string:
			b = appendTextCell(b, col, "2", c.StyleID, v)
		case float64:
			b = appendNumberCell(b, col, "2", c.StyleID, v)
		}
	}
	return string(append(b, `</row>`...))
}

var textCases = []string{
	"plain", "北京华强电子有限公司", " leading", "trailing ", "\tTab", "line\nbreak", "cr\r\nlf",
	`<a href="x">&'</a>`, "ctl\x00\x01\x1f\x7f", "bad \xff\xfe utf8", "\ufffe\uffff", "emoji 😀 \U0010FFFF",
	"\xed\xa0\x80 surrogate", "_x0041_", "a_x00e9_b", "_x005F_", "_x005F_x0041_", "_x005F_xZZZZ_", "_xD800_",
	"__x0041__x0042_", "=SUM(A1:A2)", "+8613812345678", "007", "a\u2028b", "\r", " ",
	strings.Repeat("长", 40000), strings.Repeat("😀", 20000), strings.Repeat("a", 32766) + "😀",
}

// Text cells are written byte for byte as excelize wrote them.
func TestTextCellsAsExcelizeWritesThem(t *testing.T) {
	for _, v := range textCases {
		for _, style := range []int{0, 2} {
			cells := []excelize.Cell{{StyleID: style, Value: v}}
			if want, got := excelizeRow(t, cells), ourRow(cells); got != want {
				t.Errorf("%.40q (style %d):\n got %.300q\nwant %.300q", v, style, got, want)
			}
		}
	}
}

// Numbers (amounts, counts, date serials) too, from the canonical text
// through the fast path for strings that are already shortest.
func TestNumberCellsAsExcelizeWritesThem(t *testing.T) {
	for _, s := range []string{"0", "-0", "007", "1.50", ".5", "-12.30", "-12.3", "26006.55", "123456789012345",
		"1234567890123450000", "100000000000000000000", "0.000001", "0.0000000000001", "12345678901234.5",
		"-0.5", "5.", "99999999999999.9", "0.1", "1000", "-1000.25"} {
		n, ok := decimalNumber(s)
		if !ok {
			continue
		}
		want := excelizeRow(t, []excelize.Cell{{StyleID: 5, Value: n}})
		got := string(appendDecimalCell([]byte(`<row r="2">`), "A", "2", 5, s, n)) + `</row>`
		if got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"2025-07-11", "1900-03-01", "2025-07-11 09:51:00", "2024-02-29T23:59:59", "9999-12-31 14:30:00"} {
		serial, _, ok := dateSerial(s)
		if !ok {
			t.Fatalf("%q is a date", s)
		}
		cells := []excelize.Cell{{StyleID: 4, Value: serial}}
		if want, got := excelizeRow(t, cells), ourRow(cells); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}

func FuzzTextCell(f *testing.F) {
	for _, v := range textCases[:len(textCases)-3] {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		cells := []excelize.Cell{{Value: v}}
		if want, got := excelizeRow(t, cells), ourRow(cells); got != want {
			t.Errorf("%q:\n got %q\nwant %q", v, got, want)
		}
	})
}

func FuzzDecimalCell(f *testing.F) {
	for _, s := range []string{"0", "-0", "1.50", ".5", "26006.55", "0.000001", "123456789012345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := decimalNumber(s)
		if !ok {
			return
		}
		want := excelizeRow(t, []excelize.Cell{{Value: n}})
		got := string(appendDecimalCell([]byte(`<row r="2">`), "A", "2", 0, s, n)) + `</row>`
		if got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	})
}
