package stage

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// PipedRecords writes what a plain CSV writer would, in order, for no
// records, part of a batch and several batches; the caller may reuse its
// record.
func TestPipedRecordsWritesInOrder(t *testing.T) {
	schema := &record.Schema{Extra: []string{"x"}}
	for _, n := range []int{0, 1, pipedBatch - 1, pipedBatch, 5*pipedBatch + 3} {
		var got, want bytes.Buffer
		p, err := NewPipedRecords(&got, Records{Format: "csv"}, schema)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&want, "id,company,name,phone,email,address,province,city,postcode,industry,source,customer_type,owner,claimed_at,last_contact_at,first_purchase_at,last_purchase_at,purchase_count,total_revenue,referrals,tags,notes,birth_date,x,_source")
		r := record.Record{Extra: []string{""}}
		for i := range n {
			r.Values[record.ID] = fmt.Sprint("C", i)
			r.Extra[0] = fmt.Sprint("x", i)
			r.Source = "a.csv:" + fmt.Sprint(i+2)
			p.Record(&r)
			fmt.Fprintf(&want, "C%d,,,,,,,,,,,,,,,,,,,,,,,x%d,a.csv:%d\n", i, i, i+2)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal("a second Close:", err)
		}
		if got.String() != want.String() {
			t.Fatalf("%d records: got\n%.300s\nwant\n%.300s", n, got.String(), want.String())
		}
	}
}
