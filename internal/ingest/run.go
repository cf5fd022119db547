package ingest

import (
	"context"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/tabular"
)

// Sink receives the results of a run, in input order. A record and a
// reject's cells are reused once the call returns: a sink keeping one
// copies it. Strings may be kept, they never change, but a CSV row's share
// a block of the file's text with the rows around it (tabular's csvText):
// a sink keeping values of a few scattered rows for long (map keys, a
// list of some rows) clones them, or it keeps most of the file in memory.
type Sink interface {
	Record(t *Table, rec *record.Record) error
	Reject(t *Table, rej Reject) error
}

// Stats summarises a run: In = Out + Rejected, in total and per table.
// A totals row under a table (合计, Total) is, like a title row above it,
// part of the sheet and not a customer: it is not counted in In but listed
// in Totals.
type Stats struct {
	TableStats
	Tables []TableStats // in Input.Tables order
	Totals []Reject     // the totals rows skipped, Reason saying which label
}

// TableStats counts the rows of one table (or of all).
type TableStats struct {
	In, Out, Rejected int
	Quality           Quality
}

func (t *TableStats) add(o *TableStats) {
	t.In += o.In
	t.Out += o.Out
	t.Rejected += o.Rejected
	t.Quality.add(&o.Quality)
}

const batchSize = 512

type rawRow struct {
	cells   []string
	line    int
	problem string
}

type batch struct {
	table   *Table
	tableNo int
	rows    []rawRow
	cells   []string // backs the rows' cells
	recs    []record.Record
	extra   []string // backs the records' Extra
	reasons []string // per row: "" or why it is rejected
	skips   []bool   // per row: a totals row, skipped
	quality Quality
	size    int // bytes of the rows' cells, bounded by maxBatchBytes
	done    chan struct{}
}

// batches recycles batches once the sink has taken their records: at a
// million rows that is a gigabyte less garbage for the collector to chase.
type batches chan *batch

func (p batches) get(t *Table, no int) *batch {
	var b *batch
	select {
	case b = <-p:
	default:
		b = &batch{rows: make([]rawRow, 0, batchSize)}
	}
	b.table, b.tableNo, b.done = t, no, make(chan struct{})
	return b
}

func (p batches) put(b *batch) {
	b.rows, b.cells, b.extra, b.size = b.rows[:0], b.cells[:0], b.extra[:0], 0
	b.quality = Quality{}
	select {
	case p <- b:
	default:
	}
}

