package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/atomicfile"
	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/export"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
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
			if opts.Lang, err = langSetting(v); err != nil {
				return err
			}
			opts.Rejects = v.GetString("rejects")
			opts.SplitFiles = v.GetBool("split-files")
			if opts.SplitFiles && (opts.SplitBy == "" || opts.Summary) {
				return errs.Usagef("pass --split-by owner with --split-files, without --summary", "--split-files needs --split-by and cannot take --summary")
			}
			if opts.Output == "" || opts.Output == "-" {
				if opts.Format != "csv" && opts.Format != "tsv" {
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
	fl.String("format", "", "csv, tsv or xlsx (default: from the -o extension)")
	fl.Bool("bom", false, "start CSV with a UTF-8 byte-order mark, so Excel reads Chinese right")
	fl.String("split-by", "", "one sheet per value of this `COLUMN` (value_tier, owner, lifecycle, …)")
	fl.Bool("summary", false, "XLSX: add a first sheet with the tier table and a chart")
	fl.Bool("split-files", false, "with --split-by: one file per value (OUT-<value>.xlsx) instead of one sheet per value")
	fl.StringSlice("mask", nil, "mask these columns for sharing: phone, email, …")
	fl.Bool("no-escape", false, "do not protect cells starting with = + - @ against formula injection")
	fl.String("lang", "", "sheet names and summary language: zh or en"+langFlagHelp)
	fl.String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv)")
	return cmd
}

// exportSettings are the choices shared by `crmkit export` and the
// pipeline's output.
type exportSettings struct {
	format, splitBy, lang string
	splitOrder            []string
	bom, escape           bool
	mask                  []string
	summary               *report.Table
	warn                  func(string)
}

// exportFormat picks the format from --format or the extension.
func exportFormat(format, path string) (string, error) {
	if format == "" {
		switch ext := strings.ToLower(filepath.Ext(path)); ext {
		case ".xlsx":
			format = "xlsx"
		case ".tsv", ".tab":
			format = "tsv"
		case ".csv", ".txt", "":
			format = "csv"
		default:
			return "", errs.Usagef("name the file .csv, .tsv or .xlsx, or pass --format", "cannot write %s files: %s", ext, path)
		}
	}
	switch format {
	case "csv", "tsv", "xlsx":
		return format, nil
	}
	return "", errs.Usagef("use --format csv, tsv or xlsx", "--format %q is not an export format", format)
}

func exportColumns(schema *record.Schema) []export.Column {
	header := schema.Header()
	cols := make([]export.Column, len(header))
	for i, h := range header {
		cols[i] = export.Column{Name: h, Kind: record.KindText}
		if f, ok := record.FieldByName(h); ok {
			cols[i].Kind = f.Kind()
		}
		switch h {
		case "rfm_r", "rfm_f", "rfm_m": // classify's scores are numbers
			cols[i].Kind = record.KindCount
		}
	}
	return cols
}

// rowWriter is what both export writers do.
type rowWriter interface {
	Write(row []string) error
	Close() error
}

// newRowWriter opens the writer for the format path or s.format names.
func newRowWriter(w io.Writer, path string, schema *record.Schema, s exportSettings) (rowWriter, error) {
	format, err := exportFormat(s.format, path)
	if err != nil {
		return nil, err
	}
	cols := exportColumns(schema)
	order := s.splitOrder
	if order == nil {
		order = classOrder(s.splitBy, s.lang)
	}
	opts := export.Options{Escape: s.escape, Mask: s.mask, SplitBy: s.splitBy, SplitOrder: order, Lang: s.lang, Summary: s.summary, Warn: s.warn}
	if s.splitBy != "" && !hasColumn(cols, s.splitBy) {
		return nil, errs.Usagef("split by a column the input has, e.g. value_tier (run crmkit classify first) or owner", "--split-by %s: no such column", s.splitBy)
	}
	for _, m := range s.mask {
		if !hasColumn(cols, m) {
			return nil, errs.Usagef("mask columns the input has, e.g. --mask phone,email", "--mask %s: no such column", m)
		}
	}
	rw, err := formatWriter(format, w, cols, s.bom, opts)
	if err != nil {
		return nil, errs.Usage(err, "check --split-by and --mask")
	}
	return rw, nil
}

