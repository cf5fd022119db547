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
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
	"github.com/crmkit/crmkit/internal/stage"
	"github.com/crmkit/crmkit/internal/tabular"
)

// PipelineOptions are the settings of `crmkit pipeline`.
type PipelineOptions struct {
	IO       *iostreams.IOStreams
	Ctx      context.Context
	Base     string // folder the config's paths are relative to
	Sources  []ingest.Source
	Ingest   ingest.Options
	Steps    []string
	Dedupe   stage.DedupeConfig
	Classify classify.Config
	Policy   assign.Policy
	Reps     string
	Override string
	// Master is a customer master (canonical CSV) the inputs are folded
	// into and that is written back; Changes its change report; OnMatch
	// how a matching new record is folded.
	Master, Changes, OnMatch string
	Out                      pipelineOutputs
	Quiet                    bool
	Strict                   bool
}

type pipelineOutputs struct {
	Output, Rejects, Review, Explain, Audit, Reports string
	SplitBy                                          string
	Summary                                          bool
	RejectsKind                                      outset.Kind
}

var pipelineSteps = stage.Steps

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
	p := &f.File.Pipeline
	if !v.IsSet("pipeline") {
		return errs.Usagef("add a pipeline section with inputs and output (see crmkit pipeline --help)", "%s has no pipeline section", v.ConfigFileUsed())
	}
	base, err := f.inputOptions()
	if err != nil {
		return err
	}
	opts.Ingest = base
	rel := func(path string) string {
		if path == "" || path == "-" || filepath.IsAbs(path) {
			return path
		}
		return filepath.Join(opts.Base, path)
	}
	specs, err := pipelineInputs(p.Inputs)
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
	opts.Dedupe.Match = dedupe.DefaultConfig()
	if v.IsSet("threshold") {
		if opts.Dedupe.Match.Threshold, err = floatSetting(v, "threshold"); err != nil {
			return err
		}
	}
	if v.IsSet("review-threshold") {
		if opts.Dedupe.Match.ReviewThreshold, err = floatSetting(v, "review-threshold"); err != nil {
			return err
		}
	}
	if opts.Dedupe.Match.Fields, err = dedupe.ParseFieldRules(mapSpecs(v.Get("fields"))); err != nil {
		return errs.Usage(fmt.Errorf("fields: %w", err), "write fields: [\"birth_date=date\"]")
	}
	if opts.Dedupe.Survive, err = parseSurvive(mapSpecs(v.Get("survive"))); err != nil {
		return err
	}
	if opts.Classify, err = classifyConfig(v, &f.File.Classify); err != nil {
		return err
	}
	opts.Dedupe.Decisions = rel(p.Decisions)
	opts.Reps = rel(p.Reps)
	opts.Override = rel(p.Overrides)
	opts.Master = rel(p.Master)
	opts.Changes = rel(p.Changes)
	opts.OnMatch = strings.ToLower(strings.TrimSpace(v.GetString("on-match")))
	if opts.OnMatch == "" {
		opts.OnMatch = dedupe.OnMatchMerge
	}
	if !slices.Contains(dedupe.OnMatchModes, opts.OnMatch) {
		return errs.Usagef("use one of "+strings.Join(dedupe.OnMatchModes, ", "), "on-match %q is not a mode", opts.OnMatch)
	}
	if opts.Master != "" {
		if !slices.Contains(opts.Steps, "dedupe") {
			return errs.Usagef("add dedupe to pipeline.steps, or remove pipeline.master", "pipeline.master needs the dedupe step: the inputs are folded into the master")
		}
		if ext := strings.ToLower(filepath.Ext(opts.Master)); ext != ".csv" && ext != ".tsv" {
			return errs.Usagef("keep the master as crmkit's canonical CSV, e.g. master: customers.csv", "pipeline.master %s: the master is written back, as CSV or TSV", opts.Master)
		}
		for _, s := range opts.Sources {
			if outset.SameFile(s.Path, opts.Master) {
				return errs.Usagef("list only the new exports under pipeline.inputs", "%s is both pipeline.master and an input", s.Path)
			}
		}
	} else if opts.Changes != "" {
		return errs.Usagef("set pipeline.master too, or remove pipeline.changes", "pipeline.changes needs pipeline.master")
	}
	if opts.Policy, err = assignPolicy(v, &f.File.Assign, opts.Reps != ""); err != nil {
		return err
	}
	warnReclaimOff(opts.IO, v, opts.Policy) // reclaim is opt-in
	opts.Out = pipelineOutputs{
		Output: rel(p.Output), Rejects: rel(p.Rejects), Review: rel(p.Review),
		Explain: rel(p.Explain), Audit: rel(p.Audit), Reports: rel(p.Reports),
		SplitBy: p.SplitBy, Summary: p.Summary,
	}
	if opts.Out.Output == "" {
		return errs.Usagef("set pipeline.output, e.g. out/customers.xlsx", "pipeline.output is not set")
	}
	if _, err := stage.ExportFormat("", opts.Out.Output); err != nil {
		return err
	}
	if opts.Out.Reports != "" {
		if _, err := reportFormat(opts.Out.Reports); err != nil {
			return err
		}
	}
	opts.Out.RejectsKind = outset.Replace
	if opts.Out.Rejects == "" {
		opts.Out.Rejects = strings.TrimSuffix(opts.Out.Output, filepath.Ext(opts.Out.Output)) + ".rejects.csv"
		opts.Out.RejectsKind = outset.IfWritten
	}
	return nil
}