// Run reads every table, normalizing rows on `workers` goroutines (0 means
// GOMAXPROCS), and hands records and rejects to sink in input order, so the
// output is the same whatever the core count. The first error stops the run.
func (in *Input) Run(ctx context.Context, workers int, sink Sink) (Stats, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan *batch, workers)
	ordered := make(chan *batch, workers*2)
	free := make(batches, workers*3+1)
	var readErr error

	go func() {
		defer close(ordered)
		defer close(jobs)
		readErr = in.read(ctx, free, jobs, ordered)
	}()

	canon := make(map[*Table]bool, len(in.Tables))
	for _, t := range in.Tables {
		canon[t] = !in.opts.Renormalize && len(in.opts.Rates) == 0 && canonical(t)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cv := converter{rates: in.opts.Rates}
			nExtra := len(in.Schema.Extra)
			for b := range jobs {
				b.recs = slices.Grow(b.recs[:0], len(b.rows))[:len(b.rows)]
				b.reasons = slices.Grow(b.reasons[:0], len(b.rows))[:len(b.rows)]
				b.skips = slices.Grow(b.skips[:0], len(b.rows))[:len(b.rows)]
				b.extra = slices.Grow(b.extra[:0], nExtra*len(b.rows))
				for i, r := range b.rows {
					b.skips[i] = false
					if r.problem != "" {
						b.reasons[i] = r.problem
						continue
					}
					var extra []string
					if nExtra > 0 {
						at := len(b.extra)
						b.extra = b.extra[:at+nExtra]
						extra = b.extra[at : at+nExtra : at+nExtra]
						clear(extra)
					}
					if canon[b.table] {
						b.reasons[i], b.skips[i] = convertCanonical(b.table, r.cells, r.line, extra, &b.recs[i]), false
					} else {
						b.reasons[i], b.skips[i] = cv.convert(b.table, r.cells, r.line, extra, &b.recs[i], &b.quality)
					}
				}
				close(b.done)
			}
		}()
	}

	st := Stats{Tables: make([]TableStats, len(in.Tables))}
	// A table whose report footer began: the one-cell rows after it (the
	// organisation's name) are footer too.
	footer := make([]bool, len(in.Tables))
	var sinkErr error
	for b := range untilDone(ctx, ordered) {
		select {
		case <-b.done:
		case <-ctx.Done():
			// Interrupted (or stopped by the sink's error) while a reader may
			// be blocked on a stalled input (a pipe): return now; nothing of
			// this run is committed.
			if sinkErr != nil {
				return st, sinkErr
			}
			return st, ctx.Err()
		}
		if sinkErr != nil || ctx.Err() != nil {
			continue // drain so the reader and workers can finish; a batch may be unconverted
		}
		ts := &st.Tables[b.tableNo]
		ts.Quality.add(&b.quality)
		for i, r := range b.rows {
			if !b.skips[i] && footer[b.tableNo] && r.problem == "" && oneCell(r.cells) {
				b.skips[i], b.reasons[i] = true, footerReason+" (after Generated By), not a customer"
			}
			if b.skips[i] {
				if strings.HasPrefix(b.reasons[i], footerReason) {
					footer[b.tableNo] = true
				}
				st.Totals = append(st.Totals, Reject{File: b.table.Info.Name(), Sheet: b.table.Info.Sheet,
					Line: r.line, Reason: b.reasons[i], Cells: cloneCells(r.cells)})
				continue
			}
			ts.In++
			if reason := b.reasons[i]; reason != "" {
				ts.Rejected++
				sinkErr = sink.Reject(b.table, Reject{File: b.table.Info.Name(), Sheet: b.table.Info.Sheet,
					Line: r.line, Reason: reason, Cells: r.cells})
				if sinkErr == nil {
					sinkErr = checkRejects(b.table, ts, r.line, reason) // issue 18: a sane limit on rejects
				}
			} else {
				ts.Out++
				sinkErr = sink.Record(b.table, &b.recs[i])
			}
			if sinkErr != nil {
				cancel()
				break
			}
		}
		free.put(b)
	}
	if ctx.Err() != nil && sinkErr == nil {
		// Interrupted while waiting for the reader, which may be blocked
		// on a stalled input (a pipe): return now (issue 18).
		return st, ctx.Err()
	}
	wg.Wait()
	for i := range st.Tables {
		st.add(&st.Tables[i])
	}
	if sinkErr != nil {
		return st, sinkErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return st, readErr
	}
	return st, ctx.Err()
}

// read streams every table's rows into batches.
func (in *Input) read(ctx context.Context, free batches, jobs, ordered chan<- *batch) error {
	for no, t := range in.Tables {
		b := free.get(t, no)
		send := func() error {
			if len(b.rows) == 0 {
				return nil
			}
			select {
			case ordered <- b:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- b:
			case <-ctx.Done():
				close(b.done)
				return ctx.Err()
			}
			b = free.get(t, no)
			return nil
		}
		add := func(r tabular.Row, copyCells bool) error {
			cells := r.Cells
			if copyCells {
				at := len(b.cells)
				b.cells = append(b.cells, cells...)
				cells = b.cells[at:len(b.cells):len(b.cells)]
			}
			b.rows = append(b.rows, rawRow{cells: cells, line: r.Line, problem: r.Problem})
			b.size += rowBytes(cells)
			if len(b.rows) == batchSize || b.size >= maxBatchBytes { // issue 18: bytes bound a batch too
				return send()
			}
			return nil
		}
		for _, r := range t.pending {
			if err := add(r, false); err != nil {
				return err
			}
		}
		t.pending = nil
		for t.HeaderLine > 0 || t.NoHeader {
			r, err := t.src.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			if err := add(r, true); err != nil {
				return err
			}
		}
		if err := send(); err != nil {
			return err
		}
	}
	return nil
}

// cloneCells copies cells and their text: a totals row is kept to the end
// of the run, and its strings would keep their block of the file's text.
func cloneCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.Clone(c)
	}
	return out
}
