package assign

import (
	"strings"
	"testing"
)

func TestReclaim(t *testing.T) {
	tests := []struct {
		name    string
		c       Customer
		policy  func(p *Policy)
		owner   string
		rule    string
		reason  string
		from    string
		overrid bool
	}{
		{
			name:  "no follow-up for more than N days",
			c:     cust("c1", cl("张三", "2025-01-01", "2025-03-01", "")),
			owner: "", rule: RuleReclaimFollowup, from: "张三",
			reason: "张三 自 2025-03-01 起 122 天未跟进（上限 90 天），收回公海",
		},
		{
			name:  "exactly N days is not yet reclaimed",
			c:     cust("c1", cl("张三", "2025-01-01", "2025-04-02", "")),
			owner: "张三", rule: RuleKept,
		},
		{
			name:  "never followed up counts from the claim",
			c:     cust("c1", cl("张三", "2025-03-01", "", "")),
			owner: "", rule: RuleReclaimFollowup, reason: "自 2025-03-01 起",
		},
		{
			name:  "no dates: cannot tell, kept",
			c:     cust("c1", cl("张三", "", "", "")),
			owner: "张三", rule: RuleKept,
		},
		{
			name:   "no deal within M days of claiming",
			c:      cust("c1", cl("张三", "2025-04-01", "2025-06-30", "2025-03-01")),
			policy: func(p *Policy) { p.Reclaim.NoDealDays = 60 },
			owner:  "", rule: RuleReclaimDeal, reason: "张三 于 2025-04-01 认领后 60 天内未成交",
		},
		{
			name:   "a deal after the claim keeps it",
			c:      cust("c1", cl("张三", "2025-04-01", "2025-06-30", "2025-04-20")),
			policy: func(p *Policy) { p.Reclaim.NoDealDays = 60 },
			owner:  "张三", rule: RuleKept,
		},
		{
			name: "tier days override the default (grade label in english)",
			c: func() Customer {
				c := cust("c1", cl("张三", "2025-05-01", "2025-05-20", ""))
				c.Grade = "Key"
				return c
			}(),
			policy: func(p *Policy) { p.Reclaim.ByTier = map[string]ReclaimDays{"重要": {NoFollowupDays: 30}} },
			owner:  "", rule: RuleReclaimFollowup, reason: "上限 30 天",
		},
		{
			name: "tier beats grade",
			c: func() Customer {
				c := cust("c1", cl("张三", "2025-05-01", "2025-05-20", ""))
				c.Tier, c.Grade = "高", "重要"
				return c
			}(),
			policy: func(p *Policy) {
				p.Reclaim.ByTier = map[string]ReclaimDays{"high": {NoFollowupDays: 0}, "重要": {NoFollowupDays: 30}}
			},
			owner: "张三", rule: RuleKept,
		},
		{
			name:    "a manager override is never reclaimed",
			c:       cust("c1", cl("张三", "2024-01-01", "2024-01-02", "")),
			overrid: true,
			owner:   "张三", rule: RuleOverride,
		},
		{
			name:  "dispute winner reclaimed keeps the resolution in the reason",
			c:     cust("c1", cl("张三", "2025-01-01", "2025-02-01", ""), cl("李四", "2025-01-05", "2025-01-10", "")),
			owner: "", rule: RuleReclaimFollowup, from: "张三",
			reason: "张三 最近跟进 2025-02-01，晚于 李四 的 2025-01-10；撞单 李四：最近跟进 2025-01-10，早于 张三；张三 自 2025-02-01 起",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := policy()
			p.Reclaim.Enabled, p.Reclaim.NoFollowupDays = true, 90
			if tt.policy != nil {
				tt.policy(&p)
			}
			var ovs []Override
			if tt.overrid {
				ovs = []Override{{CustomerID: tt.c.ID, Owner: "张三"}}
			}
			d := mustAssign(t, []Customer{tt.c}, nil, ovs, p).Decisions[0]
			if d.Owner != tt.owner || d.Rule != tt.rule {
				t.Fatalf("owner %q rule %q, want %q %q (%s)", d.Owner, d.Rule, tt.owner, tt.rule, d.Reason)
			}
			if !strings.Contains(d.Reason, tt.reason) {
				t.Errorf("reason %q does not contain %q", d.Reason, tt.reason)
			}
			if tt.from != "" && d.ReclaimedFrom != tt.from {
				t.Errorf("reclaimed from %q, want %q", d.ReclaimedFrom, tt.from)
			}
			if d.Owner == "" && d.PoolRule != tt.rule {
				t.Errorf("pool rule %q, want %q", d.PoolRule, tt.rule)
			}
		})
	}
}