// exportStore writes every stored record to w.
func exportStore(w io.Writer, path string, recs *record.Store, schema *record.Schema, s exportSettings) error {
	rw, err := newRowWriter(w, path, schema, s)
	if err != nil {
		return err
	}
	var r record.Record
	var row []string
	for i := range recs.Len() {
		recs.Get(i, &r)
		row = schema.Row(&r, row)
		if err := rw.Write(row); err != nil {
			return errs.Data(err, "check free disk space")
		}
	}
	return errs.Data(rw.Close(), "check free disk space")
}

// streamSink writes records as they are read: export without --summary
// needs no record twice, so memory stays flat.
type streamSink struct {
	rw      rowWriter
	schema  *record.Schema
	row     []string
	rejects *lazyCSV
}

func (s *streamSink) Record(_ *ingest.Table, r *record.Record) error {
	s.row = s.schema.Row(r, s.row)
	return errs.Data(s.rw.Write(s.row), "check that the output folder exists and has free space")
}

func (s *streamSink) Reject(_ *ingest.Table, r ingest.Reject) error { return s.rejects.Write(r.Row()) }

func hasColumn(cols []export.Column, name string) bool {
	for _, c := range cols {
		if c.Name == name {
			return true
		}
	}
	return false
}

func exportRun(opts *ExportOptions) error {
	if _, err := exportFormat(opts.Format, opts.Output); err != nil {
		return err
	}
	in, err := ingest.Open(opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	warnMapping(opts.IO, in)
	settings := exportSettings{
		format: opts.Format, splitBy: opts.SplitBy, lang: opts.Lang, bom: opts.BOM, escape: !opts.NoEscape,
		mask: opts.Mask, warn: func(m string) { fmt.Fprintln(opts.IO.ErrOut, "warning: "+m) },
	}
	rejectsPath := rejectsFile(opts.Rejects, opts.Output)
	if err := checkSideFiles(opts.Output, opts.Inputs, sideFile{"--rejects", rejectsPath}); err != nil {
		return err
	}
	rejects := &lazyCSV{path: rejectsPath, header: ingest.RejectsHeader}
	defer rejects.Abort()
	var st ingest.Stats
	if !opts.Summary {
		var out *output
		var rw rowWriter
		if opts.SplitFiles {
			out = &output{w: io.Discard} // the files are the split ones
			sf, err := newSplitFilesWriter(opts.Output, &in.Schema, settings, opts.Inputs)
			if err != nil {
				return err
			}
			defer sf.abort()
			defer func() {
				for _, name := range sf.written {
					fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", name)
				}
			}()
			rw = sf
		} else {
			if out, err = openOutput(opts.IO, opts.Output, opts.Inputs); err != nil {
				return err
			}
			defer out.Abort()
			if rw, err = newRowWriter(out.w, opts.Output, &in.Schema, settings); err != nil {
				return err
			}
		}
		if st, err = in.Run(opts.Ctx, 0, &streamSink{rw: rw, schema: &in.Schema, rejects: rejects}); err != nil {
			return err
		}
		if err := rw.Close(); err != nil {
			return errs.Data(err, "check free disk space")
		}
		return finishExport(opts, out, rejects, st)
	}
	// The summary sheet comes first, so every record is read before any is
	// written.
	sink := &collectSink{rejects: rejects}
	st, err = in.Run(opts.Ctx, 0, sink)
	if err != nil {
		return err
	}
	recs := &sink.recs
	given, ok := newGivenClassesSchema(&in.Schema)
	if !ok {
		return errs.Usagef("classify first: crmkit classify customers.csv | crmkit export - -o out.xlsx --summary", "--summary needs classified input (value_tier and the other class columns)")
	}
	b := report.NewBuilder(opts.Lang, 0)
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		cls := given.read(&r)
		c := customerOf(&r, &cls)
		b.Add(&c)
	}
	settings.summary = b.Tiers()[0]
	out, err := openOutput(opts.IO, opts.Output, opts.Inputs)
	if err != nil {
		return err
	}
	defer out.Abort()
	if err := exportStore(out.w, opts.Output, recs, &in.Schema, settings); err != nil {
		return err
	}
	return finishExport(opts, out, rejects, st)
}

