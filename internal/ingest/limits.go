package ingest

import (
	"fmt"

	"github.com/crmkit/crmkit/internal/errs"
)

// maxRejectedRows is how many rejected rows a table may have before the run
// stops, when it also has more rejected rows than good ones: past that the
// file is not a customer table read right (a wrong delimiter or encoding, a
// quote that breaks every line after it), and writing each of its lines to
// the rejects file only hides that.
const maxRejectedRows = 10_000

// checkRejects stops a table whose rows are mostly rejected.
func checkRejects(t *Table, ts *TableStats, line int) error {
	if ts.Rejected <= maxRejectedRows || ts.Rejected <= ts.Out {
		return nil
	}
	return errs.Data(
		fmt.Errorf("%s: %d of the first %d rows (up to line %d) are rejected; stopping: the file is not read as a table of customers",
			t.Info.Source(), ts.Rejected, ts.In, line),
		"look at its first lines (crmkit inspect "+t.Info.Name()+"): pass --delimiter or --encoding if they are wrong, or fix the quote that breaks the rows after it")
}
