// Package classify owns customer classification: ABC (Pareto) classes and
// value tiers, RFM scores and segments, lifecycle stages, grades, and the
// user's custom rules. Classification needs every record (quantiles and
// Pareto shares are properties of the whole file), so it runs in two passes:
// FactsOf keeps the few numbers each record contributes, Classifier.Fit turns
// all of them into cut points, and Model.Classify labels each record.
package classify

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/crmkit/crmkit/internal/record"
)

// Config holds every threshold of classification. Start from DefaultConfig.
type Config struct {
	// AsOf is "today" as a civil day number (civil.DaysFromDate); required,
	// so that runs are reproducible. Dates after AsOf count as AsOf.
	AsOf int
	// Lang is the label language: "zh" (default, also "") or "en".
	Lang string

	// ABC holds cumulative revenue shares, default 0.80 and 0.95. Ranked by
	// total_revenue, largest first, a customer is A when those ranked above
	// it hold less than A of the total revenue (the customer crossing the
	// line is A, so the largest always is), B when less than B, else C.
	// Equal revenues never straddle a cut: all take the class of the first
	// of them. Zero, missing and negative (refunded) revenue is always C and
	// adds nothing to the total, so when nobody has revenue all are C. The
	// tier (高/中/低) follows the class.
	ABC struct{ A, B float64 }

	RFM RFMConfig

	Lifecycle LifecycleConfig

	Grade GradeConfig

	// Rules are custom classes, tried in order; the first whose When is
	// true names the record's class in RulesColumn.
	Rules []Rule
	// RulesColumn is the column the rule results go to; default
	// "custom_class".
	RulesColumn string
}

// RFMConfig scores recency, frequency and monetary value 1..Bins (higher is
// better) and segments customers by which scores are high.
//
// Without fixed thresholds a score is a quantile: a customer scores
// 1 + floor(Bins × share of scored customers with a strictly worse value).
// Equal values therefore share one score, and with fewer than Bins distinct
// values the scores still sit where the values rank (two equal halves score
// 1 and 3 with 5 bins, not 1 and 2). "Worse" means more days since the last
// purchase, fewer purchases, less revenue.
type RFMConfig struct {
	// Bins is the number of scores, default 5.
	Bins int
	// High is the lowest score that counts as high for segments; default 3
	// for 5 bins; 0 means Bins/2+1.
	High int
	// R, F, M are optional fixed ascending thresholds (len Bins-1) used
	// instead of quantiles. R is in days since the last purchase and each
	// threshold is an inclusive upper bound: with R = [30 60 90 180] 0–30
	// days scores 5, 31–60 scores 4, …, more than 180 scores 1. F and M
	// thresholds are inclusive lower bounds: with F = [2 3 5 10] one
	// purchase scores 1, two score 2, ten or more score 5.
	R, F, M []float64
}

// LifecycleConfig holds the day thresholds of lifecycle stages. With d the
// days from the last purchase to AsOf (never negative), rules apply in order:
//
//  1. 潜在 (prospect): no purchase at all (no purchase date, purchase_count
//     0 or missing, no positive revenue);
//  2. 新客户 (new): the first purchase is at most NewDays old (day 0 through
//     NewDays inclusive). A record without first_purchase_at that shows at
//     most one purchase uses its last purchase as its first;
//  3. "" when a buyer has no purchase date at all: its stage is unknown;
//  4. d ≤ ActiveDays: 忠实 (loyal) when purchase_count ≥ LoyalPurchases,
//     else 活跃 (active);
//  5. d ≤ SilentDays: 沉默 (silent);
//  6. d ≤ ChurnDays: 流失预警 (at risk);
//  7. otherwise 流失 (churned).
//
// Stages follow purchases only: a follow-up call is the sales rep's
// activity, not the customer's, so last_contact_at does not keep a customer
// "active" (rules can use days_since_last_contact).
type LifecycleConfig struct {
	NewDays, ActiveDays, SilentDays, ChurnDays int
	LoyalPurchases                             int
}

// GradeConfig grades customers by value points: the RFM M score plus the F
// score (each 1..Bins, 0 without purchases) plus ReferralPoints for each
// referred customer, at most MaxReferralPoints in all. Points ≥ Key grade
// 重要 (key), ≥ Regular 一般 (regular), fewer 潜力 (potential). With the
// defaults (5 bins, 1 point per referral up to 2, Key 8, Regular 5) a top
// spender who buys often is key, and two referrals lift a middling customer
// one grade. Key and Regular count on the F+M scale (2 to 2×Bins), so
// change them with Bins.
type GradeConfig struct {
	ReferralPoints, MaxReferralPoints int
	Key, Regular                      int
}

