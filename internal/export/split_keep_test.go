package export

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// rowsOverOneText returns the fixture rows with every cell a slice of one
// string, as a streamed record's cells may share a block of the reader's
// text with many other rows, and that string.
func rowsOverOneText(t *testing.T) ([][]string, string) {
	t.Helper()
	var b strings.Builder
	for _, r := range fixtureRows {
		for _, c := range r {
			b.WriteString(c)
		}
	}
	text := b.String()
	var rows [][]string
	at := 0
	for _, r := range fixtureRows {
		row := make([]string, len(r))
		for i, c := range r {
			row[i] = text[at : at+len(c)]
			at += len(c)
		}
		rows = append(rows, row)
	}
	return rows, text
}

func sharesText(s, text string) bool {
	block := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	at := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return s != "" && at >= block && at < block+uintptr(len(text))
}

// TestSplitKeysAreCopies: the value a split file or sheet is kept under
// must be a copy, not the first row's cell, which would keep that row's
// block of text in memory for the whole export.
func TestSplitKeysAreCopies(t *testing.T) {
	rows, text := rowsOverOneText(t)
	opts := Options{SplitBy: "value_tier"}

	s, err := NewSplitFiles(fixtureCols, opts, func(value, stem string) (Sink, error) {
		return NewCSV(&bytes.Buffer{}, fixtureCols, ',', false, opts)
	})
	if err != nil {
		t.Fatal(err)
	}
	x, err := NewXLSX(&bytes.Buffer{}, fixtureCols, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := s.Write(r); err != nil {
			t.Fatal(err)
		}
		if err := x.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	var sheets []string
	for _, sh := range x.order {
		sheets = append(sheets, sh.value)
	}
	for name, values := range map[string][]string{"files": s.Values(), "sheets": sheets} {
		if len(values) != 4 || !slices.Contains(values, "高") || !slices.Contains(values, "低") {
			t.Errorf("split %s by %v, want 高, 中, 低 and the blank one", name, values)
		}
		for _, v := range values {
			if sharesText(v, text) {
				t.Errorf("split %s key %q shares the row's text", name, v)
			}
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
}
