package classify

// grade returns the index into Labels.Grade from the F and M scores and the
// referrals; the rule is documented on GradeConfig.
func grade(g *GradeConfig, f, m int, referrals int32) int {
	points := f + m + int(min(int64(referrals)*int64(g.ReferralPoints), int64(g.MaxReferralPoints)))
	switch {
	case points >= g.Key:
		return GradeKey
	case points >= g.Regular:
		return GradeRegular
	}
	return GradePotential
}
