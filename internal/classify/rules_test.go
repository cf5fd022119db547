package classify

import (
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestBadRuleReportedAtLoad(t *testing.T) {
	tests := []struct {
		when string
		want []string
	}{
		{"total_revenue > 1e6 &&& purchase_count >= 12", []string{`rule "战略客户": `, "(1:"}},
		{"total_revenu > 1e6", []string{`rule "战略客户": `, "unknown name total_revenu", "(1:1)"}},
		{"total_revenue + 1", []string{`rule "战略客户": `, "expected bool"}},
		{`owner > 3`, []string{`rule "战略客户": `, "(1:7)"}},
		{`total_revenue > 1e6 && (`, []string{`rule "战略客户": `, "unexpected token EOF"}},
	}
	for _, tt := range tests {
		c := testConfig()
		c.Rules = []Rule{{"大客户", "total_revenue > 10"}, {"战略客户", tt.when}}
		_, err := New(c)
		if err == nil {
			t.Errorf("%q: no error", tt.when)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q lacks %q", tt.when, err, w)
			}
		}
	}
}

func TestRulesFirstMatchWins(t *testing.T) {
	c := testConfig()
	c.RulesColumn = "tier_custom"
	c.Rules = []Rule{
		{"战略客户", "total_revenue > 1e6 && purchase_count >= 12"},
		{"大客户", `abc_class == "A" && rfm_m >= 3`},
		{"久未联系", "days_since_last_contact > 30 || days_since_last_contact == -1"},
		{"华东", `province in ["上海", "江苏", "浙江"]`},
	}
	recs := []*record.Record{
		rec(map[record.Field]string{record.TotalRevenue: "2000000", record.PurchaseCount: "12", record.LastContactAt: ago(1)}),
		rec(map[record.Field]string{record.TotalRevenue: "2000000", record.PurchaseCount: "11", record.LastContactAt: ago(1)}),
		rec(map[record.Field]string{record.TotalRevenue: "10", record.LastContactAt: ago(31)}),
		rec(map[record.Field]string{record.TotalRevenue: "10"}),
		rec(map[record.Field]string{record.TotalRevenue: "10", record.LastContactAt: ago(30), record.Province: "浙江"}),
		rec(map[record.Field]string{record.TotalRevenue: "10", record.LastContactAt: ago(30), record.Province: "广东"}),
	}
	want := []string{"战略客户", "大客户", "久未联系", "久未联系", "华东", ""}
	for i, cl := range classifyAll(t, c, recs) {
		if cl.Custom != want[i] {
			t.Errorf("record %d: custom %q, want %q", i, cl.Custom, want[i])
		}
	}
}

func TestRuleSeesComputedClasses(t *testing.T) {
	c := testConfig()
	c.Lang = "en"
	c.Rules = []Rule{{"hit", `value_tier == "high" && lifecycle == "New" && grade == "potential" && rfm_segment == "Hibernating" && days_since_last_purchase == 3 && rfm_r == 1 && rfm_f == 1 && id == "C1"`}}
	r := rec(map[record.Field]string{record.ID: "C1", record.TotalRevenue: "1", record.LastPurchaseAt: ago(3)})
	if got := classifyAll(t, c, []*record.Record{r})[0].Custom; got != "hit" {
		t.Errorf("custom = %q, want hit", got)
	}
}

func TestRuleRuntimeErrorNamesRecord(t *testing.T) {
	c := testConfig()
	c.Rules = []Rule{{"坏规则", `int(notes) > 3`}}
	cls := mustNew(t, c)
	r := rec(map[record.Field]string{record.Notes: "很好"})
	r.Source = "a.csv:7"
	m := cls.Fit([]Facts{FactsOf(r)})
	_, err := m.Classify(0, r)
	if err == nil || !strings.Contains(err.Error(), `a.csv:7: rule "坏规则"`) {
		t.Errorf("error = %v, want it to name a.csv:7 and the rule", err)
	}
}

func TestRuleEnvHasEveryField(t *testing.T) {
	c := testConfig()
	for _, f := range record.Fields() {
		c.Rules = append(c.Rules, Rule{f.String(), f.String() + " == " + f.String()})
	}
	if _, err := New(c); err != nil {
		t.Errorf("a canonical field is missing from the rule environment: %v", err)
	}
}
