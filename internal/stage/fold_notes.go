package stage

import "github.com/crmkit/crmkit/internal/warncode"

// SnapshotNotes warn, after a fold, when the new file looks like a
// snapshot of running totals rather than new business, and say what the
// fold did with its amounts.
func (f *Folder) SnapshotNotes() Notes {
	var n Notes
	if w := f.surv.SnapshotWarning(); w != "" {
		n.Warnf(warncode.FoldSnapshot, f.surv.SnapshotRecords(), "%s", w)
	}
	return n
}
