package export

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"

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

// A sheet of several compressed chunks is the same bytes whatever the
// number of cores compressing it, and reads back whole.
func TestWorkbookBytesDoNotDependOnCores(t *testing.T) {
	cols := []Column{{"id", record.KindCode}, {"company", record.KindText}, {"total_revenue", record.KindAmount}, {"claimed_at", record.KindDate}}
	const n = 15000 // over 2 MB of sheet XML: several 1 MiB chunks
	write := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var buf bytes.Buffer
		x, err := NewXLSX(&buf, cols, Options{TempDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			if err := x.Write([]string{fmt.Sprintf("C%07d", i), fmt.Sprintf("公司 %d 有限公司", i*7919%100003), fmt.Sprintf("%d.%02d", i, i%100), "2025-07-11 09:51:00"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := x.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	one := write(1)
	for _, procs := range []int{2, 5} {
		if !bytes.Equal(write(procs), one) {
			t.Fatalf("GOMAXPROCS=%d wrote other bytes than GOMAXPROCS=1", procs)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(one))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n+1 || rows[n][0] != fmt.Sprintf("C%07d", n-1) || rows[n][2] != "14,999.99" {
		t.Fatalf("read back %d rows, last %q", len(rows), rows[len(rows)-1])
	}
}
