package assign

import (
	"strings"
	"testing"
)

// The 撞单 a sales manager settles by hand: 李娜 has held the customer since
// March and followed it up 11 days ago; 王芳 claimed it in December. 李娜's
// claim is still valid, so 王芳's later claim loses, whatever protection
// 王芳's young claim has.
func TestLaterClaimNeverTakesAValidOne(t *testing.T) {
	p := policy()
	p.AsOf = day("2025-12-31")
	c := cust("c1", cl("李娜", "2025-03-01", "2025-12-20", ""), cl("王芳", "2025-12-15", "2025-12-16", ""))
	c.Owner = "王芳" // dedupe kept the most recent record's owner
	plan := mustAssign(t, []Customer{c}, nil, nil, p)
	d := plan.Decisions[0]
	if d.Owner != "李娜" || d.Rule != RuleValid {
		t.Fatalf("owner %q rule %q (%s), want 李娜 by valid", d.Owner, d.Rule, d.Reason)
	}
	for _, want := range []string{"李娜 于 2025-03-01 认领，2025-12-20 跟进过", "撞单 王芳：2025-12-15 认领，晚于 李娜 仍有效的认领"} {
		if !strings.Contains(d.Reason, want) {
			t.Errorf("reason %q lacks %q", d.Reason, want)
		}
	}
	if plan.Before["王芳"] != 1 || plan.Before["李娜"] != 0 || plan.After["李娜"] != 1 {
		t.Errorf("before %v after %v: want 王芳 1 → 李娜 1", plan.Before, plan.After)
	}
	if plan.Owned != 1 || plan.Moves[RuleValid] != 1 {
		t.Errorf("owned %d moves %v, want 1 moved by valid", plan.Owned, plan.Moves)
	}

	// Only a deal or an override takes it from her.
	c.Claims[1].LastDealAt = day("2025-12-28")
	if d := mustAssign(t, []Customer{c}, nil, nil, p).Decisions[0]; d.Owner != "王芳" || d.Rule != RuleDeal {
		t.Errorf("with 王芳's deal: owner %q rule %q, want 王芳 by deal", d.Owner, d.Rule)
	}
	c.Claims[1].LastDealAt = NoDate
	ov := []Override{{CustomerID: "c1", Owner: "王芳", DecidedBy: "王总"}}
	d = mustAssign(t, []Customer{c}, nil, ov, p).Decisions[0]
	if d.Owner != "王芳" || d.Rule != RuleOverride || !strings.Contains(d.Reason, "撞单 李娜：主管裁定归 王芳") {
		t.Errorf("with an override: owner %q rule %q reason %q", d.Owner, d.Rule, d.Reason)
	}

	// In English, the losing claim is named too.
	p.Lang = "en"
	d = mustAssign(t, []Customer{c}, nil, nil, p).Decisions[0]
	if !strings.Contains(d.Reason, "losing claim 王芳: claimed on 2025-12-15, after 李娜's claim, which is still valid") {
		t.Errorf("english reason %q", d.Reason)
	}
}

// A missing date is not "past protection": the rule abstains and the
// audit says whose date is missing.
func TestMissingClaimDateAbstains(t *testing.T) {
	p := policy()
	p.AsOf = day("2025-12-31")
	c := cust("c1", cl("李娜", "", "", ""), cl("王芳", "2025-12-15", "", ""))
	d := mustAssign(t, []Customer{c}, nil, nil, p).Decisions[0]
	var valid Step
	for _, s := range d.Steps {
		if s.Rule == RuleValid {
			valid = s
		}
	}
	if valid.Outcome != OutcomeAbstain || !strings.Contains(valid.Detail, "李娜 缺认领日期") {
		t.Errorf("valid step %+v, want an abstain naming 李娜's missing claim date", valid)
	}
	// The old chain name still works, as the valid rule.
	p.Chain = []string{RuleProtected, RuleTiebreak}
	if err := p.Validate(); err != nil {
		t.Fatalf("chain with protected: %v", err)
	}
	c = cust("c1", cl("李娜", "2025-03-01", "2025-12-20", ""), cl("王芳", "2025-12-15", "2025-12-16", ""))
	if d := mustAssign(t, []Customer{c}, nil, nil, p).Decisions[0]; d.Owner != "李娜" || d.Rule != RuleValid {
		t.Errorf("protected alias: owner %q rule %q", d.Owner, d.Rule)
	}
}

// Reclaim is off unless the policy turns it on; every run counts the owned
// customers it moves, and warns when that is more than a fifth.
func TestReclaimOffByDefaultAndMoves(t *testing.T) {
	p := DefaultPolicy()
	p.AsOf = day("2025-12-31")
	var cs []Customer
	for i, o := range []string{"张三", "张三", "李四", "李四", "王五"} {
		c := cust(string(rune('a'+i)), cl(o, "2024-01-01", "2024-02-01", ""))
		c.Owner = o
		cs = append(cs, c)
	}
	cs = append(cs, cust("orphan"))
	reps := []Rep{rep("张三", 0), rep("李四", 0), rep("王五", 0)}
	plan := mustAssign(t, cs, reps, nil, p)
	for i, d := range plan.Decisions[:5] {
		if d.Owner != cs[i].Owner || d.Rule != RuleKept {
			t.Errorf("customer %d: owner %q rule %q, want kept by %s: reclaim is off by default", i, d.Owner, d.Rule, cs[i].Owner)
		}
	}
	if d := plan.Decisions[5]; d.Rule != RuleDistributed {
		t.Errorf("orphan: rule %q, want distributed", d.Rule)
	}
	if plan.Moved() != 0 || plan.MovesWarning() != "" || plan.MovesSummary() != "owned customers: 0 of 5 change owner" {
		t.Errorf("moves %v summary %q warning %q", plan.Moves, plan.MovesSummary(), plan.MovesWarning())
	}

	p.Reclaim.Enabled = true
	plan = mustAssign(t, cs, reps, nil, p)
	if plan.Moves[RuleReclaimFollowup] != 5 {
		t.Fatalf("moves %v, want 5 by reclaim-followup", plan.Moves)
	}
	w := plan.MovesWarning()
	if !strings.Contains(w, "moves 5 of 5 owned customers (100%)") || !strings.Contains(w, "assign.reclaim.enabled") {
		t.Errorf("warning %q", w)
	}
}
