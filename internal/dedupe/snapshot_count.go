package dedupe

// SnapshotRecords is the number SnapshotWarning counts: the folded records
// matching master customers whose totals are equal to or above the
// master's.
func (s *Survivorship) SnapshotRecords() int { return s.foldAtLeast }
