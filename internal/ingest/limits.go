package ingest

import (
	"context"
	"fmt"
	"iter"

	"github.com/crmkit/crmkit/internal/errs"
)

// maxRejectedRows is how many rejected rows a table may have before the run
// stops, when it also has more rejected rows than good ones: past that the
// file is not a customer table read right (a wrong delimiter or encoding, a
// quote that breaks every line after it), and writing each of its lines to
// the rejects file only hides that.
const maxRejectedRows = 10_000

// checkRejects stops a table whose rows are mostly rejected.
func checkRejects(t *Table, ts *TableStats, line int, reason string) error {
	if ts.Rejected <= maxRejectedRows || ts.Rejected <= ts.Out {
		return nil
	}
	return errs.Data(
		fmt.Errorf("%s: %d of the first %d rows (up to line %d) are rejected; stopping: the file is not read as a table of customers (line %d: %s)",
			t.Info.Source(), ts.Rejected, ts.In, line, line, reason),
		"look at its first lines (crmkit inspect "+t.Info.Name()+"): pass --delimiter or --encoding if they are wrong, or fix the quote that breaks the rows after it")
}

// untilDone yields what ch delivers until it is closed or ctx is done: a
// run interrupted while its reader waits on a stalled input (a pipe that
// stays open) stops instead of waiting for the next batch.
func untilDone[T any](ctx context.Context, ch <-chan T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for {
			select {
			case v, ok := <-ch:
				if !ok || !yield(v) {
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}
}

// maxBatchBytes bounds the cells a batch holds besides its row count: 512
// rows of wide or long rows (16,384 cells, or 4 MiB each) would otherwise
// be gigabytes in flight between the reader and the workers.
const maxBatchBytes = 8 << 20

// rowBytes is what a row's cells hold: their text and a string header each.
func rowBytes(cells []string) int {
	n := 16 * len(cells)
	for _, c := range cells {
		n += len(c)
	}
	return n
}
