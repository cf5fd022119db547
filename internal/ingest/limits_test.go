package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Wide rows (16,000 cells, nearly all empty) move between the reader and
// the workers in batches bounded by bytes, not only by row count.
func TestBatchesBoundedByBytes(t *testing.T) {
	var b strings.Builder
	b.WriteString("客户名称,联系人,手机\n")
	tail := strings.Repeat(",", 16_000)
	for i := range 3000 {
		b.WriteString("华强电子,张伟,1380013" + strings.Repeat("0", 4-len(itoa(i))) + itoa(i) + tail + "\n")
	}
	path := writeFile(t, "wide.csv", b.String())
	in, err := Open([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	st, err := in.Run(context.Background(), 2, &collect{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if st.Out != 3000 {
		t.Fatalf("out %d, want 3000", st.Out)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d MB for a %d MB file", alloc>>20, b.Len()>>20)
	if alloc > 400<<20 {
		t.Errorf("allocated %d MB reading a %d MB file of wide rows, want at most 400 MB", alloc>>20, b.Len()>>20)
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// A table whose rows are nearly all rejected stops, naming the reason.
func TestTooManyRejectsStop(t *testing.T) {
	var b strings.Builder
	b.WriteString("客户名称,联系人,手机\n华强电子,张伟,13800138000\n")
	for range maxRejectedRows + 5 {
		b.WriteString("x\n")
	}
	in, err := Open([]string{writeFile(t, "bad.csv", b.String())}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	c := &collect{}
	_, err = in.Run(context.Background(), 2, c)
	if err == nil || !strings.Contains(err.Error(), "10001 of the first 10002 rows (up to line 10003) are rejected") ||
		!strings.Contains(err.Error(), "row has 1 values but the header has 3 columns") {
		t.Fatalf("error = %v", err)
	}
	if len(c.rejects) != maxRejectedRows+1 {
		t.Errorf("%d rejects handed on, want the run stopped at %d", len(c.rejects), maxRejectedRows+1)
	}
}

// writeXFDWorkbook writes a workbook whose rows each hold a customer and
// one stray value in column XFD, Excel's last.
func writeXFDWorkbook(t *testing.T, rows int) string {
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
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook `+ns+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	var sheet strings.Builder
	sheet.WriteString(`<worksheet ` + ns + `><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c><c r="B1" t="inlineStr"><is><t>手机</t></is></c></row>`)
	for r := 2; r <= rows+1; r++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>华强电子%d</t></is></c><c r="B%d"><v>138%08d</v></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r, r, r, r)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	add("xl/worksheets/sheet1.xml", sheet.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "xfd.xlsx")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// One value in column XFD on every row: rows are not 16,384 cells wide
// on their way through (3.4 GB at 300k rows); every row is rejected naming
// the cell, and the table stops once rejects pass the limit.
func TestStrayXFDColumnBounded(t *testing.T) {
	path := writeXFDWorkbook(t, 20_000)
	in, err := Open([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c := &collect{}
	_, err = in.Run(context.Background(), 2, c)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "cell XFD10002 is past column AMJ") {
		t.Fatalf("error = %v, want the run stopped naming the stray cell", err)
	}
	if len(c.rejects) == 0 || !strings.Contains(c.rejects[0].Reason, "cell XFD2 is past column AMJ") ||
		c.rejects[0].Cells[len(c.rejects[0].Cells)-1] != "1" {
		t.Errorf("first reject = %+v, want the XFD cell named and its value kept", c.rejects[0].Reason)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d MB", alloc>>20)
	if alloc > 300<<20 {
		t.Errorf("allocated %d MB reading 10,001 rows with a value in XFD, want at most 300 MB", alloc>>20)
	}
}
