package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
	"github.com/crmkit/crmkit/internal/stage"
	"github.com/crmkit/crmkit/internal/stats"
)

// StatsOptions are the settings of `crmkit stats`.
type StatsOptions struct {
	IO     *iostreams.IOStreams
	Ctx    context.Context
	Inputs []string
	Output string
	Format string
	Top    int
	Quiet  bool
	Ingest ingest.Options
}

// NewCmdStats builds `crmkit stats`.
func NewCmdStats(f *Factory, runF func(*StatsOptions) error) *cobra.Command {
	opts := &StatsOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "stats FILE...",
		Short: "Profile each column: fill rate, distinct values, top values, field, role, invalid values",
		Long: `Read the files as import would and profile each column: the input header, the
canonical field it maps to (none: kept under its own header), the role it
plays in matching (company, phone, email, name, address, code, …), how many
records fill it and the fill rate, how many distinct values it has, the
most common ones, and how many values could not be normalized.

Counts are over the normalized values (138 1234 5678 and 13812345678 are
one phone). Past 50,000 distinct values a column's distinct count is
marked approximate and its top values are left out.`,
		Example: `  crmkit stats 客户列表.csv
  crmkit stats export.xlsx --sheet 客户 --top 10
  crmkit stats customers.csv --format json | jq '.columns[] | select(.fill_rate < 0.5) | .column'`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.Ctx = cmd.Context()
			opts.Inputs = args
			opts.Output = v.GetString("output")
			opts.Format = strings.ToLower(v.GetString("format"))
			opts.Top = v.GetInt("top")
			opts.Quiet = v.GetBool("quiet")
			var err error
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return statsRun(opts)
		},
	}
	addInputFlags(cmd)
	cmd.Flags().String("format", "", "table, csv, tsv, markdown, html or json (default: table on a terminal, else tsv)")
	cmd.Flags().Int("top", 3, "list the `N` most common values of each column")
	return cmd
}

func statsRun(opts *StatsOptions) error {
	format := tableFormat(opts.IO, opts.Format, opts.Output)
	if !isReportFormat(format) {
		return errs.Usagef("use --format table, csv, tsv, markdown, html or json", "--format %q is not supported by stats", opts.Format)
	}
	if opts.Top < 0 {
		return errs.Usagef("pass a number of values, e.g. --top 5", "--top %d: not a number of values", opts.Top)
	}
	set := newOutputSet(opts.IO, opts.Inputs...)
	defer set.Abort()
	out, err := set.Add("-o", opts.Output, outset.Always)
	if err != nil {
		return err
	}
	// Invalid values are counted in crmkit's own output too: its values
	// are checked again rather than trusted.
	opts.Ingest.Renormalize = true
	in, err := openInput(opts.IO, opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	c := stats.NewCollector(stats.ColumnsOf(in, nil), opts.Top)
	st, err := in.Run(opts.Ctx, 0, &statsSink{c: c, schema: &in.Schema})
	if err != nil {
		return err
	}
	res := c.Result(st.Quality.Invalid, st.Rejected)
	if err := res.Write(out, format, opts.IO.TerminalWidth()); err != nil {
		return errs.Data(err, "check free disk space")
	}
	if err := set.Commit(); err != nil {
		return err
	}
	if opts.Quiet {
		printValueWarnings(opts.IO, in, st)
	} else {
		printInputSummary(opts.IO, in, st)
	}
	return finish(opts.IO, false, stage.Tally{In: st.In, Out: st.Out, Rejected: st.Rejected})
}

// tableFormat is --format for a command writing report tables: as
// given, else a table for a terminal on stdout and TSV elsewhere.
func tableFormat(io *iostreams.IOStreams, format, output string) string {
	if format != "" {
		return format
	}
	if io.StdoutTTY && (output == "" || output == "-") {
		return "table"
	}
	return "tsv"
}

func isReportFormat(format string) bool {
	for _, f := range report.Formats {
		if f == format {
			return true
		}
	}
	return false
}

type statsSink struct {
	c      *stats.Collector
	schema *record.Schema
}

func (s *statsSink) Record(_ *ingest.Table, r *record.Record) error {
	s.c.Add(s.schema, r)
	return nil
}

func (s *statsSink) Reject(*ingest.Table, ingest.Reject) error { return nil }
