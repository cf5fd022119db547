package cli

import (
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/record"
)

// DedupeOptions are the settings of `crmkit dedupe`.
type DedupeOptions struct {
	IO *iostreams.IOStreams
	RecordIO
	Clusters string
	Explain  string
	Review   string
	Match    dedupe.Config
	Survive  map[string]string
	Ingest   ingest.Options
	// Decisions is a file of people's match / no-match decisions.
	Decisions string
	// Master folds the inputs into this master file; OnMatch, Changes and
	// DryRun go with it.
	Master  string
	OnMatch string
	Changes string
	DryRun  bool
	Index   bool
	// Model scores with the weights in this file instead of learning them;
	// ModelOut writes the weights used.
	Model, ModelOut string
}

// NewCmdDedupe builds `crmkit dedupe`. runF replaces the run in tests.
func NewCmdDedupe(f *Factory, runF func(*DedupeOptions) error) *cobra.Command {
	opts := &DedupeOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "dedupe FILE...",
		Short: "Find and merge duplicate customers (fuzzy, explainable, nothing lost)",
		Long: `Find the records that describe the same customer — across files, in Chinese
and English, with typos, other phone formats and legal-form variants — and
merge each group into one record.

Records are compared on phone, e-mail, company (legal form and region
removed: 深圳市华强电子有限公司 = 华强电子(深圳)有限公司, but 深圳华强电子 and
北京华强电子 stay apart), contact name, address and city, and — where the
file has them — birth date, postcode, province, given/family name and
identity-code columns (身份证号, 统一社会信用代码, tax/VAT ids). The weights are
learned from the file (--model-out shows them, --model reuses them). Each pair
gets a score in [0,1]; pairs at or above --threshold are merged, pairs between
--review-threshold and --threshold go to --review for a person to decide.

The merged record keeps every phone and e-mail, sums purchase_count,
total_revenue and referrals, takes the earliest first purchase and the latest
contact and purchase, and lists the ids it was merged from (merged_from) and
every owner the records named (owners). stderr ends with:
in N = out M + merged K + rejected R.`,
		Example: `  crmkit dedupe customers.csv -o clean.csv
  crmkit dedupe a.xlsx b.csv -o clean.csv --review review.csv --explain why.csv
  crmkit dedupe people.csv --fields birth_date=date,postcode=exact --clusters clusters.csv
  crmkit import *.csv | crmkit dedupe - --survive company=common,notes=union`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.RecordIO = readRecordIO(cmd, args, v)
			opts.Clusters = v.GetString("clusters")
			opts.Explain = v.GetString("explain")
			opts.Review = v.GetString("review")
			opts.Decisions = v.GetString("decisions")
			opts.Master = v.GetString("master")
			opts.Changes = v.GetString("changes")
			opts.DryRun = v.GetBool("dry-run")
			opts.Index = v.GetBool("index")
			opts.Model = v.GetString("model")
			opts.ModelOut = v.GetString("model-out")
			opts.OnMatch = strings.ToLower(strings.TrimSpace(v.GetString("on-match")))
			if !slices.Contains(dedupe.OnMatchModes, opts.OnMatch) {
				return errs.Usagef("use one of "+strings.Join(dedupe.OnMatchModes, ", "), "--on-match %q is not a mode", v.GetString("on-match"))
			}
			if opts.Master == "" {
				for _, name := range []string{"changes", "dry-run", "on-match", "index"} {
					if cmd.Flags().Changed(name) {
						return errs.Usagef("pass --master master.csv to fold new exports into a master", "--%s needs --master", name)
					}
				}
			}
			var err error
			if opts.Match.Threshold, err = floatSetting(v, "threshold"); err != nil {
				return err
			}
			if opts.Match.ReviewThreshold, err = floatSetting(v, "review-threshold"); err != nil {
				return err
			}
			if opts.Match.Fields, err = dedupe.ParseFieldRules(mapSpecs(v.Get("fields"))); err != nil {
				return errs.Usage(fmt.Errorf("--fields %w", err), "write --fields 'birth_date=date,postcode=exact' (kinds: "+strings.Join(dedupe.FieldKinds, ", ")+")")
			}
			if opts.Match.Entity = v.GetString("entity"); !slices.Contains([]string{"", dedupe.EntityAccount, dedupe.EntityContact}, opts.Match.Entity) {
				return errs.Usagef("use --entity account (one record per company) or --entity contact (one per person)", "--entity %q is not a kind", opts.Match.Entity)
			}
			if opts.Survive, err = parseSurvive(mapSpecs(v.Get("survive"))); err != nil {
				return err
			}
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.Master != "" {
				return foldRun(opts)
			}
			return dedupeRun(opts)
		},
	}
	addInputFlags(cmd)
	fl := cmd.Flags()
	fl.String("format", "", "output format: csv or tsv (default: from the -o extension, else csv)")
	fl.String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv, or crmkit-rejects.csv when writing to stdout)")
	fl.Float64("threshold", dedupe.DefaultThreshold, "merge pairs scoring at least this (0–1)")
	fl.Float64("review-threshold", dedupe.DefaultReviewThreshold, "list pairs scoring at least this, but below --threshold, for review (0–1)")
	fl.String("clusters", "", "write one row per input record to `FILE`: id, cluster_id, score, size")
	fl.String("explain", "", "write to `FILE` why each merged record joined its cluster, field by field")
	fl.String("review", "", "write the pairs a person should decide to `FILE`, with both records' values")
	fl.StringSlice("fields", nil, "add or change comparators: 'birth_date=date,soc_sec_id=exact:10,city=off' (kinds: "+strings.Join(dedupe.FieldKinds, ", ")+")")
	fl.String("decisions", "", "honour people's decisions in `FILE` (id_a,id_b,decision: match or no-match; see crmkit review)")
	fl.String("master", "", "fold the inputs into the customer master `FILE` (a crmkit dedupe output): its ids stay, new customers are added")
	fl.String("on-match", dedupe.OnMatchMerge, "with --master, a new record matching a customer is: merge (survivorship rules), update (its values win) or skip")
	fl.String("changes", "", "with --master, write the change report to `FILE` (default: OUTPUT.changes.csv)")
	fl.Bool("dry-run", false, "with --master, do not write the master: only the change report (to --changes, else stdout) and --review, --clusters, --explain")
	fl.Bool("index", true, "with --master, reuse and save the master's blocking index beside it (FILE"+indexSuffix+"), so a fold does not block the whole master again")
	fl.String("model", "", "score with the weights in `FILE` (written by --model-out) instead of learning them from the input")
	fl.String("model-out", "", "write the weights used (learned from the input, or --model's) and the columns' roles to `FILE` (JSON)")
	fl.String("entity", "", "what a record is: account (a company; its contact may change) or contact (a person: two people at one company stay two records); default: contact when most rows name a person beside a company")
	fl.StringSlice("survive", nil, "survivorship rules: 'company=common,notes=union' (rules: "+strings.Join(dedupe.SurvivorshipRules, ", ")+")")
	return cmd
}

