package classify

import (
	"slices"
	"strconv"
	"sync"
	"testing"
	"unsafe"

	"github.com/crmkit/crmkit/internal/record"
)

func TestColumnsAndCells(t *testing.T) {
	r := rec(map[record.Field]string{record.TotalRevenue: "10", record.PurchaseCount: "1", record.LastPurchaseAt: ago(200)})
	prospect := rec(map[record.Field]string{record.Company: "新公司"})
	tests := []struct {
		name     string
		rules    []Rule
		column   string
		wantCols []string
		want     [2][]string
	}{
		{"no rules", nil, "", Columns, [2][]string{
			{"A", "高", "1", "1", "1", "一般挽留客户", "流失预警", "潜力"},
			{"C", "低", "", "", "", "", "潜在", "潜力"},
		}},
		{"rules", []Rule{{"老客户", "purchase_count > 0"}}, "", append(slices.Clone(Columns), "custom_class"), [2][]string{
			{"A", "高", "1", "1", "1", "一般挽留客户", "流失预警", "潜力", "老客户"},
			{"C", "低", "", "", "", "", "潜在", "潜力", ""},
		}},
		{"named rules column", []Rule{{"x", "false"}}, "标记", append(slices.Clone(Columns), "标记"), [2][]string{
			{"A", "高", "1", "1", "1", "一般挽留客户", "流失预警", "潜力", ""},
			{"C", "低", "", "", "", "", "潜在", "潜力", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testConfig()
			c.Rules, c.RulesColumn = tt.rules, tt.column
			cls := mustNew(t, c)
			if got := cls.Columns(); !slices.Equal(got, tt.wantCols) {
				t.Errorf("Columns = %v, want %v", got, tt.wantCols)
			}
			recs := []*record.Record{r, prospect}
			m := cls.Fit([]Facts{FactsOf(r), FactsOf(prospect)})
			for i, want := range tt.want {
				cl, err := m.Classify(i, recs[i])
				if err != nil {
					t.Fatal(err)
				}
				got := m.Cells(cl, []string{"keep"})
				if got[0] != "keep" || !slices.Equal(got[1:], want) {
					t.Errorf("record %d cells = %q, want keep then %q", i, got, want)
				}
			}
		})
	}
}

func TestColumnsNotShared(t *testing.T) {
	cols := mustNew(t, testConfig()).Columns()
	cols[0] = "changed"
	if Columns[0] != "abc_class" {
		t.Error("Columns() returned the package slice")
	}
}

func TestFactsStaySmall(t *testing.T) {
	if n := unsafe.Sizeof(Facts{}); n > 32 {
		t.Errorf("Facts is %d bytes, held for every record; keep it at 32", n)
	}
}

func TestClassifyConcurrently(t *testing.T) {
	c := testConfig()
	c.Rules = []Rule{{"big", "total_revenue >= 50"}}
	cls := mustNew(t, c)
	recs := make([]*record.Record, 100)
	facts := make([]Facts, len(recs))
	for i := range recs {
		recs[i] = rec(map[record.Field]string{record.TotalRevenue: strconv.Itoa(i)})
		facts[i] = FactsOf(recs[i])
	}
	m := cls.Fit(facts)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, r := range recs {
				cl, err := m.Classify(i, r)
				if want := map[bool]string{true: "big", false: ""}[i >= 50]; err != nil || cl.Custom != want {
					t.Errorf("record %d: %q, %v; want %q", i, cl.Custom, err, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// A file without any purchase data (a HubSpot contact export) gets no
// value tier, RFM, lifecycle or grade: grading everyone C, a prospect,
// would be made up. Custom rules still run. One row with a 0 in a purchase
// column is data, and every record is classified as before.
func TestNoPurchaseDataLeavesClassesEmpty(t *testing.T) {
	cfg := DefaultConfig()
	cfg.AsOf, cfg.Rules = 20000, []Rule{{Name: "named", When: `company != ""`}}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	recs := []*record.Record{rec(map[record.Field]string{record.Company: "Acme"}), rec(map[record.Field]string{record.Company: "Beta"})}
	facts := []Facts{FactsOf(recs[0]), FactsOf(recs[1])}
	m := c.Fit(facts)
	if !m.NoPurchaseData() {
		t.Fatal("NoPurchaseData = false on a file without purchases")
	}
	cl, err := m.Classify(0, recs[0])
	if err != nil {
		t.Fatal(err)
	}
	if cl.ABC != "" || cl.Tier != "" || cl.R != 0 || cl.Segment != "" || cl.Lifecycle != "" || cl.Grade != "" || cl.Custom != "named" {
		t.Errorf("classes = %+v, want empty but the custom rule", cl)
	}

	recs[1].Values[record.TotalRevenue] = "0"
	facts[1] = FactsOf(recs[1])
	m = c.Fit(facts)
	if m.NoPurchaseData() {
		t.Fatal("NoPurchaseData = true with a revenue of 0")
	}
	if cl, _ := m.Classify(0, recs[0]); cl.ABC != "C" || cl.Lifecycle != "潜在" {
		t.Errorf("with purchase data: %+v, want C and 潜在", cl)
	}
}
