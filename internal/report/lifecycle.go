package report

import "github.com/crmkit/crmkit/internal/classify"

// churnWarning marks the lifecycle stages a sales manager acts on before a
// customer is lost: 沉默, 流失预警, 流失.
var churnWarning = map[int]bool{
	classify.LifecycleSilent:  true,
	classify.LifecycleAtRisk:  true,
	classify.LifecycleChurned: true,
}

// Lifecycle returns the lifecycle distribution. The churn-risk column
// repeats the customer count of the warning stages and is empty elsewhere,
// so the stages are marked and the totals row counts the customers at risk.
func (b *Builder) Lifecycle() *Table {
	w := b.w
	t := &Table{
		Title: w.titleLifecycle,
		Columns: []Column{
			w.col("lifecycle", false),
			w.col("customers", true), w.col("customer_share", true),
			w.col("revenue", true), w.col("revenue_share", true),
			w.col("churn_warning", true),
		},
	}
	row := func(name string, s tally, warning Value) []Value {
		return []Value{
			Text(name),
			Count(s.customers), Share(float64(s.customers), float64(b.all.customers)),
			revenueValue(s), revenueShare(s, b.all),
			warning,
		}
	}
	atRisk := 0
	for i, label := range w.labels.Lifecycle {
		s := b.lifecycles[i]
		warning := Value{}
		if churnWarning[i] {
			warning = Count(s.customers)
			atRisk += s.customers
		}
		t.Rows = append(t.Rows, row(label, s, warning))
	}
	if rest := b.lifecycles[len(b.lifecycles)-1]; rest.customers > 0 {
		t.Rows = append(t.Rows, row(w.unclassified, rest, Value{}))
	}
	t.Total = row(w.total, b.all, Count(atRisk))
	return t
}
