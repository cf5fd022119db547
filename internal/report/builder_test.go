package report

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// column returns the values of the column keyed key, one per row.
func column(t *testing.T, tbl *Table, key string) []Value {
	t.Helper()
	for i, c := range tbl.Columns {
		if c.Key == key {
			out := make([]Value, len(tbl.Rows))
			for r, row := range tbl.Rows {
				out[r] = row[i]
			}
			return out
		}
	}
	t.Fatalf("%s has no column %q", tbl.Title, key)
	return nil
}

func texts(values []Value) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.Text
	}
	return out
}

func nums(values []Value) []float64 {
	out := make([]float64, len(values))
	for i, v := range values {
		out[i] = v.Num
		if !v.IsNum {
			out[i] = math.NaN() // an empty cell
		}
	}
	return out
}

func sameNums(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool {
		return x == y || (math.IsNaN(x) && math.IsNaN(y))
	})
}

var empty = math.NaN()

func TestTiers(t *testing.T) {
	tests := []struct {
		name          string
		lang          string
		customers     []Customer
		wantTiers     []string
		wantCustomers []float64
		wantRevenue   []float64
		wantTotal     float64 // revenue
	}{
		{
			name:          "every tier is a row even when empty",
			lang:          "zh",
			customers:     []Customer{{Tier: "高", Revenue: 10}},
			wantTiers:     []string{"高", "中", "低"},
			wantCustomers: []float64{1, 0, 0},
			wantRevenue:   []float64{10, 0, 0},
			wantTotal:     10,
		},
		{
			name:          "empty and unknown labels go to unclassified",
			lang:          "en",
			customers:     []Customer{{Tier: "low", Revenue: 1}, {Tier: "", Revenue: 2}, {Tier: "VIP", Revenue: 3}},
			wantTiers:     []string{"high", "medium", "low", "(unclassified)"},
			wantCustomers: []float64{0, 0, 1, 2},
			wantRevenue:   []float64{0, 0, 1, 5},
			wantTotal:     6,
		},
		{
			name:          "labels of the other language and abc_class count",
			lang:          "zh",
			customers:     []Customer{{Tier: "high"}, {ABC: "B"}, {Tier: "低", ABC: "A"}},
			wantTiers:     []string{"高", "中", "低"},
			wantCustomers: []float64{1, 1, 1},
			wantRevenue:   []float64{0, 0, 0},
		},
		{
			name:          "amounts sum to the cent; non-numbers count as 0",
			lang:          "en",
			customers:     []Customer{{Tier: "high", Revenue: 0.1}, {Tier: "high", Revenue: 0.2}, {Tier: "high", Revenue: math.NaN()}, {Tier: "high", Revenue: math.Inf(1)}},
			wantTiers:     []string{"high", "medium", "low"},
			wantCustomers: []float64{4, 0, 0},
			wantRevenue:   []float64{0.3, 0, 0},
			wantTotal:     0.3,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBuilder(tc.lang, 0)
			for i := range tc.customers {
				b.Add(&tc.customers[i])
			}
			tables := b.Tiers()
			if len(tables) != 1 {
				t.Fatalf("%d tables without top lists, want 1", len(tables))
			}
			tbl := tables[0]
			if got := texts(column(t, tbl, "value_tier")); !slices.Equal(got, tc.wantTiers) {
				t.Errorf("tiers = %q, want %q", got, tc.wantTiers)
			}
			if got := nums(column(t, tbl, "customers")); !sameNums(got, tc.wantCustomers) {
				t.Errorf("customers = %v, want %v", got, tc.wantCustomers)
			}
			if got := nums(column(t, tbl, "revenue")); !sameNums(got, tc.wantRevenue) {
				t.Errorf("revenue = %v, want %v", got, tc.wantRevenue)
			}
			if got := tbl.Total[4].Num; got != tc.wantTotal {
				t.Errorf("total revenue = %v, want %v", got, tc.wantTotal)
			}
			if got := tbl.Total[2].Num; got != float64(len(tc.customers)) {
				t.Errorf("total customers = %v, want %d", got, len(tc.customers))
			}
		})
	}
}

func TestTiersShares(t *testing.T) {
	b := NewBuilder("en", 0)
	for _, c := range []Customer{{Tier: "high", Revenue: 75}, {Tier: "low", Revenue: 25}, {Tier: "low"}, {Tier: "low"}} {
		b.Add(&c)
	}
	tbl := b.Tiers()[0]
	if got, want := nums(column(t, tbl, "customer_share")), []float64{0.25, 0, 0.75}; !sameNums(got, want) {
		t.Errorf("customer shares = %v, want %v", got, want)
	}
	if got, want := nums(column(t, tbl, "revenue_share")), []float64{0.75, 0, 0.25}; !sameNums(got, want) {
		t.Errorf("revenue shares = %v, want %v", got, want)
	}
	if got, want := nums(column(t, tbl, "average_revenue")), []float64{75, empty, 25.0 / 3}; !sameNums(got, want) {
		t.Errorf("averages = %v, want %v", got, want)
	}

	none := NewBuilder("en", 0).Tiers()[0]
	if got := nums(column(t, none, "customer_share")); !sameNums(got, []float64{empty, empty, empty}) {
		t.Errorf("shares of no customers = %v, want empty cells", got)
	}
}

