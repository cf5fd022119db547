package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
)

// PipelineOptions are the settings of `crmkit pipeline`.
type PipelineOptions struct {
	IO      *iostreams.IOStreams
	Ctx     context.Context
	Base    string // folder the config's paths are relative to
	Sources []ingest.Source
	Ingest  ingest.Options
	Steps   []string
	Match   dedupe.Config
	// Decisions is a file of people's match / no-match decisions.
	Decisions string
	Survive   map[string]string
	Classify  classify.Config
	Policy    assign.Policy
	Reps      string
	Override  string
	Out       pipelineOutputs
	Quiet     bool
	Strict    bool
}

type pipelineOutputs struct {
	Output, Rejects, Review, Explain, Audit, Reports string
	SplitBy                                          string
	Summary                                          bool
}

var pipelineSteps = []string{"dedupe", "classify", "assign"}

// NewCmdPipeline builds `crmkit pipeline`.
func NewCmdPipeline(f *Factory, runF func(*PipelineOptions) error) *cobra.Command {
	opts := &PipelineOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "pipeline -c crmkit.yaml",
		Short: "Run the whole chain from one config: read → dedupe → classify → assign → export and reports",
		Long: `Run import, dedupe, classify and assign in one process from the config's
pipeline section, then write the customer master (CSV, TSV or XLSX split
into sheets with a summary), the reports, and the review, explain, audit and
rejects files. Paths in the config are relative to the config file.

  pipeline:
    inputs:
      - {path: "exports/*.csv", encoding: gbk}
      - {path: "sheets/book.xlsx", all-sheets: true}
    steps: [dedupe, classify, assign]
    reps: reps.csv
    output: out/customers.xlsx
    split-by: value_tier
    summary: true
    reports: out/reports.md
    review: out/review.csv
    audit: out/audit.csv
    rejects: out/rejects.csv

dedupe, classify and assign read their own sections and keys of the same
file (threshold, classify:, assign:, as-of, lang …).`,
		Example: `  crmkit pipeline -c testdata/demo/crmkit.yaml
  crmkit config init && crmkit pipeline -c crmkit.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			if v.ConfigFileUsed() == "" {
				return errs.Usagef("pass -c crmkit.yaml (write one with `crmkit config init`)", "pipeline needs a config file")
			}
			opts.Ctx = cmd.Context()
			opts.Base = filepath.Dir(v.ConfigFileUsed())
			opts.Quiet = v.GetBool("quiet")
			opts.Strict = v.GetBool("strict")
			if err := readPipeline(f, v, opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return pipelineRun(opts)
		},
	}
	return cmd
}

// readPipeline reads the pipeline section and the settings of each step.
func readPipeline(f *Factory, v *viper.Viper, opts *PipelineOptions) error {
	p := v.Sub("pipeline")
	if p == nil {
		return errs.Usagef("add a pipeline section with inputs and output (see crmkit pipeline --help)", "%s has no pipeline section", v.ConfigFileUsed())
	}
	base, err := f.inputOptions()
	if err != nil {
		return err
	}
	opts.Ingest = base
	rel := func(path string) string {
		if path == "" || filepath.IsAbs(path) {
			return path
		}
		return filepath.Join(opts.Base, path)
	}
	specs, err := pipelineInputs(p)
	if err != nil {
		return err
	}
	for i, m := range specs {
		pattern := cast.ToString(m["path"])
		matches, err := filepath.Glob(rel(pattern))
		if err != nil || len(matches) == 0 {
			return errs.Usagef("check the path, relative to the config file's folder", "pipeline.inputs[%d]: no file matches %s", i, rel(pattern))
		}
		slices.Sort(matches)
		tab := base.Tabular
		if e := cast.ToString(m["encoding"]); e != "" {
			tab.Encoding = e
		}
		if s := cast.ToString(m["sheet"]); s != "" {
			tab.Sheet = s
		}
		if b, ok := m["all-sheets"]; ok {
			tab.AllSheets = cast.ToBool(b)
		}
		overrides := base.Overrides
		if mp, ok := m["map"]; ok {
			if overrides, err = record.ParseOverrides(mapSpecs(mp)); err != nil {
				return errs.Usage(fmt.Errorf("pipeline.inputs[%d].map: %w", i, err), "write map: [\"Header=field\"]")
			}
		}
		for _, path := range matches {
			src := ingest.Source{Path: path, Tabular: tab, Overrides: overrides, NoHeader: base.NoHeader}
			if err := inputSourceSettings(i, m, &src); err != nil { // region, date-order, no-header
				return err
			}
			opts.Sources = append(opts.Sources, src)
		}
	}
	if opts.Steps, err = pipelineStepsOf(p); err != nil {
		return err
	}
	opts.Match = dedupe.DefaultConfig()
	if v.IsSet("threshold") {
		if opts.Match.Threshold, err = floatSetting(v, "threshold"); err != nil {
			return err
		}
	}
	if v.IsSet("review-threshold") {
		if opts.Match.ReviewThreshold, err = floatSetting(v, "review-threshold"); err != nil {
			return err
		}
	}
	if opts.Match.Fields, err = dedupe.ParseFieldRules(mapSpecs(v.Get("fields"))); err != nil {
		return errs.Usage(fmt.Errorf("fields: %w", err), "write fields: [\"birth_date=date\"]")
	}
	if opts.Survive, err = parseSurvive(mapSpecs(v.Get("survive"))); err != nil {
		return err
	}
	if opts.Classify, err = classifyConfig(v); err != nil {
		return err
	}
	opts.Decisions = rel(p.GetString("decisions"))
	opts.Reps = rel(p.GetString("reps"))
	opts.Override = rel(p.GetString("overrides"))
	if opts.Policy, err = assignPolicy(v, opts.Reps != ""); err != nil {
		return err
	}
	warnReclaimOff(opts.IO, v, opts.Policy) // issue 14: reclaim is opt-in
	opts.Out = pipelineOutputs{
		Output: rel(p.GetString("output")), Rejects: rel(p.GetString("rejects")), Review: rel(p.GetString("review")),
		Explain: rel(p.GetString("explain")), Audit: rel(p.GetString("audit")), Reports: rel(p.GetString("reports")),
		SplitBy: p.GetString("split-by"), Summary: p.GetBool("summary"),
	}
	if opts.Out.Output == "" {
		return errs.Usagef("set pipeline.output, e.g. out/customers.xlsx", "pipeline.output is not set")
	}
	if _, err := exportFormat("", opts.Out.Output); err != nil {
		return err
	}
	if opts.Out.Reports != "" {
		if _, err := reportFormat(opts.Out.Reports); err != nil {
			return err
		}
	}
	if opts.Out.Rejects == "" {
		opts.Out.Rejects = strings.TrimSuffix(opts.Out.Output, filepath.Ext(opts.Out.Output)) + ".rejects.csv"
	}
	return nil
}

func (o *PipelineOptions) has(step string) bool { return slices.Contains(o.Steps, step) }

// stage is one line of the final summary.
type stage struct {
	name    string
	in, out int
	note    string
	took    time.Duration
}

func pipelineRun(opts *PipelineOptions) error {
	start := time.Now()
	var stages []stage
	inputs := make([]string, len(opts.Sources))
	for i, s := range opts.Sources {
		inputs[i] = s.Path
	}
	var created []string // folders made for the outputs, removed again if the run fails
	succeeded := false
	defer func() {
		if !succeeded {
			for i := len(created) - 1; i >= 0; i-- {
				os.Remove(created[i]) // only if still empty
			}
		}
	}()
	for _, p := range []string{opts.Out.Output, opts.Out.Rejects, opts.Out.Review, opts.Out.Explain, opts.Out.Audit, opts.Out.Reports} {
		if p == "" {
			continue
		}
		if err := refuseInput(p, inputs); err != nil {
			return err
		}
		dirs, err := makeDirs(filepath.Dir(p))
		created = append(created, dirs...)
		if err != nil {
			return errs.Data(err, "check that you can write there")
		}
	}

	// Read.
	t0 := time.Now()
	in, err := ingest.OpenSources(opts.Sources, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	warnMapping(opts.IO, in)
	rejects := &lazyCSV{path: opts.Out.Rejects, header: ingest.RejectsHeader}
	defer rejects.Abort()
	sink := &collectSink{rejects: rejects}
	prog := startProgress(opts.IO, "read")
	st, err := in.Run(opts.Ctx, 0, sink)
	prog.Stop()
	if err == nil {
		warnValues(opts.IO, in, st, opts.Quiet) // input_values.go
	}
	if err != nil {
		return err
	}
	recs, schema := &sink.recs, in.Schema
	limitMemory(recs.Bytes())
	sink = nil // each step replaces the records; the old ones can go
	stages = append(stages, stage{"read", st.In, st.Out, fmt.Sprintf("%s, %d rejected", plural(len(in.Tables), "table"), st.Rejected), time.Since(t0)})
	files := []*lazyCSV{rejects}
	defer func() {
		for _, l := range files {
			l.Abort()
		}
	}()

	// Dedupe.
	if opts.has("dedupe") {
		t0 = time.Now()
		matcher, err := dedupe.NewMatcher(opts.Match, &schema)
		if err != nil {
			return errs.Usage(err, "check fields, threshold and review-threshold")
		}
		surv, err := dedupe.NewSurvivorship(&schema, opts.Survive)
		if err != nil {
			return errs.Usage(err, "check survive")
		}
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
		if !opts.Quiet {
			printDecisions(opts.IO.ErrOut, dec, res)
		}
		ids := surv.ClusterIDs(recs, res)
		for _, side := range []struct {
			path   string
			header []string
			write  func(*lazyCSV) error
		}{
			{opts.Out.Review, reviewHeader(matcher), func(l *lazyCSV) error { return writeReview(l, recs, res, matcher) }},
			{opts.Out.Explain, explainHeader(matcher), func(l *lazyCSV) error { return writeExplain(l, recs, res, ids) }},
		} {
			if side.path == "" {
				continue
			}
			l := &lazyCSV{path: side.path, header: side.header}
			files = append(files, l)
			if err := l.open(); err != nil {
				return err
			}
			if err := side.write(l); err != nil {
				return err
			}
		}
		merged := &record.Store{}
		if _, err := forEachMerged(recs, res, surv, ids, func(r *record.Record) error { merged.Add(r); return nil }); err != nil {
			return err
		}
		stages = append(stages, stage{"dedupe", recs.Len(), merged.Len(), fmt.Sprintf("%d pairs to review", len(res.Review)), time.Since(t0)})
		recs, schema = merged, *surv.Schema()
	}

	// Classify.
	var model *classify.Model
	var classCols *classOutput
	if opts.has("classify") {
		t0 = time.Now()
		cl, err := classify.New(opts.Classify)
		if err != nil {
			return errs.Usage(err, "fix the rule in the classify.rules section of the config file")
		}
		facts := make([]classify.Facts, recs.Len())
		var r record.Record
		for i := range facts {
			recs.Get(i, &r)
			facts[i] = classify.FactsOf(&r)
		}
		model = cl.Fit(facts)
		if model.NoPurchaseData() { // issue 19
			fmt.Fprintf(opts.IO.ErrOut, "warning: no row has revenue, a purchase count or a purchase date, so value tier, RFM, lifecycle and grade are left empty\n")
		}
		classCols = newClassOutput(&schema, cl.Columns())
		classified := &record.Store{}
		var cells []string
		for i := range recs.Len() {
			recs.Get(i, &r)
			cls, err := model.Classify(i, &r)
			if err != nil {
				return errs.Data(err, "fix the rule named above in the classify.rules section of the config file")
			}
			cells = model.Cells(cls, cells[:0])
			classCols.fill(&r, cells)
			classified.Add(&r)
		}
		stages = append(stages, stage{"classify", recs.Len(), classified.Len(), "", time.Since(t0)})
		recs, schema = classified, classCols.schema
	}

	// Assign.
	if opts.has("assign") {
		t0 = time.Now()
		reps, err := readRepsFile(opts.Reps)
		if err != nil {
			return err
		}
		overrides, err := readOverridesFile(opts.Override)
		if err != nil {
			return err
		}
		customers, labels, groupOf := buildCustomers(recs, findCustomerColumns(&schema))
		plan, err := assign.Assign(customers, reps, overrides, opts.Policy)
		if err != nil {
			return assignError(err)
		}
		if opts.Out.Audit != "" {
			audit := &lazyCSV{path: opts.Out.Audit, header: auditHeader}
			files = append(files, audit)
			if err := audit.open(); err != nil {
				return err
			}
			if err := writeAudit(audit, customers, labels, plan, opts.Policy.Lang); err != nil {
				return err
			}
		}
		assigned := &record.Store{}
		apply := newAssignColumns(&schema, opts.Policy.AsOf)
		changed := 0
		var r record.Record
		for i := range recs.Len() {
			recs.Get(i, &r)
			if apply.apply(&r, &plan.Decisions[groupOf[i]]) {
				changed++
			}
			assigned.Add(&r)
		}
		stages = append(stages, stage{"assign", len(customers), assigned.Len(), fmt.Sprintf("%s settled, %d changed owner", plural(plan.Disputes, "dispute"), changed), time.Since(t0)})
		printMoves(opts.IO, plan, opts.Quiet) // issue 14: every run says what it moves
		recs, schema = assigned, apply.schema
	}

	// Export and reports.
	t0 = time.Now()
	prog = startProgress(opts.IO, "export")
	defer prog.Stop()
	out, err := openOutput(opts.IO, opts.Out.Output, inputs)
	if err != nil {
		return err
	}
	defer out.Abort()
	var summary *report.Table
	builder := report.NewBuilder(opts.Classify.Lang, 0)
	if given, ok := newGivenClassesSchema(&schema); ok {
		var r record.Record
		for i := range recs.Len() {
			recs.Get(i, &r)
			cls := given.read(&r)
			c := customerOf(&r, &cls)
			builder.Add(&c)
		}
		if tiers := builder.Tiers(); len(tiers) > 0 {
			summary = tiers[0]
		}
	}
	if err := exportStore(out.w, opts.Out.Output, recs, &schema, exportSettings{splitBy: opts.Out.SplitBy, summary: summary, lang: opts.Classify.Lang, escape: true, warn: func(m string) { fmt.Fprintln(opts.IO.ErrOut, "warning: "+m) }}); err != nil {
		return err
	}
	var reportOut *output
	if opts.Out.Reports != "" && model != nil {
		if reportOut, err = openOutput(opts.IO, opts.Out.Reports, inputs); err != nil {
			return err
		}
		defer reportOut.Abort()
		tables := builder.Tiers()
		tables = append(tables, builder.Owners(), builder.Lifecycle(), builder.RFM())
		if opts.has("assign") {
			if view := newAssignedView(&schema); view != nil {
				var r record.Record
				for i := range recs.Len() {
					recs.Get(i, &r)
					view.add(&r)
				}
				reps, _ := readRepsFile(opts.Reps)
				tables = append(tables, view.ownersTable(reps, opts.Classify.Lang), view.disputesTable(opts.Classify.Lang))
			}
		}
		format, _ := reportFormat(opts.Out.Reports) // checked when the config was read
		if err := report.RenderAll(reportOut.w, tables, format, 0); err != nil {
			return errs.Data(err, "check free disk space")
		}
	}
	stages = append(stages, stage{"export", recs.Len(), recs.Len(), filepath.Base(opts.Out.Output), time.Since(t0)})

	prog.Stop()
	// Commit everything only when everything succeeded.
	for _, l := range files {
		if l.path != "" {
			if err := l.Flush(); err != nil {
				return err
			}
		}
	}
	if err := out.Commit(); err != nil {
		return err
	}
	if reportOut != nil {
		if err := reportOut.Commit(); err != nil {
			return err
		}
	}
	for _, l := range files {
		if err := l.Commit(); err != nil {
			return err
		}
	}
	succeeded = true
	if !opts.Quiet {
		printPipelineSummary(opts.IO, stages, time.Since(start))
		for _, p := range []string{opts.Out.Output, opts.Out.Reports, opts.Out.Review, opts.Out.Explain, opts.Out.Audit} {
			if p != "" {
				fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", p)
			}
		}
	}
	if st.Rejected > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s rejected; see %s\n", plural(st.Rejected, "row"), opts.Out.Rejects)
	}
	merged := st.Out - recs.Len()
	fmt.Fprintf(opts.IO.ErrOut, "in %d = out %d + merged %d + rejected %d\n", st.In, recs.Len(), merged, st.Rejected)
	if opts.Strict && st.Rejected > 0 {
		return errs.ErrRejected
	}
	return nil
}

// reportFormat picks the report format from the file extension.
func reportFormat(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".md", ".markdown":
		return "markdown", nil
	case ".csv":
		return "csv", nil
	case ".tsv":
		return "tsv", nil
	case ".json":
		return "json", nil
	case ".html", ".htm":
		return "html", nil
	case ".txt", "":
		return "table", nil
	default:
		return "", errs.Usagef("name the reports file .md, .txt, .csv, .tsv, .json or .html", "cannot write reports as %s: %s", ext, path)
	}
}

func printPipelineSummary(io *iostreams.IOStreams, stages []stage, total time.Duration) {
	t := &report.Table{Title: "crmkit pipeline", Columns: []report.Column{
		{Name: "step", Key: "step"}, {Name: "in", Key: "in", Numeric: true}, {Name: "out", Key: "out", Numeric: true},
		{Name: "notes", Key: "notes"}, {Name: "seconds", Key: "seconds", Numeric: true}}}
	for _, s := range stages {
		t.Rows = append(t.Rows, []report.Value{report.Text(s.name), report.Count(s.in), report.Count(s.out), report.Text(s.note), report.Text(fmt.Sprintf("%.2f", s.took.Seconds()))})
	}
	t.Total = []report.Value{report.Text("total"), {}, {}, {}, report.Text(fmt.Sprintf("%.2f", total.Seconds()))}
	format := "tsv"
	if io.StderrTTY {
		format = "table"
	}
	_ = t.Render(io.ErrOut, format, 0)
}

// makeDirs creates dir and its missing parents, returning the folders it
// made, outermost first.
func makeDirs(dir string) ([]string, error) {
	var missing []string
	for d := dir; d != "." && d != "/" && d != ""; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		missing = append([]string{d}, missing...)
	}
	for i, d := range missing {
		if err := os.Mkdir(d, 0o755); err != nil && !os.IsExist(err) {
			return missing[:i], err
		}
	}
	return missing, nil
}

// inputKeys are the settings of one pipeline input.
var inputKeys = []string{"path", "encoding", "sheet", "all-sheets", "map", "region", "date-order", "no-header"}

// pipelineInputs reads pipeline.inputs: a path, a list of paths, or a list
// of {path, encoding, sheet, all-sheets, map}; any other key is an error.
func pipelineInputs(p *viper.Viper) ([]map[string]any, error) {
	raw := p.Get("inputs")
	if s, ok := raw.(string); ok {
		raw = []any{s}
	}
	items, ok := raw.([]any)
	if !ok || len(items) == 0 {
		return nil, errs.Usagef("list the files under pipeline.inputs, e.g. - {path: \"exports/*.csv\"}", "pipeline.inputs is empty")
	}
	var out []map[string]any
	for i, item := range items {
		m, err := cast.ToStringMapE(item)
		if err != nil {
			s, ok := item.(string)
			if !ok {
				return nil, errs.Usagef("write inputs as {path: ..., encoding: ..., sheet: ...}", "pipeline.inputs[%d] is not a path or a map", i)
			}
			m = map[string]any{"path": s}
		}
		for k := range m {
			if !slices.Contains(inputKeys, k) {
				msg := fmt.Sprintf("pipeline.inputs[%d]: unknown setting %q", i, k)
				if near := nearest(k, inputKeys); near != "" {
					msg += fmt.Sprintf(" (did you mean %s?)", near)
				}
				return nil, errs.Usagef("an input takes path, encoding, sheet, all-sheets, map, region, date-order and no-header", "%s", msg)
			}
		}
		if cast.ToString(m["path"]) == "" {
			return nil, errs.Usagef("give every input a path", "pipeline.inputs[%d] has no path", i)
		}
		out = append(out, m)
	}
	return out, nil
}

// pipelineStepsOf reads pipeline.steps.
func pipelineStepsOf(p *viper.Viper) ([]string, error) {
	if !p.IsSet("steps") {
		return pipelineSteps, nil
	}
	steps := cast.ToStringSlice(p.Get("steps"))
	for _, s := range steps {
		if !slices.Contains(pipelineSteps, s) {
			msg := fmt.Sprintf("pipeline.steps: unknown step %q", s)
			if near := nearest(s, pipelineSteps); near != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", near)
			}
			return nil, errs.Usagef("steps are dedupe, classify and assign", "%s", msg)
		}
	}
	return steps, nil
}
