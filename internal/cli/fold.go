package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/atomicfile"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/tabular"
)

// indexSuffix names the blocking index saved beside a master file.
const indexSuffix = ".crmkit-index"

// changesHeader is the change report's columns: one row per new record
// (added, merged, skipped), per changed value of a master customer
// (updated) and per ownership conflict (dispute).
var changesHeader = []string{"change", "cluster_id", "id", "matched_id", "score", "field", "before", "after", "note", "_source"}

// Change report verbs.
const (
	changeAdded    = "added"
	changeMerged   = "merged"
	changeSkipped  = "skipped"
	changeSeen     = "seen"     // already in the master: the same export folded again
	changeReplaced = "replaced" // a later copy of a master record: its amounts replace that record's
	changeUpdated  = "updated"
	changeDispute  = "dispute"
)

// foldSink collects the master's records, then the new ones. A master row
// that cannot be read is an error, not a reject: the customer would
// silently leave the master.
type foldSink struct {
	collectSink
	master  map[*ingest.Table]bool
	nMaster int
}

func (s *foldSink) Record(t *ingest.Table, r *record.Record) error {
	if s.master[t] {
		s.nMaster++
	}
	return s.collectSink.Record(t, r)
}

func (s *foldSink) Reject(t *ingest.Table, r ingest.Reject) error {
	if s.master[t] {
		return errs.Dataf("fix that row of the master (or run crmkit import on it and use the output), then run again",
			"master %s row %d cannot be read: %s", t.Info.Source(), r.Line, r.Reason)
	}
	return s.collectSink.Reject(t, r)
}

// hashFile returns the SHA-256 of a file, for the index fingerprint.
func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func indexFingerprint(fileHash string, m *dedupe.Matcher) string {
	return "sha256:" + fileHash + "|" + m.IndexSettings()
}

// limitFoldMemory sets a soft memory limit for a fold, before reading,
// unless the user set GOMEMLIMIT. A fold holds the records (about the size
// of the files), the master's index and the profiles of the records it
// compares; without a limit the heap grows to twice that before the
// collector runs. At 1.3 GiB a million-customer master peaks under 1.5 GB
// (1.4 GiB let it pass that while the next index is built beside the
// output) at no measurable cost in time.
func limitFoldMemory(paths []string) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var size int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			size += st.Size()
		}
	}
	debug.SetMemoryLimit(max(1300<<20, 3*size))
}

// cachedIndex is the master's saved index, if usable.
type cachedIndex struct {
	ix          *dedupe.Index
	note        string
	fingerprint string
}

// loadIndex reads the index beside the master; nil when there is none or
// it is stale or damaged (then note says why it is rebuilt).
func loadIndex(path, fingerprint string) (ix *dedupe.Index, note string) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, ""
		}
		return nil, fmt.Sprintf("cannot read %s (%v); indexing the master again", path, err)
	}
	defer f.Close()
	ix, err = dedupe.ReadIndex(f, fingerprint, -1)
	switch {
	case errors.Is(err, dedupe.ErrStaleIndex):
		return nil, fmt.Sprintf("%s is stale (%s); indexing the master again", path, strings.TrimPrefix(err.Error(), dedupe.ErrStaleIndex.Error()+": "))
	case err != nil:
		return nil, fmt.Sprintf("%s cannot be used (%v); indexing the master again", path, err)
	}
	return ix, ""
}

