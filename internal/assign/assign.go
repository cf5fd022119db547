package assign

import (
	"fmt"
	"math"
	"strings"
)

// InputError lists problems in the reps or overrides given to Assign; the
// CLI reports it as a data error.
type InputError struct {
	Problems []string
	Hint     string
}

func (e *InputError) Error() string {
	return "assign: " + strings.Join(e.Problems, "; ")
}

// engine holds what every customer's decision needs.
type engine struct {
	p        Policy
	t        texts
	reps     []Rep
	repIndex map[string]int // rep name → index in reps
	loads    []int          // customers held per rep
	byTier   map[string]ReclaimDays
	chain    []string

	overrides     map[string]*Override
	usedOverrides map[string]bool

	keptReasons map[string]string // the "kept" sentence per owner, built once
	sentences   map[string]string // sentences that depend only on the policy
}

// Assign decides the owner of every customer (see the package doc for the
// order of work). It returns a *PolicyError for a bad policy or a rep above
// capacity with no overflow rule, and an *InputError for bad reps, an
// override naming a rep that is not in reps (when reps are given), or two
// overrides of one customer naming different owners. Without reps, every
// claimant is valid and there are no caps; the default strategy is then
// none.
func Assign(customers []Customer, reps []Rep, overrides []Override, p Policy) (*Plan, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	e, err := newEngine(reps, overrides, p.withDefaults(reps))
	if err != nil {
		return nil, err
	}
	plan := &Plan{
		Decisions: make([]Decision, len(customers)),
		Before:    map[string]int{},
		After:     map[string]int{},
		ByRule:    map[string]int{},
		Moves:     map[string]int{},
	}
	for i := range customers {
		d := &plan.Decisions[i]
		e.resolve(&customers[i], d)
		e.countBefore(&customers[i], d, plan.Before)
		if d.Dispute {
			plan.Disputes++
		}
		if r, ok := e.repIndex[d.Owner]; ok && d.Owner != "" {
			e.loads[r]++
		}
	}
	if err := e.enforceCapacity(customers, plan.Decisions); err != nil {
		return nil, err
	}
	e.distribute(customers, plan.Decisions)
	for i := range plan.Decisions {
		d := &plan.Decisions[i]
		plan.After[d.Owner]++
		plan.ByRule[d.Rule]++
		if c := &customers[i]; c.Owner != "" {
			plan.Owned++
			if d.Owner != c.Owner {
				plan.Moves[MoveCause(c, d)]++
			}
		}
	}
	for _, o := range overrides {
		if !e.usedOverrides[o.CustomerID] {
			plan.UnusedOverrides = append(plan.UnusedOverrides, o)
		}
	}
	return plan, nil
}

func newEngine(reps []Rep, overrides []Override, p Policy) (*engine, error) {
	e := &engine{
		p:           p,
		t:           texts{en: p.Lang == "en"},
		reps:        reps,
		repIndex:    make(map[string]int, len(reps)),
		loads:       make([]int, len(reps)),
		chain:       p.Chain,
		keptReasons: map[string]string{},
		sentences:   map[string]string{},
	}
	var probs []string
	for i, r := range reps {
		switch {
		case r.Name == "":
			probs = append(probs, fmt.Sprintf("rep #%d has no name", i+1))
		case r.Capacity < 0:
			probs = append(probs, fmt.Sprintf("rep %s has a negative capacity %d", r.Name, r.Capacity))
		case r.Weight < 0 || math.IsNaN(r.Weight) || math.IsInf(r.Weight, 0):
			probs = append(probs, fmt.Sprintf("rep %s has an invalid weight %v", r.Name, r.Weight))
		}
		if _, dup := e.repIndex[r.Name]; dup {
			probs = append(probs, fmt.Sprintf("rep %s appears twice", r.Name))
		}
		e.repIndex[r.Name] = i
	}
	if len(p.Reclaim.ByTier) > 0 {
		e.byTier = make(map[string]ReclaimDays, len(p.Reclaim.ByTier))
		for label, days := range p.Reclaim.ByTier {
			e.byTier[canonicalLabel(label)] = days
		}
	}
	if contains(p.Chain, RuleOverride) && len(overrides) > 0 {
		e.overrides = make(map[string]*Override, len(overrides))
		e.usedOverrides = make(map[string]bool, len(overrides))
		for i := range overrides {
			o := &overrides[i]
			if o.Owner == "" {
				probs = append(probs, fmt.Sprintf("the override of customer %s names no owner", o.CustomerID))
				continue
			}
			if _, known := e.repIndex[o.Owner]; len(reps) > 0 && !known {
				probs = append(probs, fmt.Sprintf("the override of customer %s names %q, who is not in the reps list", o.CustomerID, o.Owner))
				continue
			}
			if prev, dup := e.overrides[o.CustomerID]; dup && prev.Owner != o.Owner {
				probs = append(probs, fmt.Sprintf("customer %s has two overrides naming different owners: %s and %s", o.CustomerID, prev.Owner, o.Owner))
				continue
			}
			if _, dup := e.overrides[o.CustomerID]; !dup {
				e.overrides[o.CustomerID] = o
			}
		}
	} else {
		// Overrides are not applied (no override rule in the chain), so
		// none counts as used: the CLI warns about all of them.
		e.usedOverrides = map[string]bool{}
	}
	if len(probs) > 0 {
		if len(probs) > 20 {
			probs = append(probs[:20], fmt.Sprintf("… and %d more", len(probs)-20))
		}
		return nil, &InputError{Problems: probs, Hint: "check the reps and overrides files: every owner an override names must be a rep"}
	}
	return e, nil
}

// countBefore counts the customer for its owner before the run; when that
// is not given, for each of its claimants, or for the pool when nobody
// claimed it.
func (e *engine) countBefore(c *Customer, d *Decision, before map[string]int) {
	if c.Owner != "" {
		before[c.Owner]++
		return
	}
	if len(d.Candidates) == 0 {
		before[""]++
		return
	}
	for _, c := range d.Candidates {
		before[c.Owner]++
	}
}

// repActive reports whether owner is a valid owner: any owner when no reps
// are given, else an active rep.
func (e *engine) repActive(owner string) bool {
	if len(e.reps) == 0 {
		return true
	}
	i, ok := e.repIndex[owner]
	return ok && e.reps[i].Active
}
