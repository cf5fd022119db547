package stage

import (
	"slices"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/record"
)

// ownColumns are the columns crmkit writes beside the canonical fields:
// dedupe's, classify's and assign's. A master that a fold reads back, or
// any crmkit output read again, has them; they are not unknown columns.
var ownColumns = append([]string{
	dedupe.ColumnClusterID, dedupe.ColumnMergedFrom, dedupe.ColumnOwners, dedupe.ColumnClaims, dedupe.ColumnRecordAmounts,
	assign.ColumnOwnerPrevious, assign.ColumnAssignReason, assign.ColumnReclaimedAt, assign.ColumnReclaimedFrom, assign.ColumnDispute,
	"custom_class", // classify's rules column, by default
}, classify.Columns...)

// OwnColumns returns the columns of m that crmkit itself wrote: its
// lineage column, and the columns dedupe, classify and assign add, when
// the table is crmkit's output (it has the lineage column; a raw export
// with a "grade" column is not).
func OwnColumns(m record.Mapping) []string {
	if !slices.ContainsFunc(m.Columns, func(c record.Column) bool { return c.Target == record.ToLineage }) {
		return nil
	}
	var out []string
	for _, c := range m.Columns {
		if c.Target == record.ToLineage || c.Target == record.ToExtra && slices.Contains(ownColumns, c.Header) {
			out = append(out, c.Header)
		}
	}
	return out
}