func TestTopLists(t *testing.T) {
	customers := []Customer{
		{ID: "1", Tier: "high", Revenue: 50},
		{ID: "2", Tier: "high", Revenue: 90},
		{ID: "3", Tier: "high", Revenue: 50},
		{ID: "4", Tier: "high", Revenue: 70},
		{ID: "5", Tier: "high", Revenue: 50},
		{ID: "6", Tier: "low", Revenue: 1},
	}
	tests := []struct {
		top      int
		wantHigh []string
		wantLow  []string
	}{
		{top: 1, wantHigh: []string{"2"}, wantLow: []string{"6"}},
		{top: 3, wantHigh: []string{"2", "4", "1"}, wantLow: []string{"6"}},
		{top: 4, wantHigh: []string{"2", "4", "1", "3"}, wantLow: []string{"6"}},
		{top: 10, wantHigh: []string{"2", "4", "1", "3", "5"}, wantLow: []string{"6"}},
	}
	for _, tc := range tests {
		b := NewBuilder("en", tc.top)
		for i := range customers {
			b.Add(&customers[i])
		}
		tables := b.Tiers()
		if len(tables) != 4 { // summary, high, medium, low; no unclassified list
			t.Fatalf("top %d: %d tables, want 4", tc.top, len(tables))
		}
		if got := texts(column(t, tables[1], "id")); !slices.Equal(got, tc.wantHigh) {
			t.Errorf("top %d high = %q, want %q", tc.top, got, tc.wantHigh)
		}
		if got := len(tables[2].Rows); got != 0 {
			t.Errorf("top %d medium has %d rows, want 0", tc.top, got)
		}
		if got := texts(column(t, tables[3], "id")); !slices.Equal(got, tc.wantLow) {
			t.Errorf("top %d low = %q, want %q", tc.top, got, tc.wantLow)
		}
	}
}

// TestTopListMatchesSort checks the heap against a stable sort of random
// revenues with many ties.
func TestTopListMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n, top := r.IntN(60), 1+r.IntN(10)
		b := NewBuilder("en", top)
		var all []Customer
		for i := range n {
			c := Customer{ID: string(rune('a' + i)), Tier: "high", Revenue: float64(r.IntN(8))}
			all = append(all, c)
			b.Add(&c)
		}
		slices.SortStableFunc(all, func(x, y Customer) int { return int(y.Revenue - x.Revenue) })
		var want []string
		for _, c := range all[:min(top, n)] {
			want = append(want, c.ID)
		}
		if got := texts(column(t, b.Tiers()[1], "id")); !slices.Equal(got, want) && len(want)+len(got) > 0 {
			t.Fatalf("round %d top %d: %q, want %q", round, top, got, want)
		}
	}
}

func TestOwners(t *testing.T) {
	b := NewBuilder("zh", 0)
	for _, c := range []Customer{
		{Owner: "李四", Tier: "高", Revenue: 100},
		{Owner: "张三", Tier: "中", Revenue: 100},
		{Owner: "", Tier: "低", Revenue: 999},
		{Owner: "欧阳娜娜", Tier: "低", Revenue: 300},
		{Owner: "公海", Tier: "高", Revenue: 1},
		{Owner: "张三", Tier: "低", Revenue: 0},
	} {
		b.Add(&c)
	}
	tbl := b.Owners()
	// Revenue desc, ties by name (codepoint order: 张 U+5F20 < 李 U+674E),
	// the pool last whatever its revenue.
	if got, want := texts(column(t, tbl, "owner")), []string{"欧阳娜娜", "张三", "李四", "公海"}; !slices.Equal(got, want) {
		t.Errorf("owners = %q, want %q", got, want)
	}
	if got, want := nums(column(t, tbl, "customers")), []float64{1, 2, 1, 2}; !sameNums(got, want) {
		t.Errorf("customers = %v, want %v", got, want)
	}
	if got, want := nums(column(t, tbl, "low")), []float64{1, 1, 0, 1}; !sameNums(got, want) {
		t.Errorf("low tier = %v, want %v", got, want)
	}
	for _, c := range tbl.Columns {
		if c.Key == unclassifiedKey {
			t.Errorf("unclassified column shown with every customer classified")
		}
	}
	if got, want := nums(tbl.Total[1:]), []float64{2, 1, 3, 6, 1500}; !sameNums(got, want) {
		t.Errorf("totals = %v, want %v", got, want)
	}
}

