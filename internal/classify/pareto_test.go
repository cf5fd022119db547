package classify

import (
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// abcOf classifies revenues with the default cuts and returns the classes
// joined, in input order.
func abcOf(t *testing.T, c Config, revenues ...string) string {
	t.Helper()
	recs := make([]*record.Record, len(revenues))
	for i, v := range revenues {
		recs[i] = rec(map[record.Field]string{record.TotalRevenue: v})
	}
	var b strings.Builder
	for _, cl := range classifyAll(t, c, recs) {
		b.WriteString(cl.ABC)
	}
	return b.String()
}

func TestABC(t *testing.T) {
	tests := []struct {
		name     string
		revenues []string
		want     string
	}{
		// 50 → 0% before: A; 30 → 50% before: A; 20 → exactly 80% before: B.
		{"cut on a boundary", []string{"50", "30", "20"}, "AAB"},
		// before: 0, 60, 85, 95 → A A B C.
		{"all three classes", []string{"60", "25", "10", "5"}, "AABC"},
		{"input order does not matter", []string{"5", "10", "60", "25"}, "CBAA"},
		// before: 0, 90, 96.
		{"largest alone above 80% is A", []string{"90", "6", "4"}, "ABC"},
		{"single customer", []string{"100"}, "A"},
		// The 5s start at 80%, 85%, 90%, 95% before them; one tie group,
		// so all take the first member's B (the last would be C alone).
		{"tie group never straddles B/C", []string{"80", "5", "5", "5", "5"}, "ABBBB"},
		// The 20s start at 40% (A), 60%, 80%: all A.
		{"tie group never straddles A/B", []string{"40", "20", "20", "20"}, "AAAA"},
		{"everyone equal", []string{"7", "7", "7"}, "AAA"},
		{"all zero", []string{"0", "0", "", "0.00"}, "CCCC"},
		{"zero and missing are C", []string{"100", "0", "", "abc"}, "ACCC"},
		// A refund leaves -5: C, and nothing taken from the total.
		{"negative revenue", []string{"-5", "10", "-1000"}, "CAC"},
		{"all negative", []string{"-5", "-1"}, "CC"},
		// 0.7+0.1 is 0.7999999999999999 in floating point; by hand it is
		// exactly 80%, so 0.09 is B.
		{"decimal rounding", []string{"0.7", "0.1", "0.09", "0.06", "0.05"}, "AABBC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := abcOf(t, testConfig(), tt.revenues...); got != tt.want {
				t.Errorf("ABC of %v = %s, want %s", tt.revenues, got, tt.want)
			}
		})
	}
}

func TestABCConfiguredCuts(t *testing.T) {
	c := testConfig()
	c.ABC.A, c.ABC.B = 0.5, 1
	// before: 0, 40, 70, 90 → A A B B; zero stays C even with B = 100%.
	if got := abcOf(t, c, "40", "30", "20", "10", "0"); got != "AABBC" {
		t.Errorf("A=50%% B=100%%: got %s, want AABBC", got)
	}
}

func TestValueTierFollowsABC(t *testing.T) {
	recs := []*record.Record{
		rec(map[record.Field]string{record.TotalRevenue: "60"}),
		rec(map[record.Field]string{record.TotalRevenue: "25"}),
		rec(map[record.Field]string{record.TotalRevenue: "10"}),
		rec(map[record.Field]string{record.TotalRevenue: "5"}),
	}
	for _, lang := range []struct{ lang, want string }{{"zh", "高高中低"}, {"en", "high,high,medium,low"}} {
		c := testConfig()
		c.Lang = lang.lang
		var tiers []string
		for _, cl := range classifyAll(t, c, recs) {
			tiers = append(tiers, cl.Tier)
		}
		sep := ","
		if lang.lang == "zh" {
			sep = ""
		}
		if got := strings.Join(tiers, sep); got != lang.want {
			t.Errorf("%s tiers = %s, want %s", lang.lang, got, lang.want)
		}
	}
}

func TestFitParetoCuts(t *testing.T) {
	p := fitPareto([]float64{0, 5, 10, 25, 60}, 0.8, 0.95)
	if p.cutA != 25 || p.cutB != 10 {
		t.Errorf("cuts = %+v, want A from 25, B from 10", p)
	}
	p = fitPareto([]float64{0, 0}, 0.8, 0.95)
	if !(p.cutA > 1e308 && p.cutB > 1e308) {
		t.Errorf("all-zero cuts = %+v, want +Inf", p)
	}
}
