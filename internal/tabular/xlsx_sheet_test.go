package tabular

import (
	"fmt"
	"strings"
	"testing"
)

func TestXLSXCellValues(t *testing.T) {
	// Styles: 0 General, 1 date (14), 2 custom yyyy"年"m"月"d"日", 3 time h:mm,
	// 4 currency, 5 text (@).
	styles := stylesWith([]int{0, 14, 164, 165, 166, 49}, `yyyy"年"m"月"d"日"`, "h:mm", `"¥"#,##0.00`)
	tests := []struct {
		name  string
		book  testBook
		want  []gotRow
		d1904 bool
	}{
		{
			name: "numbers are plain decimals with at most 15 significant digits",
			book: oneSheet(`<row r="1">` +
				`<c r="A1"><v>13812345678</v></c><c r="B1"><v>1.3812345678E10</v></c><c r="C1"><v>1E+20</v></c>` +
				`<c r="D1"><v>-1.5E-7</v></c><c r="E1"><v>0.30000000000000004</v></c><c r="F1" s="4"><v>12345.5</v></c>` +
				`<c r="G1" t="n"><v>007</v></c><c r="H1"><v>1.2345678901234567E+19</v></c><c r="I1"><v>not a number</v></c></row>`),
			want: []gotRow{{1, []string{"13812345678", "13812345678", "100000000000000000000", "-0.00000015", "0.3", "12345.5", "007", "12345678901234600000", "not a number"}, ""}},
		},
		{
			name: "dates by number format; text in a date-formatted cell is text",
			book: testBook{sheets: []testSheet{{name: "S", xml: worksheet(`<row r="2">`+
				`<c r="A2" s="1"><v>45720</v></c><c r="B2" s="2"><v>45720.5</v></c><c r="C2" s="3"><v>0.75</v></c>`+
				`<c r="D2" s="1" t="s"><v>0</v></c><c r="E2" s="1"><v>-3</v></c><c r="F2" s="5"><v>00123</v></c>`+
				`<c r="G2" s="99"><v>45720</v></c><c r="H2" t="d"><v>2025-03-04T14:30:00Z</v></c><c r="I2" t="d"><v>2025-03-04T00:00:00</v></c></row>`, "")}},
				sst: sst("2025/3/4"), styles: styles},
			want: []gotRow{{2, []string{"2025-03-04", "2025-03-04 12:00:00", "18:00:00", "2025/3/4", "-3", "00123", "45720", "2025-03-04 14:30:00", "2025-03-04"}, ""}},
		},
		{
			name: "1904 date system",
			book: testBook{sheets: []testSheet{{name: "S", xml: worksheet(`<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44258</v></c></row>`, "")}},
				styles: styles, date1904: true},
			want:  []gotRow{{1, []string{"1904-01-01", "2025-03-04"}, ""}},
			d1904: true,
		},
		{
			name: "booleans, errors, formula text, formula without a cached value",
			book: oneSheet(`<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c>` +
				`<c r="D1" t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c><c r="E1"><f>SUM(Z1:Z9)</f></c><c r="F1"><f>1+1</f><v>2</v></c></row>`),
			want: []gotRow{{1, []string{"TRUE", "FALSE", "#N/A", "TRUEx", "", "2"}, ""}},
		},
		{
			name: "shared strings: rich text runs joined, phonetic guides dropped, escapes decoded",
			book: testBook{sheets: []testSheet{{name: "S", xml: worksheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`, "")}},
				sst: `<sst ` + mainNS + `><si><r><rPr><b/></rPr><t>重要</t></r><r><t xml:space="preserve">客户 </t></r><rPh sb="0" eb="2"><t>zhongyao</t></rPh></si>` +
					`<si><t>line1_x000D__x000A_line2 _x005F_x0041_ &amp; &#x4E2D;&#25991;</t></si><si/><si><t><![CDATA[a<b>&c]]></t></si></sst>`},
			want: []gotRow{{1, []string{"重要客户 ", "line1\r\nline2 _x0041_ & 中文", "", "a<b>&c"}, ""}},
		},
		{
			name: "inline strings, namespace prefixes, comments, CRLF, missing r attributes",
			book: oneSheet(`<!-- written by a .NET tool --><x:row xmlns:x="urn:x"><x:c t="inlineStr"><x:is><x:t>客户&#13;&#10;A</x:t></x:is></x:c>` +
				`<x:c><x:v>5</x:v></x:c></x:row><row><c t="inlineStr"><is><t>two` + "\r\n" + `lines</t></is></c><c t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>`),
			want: []gotRow{
				{1, []string{"客户\r\nA", "5"}, ""},
				{2, []string{"two\nlines", "ab"}, ""},
			},
		},
		{
			name: "blank rows skipped, gaps filled, trailing empty cells absent",
			book: oneSheet(`<row r="1"><c r="A1" s="1"/><c r="B1" t="s"></c></row><row r="3"/><row r="4"><c r="C4"><v>1</v></c><c r="E4" t="inlineStr"><is><t></t></is></c></row>`),
			want: []gotRow{{4, []string{"", "", "1"}, ""}},
		},
		{
			name: "merged cells: top-left value fills the range, also past the row's last cell",
			book: testBook{sheets: []testSheet{{name: "S", xml: worksheet(
				`<row r="1"><c r="A1" t="inlineStr"><is><t>张伟</t></is></c><c r="B1"><v>1</v></c></row>`+
					`<row r="2"><c r="B2"><v>2</v></c></row><row r="3"><c r="A3"><v>9</v></c><c r="B3"><v>3</v></c></row>`+
					`<row r="5"><c r="A5"><v>5</v></c></row>`,
				`<mergeCells count="3"><mergeCell ref="A1:A3"/><mergeCell ref="A5:C5"/><mergeCell ref="bogus"/></mergeCells>`)}}},
			want: []gotRow{
				{1, []string{"张伟", "1"}, ""},
				{2, []string{"张伟", "2"}, ""},
				{3, []string{"张伟", "3"}, ""},
				{5, []string{"5", "5", "5"}, ""},
			},
		},
		{
			name: "row problems: missing shared string, column past XFD, rows out of order",
			book: testBook{sheets: []testSheet{{name: "S", xml: worksheet(
				`<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2"><v>1</v></c></row>`+
					`<row r="3"><c r="XFE3"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>`, "")}},
				sst: sst("only one")},
			want: []gotRow{
				{2, []string{"", "1"}, `cell A2 refers to shared text "7" that the workbook does not have`},
				{3, nil, "cell XFE3 is beyond Excel's last column XFD"},
				{1, []string{"1"}, "row 1 appears out of order in the sheet"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tables, err := Open(tt.book.write(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer tables[0].Close()
			if tables[0].Info().Date1904 != tt.d1904 {
				t.Errorf("Date1904 = %v, want %v", tables[0].Info().Date1904, tt.d1904)
			}
			got, err := readAll(t, tables[0])
			if err != nil {
				t.Fatal(err)
			}
			diffRows(t, got, tt.want)
		})
	}
}

func TestXLSXLongCells(t *testing.T) {
	long := strings.Repeat("长", maxCellChars+1)
	exact := strings.Repeat("a", maxCellChars)
	book := testBook{
		sheets: []testSheet{{name: "S", xml: worksheet(
			`<row r="12"><c r="A12" t="inlineStr"><is><t>`+exact+`</t></is></c><c r="C12" t="inlineStr"><is><t>`+long+`</t></is></c></row>`+
				`<row r="13"><c r="B13" t="s"><v>0</v></c></row>`+
				`<row r="14"><c r="A14" t="str"><v>`+strings.Repeat("x", 200_000)+`</v></c></row>`, "")}},
		sst: sst(long),
	}
	got, err := readOnly(t, book.write(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantProblems := []string{
		"cell C12 is longer than 32,767 characters",
		"cell B13 is longer than 32,767 characters",
		"cell A14 is longer than 32,767 characters",
	}
	if len(got) != len(wantProblems) {
		t.Fatalf("got %d rows, want %d", len(got), len(wantProblems))
	}
	for i, want := range wantProblems {
		if got[i].Problem != want {
			t.Errorf("row %d problem %q, want %q", got[i].Line, got[i].Problem, want)
		}
		for _, c := range got[i].Cells {
			if n := len([]rune(c)); n > maxCellChars {
				t.Errorf("row %d keeps a %d-character cell", got[i].Line, n)
			}
		}
	}
	if got[0].Cells[0] != exact {
		t.Errorf("a cell of exactly 32,767 characters was changed")
	}
}

func TestXLSXSheetErrors(t *testing.T) {
	many := strings.Repeat(`<mergeCell ref="A1:A2"/>`, maxMergedRanges+1)
	tests := []struct {
		name      string
		sheet     string
		msg, hint string
	}{
		{
			name:  "more rows than Excel allows",
			sheet: worksheet(`<row r="1048576"><c r="A1048576"><v>1</v></c></row><row r="1048577"><c r="A1"><v>1</v></c></row>`, ""),
			msg:   `sheet "S" of BOOK: it has more than 1,048,576 rows, more than Excel allows`,
			hint:  "split the sheet in two, or export it as CSV",
		},
		{
			name:  "too many merged ranges",
			sheet: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<mergeCells>`+many+`</mergeCells>`),
			msg:   `sheet "S" of BOOK: it has more than 100000 merged ranges`,
			hint:  "unmerge the cells in Excel (Home > Merge & Center > Unmerge Cells), or export the sheet as CSV",
		},
		{
			name:  "merges covering the whole sheet",
			sheet: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>`),
			msg:   `sheet "S" of BOOK: its merged cells cover more than 16777216 cells`,
			hint:  "unmerge the cells in Excel (Home > Merge & Center > Unmerge Cells), or export the sheet as CSV",
		},
		{
			name:  "unclosed row",
			sheet: `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>`,
			msg:   `BOOK is not a readable .xlsx workbook (sheet "S": malformed XML: row 1 is not closed)`,
			hint:  hintResave,
		},
		{
			name:  "document type declaration",
			sheet: `<!DOCTYPE lol [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>`,
			msg:   `BOOK is not a readable .xlsx workbook (sheet "S": XML document type declarations are not allowed)`,
			hint:  hintResave,
		},
		{
			name:  "tag longer than 1 MiB",
			sheet: worksheet(`<row r="1"><c r="A1" x="`+strings.Repeat("x", maxTagBytes)+`"><v>1</v></c></row>`, ""),
			msg:   `BOOK is not a readable .xlsx workbook (sheet "S": malformed XML: a tag is longer than 1 MiB)`,
			hint:  hintResave,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := testBook{sheets: []testSheet{{name: "S", xml: tt.sheet}}}.write(t)
			_, err := readOnly(t, path, Options{})
			checkErr(t, err, strings.ReplaceAll(tt.msg, "BOOK", path), tt.hint, false)
		})
	}
}

func TestXLSXSheetSelection(t *testing.T) {
	sheet := func(v string) string {
		return worksheet(fmt.Sprintf(`<row r="1"><c t="inlineStr"><is><t>%s</t></is></c></row>`, v), "")
	}
	book := testBook{sheets: []testSheet{
		{name: "Hidden", state: "hidden", xml: sheet("h")},
		{name: "Data 2025", xml: sheet("d")},
	}}
	path := book.write(t)
	tests := []struct {
		sheet string
		want  string
	}{
		{"", "d"},
		{"data 2025", "d"}, // case-insensitive, like Excel
		{"hidden", "h"},
	}
	for _, tt := range tests {
		got, err := readOnly(t, path, Options{Sheet: tt.sheet})
		if err != nil {
			t.Fatalf("sheet %q: %v", tt.sheet, err)
		}
		if len(got) != 1 || got[0].Cells[0] != tt.want {
			t.Errorf("sheet %q read %v, want %q", tt.sheet, got, tt.want)
		}
	}
	_, err := Open(path, Options{Sheet: "x"})
	checkErr(t, err, `sheet "x" not found in `+path+` (sheets: Hidden[hidden], Data 2025)`, "pass --sheet 'Data 2025', or --all-sheets", true)

	allHidden := testBook{sheets: []testSheet{{name: "A", state: "veryHidden", xml: sheet("a")}}}.write(t)
	_, err = Open(allHidden, Options{})
	checkErr(t, err, allHidden+" has no visible sheet of data (sheets: A[hidden])", "pass --sheet A", false)
}
