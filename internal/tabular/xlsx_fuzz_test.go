package tabular

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkFuzzRead opens path and reads every selected sheet. It must never
// panic; errors are fine, except the ones Next makes from a recovered panic.
func checkFuzzRead(t *testing.T, path string) {
	tables, err := openXLSX(path, path, Options{AllSheets: true})
	if err != nil {
		return
	}
	for _, tab := range tables {
		_, err := readAll(t, tab)
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("panic inside the reader: %v", err)
		}
		tab.Close()
	}
}

// FuzzXLSX feeds whole files: damaged zips, packages with missing or odd
// parts.
func FuzzXLSX(f *testing.F) {
	files, _ := filepath.Glob(fixture("xls*"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add(oneSheet(`<row r="1"><c t="inlineStr"><is><t>x</t></is></c></row>`).bytes(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		checkFuzzRead(t, path)
	})
}

// FuzzXLSXSheetXML feeds worksheet and shared-string XML straight to the
// readers behind a sheet (scanner, merge pre-scan, cell decoder), where
// random bytes get much further than in a random zip, and fast enough for
// the fuzzer to make progress.
func FuzzXLSXSheetXML(f *testing.F) {
	f.Add(worksheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45720.5</v></c><c r="C1" t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c></row>`,
		`<mergeCells><mergeCell ref="A1:B3"/></mergeCells>`), sst("客户", "a&amp;b_x000D_"))
	f.Add(worksheet(`<x:row><x:c t="d"><x:v>2025-03-04T10:00:00Z</x:v></x:c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></x:row><row r="3"/><row r="2"><c s="2"><f>1</f><v>1E+20</v></c></row>`, ""), "")
	f.Add(`<worksheet><sheetData><row><c><v><![CDATA[1]]></v></c><!-- x --></row></sheetData></worksheet>`, `<sst><si><t>&#x1F600;</t></si></sst>`)
	formats := cellFormats{kindNumber, kindDate, kindTimeOnly}
	f.Fuzz(func(t *testing.T, sheetXML, sstXML string) {
		strs, err := readSharedStrings(strings.NewReader(sstXML), 0, maxSharedStrings)
		if err != nil {
			strs = nil
		}
		ranges, err := readMergedRanges(strings.NewReader(sheetXML), uint64(len(sheetXML)))
		if err != nil {
			return
		}
		st := &sheetStream{sc: newXMLScanner(strings.NewReader(sheetXML), 0), sst: strs, formats: formats, merges: mergeFill{ranges: ranges}}
		for {
			row, err := st.next()
			if err != nil {
				return
			}
			if len(row.Cells) > maxSheetColumns {
				t.Fatalf("row %d has %d cells", row.Line, len(row.Cells))
			}
			if row.Line < 1 || row.Line > maxSheetRows {
				t.Fatalf("row number %d", row.Line)
			}
		}
	})
}
