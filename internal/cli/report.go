package cli

import (
	"context"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
	"github.com/crmkit/crmkit/internal/similar"
	"github.com/crmkit/crmkit/internal/stage"
)

// ReportKinds are the reports `crmkit report` prints.
var ReportKinds = stage.ReportKinds

// ReportOptions are the settings of `crmkit report`.
type ReportOptions struct {
	IO       *iostreams.IOStreams
	Ctx      context.Context
	Kind     string
	Inputs   []string
	Output   string
	Format   string
	Top      int
	Reps     string
	Classify classify.Config
	Ingest   ingest.Options
}

// NewCmdReport builds `crmkit report`. runF replaces the run in tests.
func NewCmdReport(f *Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "report [tiers|owners|lifecycle|rfm|quality|all] FILE...",
		Short: "Print summary tables: value tiers, owner × tier, lifecycle, RFM segments, data quality",
		Long: `Print summary tables of a customer list:

  tiers      customers, share, revenue, share of revenue and average per value tier
  owners     customers per owner and tier, with totals; after assign also
             before/after per rep (and cap use with --reps)
  lifecycle  customers per lifecycle stage, churn-warning stages marked
  rfm        the eight RFM segments
  disputes   customers whose owner an assign rule decided (撞单), with the evidence
  quality    filled, missing and invalid values per field, rejected rows
  all        every table above

Without a kind, tiers. Input that was not classified is classified on the
fly (with --as-of and --lang). Tables on a terminal; TSV when stdout is a
file or a pipe; --format table|csv|tsv|markdown|html|json on request.`,
		Example: `  crmkit report tiers classified.csv
  crmkit report owners customers.csv --as-of 2025-12-31 --format markdown
  crmkit report all customers.xlsx --top 5 --lang en --format json -o report.json`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.Ctx = cmd.Context()
			opts.Kind = "tiers"
			if k := nearKind(args[0]); k != "" {
				return errs.Usagef("did you mean crmkit report "+k+"?", "%q is not a report kind (kinds: %s)", args[0], strings.Join(ReportKinds, ", "))
			}
			if len(args) > 1 && slices.Contains(ReportKinds, args[0]) {
				opts.Kind, args = args[0], args[1:]
			} else if len(args) == 1 && slices.Contains(ReportKinds, args[0]) {
				return errs.Usagef("name the file: crmkit report "+args[0]+" customers.csv", "no input files given after %q", args[0])
			}
			opts.Inputs = args
			opts.Output = v.GetString("output")
			opts.Format = strings.ToLower(v.GetString("format"))
			opts.Top = v.GetInt("top")
			opts.Reps = v.GetString("reps")
			if opts.Top < 0 {
				return errs.Usagef("pass --top 10, or 0 for none", "--top %d is negative", opts.Top)
			}
			opts.Format = tableFormat(f.IO, opts.Format, opts.Output)
			if !isReportFormat(opts.Format) {
				return errs.Usagef("use --format table, csv, tsv, markdown, html or json", "--format %q is not a report format", opts.Format)
			}
			var err error
			if opts.Classify, err = classifyConfig(v, &f.File.Classify); err != nil {
				return err
			}
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	addInputFlags(cmd)
	addClassifyFlags(cmd)
	cmd.Flags().String("format", "", "table, csv, tsv, markdown, html or json (default: table on a terminal, else tsv)")
	cmd.Flags().Int("top", 0, "also list the top `N` customers by revenue in each tier")
	cmd.Flags().String("reps", "", "reps `FILE`, for the cap use column of the owners report")
	return cmd
}

// reportSink feeds records with their classes to the reports.
type reportSink struct{ reports *stage.Reports }

func (s *reportSink) Record(_ *ingest.Table, r *record.Record) error {
	s.reports.Add(r, nil)
	return nil
}

func (s *reportSink) Reject(*ingest.Table, ingest.Reject) error { return nil }

// classifiedTables reports whether every input table was classified: a
// mix of classified and unclassified files is classified afresh.
func classifiedTables(in *ingest.Input) bool {
	for _, t := range in.Tables {
		if t.HeaderLine == 0 {
			continue // empty: nothing to classify
		}
		for _, c := range classify.Columns {
			if !slices.Contains(t.Header, c) {
				return false
			}
		}
	}
	_, ok := classify.NewColumnReader(&in.Schema)
	return ok
}

func reportRun(opts *ReportOptions) error {
	set := newOutputSet(opts.IO, opts.Inputs...)
	defer set.Abort()
	out, err := set.Add("-o", opts.Output, outset.Always)
	if err != nil {
		return err
	}
	// The quality report counts invalid values, so crmkit's own CSV is
	// checked again rather than trusted.
	opts.Ingest.Renormalize = opts.Kind == "quality" || opts.Kind == "all"
	in, err := openInput(opts.IO, opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	reports := stage.NewReports(&in.Schema, opts.Classify.Lang, opts.Top)
	if opts.Kind == "disputes" && reports.Assigned == nil {
		return errs.Usagef("run crmkit assign first: crmkit assign customers.csv -o assigned.csv && crmkit report disputes assigned.csv",
			"%s has no assign_reason column", strings.Join(opts.Inputs, ", "))
	}
	var st ingest.Stats
	var notes stage.Notes
	switch {
	case classifiedTables(in) || opts.Kind == "quality" || opts.Kind == "disputes":
		if !classifiedTables(in) {
			reports.Given = nil
		}
		st, err = in.Run(opts.Ctx, 0, &reportSink{reports})
	default:
		// Not classified yet (or not every input is): classify on the fly,
		// as crmkit classify would, from the same open input (stdin can be
		// read once).
		var c *stage.Spooled
		if c, err = stage.ClassifyInput(opts.Ctx, in, opts.Classify, nil); err != nil {
			return err
		}
		defer c.Close()
		st, notes = c.Stats, c.Notes()
		err = c.Each(func(r *record.Record, cls *classify.Classes) error {
			reports.Add(r, cls)
			return nil
		})
	}
	if err != nil {
		return err
	}
	printNotes(opts.IO.ErrOut, notes)
	var reps []assign.Rep
	if reports.Assigned != nil && (opts.Kind == "owners" || opts.Kind == "all") {
		if reps, err = stage.ReadReps(opts.Reps); err != nil {
			return err
		}
	}
	tables := reports.Tables([]string{opts.Kind}, reps, opts.Classify.Lang, st)
	width := 0
	if opts.Format == "table" && out.Stdout() {
		width = opts.IO.TerminalWidth()
	}
	if err := report.RenderAll(out, tables, opts.Format, width); err != nil {
		return errs.Data(err, "check free disk space")
	}
	if err := set.Commit(); err != nil {
		return err
	}
	return finish(opts.IO, false, stage.Tally{In: st.In, Out: st.Out, Rejected: st.Rejected})
}

// nearKind returns the report kind arg is a typo of, when arg is not a
// kind and no file of that name exists ("tier" → "tiers").
func nearKind(arg string) string {
	if slices.Contains(ReportKinds, arg) || strings.ContainsAny(arg, "./\\") {
		return ""
	}
	if _, err := os.Stat(arg); err == nil {
		return ""
	}
	for _, k := range ReportKinds {
		if similar.OSA(strings.ToLower(arg), k) <= 2 {
			return k
		}
	}
	return ""
}
