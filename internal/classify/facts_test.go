package classify

import (
	"math"
	"testing"

	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/record"
)

func TestFactsOf(t *testing.T) {
	day := func(y, m, d int) int32 { return int32(civil.DaysFromDate(y, m, d)) }
	tests := []struct {
		name string
		in   map[record.Field]string
		want Facts
	}{
		{"empty", nil, Facts{FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}},
		{"normalized", map[record.Field]string{
			record.TotalRevenue: "12345.5", record.PurchaseCount: "12", record.Referrals: "3",
			record.FirstPurchaseAt: "2024-02-29", record.LastPurchaseAt: "2025-03-04 10:11:12", record.LastContactAt: "2025-06-01T08:00:00",
		}, Facts{Revenue: 12345.5, Purchases: 12, Referrals: 3, FirstPurchase: day(2024, 2, 29), LastPurchase: day(2025, 3, 4), LastContact: day(2025, 6, 1)}},
		{"refund", map[record.Field]string{record.TotalRevenue: "-3"}, Facts{Revenue: -3, FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}},
		{"unparseable is missing", map[record.Field]string{
			record.TotalRevenue: "¥12,345", record.PurchaseCount: "3.5", record.Referrals: "-2",
			record.FirstPurchaseAt: "2025-02-29", record.LastPurchaseAt: "2025-3-4", record.LastContactAt: "2025-06-01x",
		}, Facts{FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}},
		{"not a number", map[record.Field]string{record.TotalRevenue: "NaN", record.PurchaseCount: "abc"}, Facts{FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}},
		{"infinite", map[record.Field]string{record.TotalRevenue: "1e400"}, Facts{FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}},
		{"huge count saturates", map[record.Field]string{record.PurchaseCount: "99999999999999999999"}, Facts{Purchases: math.MaxInt32, FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}},
		{"month 13, day 0", map[record.Field]string{record.FirstPurchaseAt: "2025-13-01", record.LastPurchaseAt: "2025-01-00"}, Facts{FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FactsOf(rec(tt.in))
			// A value in a purchase column is purchase data, parsed or not.
			tt.want.PurchaseData = tt.in[record.TotalRevenue] != "" || tt.in[record.PurchaseCount] != "" ||
				tt.in[record.FirstPurchaseAt] != "" || tt.in[record.LastPurchaseAt] != ""
			if got != tt.want {
				t.Errorf("FactsOf = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestFactsBought(t *testing.T) {
	tests := []struct {
		f    Facts
		want bool
	}{
		{Facts{FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: 5}, false},
		{Facts{Revenue: -10, FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}, false},
		{Facts{Revenue: 0.01, FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}, true},
		{Facts{Purchases: 1, FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: NoDate}, true},
		{Facts{FirstPurchase: 3, LastPurchase: NoDate, LastContact: NoDate}, true},
		{Facts{FirstPurchase: NoDate, LastPurchase: 3, LastContact: NoDate}, true},
	}
	for _, tt := range tests {
		if got := tt.f.Bought(); got != tt.want {
			t.Errorf("%+v Bought = %v, want %v", tt.f, got, tt.want)
		}
	}
}

func FuzzFactsOf(f *testing.F) {
	f.Add("12345.5", "12", "3", "2024-02-29", "2025-03-04 10:11:12", "2025-06-01")
	f.Add("-3", "-1", "", "2025-02-29", "x", "0000-01-01")
	f.Add("1e400", "99999999999999999999", "0x10", "9999-12-31T23:59", "2025-1-1", "")
	f.Fuzz(func(t *testing.T, revenue, count, referrals, first, last, contact string) {
		r := rec(map[record.Field]string{
			record.TotalRevenue: revenue, record.PurchaseCount: count, record.Referrals: referrals,
			record.FirstPurchaseAt: first, record.LastPurchaseAt: last, record.LastContactAt: contact,
		})
		facts := FactsOf(r)
		if math.IsNaN(facts.Revenue) || math.IsInf(facts.Revenue, 0) {
			t.Errorf("revenue %q gave %v", revenue, facts.Revenue)
		}
		if facts.Purchases < 0 || facts.Referrals < 0 {
			t.Errorf("negative count from %q, %q: %+v", count, referrals, facts)
		}
		for _, d := range []struct {
			text string
			day  int32
		}{{first, facts.FirstPurchase}, {last, facts.LastPurchase}, {contact, facts.LastContact}} {
			if d.day == NoDate {
				continue
			}
			y, m, dd := civil.DateFromDays(int(d.day))
			if got := ago(asOf - int(d.day)); got != d.text[:10] {
				t.Errorf("date %q parsed as %d-%d-%d", d.text, y, m, dd)
			}
		}
	})
}
