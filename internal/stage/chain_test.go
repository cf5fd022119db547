package stage

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/classify"
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

// With classify and assign, the chain fills the classes in as assign reads
// the records and copies them once; the records, schema and counts are
// those of classifying into a new store and assigning that, step by step.
// Custom rules (which can fail) still classify into a store of their own.
func TestChainClassifyAssignIsStepByStep(t *testing.T) {
	recs := ownedRecords(20000, func(i int, r *record.Record) {
		r.Values[record.TotalRevenue] = fmt.Sprint((i * 7919) % 100000)
		r.Values[record.LastPurchaseAt] = fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28)
	})
	schema := record.Schema{Extra: []string{dedupe.ColumnClusterID}}
	reps := []assign.Rep{{Name: "张伟", Active: true}, {Name: "李娜", Active: false}, {Name: "赵强", Active: true}}
	policy := assign.DefaultPolicy()
	policy.AsOf = 20454 // 2026-01-01
	plain := classify.DefaultConfig()
	plain.AsOf = policy.AsOf
	custom := plain
	custom.Rules = []classify.Rule{{Name: "named", When: `company != ""`}}
	for _, cfg := range []classify.Config{plain, custom} {
		cl, err := Classify(recs, &schema, cfg)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Assign(cl.Records, cl.Schema, reps, nil, policy)
		if err != nil {
			t.Fatal(err)
		}
		want := a.ApplyAll(cl.Records)
		c := &Chain{Steps: []string{"classify", "assign"}, Classify: cfg, Policy: policy, Reps: reps}
		got, err := c.Run(context.Background(), recs, schema)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Schema.Extra, a.Schema().Extra) || got.Records.Len() != want.Len() || got.Steps[1].Summary != fmt.Sprintf("%s settled, %d changed owner", Plural(a.Disputes(), "dispute"), a.Changed) {
			t.Fatalf("rules %d: chain schema %v, %d records, %q; step by step %v, %d, %d changed",
				len(cfg.Rules), got.Schema.Extra, got.Records.Len(), got.Steps[1].Summary, a.Schema().Extra, want.Len(), a.Changed)
		}
		var x, y record.Record
		for i := range want.Len() {
			want.Get(i, &x)
			got.Records.Get(i, &y)
			if x.Values != y.Values || !slices.Equal(x.Extra, y.Extra) || x.Source != y.Source {
				t.Fatalf("rules %d, record %d:\n chain %v %v\n steps %v %v", len(cfg.Rules), i, y.Values, y.Extra, x.Values, x.Extra)
			}
		}
	}
}

// The summary given late is TierSummary's table; records without classes
// have none (and export --summary refuses them).
func TestTierSummaryLaterIsTierSummary(t *testing.T) {
	recs := &record.Store{}
	for i := range 500 {
		var r record.Record
		r.Values[record.ID] = fmt.Sprintf("C%d", i)
		r.Values[record.TotalRevenue] = fmt.Sprint((i * 7919) % 100000)
		recs.Add(&r)
	}
	plain := record.Schema{}
	if _, ok := TierSummaryLater(recs, &plain, "zh"); ok {
		t.Error("a summary of records without classes")
	}
	cfg := classify.DefaultConfig()
	cfg.AsOf = 20454
	cl, err := Classify(recs, &plain, cfg)
	if err != nil {
		t.Fatal(err)
	}
	later, ok := TierSummaryLater(cl.Records, cl.Schema, "en")
	if !ok {
		t.Fatal("no summary of classified records")
	}
	if got, want := fmt.Sprint(later()), fmt.Sprint(TierSummary(cl.Records, cl.Schema, "en")); got != want || want == "<nil>" {
		t.Errorf("late summary %s, want %s", got, want)
	}
}

// A custom rule that fails at run time fails the chain with classify and
// assign as it fails classify alone: its classes are not filled in as
// assign reads the records, where the error would be lost.
func TestChainClassifyAssignRuleFails(t *testing.T) {
	recs := &record.Store{}
	for i := range 50 {
		var r record.Record
		r.Values[record.ID] = fmt.Sprintf("C%d", i)
		r.Values[record.Company] = fmt.Sprintf("公司%d", i)
		r.Values[record.TotalRevenue] = fmt.Sprint(i * 1000)
		recs.Add(&r)
	}
	cfg := classify.DefaultConfig()
	cfg.AsOf = 20454
	cfg.Rules = []classify.Rule{{Name: "坏", When: `len(repeat(company, 20000000)) > 0`}}
	policy := assign.DefaultPolicy()
	policy.AsOf = cfg.AsOf
	_, want := Classify(recs, &record.Schema{}, cfg)
	if want == nil {
		t.Fatal("the rule did not fail")
	}
	c := &Chain{Steps: []string{"classify", "assign"}, Classify: cfg, Policy: policy, Reps: []assign.Rep{{Name: "张伟", Active: true}}}
	if _, err := c.Run(context.Background(), recs, record.Schema{}); err == nil || err.Error() != want.Error() {
		t.Fatalf("chain error %v, want %v", err, want)
	}
}
