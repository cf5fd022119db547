package classify

import (
	"math"
	"strconv"

	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/record"
)

// NoDate marks a missing or unparseable date in Facts.
const NoDate = math.MinInt32

// Facts are the few numbers classification needs from one record; one is
// held for every record between the passes, so it stays at 32 bytes.
// Missing or unparseable numbers are 0 and dates NoDate.
type Facts struct {
	Revenue   float64 // total_revenue as given, refunds (negative) included
	Purchases int32   // purchase_count
	Referrals int32   // referrals
	// Day numbers (civil.DaysFromDate) of the purchase and contact dates.
	FirstPurchase, LastPurchase, LastContact int32
	// PurchaseData says the record has a value in total_revenue,
	// purchase_count or a purchase date (0 counts; empty does not).
	PurchaseData bool
}

// FactsOf extracts r's facts. Values are expected normalized; anything that
// does not parse counts as missing.
func FactsOf(r *record.Record) Facts {
	return Facts{
		Revenue:       parseAmount(r.Values[record.TotalRevenue]),
		Purchases:     parseCount(r.Values[record.PurchaseCount]),
		Referrals:     parseCount(r.Values[record.Referrals]),
		FirstPurchase: parseDay(r.Values[record.FirstPurchaseAt]),
		LastPurchase:  parseDay(r.Values[record.LastPurchaseAt]),
		LastContact:   parseDay(r.Values[record.LastContactAt]),
		PurchaseData: r.Values[record.TotalRevenue] != "" || r.Values[record.PurchaseCount] != "" ||
			r.Values[record.FirstPurchaseAt] != "" || r.Values[record.LastPurchaseAt] != "",
	}
}

// Bought reports whether the record shows any purchase: a purchase date, a
// purchase count or positive revenue.
func (f *Facts) Bought() bool {
	return f.Purchases > 0 || f.Revenue > 0 || f.LastPurchase != NoDate || f.FirstPurchase != NoDate
}

// lastPurchase is the last purchase day, or NoDate. A single purchase is
// both first and last; with more, a first purchase date says nothing about
// the last.
func (f *Facts) lastPurchase() int32 {
	if f.LastPurchase == NoDate && f.Purchases <= 1 {
		return f.FirstPurchase
	}
	return f.LastPurchase
}

// firstPurchase is the first purchase day; a single purchase is both first
// and last.
func (f *Facts) firstPurchase() int32 {
	if f.FirstPurchase == NoDate && f.Purchases <= 1 {
		return f.LastPurchase
	}
	return f.FirstPurchase
}

// frequency is the purchase count of a buyer: at least 1, since a purchase
// date or revenue proves one purchase even when the count is missing.
func (f *Facts) frequency() int32 {
	return max(f.Purchases, 1)
}

// daysSince counts days from day to asOf, never negative (a date after
// as-of counts as as-of); -1 when day is missing.
func daysSince(asOf int, day int32) int {
	if day == NoDate {
		return -1
	}
	return max(asOf-int(day), 0)
}

func parseAmount(s string) float64 {
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// parseCount reads a non-negative integer, saturating at MaxInt32; negative
// counts are invalid and count as missing.
func parseCount(s string) int32 {
	if s == "" {
		return 0
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && s[0] != '-' {
			return math.MaxInt32
		}
		return 0
	}
	if v < 0 {
		return 0
	}
	return int32(min(v, math.MaxInt32))
}

// parseDay reads "YYYY-MM-DD", optionally followed by a time after a space
// or "T", as a day number.
func parseDay(s string) int32 {
	d, ok := civil.ParseDate(s)
	if !ok {
		return NoDate
	}
	return int32(d)
}
