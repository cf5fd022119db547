package classify

import (
	"fmt"
	"sync"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"github.com/crmkit/crmkit/internal/record"
)

// ruleEnv is what a rule expression sees: every canonical field by its
// name (the three numeric ones as numbers, 0 when missing), the day counts
// since the last purchase and contact (-1 when unknown), and the classes
// computed before the rules. Compiling against it makes an unknown name or
// a type mismatch a load-time error rather than a per-row one.
type ruleEnv struct {
	ID              string  `expr:"id"`
	Company         string  `expr:"company"`
	Name            string  `expr:"name"`
	Phone           string  `expr:"phone"`
	Email           string  `expr:"email"`
	Address         string  `expr:"address"`
	Province        string  `expr:"province"`
	City            string  `expr:"city"`
	Postcode        string  `expr:"postcode"`
	Industry        string  `expr:"industry"`
	Source          string  `expr:"source"`
	CustomerType    string  `expr:"customer_type"`
	Owner           string  `expr:"owner"`
	ClaimedAt       string  `expr:"claimed_at"`
	LastContactAt   string  `expr:"last_contact_at"`
	FirstPurchaseAt string  `expr:"first_purchase_at"`
	LastPurchaseAt  string  `expr:"last_purchase_at"`
	PurchaseCount   float64 `expr:"purchase_count"`
	TotalRevenue    float64 `expr:"total_revenue"`
	Referrals       float64 `expr:"referrals"`
	Tags            string  `expr:"tags"`
	Notes           string  `expr:"notes"`
	BirthDate       string  `expr:"birth_date"`

	DaysSinceLastPurchase float64 `expr:"days_since_last_purchase"`
	DaysSinceLastContact  float64 `expr:"days_since_last_contact"`

	ABCClass   string `expr:"abc_class"`
	ValueTier  string `expr:"value_tier"`
	RFMR       int    `expr:"rfm_r"`
	RFMF       int    `expr:"rfm_f"`
	RFMM       int    `expr:"rfm_m"`
	RFMSegment string `expr:"rfm_segment"`
	Lifecycle  string `expr:"lifecycle"`
	Grade      string `expr:"grade"`

	built int // bytes the running rule has built (ruleBuildBudget)
}

func (e *ruleEnv) fill(r *record.Record, f *Facts, asOf int, cl *Classes) {
	v := &r.Values
	*e = ruleEnv{
		ID: v[record.ID], Company: v[record.Company], Name: v[record.Name],
		Phone: v[record.Phone], Email: v[record.Email], Address: v[record.Address],
		Province: v[record.Province], City: v[record.City], Postcode: v[record.Postcode],
		Industry: v[record.Industry], Source: v[record.Source], CustomerType: v[record.CustomerType],
		Owner: v[record.Owner], ClaimedAt: v[record.ClaimedAt], LastContactAt: v[record.LastContactAt],
		FirstPurchaseAt: v[record.FirstPurchaseAt], LastPurchaseAt: v[record.LastPurchaseAt],
		PurchaseCount: float64(f.Purchases), TotalRevenue: f.Revenue, Referrals: float64(f.Referrals),
		Tags: v[record.Tags], Notes: v[record.Notes], BirthDate: v[record.BirthDate],

		DaysSinceLastPurchase: float64(daysSince(asOf, f.lastPurchase())),
		DaysSinceLastContact:  float64(daysSince(asOf, f.LastContact)),

		ABCClass: cl.ABC, ValueTier: cl.Tier, RFMR: cl.R, RFMF: cl.F, RFMM: cl.M,
		RFMSegment: cl.Segment, Lifecycle: cl.Lifecycle, Grade: cl.Grade,
	}
}

// compiledRule is a rule ready to run.
type compiledRule struct {
	name    string
	program *vm.Program
}

func compileRules(rules []Rule) ([]compiledRule, error) {
	out := make([]compiledRule, 0, len(rules))
	for _, r := range rules {
		p, err := expr.Compile(r.When, append([]expr.Option{expr.Env(ruleEnv{}), expr.AsBool()}, ruleBudgetOptions()...)...)
		if err != nil {
			return nil, fmt.Errorf("rule %q: %w", r.Name, err)
		}
		out = append(out, compiledRule{r.Name, p})
	}
	return out, nil
}

// ruleRunner is one goroutine's VM and environment, pooled so that
// Classify allocates neither per row and stays safe for concurrent use.
type ruleRunner struct {
	vm  vm.VM
	env ruleEnv
}

var runners = sync.Pool{New: func() any {
	run := new(ruleRunner)
	run.vm.MemoryBudget = ruleVMBudget
	return run
}}

// matchRules returns the name of the first rule that holds, or "".
func matchRules(rules []compiledRule, r *record.Record, f *Facts, asOf int, cl *Classes) (string, error) {
	run := runners.Get().(*ruleRunner)
	defer runners.Put(run)
	run.env.fill(r, f, asOf, cl)
	for _, rule := range rules {
		run.env.built = 0
		out, err := run.vm.Run(rule.program, &run.env)
		if err != nil {
			return "", fmt.Errorf("rule %q: %w", rule.name, err)
		}
		if out.(bool) {
			return rule.name, nil
		}
	}
	return "", nil
}