// floatSetting reads a number from a flag, CRMKIT_* or the config file,
// refusing what is not one (viper would read "abc" as 0).
func floatSetting(v *viper.Viper, key string) (float64, error) {
	x, err := cast.ToFloat64E(v.Get(key))
	if err != nil {
		return 0, errs.Usagef("write a number, e.g. "+key+": 0.9", "%s %q is not a number", key, fmt.Sprint(v.Get(key)))
	}
	return x, nil
}

func parseSurvive(specs []string) (map[string]string, error) {
	out := map[string]string{}
	for _, spec := range specs {
		for part := range strings.SplitSeq(spec, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			k, v, ok := strings.Cut(part, "=")
			if !ok || strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
				return nil, errs.Usagef("write --survive 'company=common,notes=union' (rules: "+strings.Join(dedupe.SurvivorshipRules, ", ")+")",
					"--survive %q is not field=rule", part)
			}
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out, nil
}

// collectSink keeps every record (dedupe needs them all), compactly, and
// streams rejects to their file.
type collectSink struct {
	recs    record.Store
	rejects *lazyCSV
}

func (s *collectSink) Record(_ *ingest.Table, r *record.Record) error {
	s.recs.Add(r)
	return nil
}

func (s *collectSink) Reject(_ *ingest.Table, r ingest.Reject) error { return s.rejects.Write(r.Row()) }

func dedupeRun(opts *DedupeOptions) error {
	start := time.Now()
	delim, err := outputDelimiter(opts.Format, opts.Output)
	if err != nil {
		return err
	}
	rejectsPath := rejectsFile(opts.Rejects, opts.Output)
	err = checkSideFiles(opts.Output, opts.Inputs, sideFile{"--rejects", rejectsPath},
		sideFile{"--clusters", opts.Clusters}, sideFile{"--explain", opts.Explain}, sideFile{"--review", opts.Review})
	if err != nil {
		return err
	}

	in, err := ingest.Open(opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	warnMapping(opts.IO, in)
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

	sink := &collectSink{rejects: &lazyCSV{path: rejectsPath, header: ingest.RejectsHeader}}
	defer sink.rejects.Abort()
	st, err := in.Run(opts.Ctx, 0, sink)
	if err != nil {
		return err
	}
	recs := &sink.recs
	limitMemory(recs.Bytes())
	dec, err := resolveDecisions(opts.Decisions, recs, surv)
	if err != nil {
		return err
	}
	prog := startProgress(opts.IO, "dedupe")
	res, err := matcher.MatchWith(opts.Ctx, recs, dedupe.Options{Must: dec.must, Cannot: dec.cannot})
	prog.Stop()
	if err != nil {
		return err
	}
	clusterIDs := surv.ClusterIDs(recs, res)

	out, err := openOutput(opts.IO, opts.Output, opts.Inputs)
	if err != nil {
		return err
	}
	defer out.Abort()
	sides := &sideFiles{files: []*lazyCSV{sink.rejects}}
	defer sides.abort()
	if err := sides.open(opts, matcher); err != nil {
		return err
	}
	w, err := newPipedRecords(out.w, delim, surv.Schema())
	if err != nil {
		return err
	}
	defer w.Close()
	repeatedIDs, err := forEachMerged(recs, res, surv, clusterIDs, func(r *record.Record) error {
		w.Record(r)
		return nil
	})
	if err != nil {
		return err
	}
	if err := sides.write(opts, recs, res, matcher, clusterIDs); err != nil {
		return err
	}
	if err := sides.writeModel(opts, matcher); err != nil {
		return err
	}
	// Finish every file before any is renamed into place.
	if err := w.Close(); err != nil {
		return err
	}
	if err := sides.commitWith(out); err != nil {
		return err
	}

	nOut := len(res.Clusters)
	mergedAway := recs.Len() - nOut
	if opts.Quiet { // value warnings even when quiet (input_values.go)
		warnValues(opts.IO, in, st, true)
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, in, st)
		multi, inMulti := 0, 0
		for _, c := range res.Clusters {
			if len(c.Members) > 1 {
				multi++
				inMulti += len(c.Members)
			}
		}
		fmt.Fprintf(opts.IO.ErrOut, "dedupe: %s → %s (%s built from %s); %s compared; %s to review",
			plural(recs.Len(), "record"), plural(nOut, "customer"), plural(multi, "customer"), plural(inMulti, "record"),
			plural(res.Compared, "pair"), plural(len(res.Review), "pair"))
		if res.Refused > 0 {
			fmt.Fprintf(opts.IO.ErrOut, " (%d held back by conflicting evidence)", res.Refused)
		}
		fmt.Fprintf(opts.IO.ErrOut, "; %s\n", time.Since(start).Round(time.Millisecond))
		if len(res.Review) > 0 && opts.Review == "" {
			fmt.Fprintf(opts.IO.ErrOut, "hint: pass --review review.csv to see the %s that need a person's decision\n", plural(len(res.Review), "pair"))
		}
		if kind, detected := matcher.Entity(); kind == dedupe.EntityContact && detected {
			fmt.Fprintf(opts.IO.ErrOut, "note: most rows name a person beside a company: matched as contacts (two people at one company stay two records unless they share a phone or e-mail); pass --entity account to match companies\n")
		}
		printDecisions(opts.IO.ErrOut, dec, res)
	}
	if surv.Copies > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "note: %s repeated another record exactly (same id and values, e.g. one export read twice); their amounts were counted once\n", plural(surv.Copies, "record"))
	}
	if surv.CurrencyMixed > 0 { // amounts in other currencies (input_values.go)
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s of merged customers are in more than one currency and were kept apart per currency (e.g. 5000;1000 USD), not added up\n", plural(surv.CurrencyMixed, "amount"))
		fmt.Fprintf(opts.IO.ErrOut, "hint: pass --rates 'USD=7.1' to import (or dedupe) to convert them to yuan\n")
	}
	if surv.SumFallbacks > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s of merged customers could not be added up (a value is not a number, e.g. 面议) and were joined with ';'\n", plural(surv.SumFallbacks, "amount"))
	}
	if surv.Capped > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s longer than Excel's 32,767 characters were cut; the full values stay in the input rows named in _source\n", plural(surv.Capped, "merged cell"))
	}
	if n := repeatedIDs; n > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s more than one customer (the same id in different files); their cluster_id gets a ~2 suffix\n", plural(n, "id names"))
	}
	if st.Rejected > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s rejected; see %s\n", plural(st.Rejected, "row"), rejectsPath)
	}
	fmt.Fprintf(opts.IO.ErrOut, "in %d = out %d + merged %d + rejected %d\n", st.In, nOut, mergedAway, st.Rejected)
	if opts.Strict && st.Rejected > 0 {
		return errs.ErrRejected
	}
	return nil
}