func TestCooldown(t *testing.T) {
	reps := []Rep{rep("张三", 0), rep("李四", 0)}
	p := policy()
	p.Strategy = StrategyLeastLoaded
	p.Reclaim.Enabled, p.Reclaim.NoFollowupDays = true, 90

	// Reclaimed now from 张三, who holds fewer customers: least-loaded would
	// pick 张三, the cooldown sends it to 李四.
	stale := cust("c1", cl("张三", "2025-01-01", "2025-02-01", ""))
	busy := cust("c2", cl("李四", "2025-06-01", "2025-06-30", ""))
	plan := mustAssign(t, []Customer{stale, busy}, reps, nil, p)
	if d := plan.Decisions[0]; d.Owner != "李四" || d.Rule != RuleDistributed || d.PoolRule != RuleReclaimFollowup || d.Previous != "张三" {
		t.Errorf("reclaimed now: %+v", d)
	}

	// Reclaimed 10 days ago from 张三 in an earlier run: an orphan now.
	earlier := cust("c3")
	earlier.PreviousOwner, earlier.ReclaimedAt = "张三", day("2025-06-21")
	plan = mustAssign(t, []Customer{earlier, busy}, reps, nil, p)
	if d := plan.Decisions[0]; d.Owner != "李四" {
		t.Errorf("earlier reclaim within cooldown went to %q", d.Owner)
	}
	// After the cooldown, 张三 (least loaded) may get it again.
	earlier.ReclaimedAt = day("2025-05-01")
	plan = mustAssign(t, []Customer{earlier, busy}, reps, nil, p)
	if d := plan.Decisions[0]; d.Owner != "张三" {
		t.Errorf("after the cooldown went to %q, want 张三", d.Owner)
	}

	// Only the previous owner could take it: stays in the pool, saying so.
	onlyZhang := []Rep{rep("张三", 0), {Name: "李四", Weight: 1}}
	earlier.ReclaimedAt = day("2025-06-21")
	plan = mustAssign(t, []Customer{earlier}, onlyZhang, nil, p)
	if d := plan.Decisions[0]; d.Owner != "" || !strings.Contains(d.Reason, "只有前负责人 张三 可接，但冷静期至 2025-07-20") {
		t.Errorf("cooldown only: %q %q", d.Owner, d.Reason)
	}

	// The previous owner re-claiming during the cooldown is not a valid claim.
	reclaimed := cust("c4", cl("张三", "2025-06-25", "2025-06-30", ""), cl("李四", "2025-06-01", "2025-06-02", ""))
	reclaimed.PreviousOwner, reclaimed.ReclaimedAt = "张三", day("2025-06-21")
	d := mustAssign(t, []Customer{reclaimed}, reps, nil, p).Decisions[0]
	if d.Owner != "李四" || d.Rule != RuleKept || len(d.Excluded) != 1 || d.Excluded[0].Why != ExcludedCooldown {
		t.Errorf("re-claim in cooldown: %q %q %+v", d.Owner, d.Rule, d.Excluded)
	}
}

func TestFmtDay(t *testing.T) {
	for _, tt := range []struct {
		day  int
		want string
	}{{day("2025-03-04"), "2025-03-04"}, {day("0987-12-31"), "0987-12-31"}, {NoDate, "?"}} {
		if got := fmtDay(tt.day); got != tt.want {
			t.Errorf("fmtDay(%d) = %q, want %q", tt.day, got, tt.want)
		}
	}
}

func TestReclaimInEnglish(t *testing.T) {
	p := policy()
	p.Lang = "en"
	p.Reclaim = ReclaimPolicy{Enabled: true, ReclaimDays: ReclaimDays{NoFollowupDays: 90, NoDealDays: 30}}
	cs := []Customer{cust("a", cl("Zhang", "2025-01-01", "2025-03-01", "")), cust("b", cl("Li", "2025-05-01", "2025-06-30", ""))}
	plan := mustAssign(t, cs, nil, nil, p)
	for i, want := range []string{
		"reclaimed from Zhang: no follow-up since 2025-03-01, 122 days (limit 90); no distribution strategy; stays in the pool",
		"reclaimed from Li: no deal within 30 days of claiming on 2025-05-01; no distribution strategy; stays in the pool",
	} {
		if got := plan.Decisions[i].Reason; got != want {
			t.Errorf("reason %q\nwant   %q", got, want)
		}
	}
}

func TestCooldownBarsTwoReps(t *testing.T) {
	// Reclaimed now from A, and reclaimed from B 5 days ago: A and B are the
	// least loaded, but only C may take it.
	reps := []Rep{rep("A", 0), rep("B", 0), rep("C", 0)}
	p := policy()
	p.Strategy = StrategyLeastLoaded
	p.Reclaim.Enabled, p.Reclaim.NoFollowupDays = true, 90
	c := cust("c1", cl("A", "2025-01-01", "2025-01-02", ""))
	c.PreviousOwner, c.ReclaimedAt = "B", day("2025-06-26")
	cs := []Customer{c, cust("k1", cl("C", "2025-06-01", "2025-06-30", "")), cust("k2", cl("C", "2025-06-01", "2025-06-30", ""))}
	for _, strategy := range []string{StrategyLeastLoaded, StrategyRoundRobin, StrategyWeighted, StrategyTerritory} {
		p.Strategy = strategy
		if strategy == StrategyTerritory {
			for i := range reps {
				reps[i].Territories = []string{"*"} // every rep takes the rest
			}
		}
		if d := mustAssign(t, cs, reps, nil, p).Decisions[0]; d.Owner != "C" {
			t.Errorf("%s: went to %q, want C", strategy, d.Owner)
		}
	}
}
