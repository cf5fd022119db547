package classify

import (
	"math"
	"sort"
)

// Indexes into Labels.ABC and Labels.Tier.
const (
	classA = iota
	classB
	classC
)

// pareto holds the smallest revenue classed A and the smallest classed B;
// +Inf when no customer gets the class.
type pareto struct{ cutA, cutB float64 }

func (p pareto) class(f *Facts) int {
	switch v := monetary(f); {
	case v <= 0:
		return classC
	case v >= p.cutA:
		return classA
	case v >= p.cutB:
		return classB
	}
	return classC
}

// shareTolerance absorbs float rounding in cumulative sums of decimal
// amounts, so that a customer whose predecessors hold exactly 80% of the
// revenue is B, as a hand calculation says, not A by a rounding error.
const shareTolerance = 1e-9

// fitPareto ranks customers by revenue, largest first. A customer is A when
// the customers ranked strictly above it hold less than shareA of the total
// revenue (so the customer crossing the line is A, and the largest customer
// always is), B likewise below shareB, else C. Equal revenues form one
// group that never straddles a cut: every member takes the class of the
// group's first member. Zero, missing and negative revenue is always C and
// adds nothing to the total; when nobody has revenue everybody is C. The
// classes depend only on the revenues, never on input order.
//
// sorted holds the revenues counted (monetary), ascending.
func fitPareto(sorted []float64, shareA, shareB float64) pareto {
	p := pareto{math.Inf(1), math.Inf(1)}
	positive := sorted[sort.Search(len(sorted), func(i int) bool { return sorted[i] > 0 }):]
	var total float64
	for i := len(positive) - 1; i >= 0; i-- {
		total += positive[i]
	}
	if total == 0 {
		return p
	}
	limitA := (shareA - shareTolerance) * total
	limitB := (shareB - shareTolerance) * total
	var before float64
	for i := len(positive) - 1; i >= 0; i-- {
		v := positive[i]
		if i == len(positive)-1 || v != positive[i+1] { // first of its group
			switch {
			case before < limitA:
				p.cutA = v
				p.cutB = v
			case before < limitB:
				p.cutB = v
			default:
				return p
			}
		}
		before += v
	}
	return p
}