func foldRun(opts *DedupeOptions) error {
	start := time.Now()
	if opts.Master == "-" {
		return errs.Usagef("save the master to a file first", "--master must be a file, not stdin")
	}
	for _, in := range opts.Inputs {
		if sameFile(in, opts.Master) {
			return errs.Usagef("pass the master once, with --master, and the new exports as arguments", "%s is both the master and a new input", in)
		}
	}
	delim, err := outputDelimiter(opts.Format, opts.Output)
	if err != nil {
		return err
	}
	writing := !opts.DryRun
	toFile := writing && opts.Output != "" && opts.Output != "-"
	changesPath := opts.Changes
	if changesPath == "" && toFile {
		changesPath = strings.TrimSuffix(opts.Output, filepath.Ext(opts.Output)) + ".changes.csv"
	}
	rejectsPath := rejectsFile(opts.Rejects, opts.Output)
	// The output may replace the master (written atomically, after the
	// master was read); every other file must not touch an input.
	err = checkSideFiles(opts.Output, append(slices.Clone(opts.Inputs), opts.Master),
		sideFile{"--rejects", rejectsPath}, sideFile{"--changes", changesPath},
		sideFile{"--clusters", opts.Clusters}, sideFile{"--explain", opts.Explain}, sideFile{"--review", opts.Review})
	if err != nil {
		return err
	}
	if writing {
		if err := refuseInput(opts.Output, opts.Inputs); err != nil {
			return err
		}
	}
	if toFile && sameFile(opts.Output, opts.Master) { // issue 18: one fold into a master at a time
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
	warnMapping(opts.IO, in)
	sink := &foldSink{collectSink: collectSink{rejects: &lazyCSV{path: rejectsPath, header: ingest.RejectsHeader}}, master: map[*ingest.Table]bool{}}
	for _, t := range in.Tables {
		if t.Info.Path == opts.Master {
			sink.master[t] = true
		}
	}
	defer sink.rejects.Abort()
	matcher, err := dedupe.NewMatcher(opts.Match, &in.Schema)
	if err != nil {
		return errs.Usage(err, "check --fields, --threshold and --review-threshold")
	}
	if err := useModel(matcher, opts); err != nil {
		return err
	}
	surv, err := dedupe.NewSurvivorship(&in.Schema, opts.Survive)
	if err != nil {
		return errs.Usage(err, "check --survive")
	}
	// While the records are read: hash the master and load its index.
	cached := make(chan cachedIndex, 1)
	go func() {
		var c cachedIndex
		if opts.Index {
			if hash, err := hashFile(opts.Master); err == nil {
				c.fingerprint = indexFingerprint(hash, matcher)
				c.ix, c.note = loadIndex(opts.Master+indexSuffix, c.fingerprint)
			}
		}
		cached <- c
	}()
	_, statErr := os.Stat(opts.Master + indexSuffix)
	indexed := opts.Index && statErr == nil
	if indexed {
		limitFoldMemory(append([]string{opts.Master}, opts.Inputs...))
	}
	st, err := in.Run(opts.Ctx, 0, sink)
	c := <-cached
	if err != nil {
		return err
	}
	if !indexed || c.ix == nil {
		// Indexing the master profiles all of it, as a full dedupe does.
		limitMemory(sink.recs.Bytes())
	}
	recs := &sink.recs
	nm := sink.nMaster
	dec, err := resolveDecisions(opts.Decisions, recs, surv)
	if err != nil {
		return err
	}

	ix, indexNote, fingerprint := c.ix, c.note, c.fingerprint
	if ix != nil && ix.Len() != nm {
		ix, indexNote = nil, fmt.Sprintf("%s is stale (%d records indexed, %d in the master); indexing the master again", opts.Master+indexSuffix, ix.Len(), nm)
	}
	prog := startProgress(opts.IO, "dedupe")
	res, err := matcher.MatchWith(opts.Ctx, recs, dedupe.Options{Master: nm, Index: ix, Must: dec.must, Cannot: dec.cannot})
	prog.Stop()
	if err != nil {
		return err
	}
	indexReused := ix != nil
	clusterIDs := surv.ClusterIDs(recs, res)
	if opts.Review == "" && opts.Explain == "" {
		res.DropProfiles() // a third of the memory, not needed to write the master
	}

	var out *output
	var hasher *asyncHash
	if writing {
		if out, err = openOutput(opts.IO, opts.Output, opts.Inputs); err != nil {
			return err
		}
		hasher = newAsyncHash(out.w, sha256.New())
		defer hasher.Sum()
		out.w = hasher
	} else {
		out = &output{w: io.Discard}
	}
	defer out.Abort()
	sides := &sideFiles{}
	if writing {
		sides.files = append(sides.files, sink.rejects)
	}
	defer sides.abort()
	// The change report: a file, or stdout in a dry run without one.
	var changes csvRows = discardRows{}
	var changesOut *tabular.CSVWriter
	switch {
	case changesPath != "":
		l := &lazyCSV{path: changesPath, header: changesHeader}
		sides.files = append(sides.files, l)
		if err := l.open(); err != nil {
			return err
		}
		changes = l
	case opts.DryRun:
		if changesOut, err = tabular.NewCSVWriter(opts.IO.Out, ',', false); err != nil {
			return err
		}
		if err := changesOut.Write(changesHeader); err != nil {
			return err
		}
		changes = changesOut
	}
	// Reports a person asked for are written in a dry run too: preview,
	// review the pairs, decide, then run for real.
	if err := sides.open(opts, matcher); err != nil {
		return err
	}

	f := &folder{recs: recs, res: res, surv: surv, nm: nm, mode: opts.OnMatch, ids: clusterIDs, writeChange: changes.Write}
	var builder *dedupe.IndexBuilder
	if toFile && opts.Index {
		builder = matcher.NewIndexBuilder(res.Index)
	}
	plan, err := f.run()
	if err != nil {
		return err
	}
	if builder != nil {
		plan.feed(builder)
	}
	// The indexes are caches: failing to save one costs the next run time,
	// not data. They are written while the output is finished. The
	// output's is built from the fold; its fingerprint, the output's hash,
	// is filled in last. The master's, when it had to be built and the
	// master stays, is saved for the next fold of the same master.
	var saves []*indexSave
	defer func() {
		for _, s := range saves {
			s.abort()
		}
	}()
	var outIndex *indexSave
	if builder != nil {
		placeholder := indexFingerprint(strings.Repeat("0", 2*sha256.Size), matcher)
		outIndex = startIndexSave(opts.Output+indexSuffix, func(w io.Writer) error { return builder.WriteIndex(w, placeholder) })
		saves = append(saves, outIndex)
	}
	// A dry run writes nothing at all, not even the master's index.
	if opts.Index && !indexReused && fingerprint != "" && writing && !sameFile(opts.Output, opts.Master) {
		saves = append(saves, startIndexSave(opts.Master+indexSuffix, func(w io.Writer) error { return dedupe.WriteIndex(w, res.Index, fingerprint) }))
	}
	if writing {
		if err := writeFold(out.w, delim, surv.Schema(), recs, plan); err != nil {
			return err
		}
	}
	if err := sides.write(opts, recs, res, matcher, clusterIDs); err != nil {
		return err
	}
	if err := sides.writeModel(opts, matcher); err != nil {
		return err
	}
	if changesOut != nil {
		if err := changesOut.Flush(); err != nil {
			return err
		}
	}
	if err := sides.commitWith(out); err != nil {
		return err
	}
	for _, s := range saves {
		fp := ""
		if s == outIndex {
			fp = indexFingerprint(hex.EncodeToString(hasher.Sum()), matcher)
		}
		if err := s.commit(fp); err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "warning: cannot save the master index %s (%v); the next run indexes the master again\n", s.path, err)
		}
	}
	saves = nil

	if opts.Quiet { // value warnings even when quiet (input_values.go)
		warnValues(opts.IO, in, st, true)
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, in, st)
		if indexNote != "" {
			fmt.Fprintf(opts.IO.ErrOut, "note: %s\n", indexNote)
		}
		f.summary(opts.IO.ErrOut, res, indexReused, time.Since(start))
		if len(res.Review) > 0 && opts.Review == "" && writing {
			fmt.Fprintf(opts.IO.ErrOut, "hint: pass --review review.csv to see the %s that need a person's decision\n", plural(len(res.Review), "pair"))
		}
		printDecisions(opts.IO.ErrOut, dec, res)
		if opts.DryRun {
			fmt.Fprintln(opts.IO.ErrOut, "dry run: the master was not written; only the change report and the reports asked for were")
		} else if changesPath != "" {
			fmt.Fprintf(opts.IO.ErrOut, "changes: %s\n", changesPath)
		}
	}
	if warn := f.surv.SnapshotWarning(); warn != "" {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s\n", warn)
	}
	if st.Rejected > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s rejected; see %s\n", plural(st.Rejected, "row"), rejectsPath)
	}
	nOut := len(res.Clusters)
	merged := recs.Len() - len(res.Clusters) - f.skipped
	if opts.OnMatch == dedupe.OnMatchSkip {
		fmt.Fprintf(opts.IO.ErrOut, "in %d = out %d + merged %d + skipped %d + rejected %d\n", st.In, nOut, merged, f.skipped, st.Rejected)
	} else {
		fmt.Fprintf(opts.IO.ErrOut, "in %d = out %d + merged %d + rejected %d\n", st.In, nOut, merged, st.Rejected)
	}
	if opts.Strict && st.Rejected > 0 {
		return errs.ErrRejected
	}
	return nil
}

