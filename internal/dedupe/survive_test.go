package dedupe

import (
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/record"
)

func TestSumDecimals(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"0.1", "0.2"}, "0.3"},
		{[]string{"54409.19", "9411.53", "1"}, "63821.72"},
		{[]string{"3", "4"}, "7"},
		{[]string{"1.5", "2.25"}, "3.75"},
		{[]string{"-1", "1"}, "0"},
		{[]string{"12"}, "12"},
		{[]string{"300.50", "99.5"}, "400"},
		{[]string{"1.50", "2.50"}, "4"},
		{[]string{"12", "about 3"}, "12;about 3"},
	} {
		if got, _ := sumDecimals(c.in); got != c.want {
			t.Errorf("sumDecimals(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMerge(t *testing.T) {
	schema := &record.Schema{Extra: []string{"wechat"}}
	recs := []record.Record{
		rec("id", "A1", "company", "华强电子", "name", "周轩", "phone", "+8613800138000", "owner", "张三",
			"claimed_at", "2025-01-01", "last_contact_at", "2025-03-01", "first_purchase_at", "2024-05-01",
			"last_purchase_at", "2025-02-01", "purchase_count", "3", "total_revenue", "100.50", "notes", "要报价"),
		rec("id", "A2", "company", "深圳市华强电子有限公司", "name", "周萱", "phone", "+8613900139000;+8613800138000",
			"email", "zx@hq.cn", "owner", "李四", "claimed_at", "2025-02-01", "last_contact_at", "2025-06-01",
			"first_purchase_at", "2023-01-01", "purchase_count", "2", "total_revenue", "20", "notes", "老客户"),
		rec("id", "A3", "company", "华强电子有限公司", "name", "周轩", "owner", "张三", "total_revenue", "0.25"),
	}
	for i := range recs {
		recs[i].Source = "f.csv:" + string(rune('2'+i))
		recs[i].Extra = []string{""}
	}
	recs[2].Extra[0] = "zx_wechat"
	s, err := NewSurvivorship(schema, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out record.Record
	s.Merge(recs, "A1", &out)
	checks := map[string]string{
		"company":           "深圳市华强电子有限公司", // longest
		"name":              "周轩",          // most common
		"phone":             "+8613900139000;+8613800138000",
		"email":             "zx@hq.cn",
		"owner":             "李四", // most recent activity
		"claimed_at":        "2025-02-01",
		"last_contact_at":   "2025-06-01",
		"first_purchase_at": "2023-01-01",
		"last_purchase_at":  "2025-02-01",
		"purchase_count":    "5",
		"total_revenue":     "120.75",
		"notes":             "老客户 | 要报价",
	}
	for name, want := range checks {
		f, _ := record.FieldByName(name)
		if got := out.Values[f]; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	hdr := s.Schema().Extra
	get := func(col string) string {
		for i, h := range hdr {
			if h == col {
				return out.Extra[i]
			}
		}
		t.Fatalf("no column %s in %v", col, hdr)
		return ""
	}
	if got := get("wechat"); got != "zx_wechat" {
		t.Errorf("wechat = %q", got)
	}
	if got := get(ColumnOwners); got != "李四;张三" {
		t.Errorf("owners = %q, want 李四;张三", got)
	}
	if got := get(ColumnMergedFrom); got != "A1;A2;A3" {
		t.Errorf("merged_from = %q", got)
	}
	if got := get(ColumnClaims); got != "张三|2025-01-01|2025-03-01|2025-02-01;李四|2025-02-01|2025-06-01|;张三|||" {
		t.Errorf("claims = %q", got)
	}
	if got := get(ColumnClusterID); got != "A1" {
		t.Errorf("cluster_id = %q", got)
	}
	if !strings.Contains(out.Source, "f.csv:2;f.csv:3;f.csv:4") {
		t.Errorf("_source = %q", out.Source)
	}
}

func TestSurvivorshipOverrides(t *testing.T) {
	schema := &record.Schema{Extra: []string{"wechat"}}
	if _, err := NewSurvivorship(schema, map[string]string{"company": "common", "wechat": "union"}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []map[string]string{{"company": "best"}, {"nosuch": "sum"}, {"claimed_at": "min"}} {
		if _, err := NewSurvivorship(schema, bad); err == nil {
			t.Errorf("NewSurvivorship(%v) accepted", bad)
		}
	}
}

func TestRuleFits(t *testing.T) {
	schema := &record.Schema{}
	for _, bad := range []map[string]string{{"phone": "sum"}, {"email": "max"}, {"company": "sum"}, {"name": "min"}} {
		if _, err := NewSurvivorship(schema, bad); err == nil {
			t.Errorf("NewSurvivorship(%v) accepted a rule that destroys values", bad)
		}
	}
	for _, good := range []map[string]string{{"total_revenue": "max"}, {"last_contact_at": "min"}, {"phone": "survivor"}, {"notes": "longest"}} {
		if _, err := NewSurvivorship(schema, good); err != nil {
			t.Errorf("NewSurvivorship(%v): %v", good, err)
		}
	}
}

// The same export read twice gives exact copies: merged, counted once.
func TestExactCopiesCountOnce(t *testing.T) {
	s, _ := NewSurvivorship(&record.Schema{}, nil)
	a := rec("id", "K9", "company", "星辰网络", "total_revenue", "12000", "purchase_count", "3", "phone", "/")
	b := a
	c := rec("id", "K10", "company", "星辰网络", "total_revenue", "500", "phone", "+8613800138000")
	a.Source, b.Source, c.Source = "a.csv:2", "b.csv:2", "c.csv:2"
	var out record.Record
	s.Merge([]record.Record{a, b, c}, "K10", &out)
	if got := out.Values[record.TotalRevenue]; got != "12500" {
		t.Errorf("total_revenue = %q, want 12500 (the copy counted once)", got)
	}
	if got := out.Values[record.PurchaseCount]; got != "3" {
		t.Errorf("purchase_count = %q, want 3", got)
	}
	if got := out.Values[record.Phone]; got != "+8613800138000" {
		t.Errorf("phone = %q, want the placeholder / dropped next to a real number", got)
	}
	if s.Copies != 1 {
		t.Errorf("Copies = %d, want 1", s.Copies)
	}
}

func TestCapJoin(t *testing.T) {
	long := strings.Repeat("备", 20000)
	n := 0
	got := capJoin([]string{long, long, "short"}, " | ", &n)
	if n != 1 || !strings.HasSuffix(got, "…(2 more; see _source)") || len([]rune(got)) > maxCell {
		t.Errorf("capJoin: capped %d, %d runes, ends %q", n, len([]rune(got)), got[len(got)-40:])
	}
	if got := capJoin([]string{"a", "b"}, ";", &n); got != "a;b" {
		t.Errorf("capJoin short = %q", got)
	}
}

// The integer fast path of sumDecimals sums exactly as big.Rat does.
func TestSumPlainDecimalsAgreesWithBigRat(t *testing.T) {
	vals := []string{"0", "-0", "1", "-1", "12.5", "-12.50", "0.05", "-0.05", "100.000", "3.14159", "007",
		"99999999999", "-99999999999.999999", "1.", ".5", "+5", "1e3", "1/2", "abc", "", "-", "12345678901234567", "0.0000001"}
	rng := splitmix64(1)
	for range 20000 {
		n := 2 + int(rng.next()%3)
		in := make([]string, n)
		for i := range in {
			in[i] = vals[rng.next()%uint64(len(vals))]
		}
		got, gotOK := sumDecimals(in)
		want, wantOK := sumBigDecimals(in)
		if got != want || gotOK != wantOK {
			t.Fatalf("sumDecimals(%q) = %q, %v; big.Rat gives %q, %v", in, got, gotOK, want, wantOK)
		}
	}
}

func TestCompareValuesDates(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"2025-03-01", "2025-12-20", -1}, {"2025-12-20", "2025-03-01", 1}, {"2025-03-01", "2025-03-01", 0},
		{"10", "9", 1}, {"2.50", "2.5", 0}, {"2025-03-01", "10", 1}, {"abc", "10", 1},
	} {
		if got := compareValues(c.a, c.b); got != c.want {
			t.Errorf("compareValues(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// pickReference is pick's longest/common rule as first written: every
// key and length found again per comparison.
func pickReference(rule string, f record.Field, order []int, get func(int) string) string {
	first := -1
	for _, i := range order {
		if get(i) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return ""
	}
	key := func(v string) string { return v }
	if f == record.Company {
		key = func(v string) string {
			if core := company.Parse(v).Core; core != "" {
				return core
			}
			return v
		}
	}
	count := map[string]int{}
	for _, i := range order {
		if v := get(i); v != "" {
			count[key(v)]++
		}
	}
	best := first
	for _, i := range order {
		v, b := get(i), get(best)
		if v == "" {
			continue
		}
		lv, lb := len([]rune(v)), len([]rune(b))
		if rule == RuleLongest && lv != lb {
			if lv > lb {
				best = i
			}
			continue
		}
		if cv, cb := count[key(v)], count[key(b)]; cv > cb || (rule == RuleCommon && cv == cb && lv > lb) {
			best = i
		}
	}
	return get(best)
}

// pick finds each member's company key once; it picks what finding it per
// comparison picked, in clusters small (scanned) and large (mapped).
func TestPickCompanyAsReference(t *testing.T) {
	names := []string{"深圳市华强电子有限公司", "华强电子(深圳)有限公司", "华强电子有限公司", "华强电子销售有限公司", "Acme Inc", "ACME Inc.", "Acme", "", "", "无"}
	s, err := NewSurvivorship(&record.Schema{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rng := splitmix64(3)
	for range 3000 {
		n := 1 + int(rng.next()%6)
		if rng.next()%4 == 0 {
			n = 33 + int(rng.next()%20)
		}
		recs := make([]record.Record, n)
		order := make([]int, n)
		for i := range recs {
			recs[i].Values[record.Company] = names[rng.next()%uint64(len(names))]
			order[i] = n - 1 - i
		}
		get := func(i int) string { return recs[i].Values[record.Company] }
		for _, rule := range []string{RuleCommon, RuleLongest} {
			got, _ := s.pick(rule, record.Company, order, recs, get)
			if want := pickReference(rule, record.Company, order, get); got != want {
				t.Fatalf("%s of %d names: %q, want %q", rule, n, got, want)
			}
		}
	}
}
