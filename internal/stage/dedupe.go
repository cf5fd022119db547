package stage

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/warncode"
)

// DedupeConfig is how records are matched and merged.
type DedupeConfig struct {
	Match   dedupe.Config
	Survive map[string]string
	// Decisions is a file of people's match / no-match decisions.
	Decisions string
	// Model scores with these weights instead of learning them from the
	// records (dedupe --model, read from ModelPath).
	Model     *dedupe.Model
	ModelPath string
}

// Deduped is a dedupe step's result: the clusters of the input records and
// what is needed to merge them and explain them.
type Deduped struct {
	Records    *record.Store
	Matcher    *dedupe.Matcher
	Surv       *dedupe.Survivorship
	Result     *dedupe.Result
	ClusterIDs []string
	Decided    *Decided
	// Repeated counts merged records whose id an earlier one has (the
	// same id in different files); set by Merge.
	Repeated int
}

// Matching builds the matcher and survivorship rules for schema, as usage
// errors when the settings are wrong.
func Matching(cfg DedupeConfig, schema *record.Schema) (*dedupe.Matcher, *dedupe.Survivorship, error) {
	m, err := dedupe.NewMatcher(cfg.Match, schema)
	if err != nil {
		return nil, nil, errs.Usage(err, "check fields, threshold and review-threshold")
	}
	if cfg.Model != nil {
		if err := m.SetModel(cfg.Model); err != nil {
			return nil, nil, errs.Usagef("pass a model written by crmkit dedupe --model-out for files with the same columns", "--model %s: %v", cfg.ModelPath, err)
		}
	}
	surv, err := dedupe.NewSurvivorship(schema, cfg.Survive)
	if err != nil {
		return nil, nil, errs.Usage(err, "check survive")
	}
	return m, surv, nil
}

// Dedupe clusters recs: the records that are one customer.
func Dedupe(ctx context.Context, recs *record.Store, schema *record.Schema, cfg DedupeConfig) (*Deduped, error) {
	return dedupeWith(ctx, recs, schema, cfg, 0)
}

// dedupeWith clusters recs, the first nm of them a master's (none when
// nm is 0), honouring cfg's decisions.
func dedupeWith(ctx context.Context, recs *record.Store, schema *record.Schema, cfg DedupeConfig, nm int) (*Deduped, error) {
	m, surv, err := Matching(cfg, schema)
	if err != nil {
		return nil, err
	}
	dec, err := ResolveDecisions(cfg.Decisions, recs, surv)
	if err != nil {
		return nil, err
	}
	res, err := m.MatchWith(ctx, recs, dedupe.Options{Master: nm, Must: dec.Must, Cannot: dec.Cannot})
	if err != nil {
		return nil, err
	}
	return &Deduped{Records: recs, Matcher: m, Surv: surv, Result: res, ClusterIDs: surv.ClusterIDs(recs, res), Decided: dec}, nil
}

// Schema is the merged records' columns.
func (d *Deduped) Schema() *record.Schema { return d.Surv.Schema() }

// Merge builds every cluster's merged record, in cluster order, and hands
// it to fn (which must copy what it keeps).
func (d *Deduped) Merge(fn func(*record.Record) error) error {
	seenIDs := make(map[string]bool, len(d.Result.Clusters))
	d.Repeated = 0
	return d.mergeRange(d.Surv, 0, len(d.Result.Clusters), func(r *record.Record) error {
		d.countID(seenIDs, r.Values[record.ID])
		return fn(r)
	})
}

// countID counts id in Repeated when an earlier merged record had it.
func (d *Deduped) countID(seen map[string]bool, id string) {
	if id == "" {
		return
	}
	// One map operation rather than a look-up and a store: the map grows
	// only for an id not seen before.
	n := len(seen)
	seen[id] = true
	if len(seen) == n {
		d.Repeated++
	}
}

// mergeRange merges clusters [lo, hi) with surv, in order, handing each
// merged record to fn.
func (d *Deduped) mergeRange(surv *dedupe.Survivorship, lo, hi int, fn func(*record.Record) error) error {
	var merged record.Record
	var members []record.Record
	for ci := lo; ci < hi; ci++ {
		c := &d.Result.Clusters[ci]
		members = slices.Grow(members[:0], len(c.Members))[:len(c.Members)]
		for j, i := range c.Members {
			d.Records.Get(i, &members[j])
		}
		surv.Merge(members, d.ClusterIDs[ci], &merged)
		if err := fn(&merged); err != nil {
			return err
		}
	}
	return nil
}

// MergeAll merges every cluster into a new store: the clusters are cut
// into one contiguous run per core, each merged on its own goroutine into
// its own store, and the stores joined in order, so the result is the
// one a single goroutine would build.
func (d *Deduped) MergeAll() (*record.Store, error) {
	n := len(d.Result.Clusters)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/4096))
	type part struct {
		recs record.Store
		ids  []string
		surv *dedupe.Survivorship
	}
	parts := make([]part, workers)
	var wg sync.WaitGroup
	for w := range parts {
		p := &parts[w]
		p.surv = d.Surv.Worker()
		wg.Go(func() {
			_ = d.mergeRange(p.surv, n*w/workers, n*(w+1)/workers, func(r *record.Record) error {
				p.recs.Add(r)
				p.ids = append(p.ids, r.Values[record.ID])
				return nil
			})
		})
	}
	wg.Wait()
	out := &record.Store{}
	seenIDs := make(map[string]bool, n)
	d.Repeated = 0
	for w := range parts {
		p := &parts[w]
		d.Surv.AddCounts(p.surv)
		out.AddStore(&p.recs)
		for _, id := range p.ids {
			d.countID(seenIDs, id)
		}
		parts[w] = part{}
	}
	return out, nil
}