// Rule is a custom class: Name when the expr-lang expression When is true,
// e.g. {Name: "战略客户", When: "total_revenue > 1e6 && purchase_count >= 12"}.
// When sees every canonical field by its name: total_revenue,
// purchase_count and referrals as numbers (0 when missing), the rest as
// text; days_since_last_purchase and days_since_last_contact (-1 when
// unknown); and the computed abc_class, value_tier, rfm_r, rfm_f, rfm_m
// (0 without purchases), rfm_segment, lifecycle and grade, labelled in
// Lang. It must yield a bool; an unknown name, a type error or a syntax
// error fails New, naming the rule and the position.
type Rule struct{ Name, When string }

// DefaultConfig returns the documented defaults; AsOf is left for the
// caller.
func DefaultConfig() Config {
	var c Config
	c.Lang = "zh"
	c.ABC.A, c.ABC.B = 0.80, 0.95
	c.RFM.Bins, c.RFM.High = 5, 3
	c.Lifecycle = LifecycleConfig{NewDays: 90, ActiveDays: 90, SilentDays: 180, ChurnDays: 365, LoyalPurchases: 5}
	c.Grade = GradeConfig{ReferralPoints: 1, MaxReferralPoints: 2, Key: 8, Regular: 5}
	c.RulesColumn = "custom_class"
	return c
}

// maxBins keeps scores one or two digits, as the columns promise.
const maxBins = 99

// Validate reports every inconsistent setting at once.
func (c *Config) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if c.AsOf == 0 {
		bad("as-of date is required (pass --as-of YYYY-MM-DD)")
	}
	if c.Lang != "" && c.Lang != "zh" && c.Lang != "en" {
		bad("lang %q: want zh or en", c.Lang)
	}
	if a, b := c.ABC.A, c.ABC.B; !(0 < a && a < b && b <= 1) {
		bad("abc shares A=%g B=%g: want 0 < A < B <= 1 (e.g. 0.8 and 0.95)", a, b)
	}
	c.validateRFM(bad)
	lc := c.Lifecycle
	for _, d := range []struct {
		name string
		v    int
	}{{"new_days", lc.NewDays}, {"active_days", lc.ActiveDays}, {"silent_days", lc.SilentDays}, {"churn_days", lc.ChurnDays}} {
		if d.v < 0 {
			bad("lifecycle %s %d: days cannot be negative", d.name, d.v)
		}
	}
	if !(lc.ActiveDays <= lc.SilentDays && lc.SilentDays <= lc.ChurnDays) {
		bad("lifecycle days active=%d silent=%d churn=%d: want active <= silent <= churn", lc.ActiveDays, lc.SilentDays, lc.ChurnDays)
	}
	if lc.LoyalPurchases < 1 {
		bad("lifecycle loyal_purchases %d: want at least 1", lc.LoyalPurchases)
	}
	g := c.Grade
	if g.ReferralPoints < 0 || g.MaxReferralPoints < 0 || g.Key < 0 || g.Regular < 0 {
		bad("grade points cannot be negative")
	}
	if g.Regular > g.Key {
		bad("grade regular %d above key %d: want regular <= key", g.Regular, g.Key)
	}
	c.validateRules(bad)
	return errors.Join(errs...)
}

func (c *Config) validateRFM(bad func(string, ...any)) {
	r := c.RFM
	if r.Bins < 2 || r.Bins > maxBins {
		bad("rfm bins %d: want 2 to %d", r.Bins, maxBins)
		return
	}
	if r.High < 0 || r.High > r.Bins {
		bad("rfm high %d: want 1 to %d (bins), or 0 for %d", r.High, r.Bins, r.Bins/2+1)
	}
	for _, t := range []struct {
		name string
		v    []float64
	}{{"r", r.R}, {"f", r.F}, {"m", r.M}} {
		if t.v == nil {
			continue
		}
		if len(t.v) != r.Bins-1 {
			bad("rfm %s thresholds %v: want %d (bins-1) values", t.name, t.v, r.Bins-1)
			continue
		}
		for i, x := range t.v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				bad("rfm %s threshold %g is not a number", t.name, x)
			} else if i > 0 && !(t.v[i-1] < x) {
				bad("rfm %s thresholds %v: want strictly ascending", t.name, t.v)
				break
			}
		}
	}
}

func (c *Config) validateRules(bad func(string, ...any)) {
	col := c.rulesColumn()
	if slices.Contains(Columns, col) || col == record.SourceColumn {
		bad("rules column %q is already a classify column", col)
	}
	if _, ok := record.FieldByName(col); ok {
		bad("rules column %q is a canonical field; choose another name", col)
	}
	seen := make(map[string]bool, len(c.Rules))
	for i, r := range c.Rules {
		switch {
		case r.Name == "":
			bad("rule %d: name is empty", i+1)
		case seen[r.Name]:
			bad("rule %q: defined twice", r.Name)
		}
		seen[r.Name] = true
		if r.When == "" {
			bad("rule %q: when is empty", r.Name)
		}
	}
}

func (c *Config) rulesColumn() string {
	if c.RulesColumn == "" {
		return "custom_class"
	}
	return c.RulesColumn
}

func (c *Config) high() int {
	if c.RFM.High == 0 {
		return c.RFM.Bins/2 + 1
	}
	return c.RFM.High
}