// sideFiles are dedupe's reports beside the output: rejects, clusters,
// explain, review (and a fold's change report).
type sideFiles struct {
	files                     []*lazyCSV
	clusters, explain, review *lazyCSV
}

func (s *sideFiles) add(path string, header []string) (*lazyCSV, error) {
	l := &lazyCSV{path: path, header: header}
	s.files = append(s.files, l)
	if path == "" {
		return l, nil
	}
	return l, l.open()
}

func (s *sideFiles) open(opts *DedupeOptions, m *dedupe.Matcher) error {
	var err error
	if s.clusters, err = s.add(opts.Clusters, []string{"id", "cluster_id", "score", "size", "matched_id", "_source"}); err != nil {
		return err
	}
	if s.explain, err = s.add(opts.Explain, explainHeader(m)); err != nil {
		return err
	}
	s.review, err = s.add(opts.Review, reviewHeader(m))
	return err
}

func (s *sideFiles) write(opts *DedupeOptions, recs *record.Store, res *dedupe.Result, m *dedupe.Matcher, ids []string) error {
	if opts.Clusters != "" {
		if err := writeClusters(s.clusters, recs, res, ids); err != nil {
			return err
		}
	}
	if opts.Explain != "" {
		if err := writeExplain(s.explain, recs, res, ids); err != nil {
			return err
		}
	}
	if opts.Review != "" {
		return writeReview(s.review, recs, res, m)
	}
	return nil
}

