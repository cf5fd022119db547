package assign

import (
	"fmt"
	"math"
	"strings"

	"github.com/crmkit/crmkit/internal/similar"
)

// NoDate is a civil day number that is unknown.
const NoDate = math.MinInt32

// Rule names of the resolution chain, also the reason codes in Decision.Rule.
const (
	RuleOverride = "override"
	RuleDeal     = "deal"
	// RuleValid: the earliest claim that is still valid wins; a later
	// claim never takes a customer from it.
	RuleValid    = "valid"
	RuleFollowup = "followup"
	RuleEarliest = "earliest"
	RuleTiebreak = "tiebreak"
	// RuleProtected is the former name of RuleValid, still accepted in a
	// chain: it now means the earliest valid claim, because protection
	// shields a claim and is never a reason to take a customer.
	RuleProtected = "protected"
)

// Reason codes that are not chain rules.
const (
	RuleKept            = "kept"             // one valid owner, kept
	RuleReclaimFollowup = "reclaim-followup" // reclaimed: no follow-up for too long
	RuleReclaimDeal     = "reclaim-deal"     // reclaimed: no deal within M days of claiming
	RuleOverflow        = "overflow"         // returned to the pool: owner above capacity
	RuleDistributed     = "distributed"      // handed out from the pool by the strategy
	RulePool            = "pool"             // in the pool: no owner, or no valid owner
)

// Distribution strategies.
const (
	StrategyNone        = "none"
	StrategyRoundRobin  = "round-robin"
	StrategyWeighted    = "weighted"
	StrategyLeastLoaded = "least-loaded"
	StrategyTerritory   = "territory"
)

// Overflow policies for a rep holding more customers than its capacity.
const (
	OverflowError = ""     // a policy error
	OverflowKeep  = "keep" // keep them, give no more
	OverflowPool  = "pool" // return the excess to the pool, least revenue first
)

var (
	knownRules      = []string{RuleOverride, RuleDeal, RuleValid, RuleFollowup, RuleEarliest, RuleTiebreak}
	knownStrategies = []string{StrategyNone, StrategyRoundRobin, StrategyWeighted, StrategyLeastLoaded, StrategyTerritory}
	knownOverflows  = []string{OverflowKeep, OverflowPool}
)

// ReclaimDays are the two reclaim limits, in days; 0 turns a limit off.
type ReclaimDays struct {
	NoFollowupDays int // reclaim after more than this many days without follow-up
	NoDealDays     int // reclaim when no deal on or after the claim and the claim is older than this
}

// ReclaimPolicy says when an owner loses a customer to the public pool.
// Nothing is reclaimed unless Enabled. ByTier replaces both limits for
// customers whose Tier (first) or Grade carries the label; labels match in
// either language (高 = high, 重要 = key) and case-insensitively.
type ReclaimPolicy struct {
	Enabled bool
	ReclaimDays
	ByTier map[string]ReclaimDays
}

// Policy configures Assign. Start from DefaultPolicy: day counts are taken as
// given, so a zero DealWindowDays protects only deals dated AsOf, a zero
// ProtectionDays protects no claim, and a zero reclaim limit or CooldownDays
// turns it off. An empty Chain, Lang or Strategy gets its default. Dates
// after AsOf count as AsOf.
type Policy struct {
	AsOf           int           // civil day of "today", required
	Lang           string        // "zh" (default) or "en" for reason texts
	Chain          []string      // rule names in order; tiebreak last and present
	DealWindowDays int           // a deal at most this many days before AsOf protects its owner
	ProtectionDays int           // a claim younger than this many days is valid (protected)
	FollowupDays   int           // a claim followed up at most this many days before AsOf is valid
	Reclaim        ReclaimPolicy // when owners lose customers to the pool
	CooldownDays   int           // the previous owner cannot get a reclaimed customer back for this long
	Strategy       string        // none, round-robin, weighted, least-loaded, territory; "" = territory when reps have territories, least-loaded with other reps, none without
	Overflow       string        // "", "keep" or "pool"
}

// DefaultChain is the resolution order used when Policy.Chain is empty.
func DefaultChain() []string {
	return []string{RuleOverride, RuleDeal, RuleValid, RuleFollowup, RuleEarliest, RuleTiebreak}
}

// DefaultPolicy returns the documented defaults; AsOf is left unknown and
// must be set.
func DefaultPolicy() Policy {
	return Policy{
		AsOf:           NoDate,
		Lang:           "zh",
		Chain:          DefaultChain(),
		DealWindowDays: 90,
		ProtectionDays: 30,
		FollowupDays:   90,
		// Off: the default settles disputes and hands out unowned
		// customers, nothing else. When turned on, it uses the follow-up
		// window.
		Reclaim:      ReclaimPolicy{ReclaimDays: ReclaimDays{NoFollowupDays: 90}},
		CooldownDays: 30,
	}
}

