package ingest

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/crmkit/crmkit/internal/tabular"
)

// rowsTable hands out rows, as a CSV table does after its header.
type rowsTable struct {
	tabular.Table
	rows []tabular.Row
}

func (t *rowsTable) Next() (tabular.Row, error) {
	if len(t.rows) == 0 {
		return tabular.Row{}, io.EOF
	}
	r := t.rows[0]
	t.rows = t.rows[1:]
	return r, nil
}

// TestTotalsRowsKeepCopies: the totals rows are kept to the end of the
// run, and a CSV row's strings share a block of the file's text with the
// rows around it (Sink), so the cells kept must be copies.
func TestTotalsRowsKeepCopies(t *testing.T) {
	in, err := Open([]string{writeFile(t, "t.csv", "客户名称,手机,累计消费金额\n")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	text := "华强13812345678100合计" // one block, as the reader's
	cut := func(s string) string { i := strings.Index(text, s); return text[i : i+len(s)] }
	in.Tables[0].src = &rowsTable{Table: in.Tables[0].src, rows: []tabular.Row{
		{Cells: []string{cut("华强"), cut("13812345678"), cut("100")}, Line: 2},
		{Cells: []string{cut("合计"), "", cut("100")}, Line: 3},
	}}
	c := &collect{}
	st, err := in.Run(context.Background(), 1, c)
	if err != nil {
		t.Fatal(err)
	}
	if st.Out != 1 || len(st.Totals) != 1 || !slices.Equal(st.Totals[0].Cells, []string{"合计", "", "100"}) {
		t.Fatalf("out %d totals %+v, want one customer and the 合计 row", st.Out, st.Totals)
	}
	block := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	for _, v := range st.Totals[0].Cells {
		if at := uintptr(unsafe.Pointer(unsafe.StringData(v))); v != "" && at >= block && at < block+uintptr(len(text)) {
			t.Errorf("totals cell %q shares the row's text", v)
		}
	}
}
