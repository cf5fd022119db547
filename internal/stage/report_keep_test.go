package stage

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
)

// TestAssignedViewKeepsCopies: a streamed record's strings may share a
// block of the reader's text with many other rows (ingest.Sink), so what
// the owners and disputes tables keep of a record must be copies, or a
// report over a million rows would hold every block a dispute or an owner
// name was last seen in. The tables must still say what the records do.
func TestAssignedViewKeepsCopies(t *testing.T) {
	schema := &record.Schema{Extra: []string{assign.ColumnOwnerPrevious, assign.ColumnAssignReason, assign.ColumnDispute}}
	a := NewAssignedView(schema)
	text := "张三李四C1C2华强电子星河科技deal: 成交在先earliest: 最早认领" // one block, as the reader's
	cut := func(s string) string {                     // s as a slice of text
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return text[i : i+len(s)]
	}
	add := func(id, company, before, owner, reason, dispute string) {
		r := record.Record{Extra: []string{cut(before), cut(reason), cut(dispute)}}
		r.Values[record.ID], r.Values[record.Company], r.Values[record.Owner] = cut(id), cut(company), cut(owner)
		a.Add(&r)
	}
	add("C1", "华强电子", "张三", "李四", "deal: 成交在先", "deal")
	add("C2", "星河科技", "李四", "李四", "earliest: 最早认领", "")

	block := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	shared := func(v report.Value) bool {
		at := uintptr(unsafe.Pointer(unsafe.StringData(v.Text)))
		return v.Text != "" && at >= block && at < block+uintptr(len(text))
	}
	owners := a.OwnersTable(nil, "zh")
	want := map[string][2]float64{"李四": {1, 2}, "张三": {1, 0}}
	if len(owners.Rows) != len(want) {
		t.Fatalf("owners rows %v, want %v", owners.Rows, want)
	}
	for _, row := range owners.Rows {
		if w, ok := want[row[0].Text]; !ok || row[1].Num != w[0] || row[2].Num != w[1] {
			t.Errorf("owners row %v, want before/after %v", row, w)
		}
		if shared(row[0]) {
			t.Errorf("owner %q shares the record's text", row[0].Text)
		}
	}
	disputes := a.DisputesTable("zh")
	if len(disputes.Rows) != 1 || disputes.Rows[0][0].Text != "C1" || disputes.Rows[0][5].Text != "成交在先" {
		t.Fatalf("disputes %v, want C1's alone", disputes.Rows)
	}
	for _, v := range disputes.Rows[0] {
		if shared(v) {
			t.Errorf("dispute cell %q shares the record's text", v.Text)
		}
	}
}