// Counts are the clusters' sizes.
type Counts struct {
	Records, Customers int
	// Multi customers were built from InMulti records.
	Multi, InMulti int
}

// Counts counts records and customers.
func (d *Deduped) Counts() Counts {
	c := Counts{Records: d.Records.Len(), Customers: len(d.Result.Clusters)}
	for _, cl := range d.Result.Clusters {
		if len(cl.Members) > 1 {
			c.Multi++
			c.InMulti += len(cl.Members)
		}
	}
	return c
}

// MatchNotes say how the records were matched when the file decided it:
// as contacts, when most rows name a person beside a company.
func (d *Deduped) MatchNotes() Notes {
	var n Notes
	if kind, detected := d.Matcher.Entity(); kind == dedupe.EntityContact && detected {
		n.Notef("most rows name a person beside a company: matched as contacts (two people at one company stay two records unless they share a phone or e-mail); pass --entity account to match companies")
	}
	return n
}

// DecisionNotes say what a decisions file did.
func (d *Deduped) DecisionNotes() Notes {
	var n Notes
	dec := d.Decided
	if dec.Total == 0 {
		return n
	}
	text := Plural(dec.Total, "decision") + " read (" + itoa(dec.Matches) + " match, " + itoa(dec.Total-dec.Matches) + " no-match)"
	if dec.Absent > 0 {
		text += ", " + itoa(dec.Absent) + " about records not in this run"
	}
	n = append(n, Note{Kind: "decisions", Text: text})
	if d.Result.Contradicted > 0 {
		n.Warnf(warncode.DecisionContradicted, d.Result.Contradicted, "%s refused: a no-match decision runs between the records (directly or through other matches); check the decisions file", Plural(d.Result.Contradicted, "match decision"))
	}
	return n
}

// MergeNotes are the warnings about merging: exact copies, amounts not
// added up, cells cut, ids repeated. Call after Merge.
func (d *Deduped) MergeNotes() Notes {
	var n Notes
	s := d.Surv
	if s.Copies > 0 {
		n.Notef("%s repeated another record exactly (same id and values, e.g. one export read twice); their amounts were counted once", Plural(s.Copies, "record"))
	}
	if s.CurrencyMixed > 0 {
		n.Warnf(warncode.AmountsCurrencyMixed, s.CurrencyMixed, "%s of merged customers are in more than one currency and were kept apart per currency (e.g. 5000;1000 USD), not added up", Plural(s.CurrencyMixed, "amount"))
		n.Hintf("pass --rates 'USD=7.1' to import (or dedupe) to convert them to yuan")
	}
	if s.SumFallbacks > 0 {
		n.Warnf(warncode.AmountsNotSummed, s.SumFallbacks, "%s of merged customers could not be added up (a value is not a number, e.g. 面议) and were joined with ';'", Plural(s.SumFallbacks, "amount"))
	}
	if s.Capped > 0 {
		n.Warnf(warncode.MergedCellCut, s.Capped, "%s longer than Excel's 32,767 characters were cut; the full values stay in the input rows named in _source", Plural(s.Capped, "merged cell"))
	}
	if d.Repeated > 0 {
		n.Warnf(warncode.IDRepeated, d.Repeated, "%s more than one customer (the same id in different files); their cluster_id gets a ~2 suffix", Plural(d.Repeated, "id names"))
	}
	return n
}

// WriteReports writes the clusters, explain and review reports to the
// writers given (nil: not asked for).
func (d *Deduped) WriteReports(clusters, explain, review RowWriter) error {
	if clusters != nil {
		if err := dedupe.ClusterRows(d.Records, d.Result, d.ClusterIDs, clusters.WriteRow); err != nil {
			return err
		}
	}
	if explain != nil {
		if err := dedupe.ExplainRows(d.Records, d.Result, d.ClusterIDs, explain.WriteRow); err != nil {
			return err
		}
	}
	if review != nil {
		return dedupe.ReviewRows(d.Records, d.Result, d.Matcher, review.WriteRow)
	}
	return nil
}

// LimitMemory sets a soft memory limit for the matching stages, unless the
// user set GOMEMLIMIT. Matching holds the records and a profile of each
// (about three times the stored records); without a limit the Go runtime
// lets the heap grow to twice what is live before collecting, which at a
// million records is the difference between 1.3 and 2 GB. The floor keeps
// a million records under 1.4 GB peak (issue 16) with room enough over the
// 0.9 GB live at most that collections stay rare.
func LimitMemory(storeBytes int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	const floor = 1250 << 20
	debug.SetMemoryLimit(max(floor, int64(storeBytes)*4))
}
