package report

import "github.com/crmkit/crmkit/internal/classify"

// longCompany is wider than an 80-column terminal allows a company column.
const longCompany = "深圳市欧阳娜娜国际贸易与供应链管理集团股份有限公司(华南区域总部)"

// sampleCustomers is the hand-made list behind the golden files: Chinese
// owners of different widths, a customer without owner, one without any
// class, a long company name, equal revenues to test the tie-break.
func sampleCustomers(lang string) []*Customer {
	l := classify.LabelsFor(lang)
	seg, life := l.Segment, l.Lifecycle
	return []*Customer{
		{ID: "C001", Company: "北京星河科技有限公司", Owner: "张三", Revenue: 520000, Purchases: 14, ABC: "A", Tier: l.Tier[0], Segment: seg[classify.SegmentKeyValue], Lifecycle: life[classify.LifecycleLoyal], R: 5, F: 5, M: 5},
		{ID: "C002", Company: longCompany, Owner: "欧阳娜娜", Revenue: 310000.5, Purchases: 6, ABC: "A", Tier: l.Tier[0], Segment: seg[classify.SegmentKeyDevelopment], Lifecycle: life[classify.LifecycleActive], R: 5, F: 3, M: 5},
		{ID: "C003", Company: "Acme Trading Ltd", Owner: "李四", Revenue: 88000, Purchases: 3, ABC: "B", Tier: l.Tier[1], Segment: seg[classify.SegmentKeyRetention], Lifecycle: life[classify.LifecycleSilent], R: 2, F: 4, M: 4},
		{ID: "C004", Company: "上海浦东物流有限公司", Owner: "张三", Revenue: 88000, Purchases: 2, ABC: "B", Tier: l.Tier[1], Segment: seg[classify.SegmentKeyWinBack], Lifecycle: life[classify.LifecycleAtRisk], R: 1, F: 2, M: 4},
		{ID: "C005", Company: "杭州小溪茶业", Owner: "", Revenue: 12000.25, Purchases: 1, ABC: "C", Tier: l.Tier[2], Segment: seg[classify.SegmentRegularDevelopment], Lifecycle: life[classify.LifecycleNew], R: 5, F: 1, M: 2},
		{ID: "C006", Company: "Globex, Inc.", Owner: "李四", Revenue: 3500, Purchases: 1, ABC: "C", Tier: l.Tier[2], Segment: seg[classify.SegmentRegularWinBack], Lifecycle: life[classify.LifecycleChurned], R: 1, F: 1, M: 1},
		{ID: "C007", Company: "广州潜在客户贸易行", Owner: "欧阳娜娜", Revenue: 0, Purchases: 0, ABC: "C", Tier: l.Tier[2], Segment: "", Lifecycle: life[classify.LifecycleProspect]},
		{ID: "C008", Company: "成都未分类商贸", Owner: "王五", Revenue: 0, Purchases: 0},
	}
}

func sampleBuilder(lang string, top int) *Builder {
	b := NewBuilder(lang, top)
	for _, c := range sampleCustomers(lang) {
		b.Add(c)
	}
	return b
}

func sampleQuality() Quality {
	return Quality{
		Records:  8,
		Rejected: 2,
		Fields: []FieldQuality{
			{Field: "id", Filled: 8},
			{Field: "company", Filled: 8},
			{Field: "phone", Filled: 5, Missing: 2, Invalid: 1},
			{Field: "email", Filled: 3, Missing: 4, Invalid: 1},
			{Field: "owner", Filled: 7, Missing: 1},
			{Field: "total_revenue", Filled: 6, Missing: 2},
		},
	}
}

// sampleTables is every table of the sample, in report order.
func sampleTables(lang string) []*Table {
	b := sampleBuilder(lang, 2)
	tables := b.Tiers()
	tables = append(tables, b.Owners(), b.Lifecycle(), b.RFM(), QualityTable(sampleQuality(), lang))
	return tables
}
