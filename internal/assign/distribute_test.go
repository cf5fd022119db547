package assign

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func orphans(n int) []Customer {
	cs := make([]Customer, n)
	for i := range cs {
		cs[i] = cust(fmt.Sprintf("o%d", i))
	}
	return cs
}

func finalOwners(plan *Plan) []string {
	var out []string
	for _, d := range plan.Decisions {
		out = append(out, d.Owner)
	}
	return out
}

func TestStrategies(t *testing.T) {
	abc := []Rep{rep("C", 0), rep("A", 0), rep("B", 0)}
	tests := []struct {
		name     string
		strategy string
		reps     []Rep
		cs       []Customer
		want     []string
	}{
		{"round-robin by name", StrategyRoundRobin, abc, orphans(5), []string{"A", "B", "C", "A", "B"}},
		{"round-robin skips a rep at cap and inactive reps", StrategyRoundRobin,
			[]Rep{rep("A", 1), rep("B", 0), rep("C", 0), {Name: "AA", Weight: 1}}, orphans(5), []string{"A", "B", "C", "B", "C"}},
		{"weighted is smooth", StrategyWeighted,
			[]Rep{{Name: "A", Weight: 5, Active: true}, {Name: "B", Weight: 1, Active: true}, {Name: "C", Weight: 1, Active: true}},
			orphans(7), []string{"A", "A", "B", "A", "C", "A", "A"}},
		{"least-loaded counts kept customers", StrategyLeastLoaded, abc,
			append([]Customer{cust("k1", cl("A", "", "", "")), cust("k2", cl("A", "", "", "")), cust("k3", cl("B", "", "", ""))}, orphans(4)...),
			[]string{"A", "A", "B", "C", "B", "C", "A"}},
		{"least-loaded respects caps", StrategyLeastLoaded, []Rep{rep("A", 1), rep("B", 3)}, orphans(4),
			[]string{"A", "B", "B", "B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := policy()
			p.Strategy = tt.strategy
			got := finalOwners(mustAssign(t, tt.cs, tt.reps, nil, p))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTerritory(t *testing.T) {
	reps := []Rep{
		{Name: "沪一", Territories: []string{"上海"}, Weight: 1, Active: true},
		{Name: "沪二", Territories: []string{"上海", "Finance"}, Weight: 1, Active: true, Capacity: 2},
		{Name: "京一", Territories: []string{"北京"}, Weight: 1, Active: true},
		{Name: "闲人", Weight: 1, Active: true},
	}
	at := func(id, prov, ind string) Customer {
		c := cust(id)
		c.Province, c.Industry = prov, ind
		return c
	}
	cs := []Customer{
		at("1", "上海", ""),        // 沪一 and 沪二 tie at 0: 沪一 by name
		at("2", "上海", ""),        // 沪二 now least loaded
		at("3", "江苏", "finance"), // industry, case-insensitive: 沪二 (now at cap 2)
		at("4", "上海", ""),        // 沪二 full: 沪一
		at("5", "广东", ""),        // no territory covers it: the pool, never another's territory
		at("6", "北京", ""),
		at("7", "", ""), // nowhere: the pool
	}
	cs[6].Company = "深圳市华强电子有限公司" // no province or city: the name says 深圳, in 广东
	p := policy()
	p.Strategy = StrategyTerritory
	plan := mustAssign(t, cs, reps, nil, p)
	want := []string{"沪一", "沪二", "沪二", "沪一", "", "京一", ""}
	if got := finalOwners(plan); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if r := plan.Decisions[2].Reason; !strings.Contains(r, "按区域分配给 沪二（区域 finance）") {
		t.Errorf("reason %q", r)
	}
	if r := plan.Decisions[4].Reason; !strings.Contains(r, "广东 不在任何销售的区域内，留在公海") {
		t.Errorf("uncovered reason %q", r)
	}
	if r := plan.Decisions[6].Reason; !strings.Contains(r, "深圳/广东 不在任何销售的区域内") {
		t.Errorf("uncovered by company name: reason %q", r)
	}

	// A rep marked for the rest (其他) takes what no territory covers; 广东省
	// and 广东 are one territory. Territories are the default strategy when
	// reps have them.
	reps[3].Territories = []string{"其他"}
	reps = append(reps, Rep{Name: "粤一", Territories: []string{"广东省"}, Weight: 1, Active: true})
	cs[4].Province = "江西"
	p.Strategy = ""
	plan = mustAssign(t, cs, reps, nil, p)
	if got := finalOwners(plan); got[4] != "闲人" || got[6] != "粤一" {
		t.Errorf("got %v, want 闲人 for 江西 and 粤一 for 深圳", got)
	}
	if r := plan.Decisions[4].Reason; !strings.Contains(r, "不在任何销售的区域内，交给负责其他区域的销售") {
		t.Errorf("rest reason %q", r)
	}
}

func TestNobodyCanTakeIt(t *testing.T) {
	tests := []struct {
		name   string
		reps   []Rep
		reason string
	}{
		{"all reps inactive", []Rep{{Name: "A"}, {Name: "B"}}, "无在职销售，留在公海"},
		{"no reps at all", nil, "无在职销售，留在公海"},
		{"all reps at capacity", []Rep{rep("A", 1), rep("B", 1)}, "所有销售已达保有量上限，留在公海"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := policy()
			p.Strategy = StrategyRoundRobin
			cs := append([]Customer{cust("k1", cl("A", "", "", "")), cust("k2", cl("B", "", "", ""))}, orphans(3)...)
			plan := mustAssign(t, cs, tt.reps, nil, p)
			pooled := 0
			for _, d := range plan.Decisions[2:] {
				if d.Owner != "" || d.Rule != RulePool || !strings.HasSuffix(d.Reason, tt.reason) {
					t.Errorf("orphan: owner %q rule %q reason %q", d.Owner, d.Rule, d.Reason)
				}
				pooled++
			}
			if plan.After[""] < pooled {
				t.Errorf("after %v counts %d in the pool, want at least %d", plan.After, plan.After[""], pooled)
			}
		})
	}
}

func TestStrategyNone(t *testing.T) {
	d := mustAssign(t, orphans(1), []Rep{rep("A", 0)}, nil, policy()).Decisions[0]
	if d.Owner != "" || d.Reason != "无负责人；未配置分配策略，留在公海" {
		t.Errorf("got %q %q", d.Owner, d.Reason)
	}
	// The default strategy with reps is least-loaded.
	p := policy()
	p.Strategy = ""
	if d := mustAssign(t, orphans(1), []Rep{rep("A", 0)}, nil, p).Decisions[0]; d.Owner != "A" || !strings.Contains(d.Reason, "按最少持有分配给 A") {
		t.Errorf("default strategy: %q %q", d.Owner, d.Reason)
	}
}

func TestOverflow(t *testing.T) {
	reps := []Rep{rep("A", 2), rep("B", 0)}
	cs := []Customer{
		cust("c1", cl("A", "", "", "")), cust("c2", cl("A", "", "", "")), cust("c3", cl("A", "", "", "")), cust("c0", cl("A", "", "", "")),
		cust("o1"),
	}
	cs[0].Revenue, cs[1].Revenue, cs[2].Revenue, cs[3].Revenue = 500, 100, 300, 100

	p := policy()
	p.Strategy = StrategyLeastLoaded
	_, err := Assign(cs, reps, nil, p)
	var pe *PolicyError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "rep A holds 4 customers, above its capacity of 2") {
		t.Fatalf("no overflow rule: %v", err)
	}

	p.Overflow = OverflowKeep
	if got := finalOwners(mustAssign(t, cs, reps, nil, p)); !slices.Equal(got, []string{"A", "A", "A", "A", "B"}) {
		t.Errorf("keep: %v", got)
	}

	// pool: the two smallest (100 each, c0 before c2 by id) go back and are
	// redistributed to B, since A stays at its cap.
	p.Overflow = OverflowPool
	plan := mustAssign(t, cs, reps, nil, p)
	if got := finalOwners(plan); !slices.Equal(got, []string{"A", "B", "A", "B", "B"}) {
		t.Errorf("pool: %v", got)
	}
	if d := plan.Decisions[3]; d.PoolRule != RuleOverflow || !strings.Contains(d.Reason, "A 持有 4 个客户，超过保有量 2") {
		t.Errorf("overflow decision %+v", d)
	}
	if plan.After["A"] != 2 || plan.After["B"] != 3 || plan.Before["A"] != 4 || plan.Before[""] != 1 {
		t.Errorf("before %v after %v", plan.Before, plan.After)
	}
}
