package stage

import (
	"context"
	"fmt"
	"testing"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/record"
)

// MergeAll merges on every core; its records, in order, and its counts
// (exact copies, repeated ids, amounts not added up) are those of merging
// one cluster after another. The clusters are many enough to be cut into
// several runs, and the repeated ids and copies fall on both sides of
// every cut.
func TestMergeAllIsMergeInOrder(t *testing.T) {
	recs := &record.Store{}
	const customers = 30000
	for i := range customers {
		var r record.Record
		r.Values[record.ID] = fmt.Sprintf("C%d", i)
		if i%997 == 0 {
			r.Values[record.ID] = "C-same" // one id named by many customers
		}
		r.Values[record.Company] = fmt.Sprintf("公司%d", i)
		r.Values[record.Phone] = fmt.Sprintf("+861380%07d", i)
		r.Values[record.TotalRevenue] = "1000"
		if i%1013 == 0 {
			r.Values[record.TotalRevenue] = "面议" // cannot be added up
		}
		r.Source = fmt.Sprintf("a.csv:%d", i+2)
		recs.Add(&r)
		if i%7 == 0 { // the same record again: an exact copy
			r.Source = fmt.Sprintf("b.csv:%d", i+2)
			recs.Add(&r)
		} else if i%11 == 0 { // the same phone, another amount
			r.Values[record.ID] = fmt.Sprintf("D%d", i)
			r.Values[record.TotalRevenue] = "500"
			r.Source = fmt.Sprintf("b.csv:%d", i+2)
			recs.Add(&r)
		}
	}
	dedupeOnce := func() *Deduped {
		schema := record.Schema{}
		d, err := Dedupe(context.Background(), recs, &schema, DedupeConfig{Match: dedupe.DefaultConfig()})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	seq := dedupeOnce()
	want := &record.Store{}
	if err := seq.Merge(func(r *record.Record) error { want.Add(r); return nil }); err != nil {
		t.Fatal(err)
	}
	par := dedupeOnce()
	got, err := par.MergeAll()
	if err != nil {
		t.Fatal(err)
	}
	if want.Len() != customers || got.Len() != want.Len() {
		t.Fatalf("MergeAll made %d records, Merge %d, want %d", got.Len(), want.Len(), customers)
	}
	var a, b record.Record
	for i := range want.Len() {
		want.Get(i, &a)
		got.Get(i, &b)
		if a.Values != b.Values || fmt.Sprint(a.Extra) != fmt.Sprint(b.Extra) || a.Source != b.Source {
			t.Fatalf("record %d:\n MergeAll %v %v\n Merge    %v %v", i, b.Values, b.Extra, a.Values, a.Extra)
		}
	}
	if par.Repeated != seq.Repeated || par.Surv.Copies != seq.Surv.Copies || par.Surv.SumFallbacks != seq.Surv.SumFallbacks {
		t.Errorf("counts: MergeAll repeated %d copies %d not summed %d; Merge %d %d %d",
			par.Repeated, par.Surv.Copies, par.Surv.SumFallbacks, seq.Repeated, seq.Surv.Copies, seq.Surv.SumFallbacks)
	}
	if seq.Repeated != 30 || seq.Surv.Copies == 0 || seq.Surv.SumFallbacks == 0 {
		t.Errorf("the test data lost its point: repeated %d, copies %d, not summed %d", seq.Repeated, seq.Surv.Copies, seq.Surv.SumFallbacks)
	}
}

// ApplyAll assigns on every core; the records, in order, and the count of
// owners changed are those of applying one record after another.
func TestApplyAllIsApplyInOrder(t *testing.T) {
	recs := ownedRecords(20000, nil)
	schema := record.Schema{Extra: []string{dedupe.ColumnClusterID}}
	reps := []assign.Rep{{Name: "张伟", Active: true}, {Name: "李娜", Active: false}, {Name: "赵强", Active: true}}
	policy := assign.DefaultPolicy()
	policy.AsOf = 20454 // 2026-01-01
	run := func() *Assigned {
		a, err := Assign(recs, &schema, reps, nil, policy)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	seq := run()
	want := &record.Store{}
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		seq.Apply(i, &r)
		want.Add(&r)
	}
	par := run()
	got := par.ApplyAll(recs)
	if got.Len() != want.Len() || par.Changed != seq.Changed || seq.Changed == 0 {
		t.Fatalf("ApplyAll: %d records, %d changed; Apply: %d, %d", got.Len(), par.Changed, want.Len(), seq.Changed)
	}
	var a, b record.Record
	for i := range want.Len() {
		want.Get(i, &a)
		got.Get(i, &b)
		if a.Values != b.Values || fmt.Sprint(a.Extra) != fmt.Sprint(b.Extra) {
			t.Fatalf("record %d:\n ApplyAll %v %v\n Apply    %v %v", i, b.Values, b.Extra, a.Values, a.Extra)
		}
	}
}

// Classify applies the classes on every core; the records, in order, are
// those of applying one record after another.
func TestClassifyAllIsApplyInOrder(t *testing.T) {
	recs := &record.Store{}
	for i := range 20000 {
		var r record.Record
		r.Values[record.ID] = fmt.Sprintf("C%d", i)
		r.Values[record.TotalRevenue] = fmt.Sprint((i * 7919) % 100000)
		r.Values[record.LastPurchaseAt] = fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28)
		recs.Add(&r)
	}
	cfg := classify.DefaultConfig()
	cfg.AsOf = 20454 // 2026-01-01
	schema := record.Schema{}
	got, err := Classify(recs, &schema, cfg)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClassifier(cfg, &schema)
	if err != nil {
		t.Fatal(err)
	}
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		c.Observe(&r)
	}
	c.Fit()
	var a, b record.Record
	tiers := map[string]bool{}
	for i := range recs.Len() {
		recs.Get(i, &a)
		if err := c.Apply(i, &a); err != nil {
			t.Fatal(err)
		}
		got.Records.Get(i, &b)
		if a.Values != b.Values || fmt.Sprint(a.Extra) != fmt.Sprint(b.Extra) {
			t.Fatalf("record %d:\n Classify %v\n Apply    %v", i, b.Extra, a.Extra)
		}
		tiers[fmt.Sprint(a.Extra)] = true
	}
	if got.Records.Len() != recs.Len() || len(tiers) < 10 {
		t.Errorf("%d records, %d different classes", got.Records.Len(), len(tiers))
	}
}

// ownedRecords are n records of n/2 customers (two records of each, one
// cluster id, in the first extra column), with owners and claim dates;
// more, when not nil, fills in more of record i.
func ownedRecords(n int, more func(i int, r *record.Record)) *record.Store {
	recs := &record.Store{}
	owners := []string{"张伟", "李娜", "王芳", ""}
	for i := range n {
		var r record.Record
		r.Values[record.ID] = fmt.Sprintf("C%d", i)
		r.Values[record.Company] = fmt.Sprintf("公司%d", i/2)
		r.Values[record.Owner] = owners[i%len(owners)]
		r.Values[record.ClaimedAt] = fmt.Sprintf("2025-%02d-01", 1+i%12)
		if more != nil {
			more(i, &r)
		}
		r.Extra = []string{fmt.Sprintf("K%d", i/2)} // two records of one customer
		recs.Add(&r)
	}
	return recs
}
