package stage

import (
	"context"
	"fmt"
	"time"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/record"
)

// Steps are the steps a chain can run, in the order it runs them.
var Steps = []string{"dedupe", "classify", "assign"}

// Chain is the steps `crmkit pipeline` runs between reading and writing,
// with each step's settings.
type Chain struct {
	Steps     []string
	Dedupe    DedupeConfig
	Classify  classify.Config
	Policy    assign.Policy
	Reps      []assign.Rep
	Overrides []assign.Override
	// Master is how many of the records read first are a customer master
	// (pipeline.master): dedupe then folds the others into it by OnMatch,
	// writing the change report to Changes.
	Master  int
	OnMatch string
	Changes RowWriter
	// KeepCustomers keeps the records after dedupe in Chained.Customers
	// (to write the master back). Otherwise they go as soon as classify
	// has copied them: at a million records they are a quarter of a
	// gigabyte held through classify, assign and the export.
	KeepCustomers bool
	// Side files; nil when not asked for.
	Review, Explain, Audit RowWriter
	// Progress is told when a step starts and returns the function that
	// tells it the step ended; nil for none.
	Progress func(step string) func()
	// Done is told each step's result as it ends: print its notes there,
	// so they come in the order the commands of a shell chain print them.
	Done func(StepResult)
}

// StepResult is one step's counts and notes.
type StepResult struct {
	Name    string
	In, Out int
	Summary string // a few words for the step table
	Took    time.Duration
	Notes   Notes    // warnings and notes
	Lines   []string // what the step did, for a run that is not quiet
}

// Chained is what a chain made.
type Chained struct {
	Records    *record.Store
	Schema     record.Schema
	Classified bool
	Assigned   bool
	Steps      []StepResult
	// Customers are the records after dedupe (or the fold: the updated
	// master), before classify and assign added their columns; nil unless
	// Chain.KeepCustomers.
	Customers      *record.Store
	CustomerSchema *record.Schema
	Skipped        int // new records --on-match skip left out of a fold
	// ReviewPairs are the pairs left for a person to review; -1 when the
	// chain did not dedupe.
	ReviewPairs int
}

func (c *Chain) has(step string) bool {
	for _, s := range c.Steps {
		if s == step {
			return true
		}
	}
	return false
}

func (c *Chain) progress(step string) func() {
	if c.Progress == nil {
		return func() {}
	}
	return c.Progress(step)
}

func (c *Chain) done(out *Chained, r StepResult) {
	out.Steps = append(out.Steps, r)
	if c.Done != nil {
		c.Done(r)
	}
}

// Run runs the steps over recs, read with schema. Each step replaces the
// records; the old ones can go.
func (c *Chain) Run(ctx context.Context, recs *record.Store, schema record.Schema) (*Chained, error) {
	out := &Chained{Records: recs, Schema: schema, ReviewPairs: -1}
	if c.has("dedupe") && c.Master > 0 {
		t0 := time.Now()
		stop := c.progress("dedupe")
		f, err := Fold(ctx, out.Records, c.Master, &out.Schema, c.Dedupe, c.OnMatch, c.Changes)
		stop()
		if err != nil {
			return nil, err
		}
		d := f.Deduped
		if err := d.WriteReports(nil, c.Explain, c.Review); err != nil {
			return nil, err
		}
		notes := append(append(d.MatchNotes(), d.DecisionNotes()...), f.Folder.SnapshotNotes()...)
		c.done(out, StepResult{Name: "fold", In: out.Records.Len(), Out: f.Records.Len(),
			Summary: fmt.Sprintf("%d master customers, %d pairs to review", c.Master, len(d.Result.Review)), Took: time.Since(t0),
			Notes: notes, Lines: f.Folder.Summary(d.Result, false, time.Since(t0))})
		out.Records, out.Schema = f.Records, *d.Schema()
		out.CustomerSchema, out.Skipped = d.Schema(), f.Folder.Skipped()
		if c.KeepCustomers {
			out.Customers = f.Records
		}
		out.ReviewPairs = len(d.Result.Review)
	} else if c.has("dedupe") {
		t0 := time.Now()
		stop := c.progress("dedupe")
		d, err := Dedupe(ctx, out.Records, &out.Schema, c.Dedupe)
		stop()
		if err != nil {
			return nil, err
		}
		if err := d.WriteReports(nil, c.Explain, c.Review); err != nil {
			return nil, err
		}
		// The matching profiles (about 0.4 GB at 1M records) served the
		// review and explain files; merging reads only the records.
		d.Result.DropProfiles()
		merged, err := d.MergeAll()
		if err != nil {
			return nil, err
		}
		notes := append(append(d.MatchNotes(), d.DecisionNotes()...), d.MergeNotes()...)
		c.done(out, StepResult{Name: "dedupe", In: out.Records.Len(), Out: merged.Len(),
			Summary: fmt.Sprintf("%d pairs to review", len(d.Result.Review)), Took: time.Since(t0), Notes: notes})
		out.Records, out.Schema = merged, *d.Schema()
		out.CustomerSchema = d.Schema()
		if c.KeepCustomers {
			out.Customers = merged
		}
		out.ReviewPairs = len(d.Result.Review)
	}
	// classified reads the records with their classes: filled in as they
	// are read when assign comes next and classifying cannot fail, so
	// that the records are copied once, with the classes and assign's
	// columns, not twice (at a million records a copy is about 300 MB
	// written into fresh memory).
	classified := layered{base: out.Records}
	if c.has("classify") {
		t0 := time.Now()
		cl, err := fitClassifier(out.Records, &out.Schema, c.Classify)
		if err != nil {
			return nil, err
		}
		if c.has("assign") && cl.infallible() {
			classified.fill = cl.filler()
		} else if classified.base, err = cl.applyAll(out.Records); err != nil {
			return nil, err
		}
		n := out.Records.Len()
		c.done(out, StepResult{Name: "classify", In: n, Out: n, Took: time.Since(t0), Notes: cl.Notes()})
		out.Records, out.Schema, out.Classified = classified.base, *cl.Schema(), true
	}
	if c.has("assign") {
		t0 := time.Now()
		a, err := assignLayered(classified, &out.Schema, c.Reps, c.Overrides, c.Policy)
		if err != nil {
			return nil, err
		}
		// The customers were needed for the plan and the audit; the
		// decisions are what ApplyAll needs. The audit is written while the
		// assigned copy of the records is built (it reads only the
		// customers and the decisions), and lets go of the customer list
		// as soon as it is written: about 150 MB at 678k customers.
		customers := len(a.Customers)
		audited := make(chan error, 1)
		go func(list []assign.Customer, labels []CustomerLabel) {
			var err error
			if c.Audit != nil {
				err = a.writeAudit(c.Audit, list, labels)
			}
			audited <- err
		}(a.Customers, a.Labels)
		a.Customers, a.Labels = nil, nil
		assigned := a.applyAll(classified)
		if err := <-audited; err != nil {
			return nil, err
		}
		c.done(out, StepResult{Name: "assign", In: customers, Out: assigned.Len(),
			Summary: fmt.Sprintf("%s settled, %d changed owner", Plural(a.Disputes(), "dispute"), a.Changed), Took: time.Since(t0),
			Notes: a.Notes(), Lines: []string{a.Moves()}})
		out.Records, out.Schema, out.Assigned = assigned, *a.Schema(), true
	}
	return out, nil
}
