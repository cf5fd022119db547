package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func writeCSV(t *testing.T, cols []Column, delim rune, bom bool, opts Options, rows [][]string) string {
	t.Helper()
	var buf bytes.Buffer
	c, err := NewCSV(&buf, cols, delim, bom, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := c.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestCSVEscaping(t *testing.T) {
	cols := []Column{{"notes", record.KindText}, {"total_revenue", record.KindAmount}, {"phone", record.KindPhone}, {"purchase_count", record.KindCount}}
	tests := []struct {
		name   string
		escape bool
		row    []string
		want   string
	}{
		{"formula text escaped", true, []string{hyperlink, "1", "", "2"}, `"'=HYPERLINK(""http://x"",""click"")",1,,2`},
		{"negative amount is a number", true, []string{"ok", "-5", "", "0"}, "ok,-5,,0"},
		{"non-number in numeric column escaped", true, []string{"ok", "=1+1", "", "-cmd"}, "ok,'=1+1,,'-cmd"},
		{"phone with plus kept", true, []string{"", "", "+8613812345678", ""}, ",,+8613812345678,"},
		{"plus formula escaped", true, []string{"+A1", "", "", ""}, "'+A1,,,"},
		{"tab and CR escaped", true, []string{"\tx", "", "\ry", ""}, "'\tx,,\"'\ry\","},
		{"escape off", false, []string{hyperlink, "=1", "+86", "-1"}, `"=HYPERLINK(""http://x"",""click"")",=1,+86,-1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := writeCSV(t, cols, ',', false, Options{Escape: tt.escape}, [][]string{tt.row})
			want := "notes,total_revenue,phone,purchase_count\n" + tt.want + "\n"
			if got != want {
				t.Errorf("got\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func TestCSVBOMAndTSV(t *testing.T) {
	cols := []Column{{"company", record.KindText}, {"notes", record.KindText}}
	rows := [][]string{{"腾云", "a,b"}}
	if got := writeCSV(t, cols, ',', true, Options{}, rows); got != "\uFEFFcompany,notes\n腾云,\"a,b\"\n" {
		t.Errorf("CSV with BOM = %q", got)
	}
	if got := writeCSV(t, cols, '\t', false, Options{}, rows); got != "company\tnotes\n腾云\ta,b\n" {
		t.Errorf("TSV = %q", got)
	}
}

func TestCSVMaskAndShortRows(t *testing.T) {
	got := writeCSV(t, fixtureCols, ',', false, Options{Escape: true, Mask: []string{"phone", "email", "owner"}},
		[][]string{{"00123", "腾云", "+8613812345678", "zhang@example.com", "张三丰"}})
	lines := strings.Split(got, "\n")
	want := "00123,腾云,+86138****5678,z***@example.com,张*丰,,,,,,"
	if lines[1] != want {
		t.Errorf("masked row = %q, want %q", lines[1], want)
	}
}

func TestCSVErrors(t *testing.T) {
	cols := []Column{{"a", record.KindText}}
	if _, err := NewCSV(&bytes.Buffer{}, cols, ',', false, Options{Mask: []string{"phone"}}); err == nil || !strings.Contains(err.Error(), `no column named "phone"`) {
		t.Errorf("mask of a missing column: err = %v", err)
	}
	if _, err := NewCSV(&bytes.Buffer{}, cols, '"', false, Options{}); err == nil {
		t.Error(`delimiter '"' accepted`)
	}
	if _, err := NewCSV(&bytes.Buffer{}, nil, ',', false, Options{}); err == nil {
		t.Error("no columns accepted")
	}
	c, err := NewCSV(&bytes.Buffer{}, cols, ',', false, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Write([]string{"x", "extra"}); err == nil {
		t.Error("a row longer than the header was accepted")
	}
}

// TestCSVRoundTrip checks that what a CSV reader gets back is the value, or
// the value behind one quote when it was escaped.
func TestCSVRoundTrip(t *testing.T) {
	out := writeCSV(t, fixtureCols, ',', false, Options{Escape: true}, fixtureRows)
	got, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range fixtureRows {
		for j, v := range row {
			back := got[i+1][j]
			if back != v && back != "'"+v {
				t.Errorf("row %d %s: %q came back as %q", i, fixtureCols[j].Name, v, back)
			}
		}
	}
}
