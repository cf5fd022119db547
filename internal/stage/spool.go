package stage

import (
	"context"

	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
)

// spoolSink keeps every record in a temporary file while the classifier
// observes it: classification needs every record before the first can be
// graded, and the spool keeps memory flat.
type spoolSink struct {
	cl      *Classifier
	spool   *record.Spool
	rejects RowWriter
}

func (s *spoolSink) Record(_ *ingest.Table, r *record.Record) error {
	s.cl.Observe(r)
	return s.spool.Add(r)
}

func (s *spoolSink) Reject(_ *ingest.Table, r ingest.Reject) error {
	if s.rejects == nil { // report: rejects are counted, not written
		return nil
	}
	return s.rejects.WriteRow(r.Row())
}

// Spooled is every record of an input spooled to a temporary file, and
// the classifier fitted to them: the classify command's step, whose memory
// stays flat however many records come.
type Spooled struct {
	Stats ingest.Stats
	spool *record.Spool
	cl    *Classifier
}

// Close removes the spool.
func (c *Spooled) Close() {
	if c.spool != nil {
		c.spool.Close()
	}
}

// ClassifyInput reads every table of in into a spool, observing each
// record, and fits the model; rejects (nil: counted only) takes bad rows.
func ClassifyInput(ctx context.Context, in *ingest.Input, cfg classify.Config, rejects RowWriter) (*Spooled, error) {
	cl, err := NewClassifier(cfg, &in.Schema)
	if err != nil {
		return nil, err
	}
	c := &Spooled{cl: cl}
	if c.spool, err = record.NewSpool(""); err != nil {
		return nil, errs.Data(err, "set TMPDIR to a folder with free space")
	}
	if c.Stats, err = in.Run(ctx, 0, &spoolSink{cl: cl, spool: c.spool, rejects: rejects}); err != nil {
		c.Close()
		return nil, err
	}
	cl.Fit()
	return c, nil
}

// Each classifies every spooled record, in input order.
func (c *Spooled) Each(fn func(r *record.Record, cls *classify.Classes) error) error {
	return c.spool.Each(func(i int, r *record.Record) error {
		cls, err := c.cl.Classes(i, r)
		if err != nil {
			return err
		}
		return fn(r, &cls)
	})
}

// EachApplied hands fn every spooled record with its class columns
// filled, in input order.
func (c *Spooled) EachApplied(fn func(r *record.Record) error) error {
	return c.spool.Each(func(i int, r *record.Record) error {
		if err := c.cl.Apply(i, r); err != nil {
			return err
		}
		return fn(r)
	})
}

// Schema is the classified records' columns.
func (c *Spooled) Schema() *record.Schema { return c.cl.Schema() }

// Notes are the classifier's warnings.
func (c *Spooled) Notes() Notes { return c.cl.Notes() }
