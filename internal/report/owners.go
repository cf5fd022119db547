package report

import (
	"cmp"
	"slices"
)

// Owners returns the owner × tier matrix: customers per tier, customers and
// revenue per owner. Owners come by revenue (highest first, then name); the
// customers nobody owns (公海) come last, then the totals.
func (b *Builder) Owners() *Table {
	w := b.w
	nTier := len(w.labels.Tier)
	showRest := b.tiers[nTier].customers > 0

	t := &Table{Title: w.titleOwners, Columns: []Column{w.col("owner", false)}}
	for i, label := range w.labels.Tier {
		t.Columns = append(t.Columns, Column{Name: label, Key: tierKey(i), Numeric: true})
	}
	if showRest {
		t.Columns = append(t.Columns, Column{Name: w.unclassified, Key: unclassifiedKey, Numeric: true})
	}
	t.Columns = append(t.Columns, w.col("customers", true), w.col("revenue", true))

	row := func(name string, perTier []int, s tally) []Value {
		r := []Value{Text(name)}
		for _, n := range perTier[:nTier] {
			r = append(r, Count(n))
		}
		if showRest {
			r = append(r, Count(perTier[nTier]))
		}
		return append(r, Count(s.customers), revenueValue(s))
	}

	names := make([]string, 0, len(b.owners))
	for name := range b.owners {
		names = append(names, name)
	}
	slices.SortFunc(names, func(x, y string) int {
		if c := cmp.Compare(b.owners[y].cents, b.owners[x].cents); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	for _, name := range names {
		o := b.owners[name]
		t.Rows = append(t.Rows, row(name, o.tiers, o.tally))
	}
	t.Rows = append(t.Rows, row(w.pool, b.pool.tiers, b.pool.tally))

	perTier := make([]int, len(b.tiers))
	for i, s := range b.tiers {
		perTier[i] = s.customers
	}
	t.Total = row(w.total, perTier, b.all)
	return t
}
