package cli

import (
	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/stage"
)

// ImportOptions are the settings of `crmkit import`.
type ImportOptions struct {
	IO *iostreams.IOStreams
	RecordIO
	Workers int
	Ingest  ingest.Options
}

// NewCmdImport builds `crmkit import`. runF replaces the run in tests.
func NewCmdImport(f *Factory, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Read CSV/TSV/XLSX exports, map headers and normalize into canonical CSV",
		Long: `Read customer exports (CSV, TSV or XLSX; UTF-8, GBK or UTF-16; any of , ; tab |),
find the header row, map columns to crmkit's canonical fields, normalize
phones (E.164), emails, dates (ISO 8601) and amounts, and write canonical CSV.

Rows that cannot be used (ragged, unreadable) go to the rejects file with
their file, row and reason; values that cannot be normalized are kept as
given and counted. stderr ends with: in N = out M + rejected R.`,
		Example: `  crmkit import 客户列表.csv -o customers.csv
  crmkit import export.xlsx --sheet 客户名单 --rejects bad-rows.csv
  crmkit import --all-sheets book.xlsx old.csv | crmkit inspect -
  crmkit import hubspot.csv --map 'WeChat=wechat,Deal Owner=owner'`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.RecordIO = readRecordIO(cmd, args, v)
			var err error
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return importRun(opts)
		},
	}
	addInputFlags(cmd)
	addViewFlags(cmd)
	cmd.Flags().String("format", "", "output format: csv, tsv or ndjson (default: from the -o extension, else csv)")
	cmd.Flags().String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv, or crmkit-rejects/import.csv when writing to stdout; created only when a row is rejected)")
	return cmd
}

func importRun(opts *ImportOptions) error {
	recsOut, err := stage.CanonicalRecords(opts.Format, opts.Output, opts.View)
	if err != nil {
		return err
	}
	set := newOutputSet(opts.IO, opts.Inputs...)
	defer set.Abort()
	out, err := set.Add("-o", opts.Output, outset.Always)
	if err != nil {
		return err
	}
	rejects, err := addRejects(set, opts.Rejects, opts.Output, "import")
	if err != nil {
		return err
	}
	in, err := openInput(opts.IO, opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	w, err := stage.NewCanonicalWriter(out, recsOut, &in.Schema)
	if err != nil {
		return err
	}
	st, err := in.Run(opts.Ctx, opts.Workers, &canonicalSink{w: w, rejects: rejects})
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := set.Commit(); err != nil {
		return err
	}
	if opts.Quiet { // value warnings even when quiet
		printValueWarnings(opts.IO, in, st)
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, in, st)
	}
	return finish(opts.IO, opts.Strict, stage.Tally{In: st.In, Out: st.Out, LeftOut: w.LeftOut(), Rejected: st.Rejected, Rejects: rejects.Path})
}

// canonicalSink writes records as canonical CSV and rejects to their file.
type canonicalSink struct {
	w       *stage.CanonicalWriter
	rejects stage.RowWriter
}

func (s *canonicalSink) Record(_ *ingest.Table, r *record.Record) error { return s.w.Write(r) }

func (s *canonicalSink) Reject(_ *ingest.Table, r ingest.Reject) error {
	return s.rejects.WriteRow(r.Row())
}
