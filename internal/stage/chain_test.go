package stage

import (
	"context"
	"testing"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/record"
)

// The records after dedupe are handed back (and so kept in memory through
// classify, assign and the export) only when the caller writes them, as
// the pipeline does for pipeline.master.
func TestChainKeepsCustomersOnlyWhenAsked(t *testing.T) {
	recs := &record.Store{}
	for _, row := range [][3]string{
		{"C1", "深圳市华强电子有限公司", "13800138000"},
		{"C2", "华强电子(深圳)有限公司", "13800138000"},
		{"C3", "上海申通物流有限公司", "13900139000"},
	} {
		var r record.Record
		r.Values[record.ID], r.Values[record.Company], r.Values[record.Phone] = row[0], row[1], row[2]
		r.Source = "in.csv:" + row[0]
		recs.Add(&r)
	}
	for _, keep := range []bool{false, true} {
		c := &Chain{Steps: []string{"dedupe"}, Dedupe: DedupeConfig{Match: dedupe.DefaultConfig()}, KeepCustomers: keep}
		res, err := c.Run(context.Background(), recs, record.Schema{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Records.Len() != 2 {
			t.Fatalf("dedupe left %d records, want 2", res.Records.Len())
		}
		switch {
		case keep && (res.Customers == nil || res.Customers.Len() != 2 || res.CustomerSchema == nil):
			t.Errorf("KeepCustomers: customers = %v", res.Customers)
		case !keep && res.Customers != nil:
			t.Error("the customers are kept though nobody writes them")
		}
	}
}
