package assign

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// MoveCause is why a customer owned before the run changed owner: the
// reclaim or overflow rule that took it, the exclusion of its owner
// (inactive, unknown, cooldown), or the chain rule that gave it to another
// claimant.
func MoveCause(c *Customer, d *Decision) string {
	switch {
	case d.ReclaimedFrom != "" || d.PoolRule == RuleOverflow:
		return d.PoolRule
	}
	for _, x := range d.Excluded {
		if x.Owner == c.Owner {
			return x.Why
		}
	}
	for i := len(d.Steps) - 1; i >= 0; i-- {
		if d.Steps[i].Outcome == OutcomeDecided {
			return d.Steps[i].Rule
		}
	}
	return d.Rule
}

// CauseSetting names the setting behind a move cause, so that a warning
// about many moves says what to change.
func CauseSetting(cause string) string {
	switch cause {
	case RuleReclaimFollowup:
		return "assign.reclaim.enabled (or --reclaim) with followup_days"
	case RuleReclaimDeal:
		return "assign.reclaim.enabled (or --reclaim) with reclaim.no_deal_days"
	case RuleOverflow:
		return "assign.overflow and the capacity column of --reps"
	case ExcludedInactive:
		return "the active column of --reps"
	case ExcludedUnknown:
		return "--reps: owners missing from the reps file lose their customers"
	case ExcludedCooldown:
		return "assign.cooldown_days"
	case RuleOverride:
		return "--overrides"
	}
	return "assign.chain"
}

// moveCauses lists the causes of moves, most moves first, then by name.
func (p *Plan) moveCauses() []string {
	causes := make([]string, 0, len(p.Moves))
	for c := range p.Moves {
		causes = append(causes, c)
	}
	slices.SortFunc(causes, func(a, b string) int {
		return cmp.Or(cmp.Compare(p.Moves[b], p.Moves[a]), strings.Compare(a, b))
	})
	return causes
}

// Moved is how many owned customers changed owner.
func (p *Plan) Moved() int {
	n := 0
	for _, v := range p.Moves {
		n += v
	}
	return n
}

// MovesSummary says how many owned customers change owner, and why:
// "owned customers: 3 of 169 change owner (valid 2, reclaim-followup 1)".
func (p *Plan) MovesSummary() string {
	s := fmt.Sprintf("owned customers: %d of %d change owner", p.Moved(), p.Owned)
	if len(p.Moves) > 0 {
		parts := make([]string, 0, len(p.Moves))
		for _, c := range p.moveCauses() {
			parts = append(parts, fmt.Sprintf("%s %d", c, p.Moves[c]))
		}
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// MovesWarning is a warning when the run moves more than a fifth of the
// owned customers, naming the settings behind the moves; "" otherwise.
func (p *Plan) MovesWarning() string {
	moved := p.Moved()
	if moved*5 <= p.Owned || moved == 0 {
		return ""
	}
	parts := make([]string, 0, len(p.Moves))
	for _, c := range p.moveCauses() {
		parts = append(parts, fmt.Sprintf("%s %d (%s)", c, p.Moves[c], CauseSetting(c)))
	}
	return fmt.Sprintf("this run moves %d of %d owned customers (%d%%) to another owner or the pool: %s; check those settings before you write the result",
		moved, p.Owned, moved*100/p.Owned, strings.Join(parts, "; "))
}
