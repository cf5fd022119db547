package classify

import (
	"math"
	"slices"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestQuantileScale(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name   string
		values []float64
		bins   int
		cuts   []float64
		scores []int // of values, in input order
	}{
		// 1 + floor(5 × below / 10): below 0,1 → 1; 2,3 → 2; … 8,9 → 5.
		{"ten distinct", []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 5, []float64{3, 5, 7, 9}, []int{5, 5, 4, 4, 3, 3, 2, 2, 1, 1}},
		{"five distinct", []float64{50, 10, 40, 20, 30}, 5, []float64{20, 30, 40, 50}, []int{5, 1, 4, 2, 3}},
		// Two equal halves: 2 has half the values below it, 1 + 2.5 → 3.
		{"two distinct", []float64{1, 2, 1, 2}, 5, []float64{2, 2, inf, inf}, []int{1, 3, 1, 3}},
		// below 0, 1, 2 of 3 → 1, 1+5/3=2, 1+10/3=4.
		{"three distinct", []float64{3, 2, 1}, 5, []float64{2, 3, 3, inf}, []int{4, 2, 1}},
		{"all equal", []float64{7, 7, 7}, 5, []float64{inf, inf, inf, inf}, []int{1, 1, 1}},
		// Typical frequencies: six one-time buyers; 2 has 60% below → 4;
		// 3 has 80% → 5; 4 has 90% → 5.
		{"skewed ties", []float64{1, 1, 1, 1, 1, 1, 2, 2, 3, 4}, 5, []float64{2, 2, 2, 3}, []int{1, 1, 1, 1, 1, 1, 4, 4, 5, 5}},
		{"one value", []float64{42}, 5, []float64{inf, inf, inf, inf}, []int{1}},
		{"empty", nil, 5, []float64{inf, inf, inf, inf}, nil},
		// Three bins: below 0..3 of 6 → 1,1,2,2,3,3.
		{"three bins", []float64{1, 2, 3, 4, 5, 6}, 3, []float64{3, 5}, []int{1, 1, 2, 2, 3, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sorted := slices.Sorted(slices.Values(tt.values))
			facts := make([]Facts, len(tt.values))
			for i, v := range tt.values {
				facts[i].Purchases = int32(v)
			}
			purchases := func(f *Facts) (int, bool) { return int(f.Purchases), true }
			for _, fit := range []struct {
				name string
				s    scale
			}{{"sorting", quantileScale(sorted, tt.bins)}, {"counting", integerQuantileScale(facts, tt.bins, purchases)}} {
				if !slices.Equal(fit.s.cuts, tt.cuts) {
					t.Errorf("%s: cuts = %v, want %v", fit.name, fit.s.cuts, tt.cuts)
				}
				for i, v := range tt.values {
					if got := fit.s.score(v); got != tt.scores[i] {
						t.Errorf("%s: score(%v) = %d, want %d", fit.name, v, got, tt.scores[i])
					}
				}
			}
		})
	}
}

func TestIntegerQuantileWideRange(t *testing.T) {
	// A range too wide to count falls back to sorting, with the same result.
	facts := []Facts{{Purchases: 1}, {Purchases: math.MaxInt32}, {Purchases: 1}, {Purchases: 7}}
	s := integerQuantileScale(facts, 5, func(f *Facts) (int, bool) { return int(f.Purchases), f.Purchases != 7 })
	// 1,1 then MaxInt32 with 2 of 3 below: 1 + 10/3 = 4.
	if want := []float64{math.MaxInt32, math.MaxInt32, math.MaxInt32, math.Inf(1)}; !slices.Equal(s.cuts, want) {
		t.Errorf("cuts = %v, want %v", s.cuts, want)
	}
}

func TestFixedScale(t *testing.T) {
	r := fixedScale([]float64{30, 60, 90, 180}, true)
	for _, tt := range []struct{ days, want int }{{0, 5}, {30, 5}, {31, 4}, {60, 4}, {61, 3}, {90, 3}, {91, 2}, {180, 2}, {181, 1}, {5000, 1}} {
		if got := r.score(-float64(tt.days)); got != tt.want {
			t.Errorf("R %d days = %d, want %d", tt.days, got, tt.want)
		}
	}
	f := fixedScale([]float64{2, 3, 5, 10}, false)
	for _, tt := range []struct{ n, want int }{{1, 1}, {2, 2}, {3, 3}, {4, 3}, {5, 4}, {9, 4}, {10, 5}, {99, 5}} {
		if got := f.score(float64(tt.n)); got != tt.want {
			t.Errorf("F %d = %d, want %d", tt.n, got, tt.want)
		}
	}
}

// TestRFMQuantilesFromRecords fits R, F and M together on five buyers and a
// prospect, checking recency runs the other way and non-buyers get 0.
func TestRFMQuantilesFromRecords(t *testing.T) {
	buyer := func(days int, count, revenue string) *record.Record {
		return rec(map[record.Field]string{record.LastPurchaseAt: ago(days), record.PurchaseCount: count, record.TotalRevenue: revenue})
	}
	recs := []*record.Record{
		buyer(10, "1", "100"),  // most recent: 4 worse → R 5
		buyer(20, "2", "200"),  // R 4
		buyer(30, "2", "200"),  // R 3; F ties 2 (1 below → 2); M ties 200 → 2
		buyer(40, "5", "900"),  // R 2
		buyer(400, "9", "900"), // R 1; F 9: 4 below → 5; M 900: 3 below → 4
		rec(map[record.Field]string{record.LastContactAt: ago(1)}),
	}
	want := [][3]int{{5, 1, 1}, {4, 2, 2}, {3, 2, 2}, {2, 4, 4}, {1, 5, 4}, {0, 0, 0}}
	for i, cl := range classifyAll(t, testConfig(), recs) {
		if got := [3]int{cl.R, cl.F, cl.M}; got != want[i] {
			t.Errorf("record %d RFM = %v, want %v", i, got, want[i])
		}
	}
}