// PolicyError lists every problem found in a policy, or a capacity
// violation found by Assign. The CLI reports it as a usage error.
type PolicyError struct {
	Problems []string
	Hint     string
}

func (e *PolicyError) Error() string {
	return "assign policy: " + strings.Join(e.Problems, "; ")
}

// Validate reports every problem of p at once: a missing as-of date, an
// unknown language, rule, strategy or overflow (with the closest known
// name), a chain without tiebreak last, a repeated rule, negative days, and
// reclaim labels that clash. It does not change p.
func (p *Policy) Validate() error {
	var probs []string
	add := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }

	if p.AsOf == NoDate || p.AsOf <= 0 {
		add("the as-of date is missing")
	}
	if p.Lang != "" && p.Lang != "zh" && p.Lang != "en" {
		add("unknown language %q (use zh or en)", p.Lang)
	}
	seen := map[string]bool{}
	for i, r := range p.Chain {
		r = canonicalRule(r)
		switch {
		case !contains(knownRules, r):
			add("unknown rule %q%s (rules: %s)", r, didYouMean(r, knownRules), strings.Join(knownRules, ", "))
		case seen[r]:
			add("rule %q appears twice in the chain", r)
		case r == RuleTiebreak && i != len(p.Chain)-1:
			add("rule tiebreak must be the last of the chain")
		}
		seen[r] = true
	}
	if len(p.Chain) > 0 && !seen[RuleTiebreak] {
		add("the chain must end with tiebreak, so every dispute is decided")
	}
	for _, d := range []struct {
		name string
		days int
	}{
		{"deal window", p.DealWindowDays},
		{"protection", p.ProtectionDays},
		{"follow-up", p.FollowupDays},
		{"reclaim no-followup", p.Reclaim.NoFollowupDays},
		{"reclaim no-deal", p.Reclaim.NoDealDays},
		{"cooldown", p.CooldownDays},
	} {
		if d.days < 0 {
			add("%s days is %d; days cannot be negative", d.name, d.days)
		}
	}
	canon := map[string]string{}
	for _, label := range sortedKeys(p.Reclaim.ByTier) {
		days := p.Reclaim.ByTier[label]
		if strings.TrimSpace(label) == "" {
			add("reclaim by tier: empty tier label")
			continue
		}
		if days.NoFollowupDays < 0 || days.NoDealDays < 0 {
			add("reclaim days for tier %q are negative", label)
		}
		c := canonicalLabel(label)
		if other, ok := canon[c]; ok && p.Reclaim.ByTier[other] != days {
			add("reclaim days for tiers %q and %q name the same tier with different days", other, label)
		}
		canon[c] = label
	}
	if p.Strategy != "" && !contains(knownStrategies, p.Strategy) {
		add("unknown strategy %q%s (strategies: %s)", p.Strategy, didYouMean(p.Strategy, knownStrategies), strings.Join(knownStrategies, ", "))
	}
	if p.Overflow != OverflowError && !contains(knownOverflows, p.Overflow) {
		add("unknown overflow %q%s (use keep or pool, or leave empty to refuse reps above capacity)", p.Overflow, didYouMean(p.Overflow, knownOverflows))
	}
	if len(probs) == 0 {
		return nil
	}
	return &PolicyError{Problems: probs, Hint: "fix the assign section of crmkit.yaml; `crmkit config init` shows every key with its default"}
}

// withDefaults fills the empty fields that have a default. With reps the
// default strategy is territory when any rep has a territory (customers
// stay within territories), else least-loaded; without reps, none.
func (p Policy) withDefaults(reps []Rep) Policy {
	if p.Lang == "" {
		p.Lang = "zh"
	}
	if len(p.Chain) == 0 {
		p.Chain = DefaultChain()
	} else {
		chain := make([]string, len(p.Chain))
		for i, r := range p.Chain {
			chain[i] = canonicalRule(r)
		}
		p.Chain = chain
	}
	if p.Strategy == "" {
		p.Strategy = StrategyNone
		if len(reps) > 0 {
			p.Strategy = StrategyLeastLoaded
			for _, r := range reps {
				if len(r.Territories) > 0 {
					p.Strategy = StrategyTerritory
					break
				}
			}
		}
	}
	return p
}

// canonicalRule maps a rule's former name to its name.
func canonicalRule(r string) string {
	if r == RuleProtected {
		return RuleValid
	}
	return r
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// didYouMean suggests the known name closest to s, when it is close enough
// to be a typo.
func didYouMean(s string, known []string) string {
	best, bestD := "", len(s)/2+2
	for _, k := range known {
		if d := similar.Levenshtein(strings.ToLower(s), k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + best + "?)"
}
