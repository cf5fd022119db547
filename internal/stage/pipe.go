package stage

import (
	"hash"
	"io"
	"slices"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/view"
)

// PipedRecords writes records as CSV on a goroutine of its own: the
// command producing them (merging clusters, folding a master) and the CSV
// encoding then use two cores. Records are copied, so the caller may reuse
// theirs.
type PipedRecords struct {
	batches chan []record.Record
	free    chan []record.Record
	done    chan error
	cur     []record.Record
	failed  error
	view    *view.Writer
}

const pipedBatch = 1024

func NewPipedRecords(w io.Writer, recs Records, schema *record.Schema) (*PipedRecords, error) {
	cw, err := recs.headedRowWriter(w, schema)
	if err != nil {
		return nil, err
	}
	batches := make(chan []record.Record, 4)
	p := &PipedRecords{batches: batches, free: make(chan []record.Record, 4), done: make(chan error, 1), view: cw}
	go func() {
		var row []string
		var werr error
		for batch := range batches {
			for i := range batch {
				if werr == nil {
					row = schema.Row(&batch[i], row)
					werr = cw.Write(row)
				}
			}
			select {
			case p.free <- batch[:0]:
			default:
			}
		}
		if werr == nil {
			werr = cw.Flush()
		}
		p.done <- errs.Data(werr, "check free disk space")
	}()
	return p, nil
}

// Record queues a copy of r.
func (p *PipedRecords) Record(r *record.Record) {
	if p.cur == nil {
		select {
		case p.cur = <-p.free:
		default:
			p.cur = make([]record.Record, 0, pipedBatch)
		}
	}
	p.cur = append(p.cur, *r)
	last := &p.cur[len(p.cur)-1]
	last.Extra = slices.Clone(r.Extra)
	if len(p.cur) == pipedBatch {
		p.batches <- p.cur
		p.cur = nil
	}
}

// Close writes what is queued and returns the first write error.
func (p *PipedRecords) Close() error {
	if p.batches == nil {
		return p.failed
	}
	if len(p.cur) > 0 {
		p.batches <- p.cur
	}
	close(p.batches)
	p.batches = nil
	p.failed = <-p.done
	return p.failed
}

// LeftOut is how many records the view left out (--limit, --sample),
// once Close returned.
func (p *PipedRecords) LeftOut() int { return p.view.Left() }

// AsyncHash hashes what is written through it on a goroutine of its own,
// so hashing a master being written costs no time on the writing one.
type AsyncHash struct {
	w      io.Writer
	chunks chan []byte
	free   chan []byte
	sum    chan []byte
	done   []byte
}

func NewAsyncHash(w io.Writer, h hash.Hash) *AsyncHash {
	a := &AsyncHash{w: w, chunks: make(chan []byte, 16), free: make(chan []byte, 16), sum: make(chan []byte, 1)}
	chunks := a.chunks
	go func() {
		for c := range chunks {
			h.Write(c)
			select {
			case a.free <- c[:0]:
			default:
			}
		}
		a.sum <- h.Sum(nil)
	}()
	return a
}

func (a *AsyncHash) Write(p []byte) (int, error) {
	var c []byte
	select {
	case c = <-a.free:
	default:
	}
	a.chunks <- append(c, p...)
	return a.w.Write(p)
}

// Sum waits for the hash of everything written.
func (a *AsyncHash) Sum() []byte {
	if a.chunks != nil {
		close(a.chunks)
		a.chunks = nil
		a.done = <-a.sum
	}
	return a.done
}