// indexSave writes an index file on its own goroutine.
type indexSave struct {
	path string
	file *atomicfile.File
	done chan struct{} // closed when err is set
	err  error
}

func startIndexSave(path string, write func(io.Writer) error) *indexSave {
	s := &indexSave{path: path, done: make(chan struct{})}
	s.file, s.err = atomicfile.Create(path)
	if s.err != nil {
		s.file = nil
		close(s.done)
		return s
	}
	go func() {
		s.err = write(s.file)
		close(s.done)
	}()
	return s
}

// wait returns the error of the write (or of creating the file).
func (s *indexSave) wait() error {
	<-s.done
	return s.err
}

// commit waits for the write, fills in the fingerprint when given and puts
// the index in place; on failure nothing is left behind.
func (s *indexSave) commit(fingerprint string) error {
	err := s.wait()
	if err == nil && fingerprint != "" {
		err = dedupe.SetFingerprint(s.file, fingerprint)
	}
	if err == nil {
		err = s.file.CommitCache()
	}
	s.abort()
	return err
}

func (s *indexSave) abort() {
	if s.wait(); s.file != nil {
		s.file.Abort()
	}
}

// csvRows takes CSV rows.
type csvRows interface{ Write([]string) error }

type discardRows struct{}

func (discardRows) Write([]string) error { return nil }

