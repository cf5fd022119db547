package export

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// A split workbook is the same bytes on every run: excelize copies its
// sheets from a map, and sortedZip puts them back in order.
func TestSplitWorkbookIsDeterministic(t *testing.T) {
	cols := []Column{{"id", record.KindCode}, {"owner", record.KindText}, {"total_revenue", record.KindAmount}}
	write := func() []byte {
		var buf bytes.Buffer
		x, err := NewXLSX(&buf, cols, Options{Escape: true, SplitBy: "owner", TempDir: t.TempDir()})
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
