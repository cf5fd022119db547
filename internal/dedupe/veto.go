package dedupe

import "math"

// A company that differs is made to outweigh any shared phone or e-mail
// when a pair is scored (see Matcher.fit: sister companies share a boss,
// a switchboard and a mailbox). That bound is about the sum, not about
// how sure a difference is: a cannot-link — clear evidence of two
// customers, never crossed by a chain — weighs a company difference at
// what the file measured. Else, in a file where a shared phone is worth
// eight bits, every other name at the same street address (a program
// against its agency) was a cannot-link, and one such record joined to a
// site kept the site's other records from it.

// companyVetoShift returns how many bits the bound took off the company
// comparator's different level: that level's weight as learned (blended
// with the hand-set one, as fit does) less its weight in model; 0 when
// the model was not learned or the comparator is the user's.
func (m *Matcher) companyVetoShift(model *Model) float64 {
	co := m.companyAt
	if co < 0 || co >= len(model.Fields) || m.comparators[co].fixed {
		return 0
	}
	fm := model.Fields[co]
	for _, lm := range fm.Levels {
		if lm.Level != Different.String() || lm.M <= 0 || lm.U <= 0 {
			continue
		}
		learned := math.Log2(lm.M / lm.U)
		w := min(maxBits, max(minBits, blend(fm.Matches, learned, m.comparators[co].prior[Different])))
		return max(0, w-lm.Bits)
	}
	return 0
}

// cannotLinked reports whether a pair weighing w with levels lv is clear
// evidence of two customers by its weight alone.
func (m *Matcher) cannotLinked(w float64, lv []Level) bool {
	if m.companyAt >= 0 && lv[m.companyAt] == Different {
		w += m.vetoShift
	}
	return w <= m.cannotW
}
