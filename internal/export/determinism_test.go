package export

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
)

// A split workbook with a summary chart is the same bytes on every run:
// excelize copies its sheets, and adds content types, from maps.
func TestSplitWorkbookIsDeterministic(t *testing.T) {
	cols := []Column{{"id", record.KindCode}, {"owner", record.KindText}, {"total_revenue", record.KindAmount}}
	write := func() []byte {
		var buf bytes.Buffer
		summary := &report.Table{Title: "t", Columns: []report.Column{{Name: "k", Key: "k"}, {Name: "n", Key: "n", Numeric: true}},
			Rows: [][]report.Value{{report.Text("a"), report.Count(1)}, {report.Text("b"), report.Count(2)}}}
		x, err := NewXLSX(&buf, cols, Options{Escape: true, SplitBy: "owner", Summary: summary, TempDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		for i := range 300 {
			if err := x.Write([]string{fmt.Sprintf("%05d", i), fmt.Sprintf("rep%d", i%9), fmt.Sprint(i * 10)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := x.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := write()
	for range 5 {
		if !bytes.Equal(write(), first) {
			t.Fatal("two runs wrote different bytes")
		}
	}
}
