package tabular

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// zipOf builds a zip from name → content pairs.
func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, files[i+1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCheckZipShape(t *testing.T) {
	entry := func(name string, compressed, uncompressed uint64) *zip.File {
		return &zip.File{FileHeader: zip.FileHeader{Name: name, CompressedSize64: compressed, UncompressedSize64: uncompressed}}
	}
	tests := []struct {
		name  string
		files []*zip.File
		msg   string
	}{
		{"ordinary sheet", []*zip.File{entry("xl/worksheets/sheet1.xml", 10<<20, 200<<20)}, ""},
		{"small part compressing well", []*zip.File{entry("xl/styles.xml", 1000, 10<<20)}, ""},
		{"bomb part", []*zip.File{entry("xl/worksheets/sheet1.xml", 1<<20, 1<<30)},
			"book.xlsx looks like a zip bomb: its part xl/worksheets/sheet1.xml would expand 1024 times, to 1.0 GiB"},
		{"too big in total", []*zip.File{entry("a.xml", 1<<30, 3<<30), entry("b.xml", 1<<30, 2<<30)},
			"book.xlsx unpacks to 5.0 GiB, more than the 4 GiB crmkit reads from one workbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkZipShape(&zip.Reader{File: tt.files}, "book.xlsx")
			switch {
			case tt.msg == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tt.msg != "" && (err == nil || err.Error() != tt.msg):
				t.Errorf("got %v, want %q", err, tt.msg)
			}
		})
	}
}

func TestNotAWorkbook(t *testing.T) {
	sheet := worksheet(`<row r="1"><c><v>1</v></c></row>`, "")
	tests := []struct {
		name      string
		data      []byte
		msg, hint string
	}{
		{
			name: "zip of CSV files",
			data: zipOf(t, "customers.csv", "name\nAcme\n"),
			msg:  "FILE is a zip file but not an Excel workbook",
			hint: "if it holds CSV files, unzip it and import those; if it is a workbook, " + hintResave,
		},
		{
			name: "OpenDocument",
			data: zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>"),
			msg:  "FILE is an OpenDocument spreadsheet (.ods), which crmkit cannot read",
			hint: "open it in LibreOffice or Excel and save it as .xlsx or CSV UTF-8",
		},
		{
			name: "binary workbook",
			data: zipOf(t, "_rels/.rels", `<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`, "xl/workbook.bin", "\x00"),
			msg:  "FILE is an Excel binary workbook (.xlsb), which crmkit cannot read",
			hint: "open it in Excel and save it as .xlsx (Excel Workbook) or CSV UTF-8",
		},
		{
			name: "sheet part missing",
			data: func() []byte {
				b := testBook{sheets: []testSheet{{name: "S", xml: sheet}}}.bytes(t)
				zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
				var buf bytes.Buffer
				zw := zip.NewWriter(&buf)
				for _, f := range zr.File {
					if !strings.Contains(f.Name, "worksheets") {
						zw.Copy(f)
					}
				}
				zw.Close()
				return buf.Bytes()
			}(),
			msg:  `FILE is not a readable .xlsx workbook (sheet "S" has no worksheet part)`,
			hint: hintResave,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, "file.xlsx", tt.data)
			_, err := Open(path, Options{})
			checkErr(t, err, strings.ReplaceAll(tt.msg, "FILE", path), tt.hint, false)
		})
	}
}

func TestZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write(make([]byte, 40<<20)) // 40 MiB of zeros deflate about 1000 times
	zw.Close()
	path := writeTemp(t, "bomb.xlsx", buf.Bytes())
	_, err := Open(path, Options{})
	// The exact ratio depends on the compressor.
	want := path + " looks like a zip bomb: its part xl/worksheets/sheet1.xml would expand "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), " times, to 40.0 MiB") {
		t.Errorf("got %v, want %q…", err, want)
	}
}

func TestContainsStreamAcrossReads(t *testing.T) {
	pattern := utf16LE("EncryptionInfo")
	for _, at := range []int{0, 1<<20 - 5, 1<<20 - 1, 1 << 20, 3<<20 + 7} {
		data := make([]byte, 4<<20)
		copy(data[at:], pattern)
		if !containsStream(bytes.NewReader(data), pattern) {
			t.Errorf("name at offset %d not found", at)
		}
	}
	if containsStream(bytes.NewReader(make([]byte, 3<<20)), pattern) {
		t.Errorf("found a name that is not there")
	}
}

// Strict OOXML (ISO 29500 strict, "Strict Open XML Spreadsheet" in Excel's
// Save As) uses other namespace and relationship URIs.
func TestXLSXStrictOOXML(t *testing.T) {
	book := testBook{
		sheets: []testSheet{{name: "客户", xml: worksheet(`<row r="1"><c s="1"><v>45720</v></c><c t="inlineStr"><is><t>王小明</t></is></c></row>`, "")}},
		styles: stylesWith([]int{0, 14}),
	}.bytes(t)
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	strict := strings.NewReplacer(
		"http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main",
		"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		w, _ := zw.Create(f.Name)
		io.WriteString(w, strict.Replace(string(data)))
	}
	zw.Close()
	got, err := readOnly(t, writeTemp(t, "strict.xlsx", buf.Bytes()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	diffRows(t, got, []gotRow{{1, []string{"2025-03-04", "王小明"}, ""}})
}