// commitWith finishes every side file, then moves the output and the
// side files into place: nothing is renamed before everything is written.
func (s *sideFiles) commitWith(out *output) error {
	for _, l := range s.files {
		if l.path != "" {
			if err := l.Flush(); err != nil {
				return err
			}
		}
	}
	if err := out.Commit(); err != nil {
		return err
	}
	for _, l := range s.files {
		if err := l.Commit(); err != nil {
			return err
		}
	}
	return nil
}

func (s *sideFiles) abort() {
	for _, l := range s.files {
		l.Abort()
	}
}

func formatScore(w float64) string {
	return strconv.FormatFloat(dedupe.ScoreOf(w), 'f', 4, 64)
}

// refs names every record as dedupe's reports do.
func refs(recs *record.Store) []string {
	out := make([]string, recs.Len())
	var r record.Record
	for i := range out {
		recs.Get(i, &r)
		out[i] = dedupe.Ref(&r)
	}
	return out
}

func writeClusters(l *lazyCSV, recs *record.Store, res *dedupe.Result, ids []string) error {
	ref := refs(recs)
	matched := make([]string, len(ref))
	for _, c := range res.Clusters {
		for _, link := range c.Links {
			if matched[link.B] == "" {
				matched[link.B] = ref[link.A]
			}
			if matched[link.A] == "" {
				matched[link.A] = ref[link.B]
			}
		}
	}
	var r record.Record
	for i := range ref {
		recs.Get(i, &r)
		ci := res.ClusterOf(i)
		score := ""
		if w, ok := res.LinkWeight(i); ok {
			score = formatScore(w)
		}
		row := []string{ref[i], ids[ci], score, strconv.Itoa(len(res.Clusters[ci].Members)), matched[i], r.Source}
		if err := l.Write(row); err != nil {
			return err
		}
	}
	return nil
}

func explainHeader(m *dedupe.Matcher) []string {
	h := []string{"cluster_id", "id", "matched_id", "score", "agreed"}
	h = append(h, m.Comparators()...)
	return append(h, "_source", "matched_source")
}

func evidenceCell(e dedupe.Evidence) string {
	if e.Level == dedupe.Missing {
		return ""
	}
	return fmt.Sprintf("%s %+.1f", e.Level, e.Weight)
}

