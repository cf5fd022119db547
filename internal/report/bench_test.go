package report

import (
	"fmt"
	"testing"

	"github.com/crmkit/crmkit/internal/classify"
)

// benchCustomers is a varied pool that BenchmarkAdd cycles through; the
// revenue is rewritten per call so the top lists keep changing.
func benchCustomers() []Customer {
	l := classify.LabelsFor("zh")
	owners := []string{"", "张三", "李四", "欧阳娜娜", "王五"}
	for i := range 45 {
		owners = append(owners, fmt.Sprintf("销售%02d", i))
	}
	pool := make([]Customer, 4096)
	for i := range pool {
		pool[i] = Customer{
			ID: fmt.Sprintf("C%07d", i), Company: fmt.Sprintf("客户公司%d有限公司", i),
			Owner: owners[i%len(owners)], Purchases: i % 20,
			ABC: l.ABC[i%3], Tier: l.Tier[i%3], Segment: l.Segment[i%8], Lifecycle: l.Lifecycle[i%7],
			R: 1 + i%5, F: 1 + i/5%5, M: 1 + i/25%5,
		}
		if i%50 == 0 {
			pool[i].Segment, pool[i].Tier = "", "" // never bought, unclassified
		}
	}
	return pool
}

// BenchmarkAdd1M folds 1,000,000 customers (one op) into a Builder keeping
// top-10 lists, then builds every table.
func BenchmarkAdd1M(b *testing.B) {
	const n = 1_000_000
	pool := benchCustomers()
	b.ReportAllocs()
	for b.Loop() {
		builder := NewBuilder("zh", 10)
		for i := range n {
			c := &pool[i%len(pool)]
			c.Revenue = float64(i*7919%1_000_003) / 100
			builder.Add(c)
		}
		_ = builder.Tiers()
		_ = builder.Owners()
		_ = builder.Lifecycle()
		_ = builder.RFM()
	}
}

// BenchmarkRenderTable measures drawing all sample tables for a terminal.
func BenchmarkRenderTable(b *testing.B) {
	tables := sampleTables("zh")
	b.ReportAllocs()
	for b.Loop() {
		var out discard
		if err := RenderAll(&out, tables, "table", 80); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
