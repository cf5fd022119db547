package stage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
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

// IndexSuffix names the blocking index saved beside a master file.
const IndexSuffix = ".crmkit-index"

// ChangesHeader is the change report's columns: one row per new record
// (added, merged, skipped), per changed value of a master customer
// (updated) and per ownership conflict (dispute).
var ChangesHeader = []string{"change", "cluster_id", "id", "matched_id", "score", "field", "before", "after", "note", "_source"}

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

// FoldSink collects the master's records, then the new ones. A master row
// that cannot be read is an error, not a reject: the customer would
// silently leave the master.
type FoldSink struct {
	CollectSink
	master  map[*ingest.Table]bool
	nMaster int
}

// NewFoldSink collects the records of in, the master's tables (those
// read from master) first; rejects takes the new records' bad rows.
func NewFoldSink(in *ingest.Input, master string, rejects RowWriter) *FoldSink {
	s := &FoldSink{CollectSink: CollectSink{Rejects: rejects}, master: map[*ingest.Table]bool{}}
	for _, t := range in.Tables {
		if t.Info.Path == master {
			s.master[t] = true
		}
	}
	return s
}

// Masters is how many records came from the master.
func (s *FoldSink) Masters() int { return s.nMaster }

func (s *FoldSink) Record(t *ingest.Table, r *record.Record) error {
	if s.master[t] {
		s.nMaster++
	}
	return s.CollectSink.Record(t, r)
}

func (s *FoldSink) Reject(t *ingest.Table, r ingest.Reject) error {
	if s.master[t] {
		return errs.Dataf("fix that row of the master (or run crmkit import on it and use the output), then run again",
			"master %s row %d cannot be read: %s", t.Info.Source(), r.Line, r.Reason)
	}
	return s.CollectSink.Reject(t, r)
}

