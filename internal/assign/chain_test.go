package assign

import (
	"errors"
	"strings"
	"testing"
)

func TestChainRules(t *testing.T) {
	reps := []Rep{rep("张三", 0), rep("李四", 0), rep("王五", 0), {Name: "赵六", Active: false}}
	tests := []struct {
		name      string
		claims    []Claim
		overrides []Override
		chain     []string
		owner     string
		rule      string
		steps     string
		reason    string // a substring of the reason (zh)
	}{
		{
			name:      "override decides before everything",
			claims:    []Claim{cl("张三", "2025-06-20", "2025-06-30", "2025-06-25"), cl("李四", "2025-01-01", "", "")},
			overrides: []Override{{CustomerID: "c1", Owner: "李四", Reason: "老客户关系", DecidedBy: "王总"}},
			owner:     "李四", rule: RuleOverride, steps: "override:decided",
			reason: "王总 裁定归 李四：老客户关系",
		},
		{
			name:      "override naming an inactive rep abstains visibly",
			claims:    []Claim{cl("张三", "2025-01-01", "", ""), cl("李四", "2025-02-01", "", "")},
			overrides: []Override{{CustomerID: "c1", Owner: "赵六"}},
			owner:     "张三", rule: RuleEarliest,
			steps: "override:abstain deal:abstain valid:abstain followup:abstain earliest:decided",
		},
		{
			name:   "deal inside the window decides",
			claims: []Claim{cl("张三", "2025-06-25", "2025-06-30", ""), cl("李四", "2025-01-01", "2025-03-01", "2025-05-01")},
			owner:  "李四", rule: RuleDeal, steps: "override:abstain deal:decided",
			reason: "李四 于 2025-05-01 成交，在 90 天成交保护期内",
		},
		{
			name:   "deal outside the window abstains",
			claims: []Claim{cl("张三", "2025-06-25", "", ""), cl("李四", "2025-01-01", "", "2025-01-05")},
			owner:  "张三", rule: RuleValid, steps: "override:abstain deal:abstain valid:decided",
			reason: "张三 于 2025-06-25 认领，仍在 30 天保护期内，是唯一仍有效的认领；撞单 李四：2025-01-01 的认领已失效（已过 30 天保护期，90 天内未跟进，90 天内无成交）",
		},
		{
			name:   "two valid claims: the earlier one wins, the later one is the 撞单",
			claims: []Claim{cl("张三", "2025-06-20", "2025-06-30", ""), cl("李四", "2025-06-10", "2025-06-12", "")},
			owner:  "李四", rule: RuleValid,
			steps:  "override:abstain deal:abstain valid:decided",
			reason: "李四 于 2025-06-10 认领，2025-06-12 跟进过（90 天内），认领仍有效，是最早的有效认领；撞单 张三：2025-06-20 认领，晚于 李四 仍有效的认领",
		},
		{
			name:   "protection is no reason to take a customer: an old claim followed up stays",
			claims: []Claim{cl("张三", "2025-06-20", "2025-06-22", ""), cl("李四", "2025-06-10", "2025-06-28", ""), cl("王五", "2025-01-01", "2025-06-30", "")},
			owner:  "王五", rule: RuleValid,
			steps: "override:abstain deal:abstain valid:decided",
		},
		{
			name:   "every claim lapsed: the most recent real follow-up decides",
			claims: []Claim{cl("张三", "2025-01-20", "2025-02-22", ""), cl("李四", "2025-01-10", "2025-03-01", "")},
			owner:  "李四", rule: RuleFollowup,
			steps:  "override:abstain deal:abstain valid:abstain followup:decided",
			reason: "李四 最近跟进 2025-03-01，晚于 张三 的 2025-02-22；撞单 张三：最近跟进 2025-02-22，早于 李四",
		},
		{
			name:   "a follow-up dated before the claim is not the claimant's",
			claims: []Claim{cl("张三", "2025-01-20", "2025-01-02", ""), cl("李四", "2025-01-10", "2025-01-12", "")},
			owner:  "李四", rule: RuleFollowup,
			reason: "李四 最近跟进 2025-01-12，张三 无跟进记录",
		},
		{
			name:   "a missing claim date: the valid rule abstains and says whose",
			claims: []Claim{cl("张三", "", "", ""), cl("李四", "2025-01-10", "2025-03-01", "")},
			owner:  "李四", rule: RuleFollowup,
			steps: "override:abstain deal:abstain valid:abstain followup:decided",
		},
		{
			name:   "a valid claim with a missing date: narrowed to the possibly valid claims",
			claims: []Claim{cl("张三", "", "2025-06-20", ""), cl("李四", "2025-06-10", "2025-06-12", ""), cl("王五", "2024-01-10", "2024-03-01", "")},
			owner:  "张三", rule: RuleFollowup,
			steps: "override:abstain deal:abstain valid:narrowed followup:decided",
		},
		{
			name:   "followup with a missing date: the dated one wins",
			claims: []Claim{cl("张三", "2025-01-01", "", ""), cl("李四", "2025-02-01", "2025-03-01", "")},
			owner:  "李四", rule: RuleFollowup,
			reason: "李四 最近跟进 2025-03-01，张三 无跟进记录",
		},
		{
			name:   "earliest claim decides when follow-ups tie",
			claims: []Claim{cl("张三", "2025-02-01", "2025-03-01", ""), cl("李四", "2025-01-15", "2025-03-01", "")},
			owner:  "李四", rule: RuleEarliest,
			steps:  "override:abstain deal:abstain valid:abstain followup:narrowed earliest:decided",
			reason: "李四 最早认领（2025-01-15），早于 张三 的 2025-02-01",
		},
		{
			name:   "no dates at all: every rule abstains, tiebreak decides",
			claims: []Claim{cl("张三", "", "", ""), cl("李四", "", "", "")},
			owner:  tieWinner("c1", "张三", "李四"), rule: RuleTiebreak,
			steps: "override:abstain deal:abstain valid:abstain followup:abstain earliest:abstain tiebreak:decided",
		},
		{
			name:   "custom order: earliest before followup",
			claims: []Claim{cl("张三", "2025-02-01", "2025-06-01", ""), cl("李四", "2025-01-15", "2025-03-01", "")},
			chain:  []string{RuleEarliest, RuleFollowup, RuleTiebreak},
			owner:  "李四", rule: RuleEarliest, steps: "earliest:decided",
		},
		{
			name:   "claims of one owner merge: earliest claim, latest contact",
			claims: []Claim{cl("张三", "2025-03-01", "2025-04-01", ""), cl("李四", "2025-02-01", "2025-05-01", ""), cl("张三", "2025-01-01", "2025-03-01", "")},
			chain:  []string{RuleEarliest, RuleTiebreak},
			owner:  "张三", rule: RuleEarliest, reason: "张三 最早认领（2025-01-01）",
		},
		{
			name:   "an inactive claimant is not a candidate",
			claims: []Claim{cl("赵六", "2025-06-25", "2025-06-30", "2025-06-30"), cl("张三", "2025-01-01", "", "")},
			owner:  "张三", rule: RuleKept, reason: "张三 是唯一有效认领人（赵六：已离职或停用）",
		},
		{
			name:   "an unknown claimant is not a candidate",
			claims: []Claim{cl("钱七", "2025-06-25", "", ""), cl("李四", "2025-01-01", "", "")},
			owner:  "李四", rule: RuleKept, reason: "钱七：不在销售名单中",
		},
		{
			name:   "no valid claimant: the pool",
			claims: []Claim{cl("赵六", "2025-06-25", "", ""), cl("钱七", "2025-01-01", "", "")},
			owner:  "", rule: RulePool, reason: "无有效负责人",
		},
		{
			name:   "a single claim is kept",
			claims: []Claim{cl("王五", "2020-01-01", "", "")},
			owner:  "王五", rule: RuleKept, reason: "王五 是唯一认领人，保留",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := policy()
			if tt.chain != nil {
				p.Chain = tt.chain
			}
			plan := mustAssign(t, []Customer{cust("c1", tt.claims...)}, reps, tt.overrides, p)
			d := plan.Decisions[0]
			if d.Owner != tt.owner || d.Rule != tt.rule {
				t.Fatalf("owner %q rule %q, want %q %q (reason %s; steps %s)", d.Owner, d.Rule, tt.owner, tt.rule, d.Reason, stepsString(d.Steps))
			}
			if tt.steps != "" && stepsString(d.Steps) != tt.steps {
				t.Errorf("steps %s, want %s", stepsString(d.Steps), tt.steps)
			}
			if !strings.Contains(d.Reason, tt.reason) {
				t.Errorf("reason %q does not contain %q", d.Reason, tt.reason)
			}
		})
	}
}

