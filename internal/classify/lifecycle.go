package classify

// lifecycle returns the index into Labels.Lifecycle of f, or -1 when a
// buyer's stage is unknown; the rule is documented on LifecycleConfig.
func lifecycle(lc *LifecycleConfig, f *Facts, asOf int) int {
	if !f.Bought() {
		return LifecycleProspect
	}
	if d := daysSince(asOf, f.firstPurchase()); d >= 0 && d <= lc.NewDays {
		return LifecycleNew
	}
	d := daysSince(asOf, f.lastPurchase())
	switch {
	case d < 0:
		return -1
	case d <= lc.ActiveDays:
		if int(f.frequency()) >= lc.LoyalPurchases {
			return LifecycleLoyal
		}
		return LifecycleActive
	case d <= lc.SilentDays:
		return LifecycleSilent
	case d <= lc.ChurnDays:
		return LifecycleAtRisk
	}
	return LifecycleChurned
}
