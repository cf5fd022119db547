package report

// RFM returns the eight RFM segments: customers, shares, revenue, average
// revenue and average R, F and M scores. Customers without a segment
// (typically those who never bought) form an unclassified row.
func (b *Builder) RFM() *Table {
	w := b.w
	t := &Table{
		Title: w.titleRFM,
		Columns: []Column{
			w.col("rfm_segment", false),
			w.col("customers", true), w.col("customer_share", true),
			w.col("revenue", true), w.col("average_revenue", true),
			w.col("average_r", true), w.col("average_f", true), w.col("average_m", true),
		},
	}
	row := func(name string, s segmentTally) []Value {
		r := []Value{
			Text(name),
			Count(s.customers), Share(float64(s.customers), float64(b.all.customers)),
			revenueValue(s.tally), averageCents(s.tally),
		}
		for i := range s.sum {
			avg := Value{}
			if s.scored[i] > 0 {
				avg = Score(float64(s.sum[i]) / float64(s.scored[i]))
			}
			r = append(r, avg)
		}
		return r
	}
	var all segmentTally
	for i, s := range b.segments {
		all.customers += s.customers
		all.cents += s.cents
		all.priced += s.priced
		for j := range s.sum {
			all.sum[j] += s.sum[j]
			all.scored[j] += s.scored[j]
		}
		switch {
		case i < len(w.labels.Segment):
			t.Rows = append(t.Rows, row(w.labels.Segment[i], s))
		case s.customers > 0:
			t.Rows = append(t.Rows, row(w.unclassified, s))
		}
	}
	t.Total = row(w.total, all)
	return t
}