// tieWinner computes the tiebreak independently: the smaller FNV-1a hash
// of id, NUL, owner.
func tieWinner(id string, owners ...string) string {
	best, bestH := "", uint64(0)
	for _, o := range owners {
		h := uint64(14695981039346656037)
		for _, b := range []byte(id + "\x00" + o) {
			h ^= uint64(b)
			h *= 1099511628211
		}
		if best == "" || h < bestH {
			best, bestH = o, h
		}
	}
	return best
}

func TestDisputeAudit(t *testing.T) {
	c := cust("c9", cl("张三", "2025-06-20", "2025-06-22", ""), cl("李四", "2025-06-10", "2025-06-28", ""), cl("张三", "2025-06-05", "", ""))
	plan := mustAssign(t, []Customer{c}, nil, nil, policy())
	d := plan.Decisions[0]
	if !d.Dispute || d.Previous != "张三;李四" {
		t.Errorf("dispute %v previous %q, want true 张三;李四", d.Dispute, d.Previous)
	}
	want := []Claim{cl("张三", "2025-06-05", "2025-06-22", ""), cl("李四", "2025-06-10", "2025-06-28", "")}
	if len(d.Candidates) != 2 || d.Candidates[0] != want[0] || d.Candidates[1] != want[1] {
		t.Errorf("candidates %+v, want %+v", d.Candidates, want)
	}
	// 张三's claims merge into the earliest (06-05): valid, and earlier
	// than 李四's.
	if plan.Before["张三"] != 1 || plan.Before["李四"] != 1 || plan.After["张三"] != 1 || plan.After["李四"] != 0 || plan.Disputes != 1 {
		t.Errorf("before %v after %v disputes %d", plan.Before, plan.After, plan.Disputes)
	}
	if d.Steps[2].Rule != RuleValid || d.Steps[2].Outcome != OutcomeDecided {
		t.Errorf("step %+v, want valid decided", d.Steps[2])
	}
}