// TestOwnerKeyIsCopied simulates a reader that hands Add strings over a
// buffer it then reuses: the owner must be reported as it was.
func TestOwnerKeyIsCopied(t *testing.T) {
	buf := []byte("张三")
	b := NewBuilder("zh", 1)
	b.Add(&Customer{Owner: unsafe.String(&buf[0], len(buf)), Tier: "高", Revenue: 5})
	copy(buf, "李四")
	if got := texts(column(t, b.Owners(), "owner")); got[0] != "张三" {
		t.Errorf("owner = %q after the buffer was reused, want 张三", got[0])
	}
	if got := texts(column(t, b.Tiers()[1], "owner")); got[0] != "张三" {
		t.Errorf("top-list owner = %q after the buffer was reused, want 张三", got[0])
	}
}

func TestLifecycle(t *testing.T) {
	b := NewBuilder("en", 0)
	// Labels as crmkit writes them now, in Chinese, and as it wrote them in
	// English before issue 19 (silent, at risk) all count.
	for _, stage := range []string{"Dormant", "at risk", "At risk", "流失", "Active", "", "loyal"} {
		b.Add(&Customer{Lifecycle: stage})
	}
	tbl := b.Lifecycle()
	if got, want := texts(column(t, tbl, "lifecycle")), []string{"Prospect", "New", "Active", "Loyal", "Dormant", "At risk", "Churned", "(unclassified)"}; !slices.Equal(got, want) {
		t.Errorf("stages = %q, want %q", got, want)
	}
	if got, want := nums(column(t, tbl, "churn_warning")), []float64{empty, empty, empty, empty, 1, 2, 1, empty}; !sameNums(got, want) {
		t.Errorf("churn warning = %v, want %v", got, want)
	}
	if got := tbl.Total[len(tbl.Total)-1].Num; got != 4 {
		t.Errorf("customers at risk = %v, want 4", got)
	}
}

func TestRFM(t *testing.T) {
	b := NewBuilder("zh", 0)
	for _, c := range []Customer{
		{Segment: "重要价值客户", R: 5, F: 4, M: 3, Revenue: 10},
		{Segment: "重要价值客户", R: 3, F: 0, M: 5, Revenue: 20}, // F 0 = no score
		{Segment: "", Revenue: 0},
	} {
		b.Add(&c)
	}
	tbl := b.RFM()
	if got := len(tbl.Rows); got != 9 {
		t.Fatalf("%d rows, want the 8 segments and unclassified", got)
	}
	if got, want := nums(tbl.Rows[0][1:]), []float64{2, 2.0 / 3, 30, 15, 4, 4, 4}; !sameNums(got, want) {
		t.Errorf("重要价值客户 = %v, want %v", got, want)
	}
	if got, want := nums(tbl.Rows[8][5:]), []float64{empty, empty, empty}; !sameNums(got, want) {
		t.Errorf("unclassified scores = %v, want empty", got)
	}
	if got, want := nums(tbl.Total[1:]), []float64{3, 1, 30, 10, 4, 4, 4}; !sameNums(got, want) {
		t.Errorf("totals = %v, want %v", got, want)
	}
}

func TestQualityTable(t *testing.T) {
	tbl := QualityTable(Quality{Records: 4, Rejected: 1, Fields: []FieldQuality{{Field: "phone", Filled: 3, Missing: 1}}}, "en")
	if tbl.Title != "Data quality: 4 records, rejected rows: 1" {
		t.Errorf("title = %q", tbl.Title)
	}
	if got, want := nums(tbl.Rows[0][1:]), []float64{3, 1, 0, 0.75}; !sameNums(got, want) {
		t.Errorf("phone = %v, want %v", got, want)
	}
	if len(tbl.Rows) != 1 || len(tbl.Trailer) != 1 {
		t.Fatalf("%d rows and %d trailer rows, want 1 field row and the rejected row after it", len(tbl.Rows), len(tbl.Trailer))
	}
	if got, want := nums(tbl.Trailer[0][1:]), []float64{empty, empty, 1, empty}; !sameNums(got, want) || tbl.Trailer[0][0].Text != "(rejected rows)" {
		t.Errorf("rejected row = %q %v, want (rejected rows) %v", tbl.Trailer[0][0].Text, got, want)
	}
	if tbl.Kind != KindQuality || len(tbl.Summary) != 2 || tbl.Summary[0] != (Field{"records", Count(4)}) || tbl.Summary[1] != (Field{"rejected", Count(1)}) {
		t.Errorf("kind %q summary %v, want quality with records 4, rejected 1", tbl.Kind, tbl.Summary)
	}
	if tbl.Total != nil {
		t.Errorf("quality has a totals row")
	}
	if got := QualityTable(Quality{Fields: []FieldQuality{{Field: "phone"}}}, "zh").Rows[0][4]; got.IsNum {
		t.Errorf("fill rate of no records = %v, want empty", got)
	}
}
