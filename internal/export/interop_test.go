package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// These tests open the exported workbook in the two readers people and
// scripts use besides Excel: LibreOffice and openpyxl. They skip, saying
// why, where a reader is not installed.

func pythonWithOpenpyxl(t *testing.T) string {
	t.Helper()
	candidates := []string{"/usr/bin/python3"}
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append([]string{p}, candidates...)
	}
	for _, p := range candidates {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	t.Skip("python3 with openpyxl not found (apt-get install python3-openpyxl)")
	return ""
}

// openpyxlDump prints every sheet's cells as JSON: value, type, date flag.
const openpyxlDump = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "charts": {}, "cells": {}}
for ws in wb.worksheets:
    out["charts"][ws.title] = len(ws._charts)
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if isinstance(v, datetime.datetime):
                v = v.replace(microsecond=0).isoformat(" ")
            cells.append({"v": v, "t": c.data_type, "date": c.is_date})
        rows.append(cells)
    out["cells"][ws.title] = rows
json.dump(out, sys.stdout, ensure_ascii=False)
`

type pyCell struct {
	V    any    `json:"v"`
	T    string `json:"t"`
	Date bool   `json:"date"`
}

func TestOpenpyxlReadsWhatWasWritten(t *testing.T) {
	python := pythonWithOpenpyxl(t)
	data, _ := writeXLSX(t, fixtureCols, Options{Escape: true, Summary: tierTable()}, fixtureRows)
	path := filepath.Join(t.TempDir(), "out.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", openpyxlDump, path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var got struct {
		Sheets []string
		Charts map[string]int
		Cells  map[string][][]pyCell
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Sheets, []string{"汇总", "客户"}) || got.Charts["汇总"] != 1 {
		t.Errorf("sheets %v charts %v, want the summary with one chart first", got.Sheets, got.Charts)
	}
	sheet := got.Cells["客户"]
	for i, row := range fixtureRows {
		for j, v := range row {
			var c pyCell
			if j < len(sheet[i+1]) {
				c = sheet[i+1][j]
			}
			if c.T == "f" {
				t.Errorf("row %d %s: %q is a formula", i+2, fixtureCols[j].Name, v)
			}
			want := expectedCell(fixtureCols[j].Kind, v)
			if !sameCell(c, want) {
				t.Errorf("row %d %s: openpyxl reads %+v, want %+v", i+2, fixtureCols[j].Name, c, want)
			}
		}
	}
}

// expectedCell is how openpyxl should read a canonical value.
func expectedCell(kind record.Kind, v string) pyCell {
	switch {
	case v == "":
		return pyCell{V: nil, T: "n"}
	case kind == record.KindDate:
		if _, withTime, ok := dateSerial(v); ok {
			if !withTime {
				v += " 00:00:00"
			}
			return pyCell{V: strings.Replace(v, "T", " ", 1), T: "d", Date: true}
		}
	case kind == record.KindAmount || kind == record.KindCount:
		if n, ok := decimalNumber(v); ok {
			return pyCell{V: n, T: "n"}
		}
	}
	return pyCell{V: v, T: "s"}
}

func sameCell(got, want pyCell) bool {
	if got.T != want.T || got.Date != want.Date {
		return false
	}
	if n, ok := want.V.(float64); ok {
		g, ok := got.V.(float64)
		return ok && g == n
	}
	return got.V == want.V
}

func TestLibreOfficeReadsWhatCSVSays(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) not found (apt-get install libreoffice-calc)")
	}
	dir := t.TempDir()
	data, _ := writeXLSX(t, fixtureCols, Options{Escape: true}, fixtureRows)
	if err := os.WriteFile(filepath.Join(dir, "out.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	// 44,34,76: comma, double quote, UTF-8; the 9th token false writes
	// numbers as stored rather than as formatted (12345.5, not 12,345.50),
	// as crmkit's CSV does. Dates are written in their cell format.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
		"--outdir", filepath.Join(dir, "csv"), filepath.Join(dir, "out.xlsx"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	converted, err := os.ReadFile(filepath.Join(dir, "csv", "out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	got := readCSV(t, converted)

	// The CSV export without escaping holds the values themselves; with
	// escaping, the same values behind a quote. LibreOffice must read the
	// workbook as exactly those values: no formula was run.
	plain := readCSV(t, []byte(writeCSV(t, fixtureCols, ',', false, Options{}, fixtureRows)))
	if len(got) != len(plain) {
		t.Fatalf("LibreOffice read %d rows, CSV has %d", len(got), len(plain))
	}
	for i := range plain {
		if !slices.Equal(got[i], plain[i]) {
			t.Errorf("row %d: LibreOffice %q, CSV %q", i+1, got[i], plain[i])
		}
	}
	if got[1][9] != hyperlink {
		t.Errorf("the HYPERLINK text reads back as %q", got[1][9])
	}
	escaped := readCSV(t, []byte(writeCSV(t, fixtureCols, ',', false, Options{Escape: true}, fixtureRows)))
	for i := range escaped {
		for j := range escaped[i] {
			if e := escaped[i][j]; e != got[i][j] && e != "'"+got[i][j] {
				t.Errorf("row %d col %d: escaped CSV %q is not LibreOffice's %q", i+1, j+1, e, got[i][j])
			}
		}
	}
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows { // a reader may drop trailing empty cells
		for len(row) < len(fixtureCols) {
			row = append(row, "")
		}
		rows[i] = row
	}
	return rows
}
