package assign

import (
	"fmt"
	"slices"

	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/record"
)

// The columns assign writes (or updates) in every record; a later assign
// and the reports read them back.
const (
	ColumnOwnerPrevious = "owner_previous"
	ColumnAssignReason  = "assign_reason" // "rule: reason"
	ColumnReclaimedAt   = "reclaimed_at"
	ColumnReclaimedFrom = "reclaimed_from" // who lost it to the pool on reclaimed_at: the cooldown outlives the run
	ColumnDispute       = "assign_dispute" // the chain rule that settled a dispute
	ColumnValueTier     = "value_tier"     // classify's, read for per-tier reclaim
	ColumnGrade         = "grade"
	columnClaims        = "claims" // dedupe's (dedupe.ColumnClaims): one claim per merged record
)

// Columns writes decisions into records: owner, claimed_at and the
// columns assign adds.
type Columns struct {
	Schema                                          record.Schema
	prev, reason, reclaimed, reclaimedFrom, dispute int
	claims                                          int // dedupe's claims column, -1 when absent
	asOf                                            string
}

// NewColumns lays out assign's columns after in's (or over them, when the
// input was assigned before).
func NewColumns(in *record.Schema, asOf int) *Columns {
	a := &Columns{Schema: record.Schema{Extra: slices.Clone(in.Extra)}, asOf: dayText(asOf)}
	col := func(name string) int {
		if i := slices.Index(a.Schema.Extra, name); i >= 0 {
			return i
		}
		a.Schema.Extra = append(a.Schema.Extra, name)
		return len(a.Schema.Extra) - 1
	}
	a.claims = slices.Index(in.Extra, columnClaims)
	a.prev, a.reason, a.reclaimedFrom, a.reclaimed, a.dispute = col(ColumnOwnerPrevious), col(ColumnAssignReason), col(ColumnReclaimedFrom), col(ColumnReclaimedAt), col(ColumnDispute)
	return a
}

func dayText(d int) string {
	y, m, dd := civil.DateFromDays(d)
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// ReasonText is what the assign_reason column says of d: "rule: reason".
func ReasonText(d *Decision) string { return d.Rule + ": " + d.Reason }

// ApplyWithReason sets r's owner from d, and its assign_reason to reason,
// which is ReasonText(d): the texts repeat (one per rep and rule), so a
// caller applying a whole plan makes each once. It reports whether the
// owner changed.
func (a *Columns) ApplyWithReason(r *record.Record, d *Decision, reason string) bool {
	if len(r.Extra) < len(a.Schema.Extra) {
		r.Extra = append(r.Extra, make([]string, len(a.Schema.Extra)-len(r.Extra))...)
	}
	before := r.Values[record.Owner]
	changed := before != d.Owner
	// owner_previous is the owner before this run on every record ("" =
	// the pool), so reports count before and after from it.
	r.Extra[a.prev] = before
	if changed {
		r.Values[record.Owner] = d.Owner
		// claimed_at is the new owner's claim: its own when it won a
		// dispute, today when the customer was handed to it.
		r.Values[record.ClaimedAt] = ""
		if d.Owner != "" {
			r.Values[record.ClaimedAt] = a.asOf
			for _, c := range d.Candidates {
				if c.Owner == d.Owner && c.ClaimedAt != NoDate {
					r.Values[record.ClaimedAt] = dayText(c.ClaimedAt)
				}
			}
		}
	}
	r.Extra[a.dispute] = ""
	if d.Dispute {
		r.Extra[a.dispute] = SettledBy(d)
	}
	if d.ReclaimedFrom != "" {
		// Kept for the next run: the cooldown outlives this one.
		r.Extra[a.reclaimedFrom] = d.ReclaimedFrom
		r.Extra[a.reclaimed] = a.asOf
	}
	if a.claims >= 0 {
		// What was settled is remembered: next month's run does not
		// decide it again unless a new claim comes.
		r.Extra[a.claims] = SettleClaims(r.Extra[a.claims], d, a.asOf, r.Values[record.ClaimedAt])
	}
	r.Extra[a.reason] = reason
	return changed
}

// SettledBy is the chain rule that decided a dispute ("none" when none
// did, e.g. every claimant was inactive).
func SettledBy(d *Decision) string {
	for i := len(d.Steps) - 1; i >= 0; i-- {
		if d.Steps[i].Outcome == OutcomeDecided {
			return d.Steps[i].Rule
		}
	}
	return "none"
}
