package report

// Customer is one classified customer, as a report needs it.
type Customer struct {
	ID, Company, Owner string
	Revenue            float64 // total_revenue, 0 when missing
	NoRevenue          bool    // total_revenue is empty: reported as missing, not 0
	Purchases          int
	// Labels as classify writes them, in either language; "" when not
	// classified (a customer who never bought has no Segment).
	ABC, Tier, Segment, Lifecycle, Grade string
	R, F, M                              int // RFM scores 1..5, 0 = none
}
