package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/stage"
	"github.com/crmkit/crmkit/internal/tabular"
	"github.com/crmkit/crmkit/internal/warncode"
)

func foldRun(opts *DedupeOptions) error {
	start := time.Now()
	if opts.Master == "-" {
		return errs.Usagef("save the master to a file first", "--master must be a file, not stdin")
	}
	for _, in := range opts.Inputs {
		if outset.SameFile(in, opts.Master) {
			return errs.Usagef("pass the master once, with --master, and the new exports as arguments", "%s is both the master and a new input", in)
		}
	}
	delim, err := stage.CanonicalDelimiter(opts.Format, opts.Output)
	if err != nil {
		return err
	}
	// The master is read back next month: all of it, as CSV or TSV.
	if opts.View.Active() {
		return errs.Usagef("write the whole master, then take a view of it with crmkit import MASTER --select/--sort/--limit",
			"--select, --exclude, --sort, --limit and --sample do not apply to a fold into --master")
	}
	if strings.EqualFold(opts.Format, "ndjson") {
		return errs.Usagef("fold into a CSV or TSV master; crmkit import MASTER --format ndjson converts it", "--format ndjson does not apply to a fold into --master")
	}
	writing := !opts.DryRun
	toFile := writing && opts.Output != "" && opts.Output != "-"
	changesPath := opts.Changes
	if changesPath == "" && toFile {
		changesPath = strings.TrimSuffix(opts.Output, filepath.Ext(opts.Output)) + ".changes.csv"
	}
	if changesPath == "" && opts.DryRun {
		changesPath = "-" // a dry run without --changes prints the change report
	}
	// The output may replace the master (written atomically, after the
	// master was read); every other file must not touch an input.
	set := newOutputSet(opts.IO, opts.Inputs...)
	defer set.Abort()
	var out *outset.File
	rejects := stage.RowWriter(stage.Discard{})
	rejectsPath := ""
	if writing {
		if out, err = set.Add("-o", opts.Output, outset.Always); err != nil {
			return err
		}
	}
	set.AddInputs(opts.Master)
	if writing {
		r, err := addRejects(set, opts.Rejects, opts.Output, "dedupe")
		if err != nil {
			return err
		}
		rejects, rejectsPath = r, r.Path
	}
	changes := stage.RowWriter(stage.Discard{})
	if changesPath != "" {
		f, err := set.AddCSV("--changes", changesPath, stage.ChangesHeader, outset.Always)
		if err != nil {
			return err
		}
		changes = f
	}
	// Reports a person asked for are written in a dry run too: preview,
	// review the pairs, decide, then run for real.
	sides, err := addDedupeSides(set, opts)
	if err != nil {
		return err
	}

	if toFile && outset.SameFile(opts.Output, opts.Master) { // one fold into a master at a time
		lock, err := lockFile(opts.Master, opts.IO.ErrOut)
		if err != nil {
			return err
		}
		defer lock.Release()
	}

	// Every sheet of a master workbook (an export split by tier or owner is
	// still one master); a summary sheet is left out as not a customer table.
	sources := []ingest.Source{{Path: opts.Master, Trusted: true, Tabular: tabular.Options{AllSheets: true}}}
	for _, p := range opts.Inputs {
		sources = append(sources, ingest.Source{Path: p, Tabular: opts.Ingest.Tabular, Overrides: opts.Ingest.Overrides})
	}
	in, err := ingest.OpenSources(sources, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := stage.RequireStdin(in); err != nil {
		return err
	}
	printNotes(opts.IO.ErrOut, stage.MappingNotes(in))
	sink := stage.NewFoldSink(in, opts.Master, rejects)
	model, err := readModel(opts.Model)
	if err != nil {
		return err
	}
	cfg := stage.DedupeConfig{Match: opts.Match, Survive: opts.Survive, Decisions: opts.Decisions, Model: model, ModelPath: opts.Model}
	matcher, surv, err := stage.Matching(cfg, &in.Schema)
	if err != nil {
		return err
	}
	setDedupeHeaders(sides, matcher)
	// While the records are read: hash the master and load its index.
	index := stage.StartMasterIndex(opts.Master, opts.Index, matcher)
	if index.Exists() {
		stage.LimitFoldMemory(append([]string{opts.Master}, opts.Inputs...))
	}
	st, err := in.Run(opts.Ctx, 0, sink)
	c := index.Wait(sink.Masters())
	if err != nil {
		return err
	}
	recs := &sink.Records
	if c.Ix == nil {
		// Indexing the master profiles all of it, as a full dedupe does.
		stage.LimitMemory(recs.Bytes())
	}
	nm := sink.Masters()
	dec, err := stage.ResolveDecisions(opts.Decisions, recs, surv)
	if err != nil {
		return err
	}

	ix, indexNote, fingerprint := c.Ix, c.Note, c.Fingerprint
	prog := startProgress(opts.IO, "dedupe")
	res, err := matcher.MatchWith(opts.Ctx, recs, dedupe.Options{Master: nm, Index: ix, Must: dec.Must, Cannot: dec.Cannot})
	prog.Stop()
	if err != nil {
		return err
	}
	d := &stage.Deduped{Records: recs, Matcher: matcher, Surv: surv, Result: res, ClusterIDs: surv.ClusterIDs(recs, res), Decided: dec}
	indexReused := ix != nil
	if opts.Review == "" && opts.Explain == "" {
		res.DropProfiles() // a third of the memory, not needed to write the master
	}

	var hasher *stage.AsyncHash
	var outW io.Writer = io.Discard
	if writing {
		hasher = stage.NewAsyncHash(out, sha256.New())
		defer hasher.Sum()
		outW = &syncAhead{w: hasher, f: out}
	}
	f := stage.NewFolder(recs, res, surv, nm, opts.OnMatch, d.ClusterIDs, changes.WriteRow)
	var builder *dedupe.IndexBuilder
	if toFile && opts.Index {
		builder = matcher.NewIndexBuilder(res.Index)
	}
	// The indexes are caches: failing to save one costs the next run time,
	// not data. They are written while the output is finished. The
	// output's is built from the fold; its fingerprint, the output's hash,
	// is filled in last. The master's, when it had to be built and the
	// master stays, is saved for the next fold of the same master.
	var saves []*stage.IndexSave
	defer func() {
		for _, s := range saves {
			s.Abort()
		}
	}()
	// A dry run writes nothing at all, not even the master's index.
	if opts.Index && !indexReused && fingerprint != "" && writing && !outset.SameFile(opts.Output, opts.Master) {
		saves = append(saves, stage.StartIndexSave(opts.Master+stage.IndexSuffix, func(w io.Writer) error { return dedupe.WriteIndex(w, res.Index, fingerprint) }))
	}
	// The clusters are folded on a goroutine of their own while the master
	// is written: each run of the plan as soon as it is final. Once folded,
	// the output's index is built and written beside the rest.
	plan := f.Plan()
	type foldDone struct {
		err   error
		index *stage.IndexSave
	}
	folded := make(chan foldDone, 1)
	if writing {
		// Opened here: the change report opens on the fold's goroutine.
		if _, err := out.Write(nil); err != nil {
			return err
		}
	}
	go func() {
		var fd foldDone
		if fd.err = f.RunPlan(plan); fd.err == nil && builder != nil {
			plan.Feed(builder)
			placeholder := stage.IndexFingerprint(strings.Repeat("0", 2*sha256.Size), matcher)
			fd.index = stage.StartIndexSave(opts.Output+stage.IndexSuffix, func(w io.Writer) error { return builder.WriteIndex(w, placeholder) })
		}
		folded <- fd
	}()
	var writeErr error
	if writing {
		writeErr = stage.WriteFold(outW, delim, surv.Schema(), recs, plan)
	}
	done := <-folded
	var outIndex *stage.IndexSave
	if done.index != nil {
		outIndex = done.index
		saves = append(saves, outIndex)
	}
	if done.err != nil {
		return done.err
	}
	if writeErr != nil {
		return writeErr
	}
	if err := d.WriteReports(rowWriter(sides[0]), rowWriter(sides[1]), rowWriter(sides[2])); err != nil {
		return err
	}
	if err := writeModel(sides[3], matcher); err != nil {
		return err
	}
	if err := set.Commit(); err != nil {
		return err
	}
	for _, s := range saves {
		fp := ""
		if s == outIndex {
			fp = stage.IndexFingerprint(hex.EncodeToString(hasher.Sum()), matcher)
		}
		if err := s.Commit(fp); err != nil {
			warnf(opts.IO.ErrOut, warncode.MasterIndexNotSaved, 0, "cannot save the master index %s (%v); the next run indexes the master again", s.Path(), err)
		}
	}
	saves = nil

	if opts.Quiet { // value and decision warnings even when quiet
		printValueWarnings(opts.IO, in, st)
		printNotes(opts.IO.ErrOut, d.DecisionNotes().Warnings())
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, in, st)
		if indexNote != "" {
			fmt.Fprintf(opts.IO.ErrOut, "note: %s\n", indexNote)
		}
		for _, l := range f.Summary(res, indexReused, time.Since(start)) {
			fmt.Fprintln(opts.IO.ErrOut, l)
		}
		if len(res.Review) > 0 && opts.Review == "" && writing {
			fmt.Fprintf(opts.IO.ErrOut, "hint: pass --review review.csv to see the %s that need a person's decision\n", plural(len(res.Review), "pair"))
		}
		printNotes(opts.IO.ErrOut, d.MatchNotes())
		printNotes(opts.IO.ErrOut, d.DecisionNotes())
		if opts.DryRun {
			fmt.Fprintln(opts.IO.ErrOut, "dry run: the master was not written; only the change report and the reports asked for were")
		} else if changesPath != "" {
			fmt.Fprintf(opts.IO.ErrOut, "changes: %s\n", changesPath)
		}
	}
	printNotes(opts.IO.ErrOut, f.SnapshotNotes())
	skipped := f.Skipped()
	recordReview(opts.IO, len(res.Review))
	return finish(opts.IO, opts.Strict, stage.Tally{In: st.In, Out: len(res.Clusters), Merged: recs.Len() - len(res.Clusters) - skipped,
		Skipped: skipped, Rejected: st.Rejected, ShowMerged: true, ShowSkipped: opts.OnMatch == dedupe.OnMatchSkip, Rejects: rejectsPath})
}

// syncAhead writes to w and has f, which w writes to, start syncing what
// it holds every syncAheadEvery bytes: the master is half a gigabyte at a
// million customers, and the fsync when it is put in place would otherwise
// wait for all of it (~0.4 s).
type syncAhead struct {
	w       io.Writer
	f       *outset.File
	pending int
}

const syncAheadEvery = 64 << 20

func (s *syncAhead) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if s.pending += n; s.pending >= syncAheadEvery {
		s.f.SyncAhead()
		s.pending = 0
	}
	return n, err
}
