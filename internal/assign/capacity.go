package assign

import (
	"cmp"
	"fmt"
	"slices"
)

// enforceCapacity deals with reps holding more customers than their
// capacity once disputes are resolved and neglected customers reclaimed.
// By default that is a policy error; Overflow "keep" lets them keep all
// (they get no more), "pool" returns the excess to the pool, least revenue
// first, ties by id. Customers a manager assigned are never returned.
func (e *engine) enforceCapacity(customers []Customer, ds []Decision) error {
	var over []int
	for r, rep := range e.reps {
		if rep.Capacity > 0 && e.loads[r] > rep.Capacity {
			over = append(over, r)
		}
	}
	if len(over) == 0 || e.p.Overflow == OverflowKeep {
		return nil
	}
	if e.p.Overflow == OverflowError {
		probs := make([]string, len(over))
		for i, r := range over {
			probs[i] = fmt.Sprintf("rep %s holds %d customers, above its capacity of %d", e.reps[r].Name, e.loads[r], e.reps[r].Capacity)
		}
		return &PolicyError{Problems: probs, Hint: "raise the capacity in the reps file, or set assign.overflow to keep (give no more) or pool (return the excess)"}
	}
	held := make(map[int][]int, len(over)) // rep → its customers that may return
	for _, r := range over {
		held[r] = nil
	}
	for i := range ds {
		if r, ok := e.repIndex[ds[i].Owner]; ok && ds[i].Owner != "" && ds[i].Rule != RuleOverride {
			if list, isOver := held[r]; isOver {
				held[r] = append(list, i)
			}
		}
	}
	for _, r := range over {
		list := held[r]
		slices.SortStableFunc(list, func(a, b int) int {
			return cmp.Or(cmp.Compare(customers[a].Revenue, customers[b].Revenue), cmp.Compare(customers[a].ID, customers[b].ID))
		})
		excess := min(e.loads[r]-e.reps[r].Capacity, len(list))
		reason := e.t.overflow(e.reps[r].Name, e.loads[r], e.reps[r].Capacity)
		for _, i := range list[:excess] {
			d := &ds[i]
			d.Owner, d.Rule, d.PoolRule = "", RuleOverflow, RuleOverflow
			d.Reason = e.t.then(d.Reason, reason)
		}
		e.loads[r] -= excess
	}
	return nil
}