// folder builds the updated master, cluster by cluster, and its change
// report.
type folder struct {
	recs        *record.Store
	res         *dedupe.Result
	surv        *dedupe.Survivorship
	nm          int
	mode        string
	ids         []string
	writeChange func([]string) error

	added, mergedInto, seen, replaced, updatedFields, disputes, skipped int
	customersAdded, customersMerged, customersUpdated, mastersJoined    int
}

// foldPlan is the updated master, one record per cluster: a master record
// going out as it came in, or a record the fold made.
type foldPlan struct {
	kept []int32      // per cluster: the master record written as it is, or -1
	made record.Store // the records the fold made, in cluster order
}

// each calls fn for every output record in cluster order, with the master
// record it repeats (-1 when it was made). A repeated record is read from
// recs; with recs nil, fn gets nil for it.
func (p *foldPlan) each(recs *record.Store, fn func(r *record.Record, kept int) error) error {
	var r record.Record
	made := 0
	for _, k := range p.kept {
		at := &r
		switch {
		case k < 0:
			p.made.Get(made, &r)
			made++
		case recs != nil:
			recs.Get(int(k), &r)
		default:
			at = nil
		}
		if err := fn(at, int(k)); err != nil {
			return err
		}
	}
	return nil
}

// feed tells b the output records, in order.
func (p *foldPlan) feed(b *dedupe.IndexBuilder) {
	_ = p.each(nil, func(r *record.Record, kept int) error {
		if kept >= 0 {
			b.Keep(kept)
		} else {
			b.Add(r)
		}
		return nil
	})
}

// writeFold writes the updated master as CSV.
func writeFold(w io.Writer, delim rune, schema *record.Schema, recs *record.Store, plan *foldPlan) error {
	cw, err := tabular.NewCSVWriter(w, delim, false)
	if err != nil {
		return err
	}
	if err := cw.Write(schema.Header()); err != nil {
		return errs.Data(err, "check free disk space")
	}
	var row []string
	err = plan.each(recs, func(r *record.Record, _ int) error {
		row = schema.Row(r, row)
		return cw.Write(row)
	})
	if err == nil {
		err = cw.Flush()
	}
	return errs.Data(err, "check free disk space")
}

// untouched marks, in kept, the clusters that are a master customer no
// new record touched, already written by a fold or dedupe under its
// cluster_id: it goes out as it came in. A million of them are checked on
// every core.
func (f *folder) untouched() []int32 {
	kept := make([]int32, len(f.res.Clusters))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := len(kept)*w/workers, len(kept)*(w+1)/workers
		wg.Go(func() {
			var r record.Record
			for ci := lo; ci < hi; ci++ {
				kept[ci] = -1
				c := &f.res.Clusters[ci]
				if i := c.Members[0]; len(c.Members) == 1 && i < f.nm {
					f.recs.Get(i, &r)
					if f.surv.Current(&r, f.ids[ci]) {
						kept[ci] = int32(i)
					}
				}
			}
		})
	}
	wg.Wait()
	return kept
}

