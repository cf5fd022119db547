package report

import "fmt"

// Tiers returns the value-tier summary and, when the Builder keeps top
// lists, one table of top customers per tier (best first, ties in input
// order).
func (b *Builder) Tiers() []*Table {
	w := b.w
	t := &Table{
		Title: w.titleTiers,
		Columns: []Column{
			w.col("abc_class", false), w.col("value_tier", false),
			w.col("customers", true), w.col("customer_share", true),
			w.col("revenue", true), w.col("revenue_share", true),
			w.col("average_revenue", true),
		},
	}
	row := func(abc, tier string, s tally) []Value {
		return []Value{
			Text(abc), Text(tier),
			Count(s.customers), Share(float64(s.customers), float64(b.all.customers)),
			revenueValue(s), revenueShare(s, b.all),
			averageCents(s),
		}
	}
	for i, label := range w.labels.Tier {
		t.Rows = append(t.Rows, row(abcLabel(w, i), label, b.tiers[i]))
	}
	if rest := b.tiers[len(b.tiers)-1]; rest.customers > 0 {
		t.Rows = append(t.Rows, row("", w.unclassified, rest))
	}
	t.Total = row(w.total, "", b.all)

	tables := []*Table{t}
	if b.top > 0 {
		for i := range b.tiers {
			if i == len(b.tiers)-1 && b.tiers[i].customers == 0 {
				break // no unclassified customers, no list for them
			}
			tables = append(tables, b.topTable(i))
		}
	}
	return tables
}

func abcLabel(w *words, tier int) string {
	if tier < len(w.labels.ABC) {
		return w.labels.ABC[tier]
	}
	return ""
}

// tierLabel names entry i of Builder.tiers.
func (b *Builder) tierLabel(i int) string {
	if i < len(b.w.labels.Tier) {
		return b.w.labels.Tier[i]
	}
	return b.w.unclassified
}

// topTable lists the top customers of tier i. The tier is a column, not
// only the title, so that CSV output (which has no titles) still says which
// tier a list is.
func (b *Builder) topTable(i int) *Table {
	w := b.w
	tier := b.tierLabel(i)
	t := &Table{
		Title: fmt.Sprintf(w.titleTop, b.top, tier),
		Columns: []Column{
			w.col("rank", true), w.col("value_tier", false),
			w.col("id", false), w.col("company", false), w.col("owner", false),
			w.col("revenue", true), w.col("purchases", true),
		},
	}
	for rank, e := range b.tops[i].ranked() {
		owner := e.owner
		if isPool(owner) {
			owner = w.pool
		}
		t.Rows = append(t.Rows, []Value{
			Count(rank + 1), Text(tier),
			Text(e.id), Text(e.company), Text(owner),
			topRevenue(e), Count(e.purchases),
		})
	}
	return t
}

// revenueShare is s's share of all revenue, or an empty cell when no
// revenue is known.
func revenueShare(s, all tally) Value {
	if (s.priced == 0 && s.customers > 0) || (all.priced == 0 && all.customers > 0) {
		return Value{}
	}
	return Share(float64(s.cents), float64(all.cents))
}

// topRevenue is a listed customer's revenue, empty when it is missing.
func topRevenue(e topEntry) Value {
	if e.noRevenue {
		return Value{}
	}
	return centsValue(e.cents)
}