func TestRFMUnknownRecency(t *testing.T) {
	recs := []*record.Record{
		// Count and revenue but no date: F and M scored, R unknown.
		rec(map[record.Field]string{record.PurchaseCount: "3", record.TotalRevenue: "50"}),
		// Only a first purchase date and several purchases: last unknown.
		rec(map[record.Field]string{record.FirstPurchaseAt: ago(5), record.PurchaseCount: "3"}),
		// Only a first purchase date and one purchase: it is the last.
		rec(map[record.Field]string{record.FirstPurchaseAt: ago(5), record.PurchaseCount: "1"}),
		// A date in the future counts as today: more recent than 5 days
		// (1 of 2 worse → R 3); F 1 and M 0 are the lowest.
		rec(map[record.Field]string{record.LastPurchaseAt: ago(-30)}),
	}
	got := classifyAll(t, testConfig(), recs)
	for i, want := range []struct {
		r       int
		segment string
	}{{0, ""}, {0, ""}, {1, "一般挽留客户"}, {3, "一般发展客户"}} {
		if got[i].R != want.r || got[i].Segment != want.segment {
			t.Errorf("record %d: R %d segment %q, want %d %q", i, got[i].R, got[i].Segment, want.r, want.segment)
		}
	}
	if got[0].F == 0 || got[0].M == 0 {
		t.Errorf("record without dates lost F/M: %+v", got[0])
	}
}

func TestSegmentIndex(t *testing.T) {
	tests := []struct {
		r, f, m, want int
	}{
		{5, 5, 5, SegmentKeyValue},
		{3, 2, 3, SegmentKeyDevelopment},
		{2, 3, 4, SegmentKeyRetention},
		{1, 1, 5, SegmentKeyWinBack},
		{4, 4, 2, SegmentRegularValue},
		{3, 1, 1, SegmentRegularDevelopment},
		{2, 5, 2, SegmentRegularRetention},
		{1, 1, 1, SegmentRegularWinBack},
		{0, 5, 5, -1},
	}
	for _, tt := range tests {
		if got := segment(tt.r, tt.f, tt.m, 3); got != tt.want {
			t.Errorf("segment(R%d F%d M%d) = %d, want %d", tt.r, tt.f, tt.m, got, tt.want)
		}
	}
}

// TestEverySegmentReached drives records through fixed thresholds so each
// of the eight segments comes out of Classify, in both languages.
func TestEverySegmentReached(t *testing.T) {
	c := testConfig()
	c.RFM.R = []float64{30, 60, 90, 180} // ≤90 days scores ≥3: high
	c.RFM.F = []float64{2, 3, 5, 10}     // ≥3 purchases: high
	c.RFM.M = []float64{100, 1000, 5000, 10000}
	type customer struct {
		days          int
		count, amount string
	}
	cases := []struct {
		cust   customer
		zh, en string
	}{
		{customer{10, "5", "5000"}, "重要价值客户", "Champions"},
		{customer{90, "1", "1000"}, "重要发展客户", "Potential Loyalists"},
		{customer{91, "3", "1000"}, "重要保持客户", "Can't Lose Them"},
		{customer{400, "2", "20000"}, "重要挽留客户", "At Risk"},
		{customer{0, "3", "999.99"}, "一般价值客户", "Loyal"},
		{customer{30, "2", "50"}, "一般发展客户", "Promising"},
		{customer{200, "10", "0"}, "一般保持客户", "Need Attention"},
		{customer{181, "1", "10"}, "一般挽留客户", "Hibernating"},
	}
	recs := make([]*record.Record, len(cases))
	for i, cs := range cases {
		recs[i] = rec(map[record.Field]string{
			record.LastPurchaseAt: ago(cs.cust.days), record.PurchaseCount: cs.cust.count, record.TotalRevenue: cs.cust.amount,
		})
	}
	for _, lang := range []string{"zh", "en"} {
		c.Lang = lang
		for i, cl := range classifyAll(t, c, recs) {
			want := cases[i].zh
			if lang == "en" {
				want = cases[i].en
			}
			if cl.Segment != want {
				t.Errorf("%s %+v: segment %q (R%d F%d M%d), want %q", lang, cases[i].cust, cl.Segment, cl.R, cl.F, cl.M, want)
			}
		}
	}
}

func TestRFMHighSetting(t *testing.T) {
	c := testConfig()
	c.RFM.R = []float64{30, 60, 90, 180}
	c.RFM.F = []float64{2, 3, 5, 10}
	c.RFM.M = []float64{100, 1000, 5000, 10000}
	r := rec(map[record.Field]string{record.LastPurchaseAt: ago(61), record.PurchaseCount: "3", record.TotalRevenue: "1000"}) // 3,3,3
	for _, tt := range []struct {
		high int
		want string
	}{{3, "重要价值客户"}, {4, "一般挽留客户"}, {0, "重要价值客户"}} {
		c.RFM.High = tt.high
		if got := classifyAll(t, c, []*record.Record{r})[0].Segment; got != tt.want {
			t.Errorf("high %d: segment %q, want %q", tt.high, got, tt.want)
		}
	}
}