// run folds every cluster, writing the change report, and returns the
// updated master's plan.
func (f *folder) run() (*foldPlan, error) {
	var masters, news []record.Record
	var before, out record.Record
	plan := &foldPlan{kept: f.untouched()}
	for ci := range f.res.Clusters {
		if plan.kept[ci] >= 0 {
			continue
		}
		c := &f.res.Clusters[ci]
		cid := f.ids[ci]
		masters, news = masters[:0], news[:0]
		var masterIdx, newIdx []int
		for _, i := range c.Members {
			var r record.Record
			f.recs.Get(i, &r)
			r.Extra = slices.Clone(r.Extra)
			if i < f.nm {
				masters = append(masters, r)
				masterIdx = append(masterIdx, i)
			} else {
				news = append(news, r)
				newIdx = append(newIdx, i)
			}
		}
		if len(masters) == 0 {
			// A new customer, from one or more new records.
			f.surv.Merge(news, cid, &out)
			f.customersAdded++
			for j, i := range newIdx {
				f.added++
				if err := f.recordRow(changeAdded, cid, i, &news[j], ""); err != nil {
					return nil, err
				}
			}
			if err := f.ownerDisputes(cid, "", "", news, false); err != nil {
				return nil, err
			}
			plan.made.Add(&out)
			continue
		}
		// The master record whose cluster id the customer keeps goes first.
		primary := 0
		for j := range masters {
			if f.surv.Name(&masters[j]) < f.surv.Name(&masters[primary]) {
				primary = j
			}
		}
		if primary != 0 {
			masters[0], masters[primary] = masters[primary], masters[0]
			masterIdx[0], masterIdx[primary] = masterIdx[primary], masterIdx[0]
		}
		changes, kinds := f.surv.Fold(masters, news, f.mode, cid, &before, &out)
		if len(news) == 0 && len(masters) == 1 {
			if sameRecord(&out, f.recs, masterIdx[0]) {
				plan.kept[ci] = int32(masterIdx[0])
			} else {
				plan.made.Add(&out)
			}
			continue
		}
		for j := 1; j < len(masters); j++ {
			f.mastersJoined++
			note := "two master customers joined: new records match both"
			if f.decidedLink(c, masterIdx[j]) {
				note = "two master customers joined by a match decision"
			}
			if err := f.writeChange([]string{changeMerged, cid, dedupe.Ref(&masters[j]), dedupe.Ref(&masters[0]), "", "", "", "",
				note, masters[j].Source}); err != nil {
				return nil, err
			}
		}
		verb := changeMerged
		if f.mode == dedupe.OnMatchSkip {
			verb = changeSkipped
		}
		mergedBefore := f.mergedInto
		for j, i := range newIdx {
			v, note := verb, ""
			switch {
			case verb == changeSkipped:
				f.skipped++
			case kinds[j] == dedupe.FoldSeen:
				v, note = changeSeen, "already in the master (a copy of a master record with the same amounts): its amounts were not added again"
				f.seen++
			case kinds[j] == dedupe.FoldReplaced:
				v, note = changeReplaced, "a later copy of a master record: its amounts replace that record's, not added to them"
				f.replaced++
			default:
				f.mergedInto++
			}
			if err := f.recordRow(v, cid, i, &news[j], note); err != nil {
				return nil, err
			}
		}
		if f.mergedInto > mergedBefore {
			f.customersMerged++
		}
		if len(changes) > 0 {
			f.customersUpdated++
		}
		for _, ch := range changes {
			f.updatedFields++
			if err := f.writeChange([]string{changeUpdated, cid, out.Values[record.ID], "", "", ch.Field, ch.Before, ch.After, "", ""}); err != nil {
				return nil, err
			}
		}
		// Claims against the owner: the new records' (a copy of a master
		// record may name a new owner), and those of master customers a
		// decision joined to this one; claims already held are skipped.
		fresh := append(slices.Clone(masters[1:]), news...)
		if err := f.ownerDisputes(cid, before.Values[record.Owner], f.surv.Claims(&before), fresh, f.mode == dedupe.OnMatchSkip); err != nil {
			return nil, err
		}
		plan.made.Add(&out)
	}
	return plan, nil
}

// decidedLink reports whether record i joined cluster c by a person's
// decision.
func (f *folder) decidedLink(c *dedupe.Cluster, i int) bool {
	for _, l := range c.Links {
		if (l.A == i || l.B == i) && math.IsInf(l.Weight, 1) {
			return true
		}
	}
	return false
}