func TestReasonsInEnglish(t *testing.T) {
	p := policy()
	p.Lang = "en"
	c := cust("c1", cl("Zhang", "2025-01-20", "2025-03-01", ""), cl("Li", "2025-01-10", "2025-02-01", ""))
	d := mustAssign(t, []Customer{c}, nil, nil, p).Decisions[0]
	if want := "Zhang followed up last on 2025-03-01, later than Li on 2025-02-01; losing claim Li: last follow-up on 2025-02-01, before Zhang's"; d.Reason != want {
		t.Errorf("reason %q, want %q", d.Reason, want)
	}
	if d.Steps[1].Detail != "no candidate has a deal date" {
		t.Errorf("deal step %q", d.Steps[1].Detail)
	}
}

func TestOverrideErrors(t *testing.T) {
	reps := []Rep{rep("张三", 0), rep("李四", 0)}
	cs := []Customer{cust("c1", cl("张三", "", "", ""))}
	tests := []struct {
		name string
		ovs  []Override
		want string
	}{
		{"unknown rep", []Override{{CustomerID: "c1", Owner: "王老五"}}, `names "王老五", who is not in the reps list`},
		{"conflicting overrides", []Override{{CustomerID: "c1", Owner: "张三"}, {CustomerID: "c1", Owner: "李四"}}, "two overrides naming different owners"},
		{"empty owner", []Override{{CustomerID: "c1"}}, "names no owner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Assign(cs, reps, tt.ovs, policy())
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want an InputError containing %q", err, tt.want)
			}
		})
	}
}

func TestOverrideWithoutRepsAndUnused(t *testing.T) {
	cs := []Customer{cust("c1", cl("张三", "2025-01-01", "", "")), cust("c2")}
	ovs := []Override{{CustomerID: "c2", Owner: "新人"}, {CustomerID: "c404", Owner: "张三"}}
	plan := mustAssign(t, cs, nil, ovs, policy())
	if d := plan.Decisions[1]; d.Owner != "新人" || d.Rule != RuleOverride {
		t.Errorf("orphan with override: %q %q", d.Owner, d.Rule)
	}
	if len(plan.UnusedOverrides) != 1 || plan.UnusedOverrides[0].CustomerID != "c404" {
		t.Errorf("unused %+v, want c404", plan.UnusedOverrides)
	}
}
