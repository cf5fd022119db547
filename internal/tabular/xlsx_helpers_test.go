package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/errs"
)

// testSheet is one sheet of a synthetic workbook; xml is the whole
// worksheet part, usually built with worksheet.
type testSheet struct {
	name, state, xml string
}

// testBook describes a synthetic workbook written from raw XML, for the
// shapes real writers produce but our generator cannot.
type testBook struct {
	sheets   []testSheet
	sst      string // xl/sharedStrings.xml, "" for none
	styles   string // xl/styles.xml, "" for none
	date1904 bool
}

const mainNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`

// worksheet wraps rows (the content of sheetData) and tail (what follows
// it, e.g. mergeCells) in a worksheet part.
func worksheet(rows, tail string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet ` + mainNS + `><dimension ref="A1"/><sheetData>` + rows + `</sheetData>` + tail + `</worksheet>`
}

// sst builds a shared string table from plain strings.
func sst(items ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<sst %s count="%d" uniqueCount="%d">`, mainNS, len(items), len(items))
	for _, s := range items {
		fmt.Fprintf(&b, `<si><t xml:space="preserve">%s</t></si>`, s)
	}
	return b.String() + `</sst>`
}

// stylesWith builds styles.xml whose cellXfs use the given numFmt ids, in
// order (style 0 is the first), with custom formats from 164 on.
func stylesWith(numFmtIDs []int, custom ...string) string {
	var b strings.Builder
	b.WriteString(`<styleSheet ` + mainNS + `>`)
	if len(custom) > 0 {
		fmt.Fprintf(&b, `<numFmts count="%d">`, len(custom))
		for i, c := range custom {
			fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="%s"/>`, 164+i, xmlEscape(c))
		}
		b.WriteString(`</numFmts>`)
	}
	fmt.Fprintf(&b, `<cellXfs count="%d">`, len(numFmtIDs))
	for _, id := range numFmtIDs {
		fmt.Fprintf(&b, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`, id)
	}
	return b.String() + `</cellXfs></styleSheet>`
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func (tb testBook) bytes(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, body); err != nil {
			t.Fatal(err)
		}
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	var sheets, rels strings.Builder
	for i, s := range tb.sheets {
		state := ""
		if s.state != "" {
			state = fmt.Sprintf(` state="%s"`, s.state)
		}
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, xmlEscape(s.name), i+1, state, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		add(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s.xml)
	}
	if tb.sst != "" {
		rels.WriteString(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		add("xl/sharedStrings.xml", tb.sst)
	}
	if tb.styles != "" {
		rels.WriteString(`<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
		add("xl/styles.xml", tb.styles)
	}
	pr := ""
	if tb.date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook `+mainNS+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+pr+`<sheets>`+sheets.String()+`</sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// write saves the workbook to a temporary .xlsx and returns its path.
func (tb testBook) write(t testing.TB) string {
	t.Helper()
	return writeTemp(t, "book.xlsx", tb.bytes(t))
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// oneSheet is a workbook with a single sheet "Sheet1" holding rows.
func oneSheet(rows string) testBook {
	return testBook{sheets: []testSheet{{name: "Sheet1", xml: worksheet(rows, "")}}}
}

// gotRow is a row as a test compares it: cells copied, since a Row's cells
// are only valid until the next call to Next.
type gotRow struct {
	Line    int
	Cells   []string
	Problem string
}

func (r gotRow) String() string { return fmt.Sprintf("%d %q %q", r.Line, r.Cells, r.Problem) }

// readAll reads a table to the end.
func readAll(t testing.TB, tab Table) ([]gotRow, error) {
	t.Helper()
	var rows []gotRow
	for {
		r, err := tab.Next()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		rows = append(rows, gotRow{Line: r.Line, Cells: slices.Clone(r.Cells), Problem: r.Problem})
	}
}

// readOnly opens path and reads its only table.
func readOnly(t testing.TB, path string, opts Options) ([]gotRow, error) {
	t.Helper()
	tables, err := Open(path, opts)
	if err != nil {
		return nil, err
	}
	if len(tables) != 1 {
		t.Fatalf("got %d tables, want 1", len(tables))
	}
	defer tables[0].Close()
	return readAll(t, tables[0])
}

func diffRows(t *testing.T, got, want []gotRow) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d rows, want %d", len(got), len(want))
	}
	for i := range max(len(got), len(want)) {
		var g, w gotRow
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g.String() != w.String() {
			t.Errorf("row %d:\n got %v\nwant %v", i, g, w)
		}
	}
}

// checkErr asserts an error's message, hint and kind.
func checkErr(t *testing.T, err error, wantMsg, wantHint string, usage bool) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %q", wantMsg)
	}
	if err.Error() != wantMsg {
		t.Errorf("error:\n got %q\nwant %q", err.Error(), wantMsg)
	}
	if h := errs.HintOf(err); h != wantHint {
		t.Errorf("hint:\n got %q\nwant %q", h, wantHint)
	}
	if errs.IsUsage(err) != usage {
		t.Errorf("IsUsage = %v, want %v", errs.IsUsage(err), usage)
	}
}