// recordRow reports what happened to new record i.
func (f *folder) recordRow(verb, cid string, i int, r *record.Record, note string) error {
	matched, score := "", ""
	ci := f.res.ClusterOf(i)
	for _, l := range f.res.Clusters[ci].Links {
		if l.A == i || l.B == i {
			other := l.A
			if other == i {
				other = l.B
			}
			var o record.Record
			f.recs.Get(other, &o)
			matched, score = dedupe.Ref(&o), formatScore(l.Weight)
			if math.IsInf(l.Weight, 1) {
				score = ""
				if note == "" {
					note = "a person decided: match"
				}
			}
			break
		}
	}
	if verb == changeSkipped && note == "" {
		note = "--on-match skip: the customer was left as it is"
	}
	return f.writeChange([]string{verb, cid, dedupe.Ref(r), matched, score, "", "", "", note, r.Source})
}

// ownerDisputes reports a 撞单: a new record naming an owner other than the
// customer's. The owner is not changed here; assign settles the claims by
// the policy. A claim assign settled already (in the customer's claims) is
// no new dispute.
func (f *folder) ownerDisputes(cid, owner, claims string, news []record.Record, skipped bool) error {
	if owner == "" {
		for j := range news {
			if o := news[j].Values[record.Owner]; o != "" {
				owner = o
				break
			}
		}
	}
	for j := range news {
		claim := news[j].Values[record.Owner]
		if claim == "" || claim == owner || assign.ClaimKnown(claims, claim, news[j].Values[record.ClaimedAt]) {
			continue
		}
		f.disputes++
		note := fmt.Sprintf("撞单: %s claims %s's customer; run crmkit assign to settle it by the policy", claim, owner)
		if skipped {
			note = fmt.Sprintf("撞单: %s claims %s's customer; skipped, so the claim was not recorded", claim, owner)
		}
		if err := f.writeChange([]string{changeDispute, cid, dedupe.Ref(&news[j]), "", "", "owner", owner, claim, note, news[j].Source}); err != nil {
			return err
		}
	}
	return nil
}

// sameRecord reports whether out repeats master record i exactly, so the
// index may keep its keys.
func sameRecord(out *record.Record, recs *record.Store, i int) bool {
	var r record.Record
	recs.Get(i, &r)
	if r.Values != out.Values || r.Source != out.Source {
		return false
	}
	for x, v := range out.Extra {
		w := ""
		if x < len(r.Extra) {
			w = r.Extra[x]
		}
		if v != w {
			return false
		}
	}
	return true
}

func (f *folder) summary(w io.Writer, res *dedupe.Result, indexReused bool, took time.Duration) {
	index := "master indexed"
	if indexReused {
		index = "master index reused"
	}
	fmt.Fprintf(w, "fold: %s + %s → %s added (from %s), %s merged into %s",
		plural(f.nm, "master customer"), plural(f.recs.Len()-f.nm, "new record"),
		plural(f.customersAdded, "customer"), plural(f.added, "record"),
		plural(f.mergedInto, "record"), plural(f.customersMerged, "customer"))
	if f.seen > 0 {
		fmt.Fprintf(w, ", %s already in the master", plural(f.seen, "record"))
	}
	if f.replaced > 0 {
		fmt.Fprintf(w, ", %s replaced the amounts of the master records they copy", plural(f.replaced, "record"))
	}
	if f.skipped > 0 {
		fmt.Fprintf(w, ", %s skipped", plural(f.skipped, "record"))
	}
	fmt.Fprintf(w, "; %s of %s updated; %s; %s compared; %s to review",
		plural(f.updatedFields, "value"), plural(f.customersUpdated, "customer"), index, plural(res.Compared, "pair"), plural(len(res.Review), "pair"))
	if f.mastersJoined > 0 {
		fmt.Fprintf(w, "; %s joined to another (see the change report)", plural(f.mastersJoined, "master customer"))
	}
	fmt.Fprintf(w, "; %s\n", took.Round(time.Millisecond))
	if f.disputes > 0 {
		fmt.Fprintf(w, "disputes: %s (撞单: a new record names another owner); the owners were kept — run crmkit assign to settle them by the policy\n", plural(f.disputes, "record"))
	}
}

func printDecisions(w io.Writer, dec *decided, res *dedupe.Result) {
	if dec.total == 0 {
		return
	}
	fmt.Fprintf(w, "decisions: %s read (%d match, %d no-match)", plural(dec.total, "decision"), dec.matches, dec.total-dec.matches)
	if dec.absent > 0 {
		fmt.Fprintf(w, ", %d about records not in this run", dec.absent)
	}
	fmt.Fprintln(w)
	if res.Contradicted > 0 {
		fmt.Fprintf(w, "warning: %s refused: a no-match decision runs between the records (directly or through other matches); check the decisions file\n", plural(res.Contradicted, "match decision"))
	}
}