func pipelineRun(opts *PipelineOptions) error {
	start := time.Now()
	inputs := make([]string, len(opts.Sources))
	for i, s := range opts.Sources {
		inputs[i] = s.Path
	}
	set := newOutputSet(opts.IO, inputs...)
	defer set.Abort()
	// The master is read whole before it is written back (atomically, at
	// the end): it is an output first, an input for every other file.
	var masterOut, changes *outset.File
	masterExists := false
	if opts.Master != "" {
		_, statErr := os.Stat(opts.Master)
		masterExists = statErr == nil
		var err error
		if masterOut, err = set.Add("pipeline.master", opts.Master, outset.Always); err != nil {
			return err
		}
		set.AddInputs(opts.Master)
	}
	out, err := set.Add("pipeline.output", opts.Out.Output, outset.Always)
	if err != nil {
		return err
	}
	if opts.Changes != "" {
		if changes, err = set.AddCSV("pipeline.changes", opts.Changes, stage.ChangesHeader, outset.Always); err != nil {
			return err
		}
	}
	rejects, err := set.AddCSV("pipeline.rejects", opts.Out.Rejects, ingest.RejectsHeader, opts.Out.RejectsKind)
	if err != nil {
		return err
	}
	var reportsOut *outset.File
	if opts.Out.Reports != "" && slices.Contains(opts.Steps, "classify") {
		if reportsOut, err = set.Add("pipeline.reports", opts.Out.Reports, outset.Always); err != nil {
			return err
		}
	}
	// The side files of steps that run: a review file without dedupe
	// would say nothing.
	review, explain, audit := opts.Out.Review, opts.Out.Explain, opts.Out.Audit
	if !slices.Contains(opts.Steps, "dedupe") {
		review, explain = "", ""
	}
	if !slices.Contains(opts.Steps, "assign") {
		audit = ""
	}
	sides, err := addSides(set,
		side{"pipeline.review", review, nil},
		side{"pipeline.explain", explain, nil},
		side{"pipeline.audit", audit, stage.AuditHeader})
	if err != nil {
		return err
	}
	reps, err := stage.ReadReps(opts.Reps)
	if err != nil {
		return err
	}
	overrides, err := stage.ReadOverrides(opts.Override)
	if err != nil {
		return err
	}

	// Read: the master first (every sheet, its rows trusted), then the
	// new exports.
	t0 := time.Now()
	sources := opts.Sources
	if masterExists {
		sources = append([]ingest.Source{{Path: opts.Master, Trusted: true, Tabular: tabular.Options{AllSheets: true}}}, sources...)
	} else if opts.Master != "" && !opts.Quiet {
		fmt.Fprintf(opts.IO.ErrOut, "note: pipeline.master %s does not exist yet: it is made from the inputs\n", opts.Master)
	}
	in, err := ingest.OpenSources(sources, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	printNotes(opts.IO.ErrOut, stage.MappingNotes(in))
	if slices.Contains(opts.Steps, "dedupe") {
		m, _, err := stage.Matching(opts.Dedupe, &in.Schema)
		if err != nil {
			return err
		}
		setDedupeHeaders([]*outset.File{nil, sides[1], sides[0]}, m)
	}
	prog := startProgress(opts.IO, "read")
	sink := stage.NewFoldSink(in, opts.Master, rejects)
	st, err := in.Run(opts.Ctx, 0, sink)
	prog.Stop()
	if err != nil {
		return err
	}
	read := &stage.Read{Input: in, Stats: st, Records: &sink.Records}
	if opts.Quiet {
		printValueWarnings(opts.IO, in, st)
	} else {
		recordRead(opts.IO, in, st)
		printNotes(opts.IO.ErrOut, stage.ValueNotes(in, st))
	}
	stage.LimitMemory(read.Records.Bytes())
	steps := []stage.StepResult{{Name: "read", In: st.In, Out: st.Out,
		Summary: fmt.Sprintf("%s, %d rejected", plural(len(in.Tables), "table"), st.Rejected), Took: time.Since(t0)}}

	chain := &stage.Chain{
		Steps: opts.Steps, Dedupe: opts.Dedupe, Classify: opts.Classify, Policy: opts.Policy,
		Reps: reps, Overrides: overrides,
		Master: sink.Masters(), OnMatch: opts.OnMatch, Changes: rowWriter(changes), KeepCustomers: masterOut != nil,
		Review: rowWriter(sides[0]), Explain: rowWriter(sides[1]), Audit: rowWriter(sides[2]),
		Progress: func(step string) func() { return startProgress(opts.IO, step).Stop },
		Done: func(r stage.StepResult) {
			if !opts.Quiet {
				for _, l := range r.Lines {
					fmt.Fprintln(opts.IO.ErrOut, l)
				}
			}
			printNotes(opts.IO.ErrOut, r.Notes)
		},
	}
	res, err := chain.Run(opts.Ctx, read.Records, in.Schema)
	read = nil // each step replaced the records; the read ones can go
	if err != nil {
		return err
	}
	steps = append(steps, res.Steps...)
	recs, schema := res.Records, &res.Schema
	if masterOut != nil {
		// The master is read back next month: CSV or TSV, never NDJSON.
		delim, _ := stage.CanonicalDelimiter("", opts.Master)
		format := "csv"
		if delim == '\t' {
			format = "tsv"
		}
		w, err := stage.NewCanonicalWriter(masterOut, stage.Records{Format: format}, res.CustomerSchema)
		if err != nil {
			return err
		}
		var r record.Record
		for i := range res.Customers.Len() {
			res.Customers.Get(i, &r)
			if err := w.Write(&r); err != nil {
				return err
			}
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}

	// Export and reports.
	t0 = time.Now()
	prog = startProgress(opts.IO, "export")
	defer prog.Stop()
	settings := stage.Export{SplitBy: opts.Out.SplitBy, Lang: opts.Classify.Lang, Escape: true,
		Warn: exportWarnings(opts.IO.ErrOut)}
	// The reports read the same records on the other core while the
	// customers are written (both only read the store). The summary sheet
	// is the tiers report's first table: it is taken from the reports when
	// the workbook needs it (at its end, for split sheets), not from a pass
	// of its own before the writing starts (without reports, that pass
	// runs on the other core too).
	reportsDone := make(chan error, 1)
	switch {
	case reportsOut != nil:
		summary := make(chan *report.Table, 1)
		if _, classified := classify.NewColumnReader(schema); opts.Out.Summary && classified {
			settings.SummaryFrom = func() *report.Table { return <-summary }
		}
		go func() {
			reports := stage.NewReports(schema, opts.Classify.Lang, 0)
			reports.AddStore(recs)
			summary <- reports.TierSummary()
			tables := reports.Tables(stage.PipelineReports, reps, opts.Classify.Lang, st)
			format, _ := stage.ReportFormat(opts.Out.Reports) // checked when the config was read
			reportsDone <- errs.Data(report.RenderAll(reportsOut, tables, format, 0), "check free disk space")
		}()
	case opts.Out.Summary:
		settings.SummaryFrom, _ = stage.TierSummaryLater(recs, schema, opts.Classify.Lang)
		reportsDone <- nil
	default:
		reportsDone <- nil
	}
	err = settings.WriteStore(out, opts.Out.Output, recs, schema)
	if rerr := <-reportsDone; err == nil {
		err = rerr
	}
	if err != nil {
		return err
	}
	steps = append(steps, stage.StepResult{Name: "export", In: recs.Len(), Out: recs.Len(), Summary: filepath.Base(opts.Out.Output), Took: time.Since(t0)})
	prog.Stop()
	// Commit everything only when everything succeeded.
	if err := set.Commit(); err != nil {
		return err
	}
	if !opts.Quiet {
		printPipelineSummary(opts.IO, steps, time.Since(start))
		for _, f := range set.Written() {
			if f != rejects {
				fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", f.Path)
			}
		}
	}
	if res.ReviewPairs >= 0 {
		recordReview(opts.IO, res.ReviewPairs)
	}
	return finish(opts.IO, opts.Strict, stage.Tally{In: st.In, Out: recs.Len(), Merged: st.Out - recs.Len() - res.Skipped,
		Skipped: res.Skipped, Rejected: st.Rejected, ShowMerged: true, ShowSkipped: opts.OnMatch == dedupe.OnMatchSkip && opts.Master != "",
		Rejects: opts.Out.Rejects})
}

// reportFormat picks the report format from the file extension.
func reportFormat(path string) (string, error) {
	format, ok := stage.ReportFormat(path)
	if !ok {
		return "", errs.Usagef("name the reports file .md, .txt, .csv, .tsv, .json or .html", "cannot write reports as %s: %s", filepath.Ext(path), path)
	}
	return format, nil
}

func printPipelineSummary(io *iostreams.IOStreams, steps []stage.StepResult, total time.Duration) {
	t := &report.Table{Kind: report.KindSteps, Title: "crmkit pipeline", Columns: []report.Column{
		{Name: "step", Key: "step"}, {Name: "in", Key: "in", Numeric: true}, {Name: "out", Key: "out", Numeric: true},
		{Name: "notes", Key: "notes"}, {Name: "seconds", Key: "seconds", Numeric: true}}}
	for _, s := range steps {
		t.Rows = append(t.Rows, []report.Value{report.Text(s.Name), report.Count(s.In), report.Count(s.Out), report.Text(s.Summary), report.Text(fmt.Sprintf("%.2f", s.Took.Seconds()))})
	}
	t.Total = []report.Value{report.Text("total"), {}, {}, {}, report.Text(fmt.Sprintf("%.2f", total.Seconds()))}
	format := "tsv"
	if io.StderrTTY {
		format = "table"
	}
	_ = t.Render(io.ErrOut, format, 0)
}

// inputKeys are the settings of one pipeline input.
var inputKeys = []string{"path", "encoding", "sheet", "all-sheets", "map", "region", "date-order", "no-header"}

// pipelineInputs reads pipeline.inputs: a path, a list of paths, or a list
// of {path, encoding, sheet, all-sheets, map}; any other key is an error.
func pipelineInputs(raw any) ([]map[string]any, error) {
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
func pipelineStepsOf(p *pipelineSection) ([]string, error) {
	if p.Steps == nil {
		return pipelineSteps, nil
	}
	steps := *p.Steps
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
