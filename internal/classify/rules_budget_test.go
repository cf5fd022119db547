package classify

import (
	"runtime"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// Rules that would build gigabytes fail by name, within a small budget,
// whichever builtin or operator builds.
func TestRuleBuildBudget(t *testing.T) {
	notes := strings.Repeat("备注", 200_000) // a long but legal cell: 1.2 MB
	tests := []struct{ name, when string }{
		{"replace of repeats", `len(replace(repeat("a",100000),"a",repeat("b",100000))) > 0`},
		{"repeat of a long value", `len(repeat(notes, 100000)) > 0`},
		{"replace inserting everywhere", `len(replace(notes, "", notes)) > 0`},
		{"concatenation in a loop", `len(reduce(1..1000, #acc + notes, "")) > 0`},
		{"values built in a map", `len(map(1..100000, upper(notes))) > 0`},
		{"join with a long glue", `len(join(map(1..10000, "x"), notes)) > 0`},
		{"split of a repeat", `len(split(repeat("ab", 8000000), "")) > 0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testConfig()
			c.Rules = []Rule{{"贪心规则", tt.when}}
			cls := mustNew(t, c)
			r := rec(map[record.Field]string{record.Notes: notes})
			r.Source = "a.csv:2"
			m := cls.Fit([]Facts{FactsOf(r)})
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := m.Classify(0, r)
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), `rule "贪心规则"`) || !strings.Contains(err.Error(), "limit on what a rule may build") {
				t.Errorf("error = %v, want the rule named and the budget", err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20 {
				t.Errorf("allocated %d MB running one rule", alloc>>20)
			}
		})
	}
}

// Rules that build what real rules build still run.
func TestRuleBuildBudgetAllowsRealRules(t *testing.T) {
	c := testConfig()
	c.Rules = []Rule{
		{"VIP", `"VIP" in split(upper(tags), ";") && lower(company + " " + city) contains "acme" && len(replace(phone, "+86", "")) == 11 && join(["a", name], "-") == "a-Wang"`},
	}
	r := rec(map[record.Field]string{record.Tags: "vip;old", record.Company: "ACME", record.City: "Shanghai",
		record.Phone: "+8613800138000", record.Name: "Wang"})
	if got := classifyAll(t, c, []*record.Record{r})[0].Custom; got != "VIP" {
		t.Errorf("custom = %q, want VIP", got)
	}
}

// Counted builtins are type-checked when the rule compiles, as before.
func TestRuleBuildBudgetKeepsCompileTimeTypes(t *testing.T) {
	for _, when := range []string{`repeat(notes, "x") == ""`, `upper(total_revenue) == "A"`, `len(split(notes)) > 0`} {
		c := testConfig()
		c.Rules = []Rule{{"r", when}}
		if _, err := New(c); err == nil || !strings.Contains(err.Error(), `rule "r"`) {
			t.Errorf("%s: error %v, want a compile error naming the rule", when, err)
		}
	}
	c := testConfig()
	c.Rules = []Rule{{"r", `replace(notes, "a", "b", 1) == "ba" && len(split(notes, "a", 2)) == 2`}}
	r := rec(map[record.Field]string{record.Notes: "aa"})
	if got := classifyAll(t, c, []*record.Record{r})[0].Custom; got != "r" {
		t.Errorf("replace with a count / split with a limit: custom = %q", got)
	}
}
