package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/stage"
)

// ExportOptions are the settings of `crmkit export`.
type ExportOptions struct {
	IO         *iostreams.IOStreams
	Ctx        context.Context
	Inputs     []string
	Output     string
	Format     string
	BOM        bool
	SplitBy    string
	Summary    bool
	Mask       []string
	NoEscape   bool
	Lang       string
	Rejects    string
	SplitFiles bool
	Strict     bool
	Ingest     ingest.Options
}

// NewCmdExport builds `crmkit export`.
func NewCmdExport(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "export FILE... -o OUT",
		Short: "Write customers as CSV (Excel-ready with --bom), TSV or XLSX, split by tier or owner",
		Long: `Write customers to a file people open in Excel: the format comes from the
extension or --format csv|tsv|xlsx.

XLSX has a bold frozen header with filters, column widths that fit Chinese
text, dates as date cells, amounts as numbers, and ids and phones as text
(leading zeros kept). --split-by value_tier|owner|lifecycle|<column> puts
each value on its own sheet; --summary adds a first sheet with the tier
table and a chart. Cells that start with = + - @ tab or CR are never run as
formulas. --mask phone,email hides personal data for sharing.`,
		Example: `  crmkit export classified.csv -o customers.xlsx --split-by value_tier --summary
  crmkit export customers.csv -o for-excel.csv --bom
  crmkit export customers.csv -o share.xlsx --mask phone,email`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.Ctx = cmd.Context()
			opts.Inputs = args
			opts.Output = v.GetString("output")
			opts.Format = strings.ToLower(v.GetString("format"))
			opts.BOM = v.GetBool("bom")
			opts.SplitBy = v.GetString("split-by")
			opts.Summary = v.GetBool("summary")
			opts.Mask = mapSpecs(v.Get("mask"))
			opts.NoEscape = v.GetBool("no-escape")
			var err error
			if opts.Lang, err = langSetting(v); err != nil { // issue 19: unset, the locale decides
				return err
			}
			opts.Rejects = v.GetString("rejects")
			opts.SplitFiles = v.GetBool("split-files")
			opts.Strict = v.GetBool("strict")
			if opts.SplitFiles && (opts.SplitBy == "" || opts.Summary) {
				return errs.Usagef("pass --split-by owner with --split-files, without --summary", "--split-files needs --split-by and cannot take --summary")
			}
			if opts.Output == "" || opts.Output == "-" {
				if opts.Format != "csv" && opts.Format != "tsv" && opts.Format != "ndjson" {
					return errs.Usagef("pass -o customers.xlsx (or --format csv for stdout)", "export needs -o FILE")
				}
			}
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(opts)
		},
	}
	addInputFlags(cmd)
	fl := cmd.Flags()
	fl.String("format", "", "csv, tsv, xlsx or ndjson (default: from the -o extension)")
	fl.Bool("bom", false, "start CSV with a UTF-8 byte-order mark, so Excel reads Chinese right")
	fl.String("split-by", "", "one sheet per value of this `COLUMN` (value_tier, owner, lifecycle, …)")
	fl.Bool("summary", false, "XLSX: add a first sheet with the tier table and a chart")
	fl.Bool("split-files", false, "with --split-by: one file per value (OUT-<value>.xlsx) instead of one sheet per value")
	fl.StringSlice("mask", nil, "mask these columns for sharing: phone, email, …")
	fl.Bool("no-escape", false, "do not protect cells starting with = + - @ against formula injection")
	fl.String("lang", "", "sheet names and summary language: zh or en"+langFlagHelp)
	fl.String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv; created only when a row is rejected)")
	return cmd
}

// streamSink writes records as they are read: export without --summary
// needs no record twice, so memory stays flat.
type streamSink struct {
	rw      stage.RowWriterCloser
	schema  *record.Schema
	row     []string
	rejects stage.RowWriter
}

func (s *streamSink) Record(_ *ingest.Table, r *record.Record) error {
	s.row = s.schema.Row(r, s.row)
	return errs.Data(s.rw.Write(s.row), "check that the output folder exists and has free space")
}

func (s *streamSink) Reject(_ *ingest.Table, r ingest.Reject) error {
	return s.rejects.WriteRow(r.Row())
}

func exportRun(opts *ExportOptions) error {
	if _, err := stage.ExportFormat(opts.Format, opts.Output); err != nil {
		return err
	}
	set := newOutputSet(opts.IO, opts.Inputs...)
	defer set.Abort()
	var out *outset.File
	var err error
	if !opts.SplitFiles {
		if out, err = set.Add("-o", opts.Output, outset.Always); err != nil {
			return err
		}
	}
	rejects, err := addRejects(set, opts.Rejects, opts.Output, "export")
	if err != nil {
		return err
	}
	in, err := openInput(opts.IO, opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	settings := stage.Export{
		Format: opts.Format, SplitBy: opts.SplitBy, Lang: opts.Lang, BOM: opts.BOM, Escape: !opts.NoEscape,
		Mask: opts.Mask, Warn: exportWarnings(opts.IO.ErrOut),
	}
	var st ingest.Stats
	if !opts.Summary {
		var rw stage.RowWriterCloser
		if opts.SplitFiles {
			rw, err = settings.NewSplitFiles(opts.Output, &in.Schema, func(name string) (io.Writer, error) {
				return set.Add("-o", name, outset.Always)
			})
		} else {
			rw, err = settings.NewWriter(out, opts.Output, &in.Schema)
		}
		if err != nil {
			return err
		}
		if st, err = in.Run(opts.Ctx, 0, &streamSink{rw: rw, schema: &in.Schema, rejects: rejects}); err != nil {
			return err
		}
		if err := rw.Close(); err != nil {
			return errs.Data(err, "check free disk space")
		}
	} else {
		// The summary sheet comes first, so every record is read before
		// any is written.
		read, err := stage.CollectForLife(opts.Ctx, in, rejects)
		if err != nil {
			return err
		}
		st = read.Stats
		var classified bool
		if settings.SummaryFrom, classified = stage.TierSummaryLater(read.Records, &in.Schema, opts.Lang); !classified {
			return errs.Usagef("classify first: crmkit classify customers.csv | crmkit export - -o out.xlsx --summary", "--summary needs classified input (value_tier and the other class columns)")
		}
		if err := settings.WriteStore(out, opts.Output, read.Records, &in.Schema); err != nil {
			return err
		}
	}
	if err := set.Commit(); err != nil {
		return err
	}
	if opts.SplitFiles {
		for _, f := range set.Written() {
			if f.Flag == "-o" {
				fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", f.Path)
			}
		}
	}
	return finish(opts.IO, opts.Strict, stage.Tally{In: st.In, Out: st.Out, Rejected: st.Rejected, Rejects: rejects.Path})
}