// HashFile returns the SHA-256 of a file, for the index fingerprint.
func HashFile(path string) (string, error) {
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

func IndexFingerprint(fileHash string, m *dedupe.Matcher) string {
	return "sha256:" + fileHash + "|" + m.IndexSettings()
}

// LimitFoldMemory sets a soft memory limit for a fold, before reading,
// unless the user set GOMEMLIMIT. A fold holds the records (about the size
// of the files), the master's index and the profiles of the records it
// compares; without a limit the heap grows to twice that before the
// collector runs. At 1.3 GiB a million-customer master peaks under 1.5 GB
// (1.4 GiB let it pass that while the next index is built beside the
// output) at no measurable cost in time.
func LimitFoldMemory(paths []string) {
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

// CachedIndex is the master's saved index, if usable.
type CachedIndex struct {
	Ix          *dedupe.Index
	Note        string // why a saved index is not used
	Fingerprint string
}

// LoadIndex reads the index beside the master; nil when there is none or
// it is stale or damaged (then note says why it is rebuilt).
func LoadIndex(path, fingerprint string) (ix *dedupe.Index, note string) {
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

// IndexSave writes an index file on its own goroutine.
type IndexSave struct {
	path string
	file *atomicfile.File
	done chan struct{} // closed when err is set
	err  error
}

func StartIndexSave(path string, write func(io.Writer) error) *IndexSave {
	s := &IndexSave{path: path, done: make(chan struct{})}
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
// Path is where the index goes.
func (s *IndexSave) Path() string { return s.path }

func (s *IndexSave) wait() error {
	<-s.done
	return s.err
}

// commit waits for the write, fills in the fingerprint when given and puts
// the index in place; on failure nothing is left behind.
func (s *IndexSave) Commit(fingerprint string) error {
	err := s.wait()
	if err == nil && fingerprint != "" {
		err = dedupe.SetFingerprint(s.file, fingerprint)
	}
	if err == nil {
		err = s.file.CommitCache()
	}
	s.Abort()
	return err
}

func (s *IndexSave) Abort() {
	if s.wait(); s.file != nil {
		s.file.Abort()
	}
}

// Folder builds the updated master, cluster by cluster, and its change
// report.
type Folder struct {
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

// NewFolder folds the clusters res found among recs, whose first nm are
// the master's, by mode (dedupe.OnMatch*); every change goes to
// writeChange.
func NewFolder(recs *record.Store, res *dedupe.Result, surv *dedupe.Survivorship, nm int, mode string, ids []string, writeChange func([]string) error) *Folder {
	return &Folder{recs: recs, res: res, surv: surv, nm: nm, mode: mode, ids: ids, writeChange: writeChange}
}

// Skipped is how many new records --on-match skip left out.
func (f *Folder) Skipped() int { return f.skipped }

// FoldPlan is the updated master, one record per cluster: a master record
// going out as it came in, or a record the fold made. It is filled run by
// run (foldWriteRun clusters) while the master is written: run k is final
// once ready[k] is closed (failed is closed instead when the fold stops).
type FoldPlan struct {
	kept   []int32        // per cluster: the master record written as it is, or -1
	made   []record.Store // per run: the records the fold made there, in cluster order
	ready  []chan struct{}
	failed chan struct{}
}

// newFoldPlan plans n clusters, kept as given.
func newFoldPlan(kept []int32) *FoldPlan {
	runs := (len(kept) + foldWriteRun - 1) / foldWriteRun
	p := &FoldPlan{kept: kept, made: make([]record.Store, runs), ready: make([]chan struct{}, runs), failed: make(chan struct{})}
	for k := range p.ready {
		p.ready[k] = make(chan struct{})
	}
	return p
}

// wait waits until run k is final; false when the fold stopped.
func (p *FoldPlan) wait(k int) bool {
	select {
	case <-p.ready[k]:
		return true
	case <-p.failed:
		return false
	}
}

// runs returns the number of runs.
func (p *FoldPlan) runs() int { return len(p.ready) }

// eachInRun calls fn for every output record of run k, in cluster order,
// with the master record it repeats (-1 when it was made). A repeated
// record is read from recs; with recs nil, fn gets nil for it.
func (p *FoldPlan) eachInRun(k int, recs *record.Store, r *record.Record, fn func(r *record.Record, kept int) error) error {
	made := 0
	for _, kept := range p.kept[k*foldWriteRun : min(len(p.kept), (k+1)*foldWriteRun)] {
		at := r
		switch {
		case kept < 0:
			p.made[k].Get(made, r)
			made++
		case recs != nil:
			recs.Get(int(kept), r)
		default:
			at = nil
		}
		if err := fn(at, int(kept)); err != nil {
			return err
		}
	}
	return nil
}

// each calls fn for every output record in cluster order (see
// eachInRun), once the plan is final.
func (p *FoldPlan) each(recs *record.Store, fn func(r *record.Record, kept int) error) error {
	var r record.Record
	for k := range p.runs() {
		if err := p.eachInRun(k, recs, &r, fn); err != nil {
			return err
		}
	}
	return nil
}

// feed tells b the output records, in order.
func (p *FoldPlan) Feed(b *dedupe.IndexBuilder) {
	_ = p.each(nil, func(r *record.Record, kept int) error {
		if kept >= 0 {
			b.Keep(kept)
		} else {
			b.Add(r)
		}
		return nil
	})
}

// foldWriteRun is how many records of the updated master a worker formats
// at a time (see writeRuns): a run is about a megabyte of CSV, enough to
// make handing it over cheap, small enough to keep few in memory.
const foldWriteRun = 2048

// WriteFold writes the updated master as CSV. Its rows are formatted on
// every core, a run of foldWriteRun records at a time as soon as the fold
// has planned it, and written in order by the calling goroutine (see
// writeRuns): the same bytes as one writer formatting them all after the
// fold, sooner. When the fold stops, WriteFold returns errFoldStopped.
func WriteFold(w io.Writer, delim rune, schema *record.Schema, recs *record.Store, plan *FoldPlan) error {
	cw, err := tabular.NewCSVFormat(delim)
	if err != nil {
		return err
	}
	if _, err := w.Write(cw.AppendRow(nil, schema.Header())); err != nil {
		return errs.Data(err, "check free disk space")
	}
	err = writeRuns(w, plan.runs(), func() runFormatter {
		cf, _ := tabular.NewCSVFormat(delim) // delim checked above
		var r record.Record
		var row []string
		return func(k int, b []byte) ([]byte, error) {
			if !plan.wait(k) {
				return b, errFoldStopped
			}
			_ = plan.eachInRun(k, recs, &r, func(r *record.Record, _ int) error {
				row = schema.Row(r, row)
				b = cf.AppendRow(b, row)
				return nil
			})
			return b, nil
		}
	})
	return errs.Data(err, "check free disk space")
}

// errFoldStopped is WriteFold's error when the fold it writes stopped
// (its own error is the one to report).
var errFoldStopped = errors.New("the fold stopped")

// untouched marks, in kept, the clusters that are a master customer no
// new record touched, already written by a fold or dedupe under its
// cluster_id: it goes out as it came in. A million of them are checked on
// every core.
func (f *Folder) untouched() []int32 {
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

// Run folds every cluster, writing the change report, and returns the
// updated master's plan.
func (f *Folder) Run() (*FoldPlan, error) {
	plan := f.Plan()
	if err := f.RunPlan(plan); err != nil {
		return nil, err
	}
	return plan, nil
}

// Plan starts the updated master's plan: the master customers no new
// record touched go out as they came in.
func (f *Folder) Plan() *FoldPlan { return newFoldPlan(f.untouched()) }

// RunPlan folds every cluster into plan, writing the change report; each
// run of the plan is marked ready as soon as it is final, so that it can
// be written while the next ones are folded.
func (f *Folder) RunPlan(plan *FoldPlan) (err error) {
	var masters, news []record.Record
	var before, out record.Record
	k := 0 // the run being planned
	defer func() {
		if err != nil {
			close(plan.failed)
			return
		}
		for ; k < plan.runs(); k++ {
			close(plan.ready[k])
		}
	}()
	for ci := range f.res.Clusters {
		for ; (k+1)*foldWriteRun <= ci; k++ {
			close(plan.ready[k])
		}
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
					return err
				}
			}
			if err := f.ownerDisputes(cid, "", "", news, false); err != nil {
				return err
			}
			plan.made[k].Add(&out)
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
				plan.made[k].Add(&out)
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
				return err
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
				return err
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
				return err
			}
		}
		// Claims against the owner: the new records' (a copy of a master
		// record may name a new owner), and those of master customers a
		// decision joined to this one; claims already held are skipped.
		fresh := append(slices.Clone(masters[1:]), news...)
		if err := f.ownerDisputes(cid, before.Values[record.Owner], f.surv.Claims(&before), fresh, f.mode == dedupe.OnMatchSkip); err != nil {
			return err
		}
		plan.made[k].Add(&out)
	}
	return nil
}

// decidedLink reports whether record i joined cluster c by a person's
// decision.
func (f *Folder) decidedLink(c *dedupe.Cluster, i int) bool {
	for _, l := range c.Links {
		if (l.A == i || l.B == i) && math.IsInf(l.Weight, 1) {
			return true
		}
	}
	return false
}

// recordRow reports what happened to new record i.
func (f *Folder) recordRow(verb, cid string, i int, r *record.Record, note string) error {
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
			matched, score = dedupe.Ref(&o), dedupe.FormatScore(l.Weight)
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
func (f *Folder) ownerDisputes(cid, owner, claims string, news []record.Record, skipped bool) error {
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

func (f *Folder) Summary(res *dedupe.Result, indexReused bool, took time.Duration) []string {
	var b strings.Builder
	w := &b
	var lines []string
	index := "master indexed"
	if indexReused {
		index = "master index reused"
	}
	fmt.Fprintf(w, "fold: %s + %s → %s added (from %s), %s merged into %s",
		Plural(f.nm, "master customer"), Plural(f.recs.Len()-f.nm, "new record"),
		Plural(f.customersAdded, "customer"), Plural(f.added, "record"),
		Plural(f.mergedInto, "record"), Plural(f.customersMerged, "customer"))
	if f.seen > 0 {
		fmt.Fprintf(w, ", %s already in the master", Plural(f.seen, "record"))
	}
	if f.replaced > 0 {
		fmt.Fprintf(w, ", %s replaced the amounts of the master records they copy", Plural(f.replaced, "record"))
	}
	if f.skipped > 0 {
		fmt.Fprintf(w, ", %s skipped", Plural(f.skipped, "record"))
	}
	fmt.Fprintf(w, "; %s of %s updated; %s; %s compared; %s to review",
		Plural(f.updatedFields, "value"), Plural(f.customersUpdated, "customer"), index, Plural(res.Compared, "pair"), Plural(len(res.Review), "pair"))
	if f.mastersJoined > 0 {
		fmt.Fprintf(w, "; %s joined to another (see the change report)", Plural(f.mastersJoined, "master customer"))
	}
	fmt.Fprintf(w, "; %s", took.Round(time.Millisecond))
	lines = append(lines, b.String())
	if f.disputes > 0 {
		lines = append(lines, fmt.Sprintf("disputes: %s (撞单: a new record names another owner); the owners were kept — run crmkit assign to settle them by the policy", Plural(f.disputes, "record")))
	}
	return lines
}

// Folded is a fold step's result: the updated master.
type Folded struct {
	Deduped *Deduped
	Folder  *Folder
	Plan    *FoldPlan
	// Records are the updated master's customers, in its order.
	Records *record.Store
}

// Fold folds the records of recs after the first nm (the master's) into
// the master: the master's customers keep their ids, new records that
// match one merge by mode (dedupe.OnMatch*), the others become customers.
// Every change goes to changes.
func Fold(ctx context.Context, recs *record.Store, nm int, schema *record.Schema, cfg DedupeConfig, mode string, changes RowWriter) (*Folded, error) {
	d, err := dedupeWith(ctx, recs, schema, cfg, nm)
	if err != nil {
		return nil, err
	}
	if changes == nil {
		changes = Discard{}
	}
	f := NewFolder(recs, d.Result, d.Surv, nm, mode, d.ClusterIDs, changes.WriteRow)
	plan, err := f.Run()
	if err != nil {
		return nil, err
	}
	out := &record.Store{}
	err = plan.each(recs, func(r *record.Record, _ int) error { out.Add(r); return nil })
	if err != nil {
		return nil, err
	}
	return &Folded{Deduped: d, Folder: f, Plan: plan, Records: out}, nil
}

// MasterIndex is a master's saved blocking index, hashed and loaded on a
// goroutine of its own while the records are read.
type MasterIndex struct {
	path   string
	ch     chan CachedIndex
	exists bool
}

// StartMasterIndex starts loading the index beside master (nothing when
// use is false: --index=false).
func StartMasterIndex(master string, use bool, m *dedupe.Matcher) *MasterIndex {
	mi := &MasterIndex{path: master + IndexSuffix, ch: make(chan CachedIndex, 1)}
	_, err := os.Stat(mi.path)
	mi.exists = use && err == nil
	go func() {
		var c CachedIndex
		if use {
			if hash, err := HashFile(master); err == nil {
				c.Fingerprint = IndexFingerprint(hash, m)
				c.Ix, c.Note = LoadIndex(mi.path, c.Fingerprint)
			}
		}
		mi.ch <- c
	}()
	return mi
}

// Exists reports whether an index file is beside the master (it may
// still turn out stale).
func (mi *MasterIndex) Exists() bool { return mi.exists }

// Wait returns the loaded index when it fits a master of nm records (nil
// and a note saying why when it does not), and the master's fingerprint.
func (mi *MasterIndex) Wait(nm int) CachedIndex {
	c := <-mi.ch
	if c.Ix != nil && c.Ix.Len() != nm {
		c.Note = fmt.Sprintf("%s is stale (%d records indexed, %d in the master); indexing the master again", mi.path, c.Ix.Len(), nm)
		c.Ix = nil
	}
	return c
}
