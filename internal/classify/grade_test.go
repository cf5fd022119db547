package classify

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestGradePoints(t *testing.T) {
	g := DefaultConfig().Grade // 1 point per referral up to 2; key 8, regular 5
	tests := []struct {
		f, m      int
		referrals int32
		want      int
	}{
		{3, 5, 0, GradeKey},             // 8
		{2, 5, 0, GradeRegular},         // 7
		{2, 5, 1, GradeKey},             // 7 + 1
		{2, 4, 5, GradeKey},             // 6 + 2 (capped)
		{2, 3, 0, GradeRegular},         // 5
		{2, 2, 0, GradePotential},       // 4
		{2, 2, 1, GradeRegular},         // 4 + 1
		{0, 0, 0, GradePotential},       // prospect
		{0, 0, 1 << 30, GradePotential}, // prospect who refers: 2
	}
	for _, tt := range tests {
		if got := grade(&g, tt.f, tt.m, tt.referrals); got != tt.want {
			t.Errorf("grade(F%d M%d ref %d) = %d, want %d", tt.f, tt.m, tt.referrals, got, tt.want)
		}
	}
}

func TestGradeLabels(t *testing.T) {
	c := testConfig()
	c.RFM.F = []float64{2, 3, 5, 10}
	c.RFM.M = []float64{100, 1000, 5000, 10000}
	recs := []*record.Record{
		rec(map[record.Field]string{record.PurchaseCount: "5", record.TotalRevenue: "5000"}),                        // F4 M4: key
		rec(map[record.Field]string{record.PurchaseCount: "2", record.TotalRevenue: "1000", record.Referrals: "1"}), // F2 M3 +1: regular
		rec(map[record.Field]string{record.PurchaseCount: "1", record.TotalRevenue: "100"}),                         // F1 M2: potential
	}
	for _, lang := range []struct {
		lang string
		want [3]string
	}{{"zh", [3]string{"重要", "一般", "潜力"}}, {"en", [3]string{"key", "regular", "potential"}}} {
		c.Lang = lang.lang
		for i, cl := range classifyAll(t, c, recs) {
			if cl.Grade != lang.want[i] {
				t.Errorf("%s record %d (F%d M%d): grade %q, want %q", lang.lang, i, cl.F, cl.M, cl.Grade, lang.want[i])
			}
		}
	}
}
