package dedupe

// Worker returns a copy of s that can merge clusters on another goroutine
// while s merges others: the same rules, its own scratch space, its
// counts starting at zero. Add its counts back with AddCounts.
func (s *Survivorship) Worker() *Survivorship {
	w := *s
	w.copies, w.pickKeys, w.pickCount, w.pickLen, w.pickFirst = nil, nil, nil, nil, nil
	w.SumFallbacks, w.Capped, w.Copies, w.CurrencyMixed = 0, 0, 0, 0
	w.foldMatched, w.foldAtLeast, w.foldReplaced, w.foldAdded = 0, 0, 0, 0
	return &w
}

// AddCounts adds what worker w counted to s's counts.
func (s *Survivorship) AddCounts(w *Survivorship) {
	s.SumFallbacks += w.SumFallbacks
	s.Capped += w.Capped
	s.Copies += w.Copies
	s.CurrencyMixed += w.CurrencyMixed
	s.foldMatched += w.foldMatched
	s.foldAtLeast += w.foldAtLeast
	s.foldReplaced += w.foldReplaced
	s.foldAdded += w.foldAdded
}

// allDistinct reports whether no string of ids is there twice.
func allDistinct(ids []string) bool {
	seen := make(map[string]struct{}, len(ids))
	for i, id := range ids {
		seen[id] = struct{}{} // one map operation: the map grows only for a new id
		if len(seen) <= i {
			return false
		}
	}
	return true
}