func finishExport(opts *ExportOptions, out *output, rejects *lazyCSV, st ingest.Stats) error {
	if err := rejects.Flush(); err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	if err := rejects.Commit(); err != nil {
		return err
	}
	if st.Rejected > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s rejected; see %s\n", plural(st.Rejected, "row"), rejects.path)
	}
	fmt.Fprintf(opts.IO.ErrOut, "in %d = out %d + rejected %d\n", st.In, st.Out, st.Rejected)
	return nil
}

// classOrder puts a class column's sheets in report order (高 中 低, 潜在 …
// 流失) rather than in order of first appearance.
func classOrder(column, lang string) []string {
	l, other := classify.LabelsFor(lang), classify.LabelsFor("en")
	if lang == "en" {
		other = classify.LabelsFor("zh")
	}
	pick := func(a, b []string) []string { return append(append([]string{}, a...), b...) }
	switch column {
	case "value_tier":
		return pick(l.Tier, other.Tier)
	case "abc_class":
		return l.ABC
	case "lifecycle":
		return pick(l.Lifecycle, other.Lifecycle)
	case "rfm_segment":
		return pick(l.Segment, other.Segment)
	case "grade":
		return pick(l.Grade, other.Grade)
	}
	return nil
}

// splitFilesWriter writes one file per value of the split column
// (--split-files), each atomically; none is committed unless all are
// complete.
type splitFilesWriter struct {
	*export.SplitFiles
	files   []*atomicfile.File
	written []string
}

func newSplitFilesWriter(path string, schema *record.Schema, s exportSettings, inputs []string) (*splitFilesWriter, error) {
	format, err := exportFormat(s.format, path)
	if err != nil {
		return nil, err
	}
	cols := exportColumns(schema)
	if !hasColumn(cols, s.splitBy) {
		return nil, errs.Usagef("split by a column the input has, e.g. owner", "--split-by %s: no such column", s.splitBy)
	}
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	w := &splitFilesWriter{}
	opts := export.Options{Escape: s.escape, Mask: s.mask, SplitBy: s.splitBy, Lang: s.lang, Warn: s.warn}
	w.SplitFiles, err = export.NewSplitFiles(cols, opts, func(value, stem string) (export.Sink, error) {
		name := base + "-" + stem + ext
		if err := refuseInput(name, inputs); err != nil {
			return nil, err
		}
		af, err := atomicfile.Create(name)
		if err != nil {
			return nil, err
		}
		w.files = append(w.files, af)
		w.written = append(w.written, name)
		one := opts
		one.SplitBy, one.Spool = "", true
		one.SheetName = export.SafeSheetName(value, map[string]bool{})
		return formatWriter(format, af, cols, s.bom, one)
	})
	if err != nil {
		return nil, errs.Usage(err, "check --split-by and --mask")
	}
	return w, nil
}

// Close finishes every file and moves them into place.
func (w *splitFilesWriter) Close() error {
	if err := w.SplitFiles.Close(); err != nil {
		return err
	}
	for _, f := range w.files {
		if err := f.Commit(); err != nil {
			return err
		}
	}
	w.files = nil
	return nil
}

func (w *splitFilesWriter) abort() {
	for _, f := range w.files {
		f.Abort()
	}
}

// formatWriter opens the export writer of a format: xlsx, tsv or csv.
func formatWriter(format string, w io.Writer, cols []export.Column, bom bool, opts export.Options) (rowWriter, error) {
	switch format {
	case "xlsx":
		return export.NewXLSX(w, cols, opts)
	case "tsv":
		return export.NewCSV(w, cols, '\t', bom, opts)
	}
	return export.NewCSV(w, cols, ',', bom, opts)
}
