package classify

import (
	"math/rand/v2"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// syntheticFacts makes n customers shaped like CRM data: a fifth never
// bought, revenue long-tailed, purchases mostly few, dates within 3 years.
func syntheticFacts(n int) []Facts {
	rng := rand.New(rand.NewPCG(1, 2))
	facts := make([]Facts, n)
	for i := range facts {
		f := Facts{FirstPurchase: NoDate, LastPurchase: NoDate, LastContact: int32(asOf - rng.IntN(400))}
		if rng.IntN(5) > 0 {
			f.Purchases = int32(1 + rng.ExpFloat64()*3)
			f.Revenue = float64(int(rng.ExpFloat64()*rng.ExpFloat64()*50000)) / 100
			f.LastPurchase = int32(asOf - rng.IntN(1000))
			f.FirstPurchase = f.LastPurchase - int32(rng.IntN(500))
			f.Referrals = int32(rng.IntN(4) / 3)
		}
		facts[i] = f
	}
	return facts
}

func benchmarkModel(b *testing.B, rules []Rule) {
	c := testConfig()
	c.Rules = rules
	cls := mustNew(b, c)
	facts := syntheticFacts(1_000_000)
	var r record.Record
	cells := make([]string, 0, 16)
	b.ReportAllocs()
	for b.Loop() {
		m := cls.Fit(facts)
		for i := range facts {
			cl, err := m.Classify(i, &r)
			if err != nil {
				b.Fatal(err)
			}
			cells = m.Cells(cl, cells[:0])
		}
	}
}

// BenchmarkFitClassify1M is the model part of classify on 1,000,000
// records: one Fit and a Classify per record.
func BenchmarkFitClassify1M(b *testing.B) { benchmarkModel(b, nil) }

func BenchmarkFitClassify1MWithRule(b *testing.B) {
	benchmarkModel(b, []Rule{{"战略客户", "total_revenue > 1e6 && purchase_count >= 12"}})
}

func BenchmarkFactsOf(b *testing.B) {
	r := rec(map[record.Field]string{
		record.TotalRevenue: "12345.5", record.PurchaseCount: "12", record.Referrals: "3",
		record.FirstPurchaseAt: "2024-02-29", record.LastPurchaseAt: "2025-03-04 10:11:12", record.LastContactAt: "2025-06-01",
	})
	b.ReportAllocs()
	var sink Facts
	for b.Loop() {
		sink = FactsOf(r)
	}
	_ = sink
}
