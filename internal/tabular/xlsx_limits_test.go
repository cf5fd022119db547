package tabular

import (
	"fmt"
	"strings"
	"testing"
)

// A shared string table far larger than the sheets can use (a gigabyte of
// empty <si/> compresses under the zip-bomb ratio) is refused with a clear
// error instead of being loaded.
func TestSharedStringsCappedBySheets(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<sst ` + mainNS + `><si><t>客户名称</t></si><si><t>华强电子</t></si>`)
	for range minSharedStringsCap + 10 {
		b.WriteString(`<si/>`)
	}
	b.WriteString(`</sst>`)
	book := oneSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>`)
	book.sst = b.String()
	path := book.write(t)
	_, err := readOnly(t, path, Options{})
	checkErr(t, err,
		fmt.Sprintf(path+": the shared string table (xl/sharedStrings.xml) is larger than the sheets can use: more than %d strings", minSharedStringsCap),
		"open it in Excel and save it again (Excel keeps only the strings its cells use), or save the sheet as CSV UTF-8", false)

	// The same table is read when the sheets are big enough to use it.
	if got := sharedStringsCap(uint64(16 * (minSharedStringsCap + 100))); got != minSharedStringsCap+100 {
		t.Errorf("cap for big sheets = %d", got)
	}
}

// One value in column XFD on every row does not make every row 16,384
// cells wide: the row is rejected naming the cell, and its value is kept
// after the row's cells. An empty cell out there is no value at all.
func TestStrayFarColumnRejectsRowCompactly(t *testing.T) {
	var rows strings.Builder
	rows.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c><c r="B1" t="inlineStr"><is><t>手机</t></is></c></row>`)
	for r := 2; r <= 3001; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>华强电子</t></is></c><c r="B%d"><v>13800138000</v></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r, r)
	}
	rows.WriteString(`<row r="3002"><c r="A3002" t="inlineStr"><is><t>乐辰</t></is></c><c r="XFD3002" t="inlineStr"><is><t></t></is></c></row>`)
	got, err := readOnly(t, oneSheet(rows.String()).write(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3002 {
		t.Fatalf("%d rows, want 3002", len(got))
	}
	r := got[1]
	if want := []string{"华强电子", "13800138000", "1"}; strings.Join(r.Cells, ",") != strings.Join(want, ",") {
		t.Errorf("row 2 cells = %q, want %q: the stray value right after the others", r.Cells, want)
	}
	if want := "cell XFD2 is past column AMJ: a customer list has at most 1024 columns"; !strings.HasPrefix(r.Problem, want) {
		t.Errorf("row 2 problem = %q, want %q…", r.Problem, want)
	}
	if last := got[len(got)-1]; last.Problem != "" || len(last.Cells) != 1 {
		t.Errorf("row with an empty far cell = %v, want a clean one-cell row", last)
	}
}

// A title merged across to XFD fills its row only up to the widest
// customer list.
func TestMergeAcrossToXFDBounded(t *testing.T) {
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>客户名单</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>客户名称</t></is></c><c r="B2" t="inlineStr"><is><t>手机</t></is></c></row>`
	book := testBook{sheets: []testSheet{{name: "Sheet1", xml: worksheet(rows, `<mergeCells count="1"><mergeCell ref="A1:XFD1"/></mergeCells>`)}}}
	got, err := readOnly(t, book.write(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got[0].Cells) != maxCustomerColumns || got[0].Cells[maxCustomerColumns-1] != "客户名单" {
		t.Fatalf("title row: %d cells, want %d filled with the title", len(got[0].Cells), maxCustomerColumns)
	}
}
