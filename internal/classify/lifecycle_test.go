package classify

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestLifecycleBoundaries(t *testing.T) {
	// Defaults: new ≤90 days since the first purchase; then since the last:
	// ≤90 active (loyal from 5 purchases), ≤180 silent, ≤365 at risk.
	type in struct {
		first, last int // days ago; -1 = missing
		count       string
	}
	tests := []struct {
		name   string
		in     in
		zh, en string
	}{
		{"first purchase today", in{0, 0, "1"}, "新客户", "New"},
		{"first purchase 90 days ago", in{90, 90, "1"}, "新客户", "New"},
		{"first purchase 90 days ago, many since", in{90, 2, "8"}, "新客户", "New"},
		{"first 91 days ago, last 90", in{91, 90, "2"}, "活跃", "Active"},
		{"last today", in{400, 0, "2"}, "活跃", "Active"},
		{"last 90 days, 4 purchases", in{400, 90, "4"}, "活跃", "Active"},
		{"last 90 days, 5 purchases", in{400, 90, "5"}, "忠实", "Loyal"},
		{"last 91 days, 5 purchases", in{400, 91, "5"}, "沉默", "Dormant"},
		{"single purchase 91 days ago", in{91, 91, "1"}, "沉默", "Dormant"},
		{"last 180 days", in{400, 180, "2"}, "沉默", "Dormant"},
		{"last 181 days", in{400, 181, "2"}, "流失预警", "At risk"},
		{"last 365 days", in{400, 365, "9"}, "流失预警", "At risk"},
		{"last 366 days", in{400, 366, "9"}, "流失", "Churned"},
		{"last purchase in the future", in{400, -30, "2"}, "活跃", "Active"},
		{"no first date, one purchase 90 days ago", in{-1, 90, "1"}, "新客户", "New"},
		{"no first date, two purchases 10 days ago", in{-1, 10, "2"}, "活跃", "Active"},
		{"no last date, one purchase 100 days ago", in{100, -1, "1"}, "沉默", "Dormant"},
		{"no last date, three purchases from 100 days ago", in{100, -1, "3"}, "", ""},
		{"no dates, a purchase count", in{-1, -1, "3"}, "", ""},
		{"never bought", in{-1, -1, ""}, "潜在", "Prospect"},
		{"count zero, no dates", in{-1, -1, "0"}, "潜在", "Prospect"},
	}
	recs := make([]*record.Record, len(tests))
	for i, tt := range tests {
		r := rec(map[record.Field]string{record.PurchaseCount: tt.in.count, record.LastContactAt: ago(1)})
		if tt.in.first != -1 {
			r.Values[record.FirstPurchaseAt] = ago(tt.in.first)
		}
		if tt.in.last != -1 {
			r.Values[record.LastPurchaseAt] = ago(tt.in.last)
		}
		recs[i] = r
	}
	for _, lang := range []string{"zh", "en"} {
		c := testConfig()
		c.Lang = lang
		for i, cl := range classifyAll(t, c, recs) {
			want := tests[i].zh
			if lang == "en" {
				want = tests[i].en
			}
			if cl.Lifecycle != want {
				t.Errorf("%s %s: lifecycle %q, want %q", lang, tests[i].name, cl.Lifecycle, want)
			}
		}
	}
}

func TestLifecycleConfigured(t *testing.T) {
	lc := LifecycleConfig{NewDays: 30, ActiveDays: 60, SilentDays: 60, ChurnDays: 100, LoyalPurchases: 2}
	f := func(first, last int, n int32) Facts {
		return Facts{Purchases: n, FirstPurchase: int32(asOf - first), LastPurchase: int32(asOf - last), LastContact: NoDate}
	}
	tests := []struct {
		f    Facts
		want int
	}{
		{f(30, 30, 1), LifecycleNew},
		{f(31, 31, 1), LifecycleActive},
		{f(31, 31, 2), LifecycleLoyal},
		{f(99, 60, 1), LifecycleActive},
		{f(99, 61, 1), LifecycleAtRisk}, // silent = active: no silent band
		{f(200, 100, 1), LifecycleAtRisk},
		{f(200, 101, 1), LifecycleChurned},
	}
	for _, tt := range tests {
		if got := lifecycle(&lc, &tt.f, asOf); got != tt.want {
			t.Errorf("%+v: lifecycle %d, want %d", tt.f, got, tt.want)
		}
	}
}
