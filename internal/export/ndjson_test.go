package export

import (
	"bytes"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// TestNDJSONMasks: --mask applies to NDJSON as to CSV; a value that looks
// like a formula is kept as it is (JSON is not run by a spreadsheet).
func TestNDJSONMasks(t *testing.T) {
	cols := []Column{{Name: "company", Kind: record.KindText}, {Name: "phone", Kind: record.KindPhone}}
	var out bytes.Buffer
	w, err := NewNDJSON(&out, cols, Options{Escape: true, Mask: []string{"phone"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write([]string{"=HYPERLINK(1)", "+8613812345678"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := `{"company":"=HYPERLINK(1)","phone":"` + mask("+8613812345678", record.KindPhone) + `"}` + "\n"
	if out.String() != want || bytes.Contains(out.Bytes(), []byte("38123456")) {
		t.Errorf("got %s, want %s", out.String(), want)
	}
}