func agreed(ev []dedupe.Evidence) string {
	var out []string
	for _, e := range ev {
		if e.Level >= dedupe.Similar {
			out = append(out, e.Field)
		}
	}
	return strings.Join(out, ";")
}

// writeExplain writes one row per record that joined a cluster: the
// cluster's first record is the root, every other record appears once as
// id, with the record it matched (nearer the root) as matched_id.
func writeExplain(l *lazyCSV, recs *record.Store, res *dedupe.Result, ids []string) error {
	var a, b record.Record
	for ci, c := range res.Clusters {
		for _, e := range joinOrder(c) {
			ev := res.Explain(e.parent, e.child)
			recs.Get(e.parent, &a)
			recs.Get(e.child, &b)
			row := []string{ids[ci], dedupe.Ref(&b), dedupe.Ref(&a), formatScore(e.weight), agreed(ev)}
			for _, x := range ev {
				row = append(row, evidenceCell(x))
			}
			row = append(row, b.Source, a.Source)
			if err := l.Write(row); err != nil {
				return err
			}
		}
	}
	return nil
}

type joinEdge struct {
	child, parent int
	weight        float64
}

// joinOrder walks a cluster's links breadth-first from its first record,
// so each other record is reached once, from the record it joined.
func joinOrder(c dedupe.Cluster) []joinEdge {
	if len(c.Links) == 0 {
		return nil
	}
	adj := map[int][]dedupe.Link{}
	for _, l := range c.Links {
		adj[l.A] = append(adj[l.A], l)
		adj[l.B] = append(adj[l.B], l)
	}
	seen := map[int]bool{c.Members[0]: true}
	queue := []int{c.Members[0]}
	var out []joinEdge
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, l := range adj[p] {
			q := l.A
			if q == p {
				q = l.B
			}
			if !seen[q] {
				seen[q] = true
				out = append(out, joinEdge{child: q, parent: p, weight: l.Weight})
				queue = append(queue, q)
			}
		}
	}
	return out
}

func reviewHeader(m *dedupe.Matcher) []string {
	h := []string{"decision", "score", "id_a", "id_b", "agreed"}
	for _, name := range m.Comparators() {
		h = append(h, name+"_a", name+"_b", name)
	}
	return append(h, "_source_a", "_source_b")
}

func writeReview(l *lazyCSV, recs *record.Store, res *dedupe.Result, m *dedupe.Matcher) error {
	var ra, rb record.Record
	for _, link := range res.Review {
		ev := res.Explain(link.A, link.B)
		recs.Get(link.A, &ra)
		recs.Get(link.B, &rb)
		a, b := &ra, &rb
		row := []string{"", formatScore(link.Weight), dedupe.Ref(a), dedupe.Ref(b), agreed(ev)}
		for i, e := range ev {
			va, vb := m.Show(i, a), m.Show(i, b)
			row = append(row, va, vb, evidenceCell(e))
		}
		row = append(row, a.Source, b.Source)
		if err := l.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// limitMemory sets a soft memory limit for the matching stages, unless the
// user set GOMEMLIMIT. Matching holds the records and a profile of each
// (about three times the stored records); without a limit the Go runtime
// lets the heap grow to twice what is live before collecting, which at a
// million records is the difference between 1.5 and 2 GB.
func limitMemory(storeBytes int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	const floor = 1536 << 20
	debug.SetMemoryLimit(max(floor, int64(storeBytes)*4))
}

// forEachMerged builds every cluster's merged record, in cluster order,
// and hands it to fn. It returns how many merged records repeat an id an
// earlier one has (the same id in different files).
func forEachMerged(recs *record.Store, res *dedupe.Result, surv *dedupe.Survivorship, clusterIDs []string, fn func(*record.Record) error) (int, error) {
	var merged record.Record
	var members []record.Record
	seenIDs := make(map[string]bool, len(res.Clusters))
	repeated := 0
	for ci := range res.Clusters {
		c := &res.Clusters[ci]
		members = slices.Grow(members[:0], len(c.Members))[:len(c.Members)]
		for j, i := range c.Members {
			recs.Get(i, &members[j])
		}
		surv.Merge(members, clusterIDs[ci], &merged)
		if id := merged.Values[record.ID]; id != "" {
			if seenIDs[id] {
				repeated++
			}
			seenIDs[id] = true
		}
		if err := fn(&merged); err != nil {
			return repeated, err
		}
	}
	return repeated, nil
}
