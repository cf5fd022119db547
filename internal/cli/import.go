package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/tabular"
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
	cmd.Flags().String("format", "", "output format: csv or tsv (default: from the -o extension, else csv)")
	cmd.Flags().String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv, or crmkit-rejects.csv when writing to stdout)")
	return cmd
}

func importRun(opts *ImportOptions) error {
	delim, err := outputDelimiter(opts.Format, opts.Output)
	if err != nil {
		return err
	}
	in, err := ingest.Open(opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	warnMapping(opts.IO, in)

	out, err := openOutput(opts.IO, opts.Output, opts.Inputs)
	if err != nil {
		return err
	}
	defer out.Abort()
	rejectsPath := rejectsFile(opts.Rejects, opts.Output)
	if err := checkSideFiles(opts.Output, opts.Inputs, sideFile{"--rejects", rejectsPath}); err != nil {
		return err
	}
	sink, err := newRecordSink(out, delim, &in.Schema, rejectsPath)
	if err != nil {
		return err
	}
	defer sink.rejects.Abort()

	st, err := in.Run(opts.Ctx, opts.Workers, sink)
	if err != nil {
		return err
	}
	// Finish both files before either is renamed into place.
	if err := sink.Flush(); err != nil {
		return err
	}
	if err := sink.rejects.Flush(); err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	if err := sink.rejects.Commit(); err != nil {
		return err
	}
	if opts.Quiet { // value warnings even when quiet (input_values.go)
		warnValues(opts.IO, in, st, true)
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, in, st)
	}
	if st.Rejected > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s rejected; see %s\n", plural(st.Rejected, "row"), rejectsPath)
	}
	fmt.Fprintf(opts.IO.ErrOut, "in %d = out %d + rejected %d\n", st.In, st.Out, st.Rejected)
	if opts.Strict && st.Rejected > 0 {
		return errs.ErrRejected
	}
	return nil
}

// outputDelimiter picks canonical CSV or TSV from --format or the output
// file's extension.
func outputDelimiter(format, output string) (rune, error) {
	if format == "" {
		switch strings.ToLower(filepath.Ext(output)) {
		case ".tsv", ".tab":
			format = "tsv"
		default:
			format = "csv"
		}
	}
	switch strings.ToLower(format) {
	case "csv":
		return ',', nil
	case "tsv":
		return '\t', nil
	}
	return 0, errs.Usagef("use --format csv or --format tsv (XLSX comes with `crmkit export`)", "--format %q is not supported by import", format)
}

// defaultRejectsPath puts rejects beside the output, so nothing is lost
// even when --rejects was not given.
func defaultRejectsPath(output string) string {
	if output == "" || output == "-" {
		return "crmkit-rejects.csv"
	}
	return strings.TrimSuffix(output, filepath.Ext(output)) + ".rejects.csv"
}

// warnMapping warns about --map entries no input uses and about tables
// where no column matched a known field (a wrong header row, or headers
// garbled by a wrong encoding).
func warnMapping(io *iostreams.IOStreams, in *ingest.Input) {
	warnInput(io, in) // input_values.go
	for _, name := range in.Skipped {
		fmt.Fprintf(io.ErrOut, "note: skipped %s: not a customer table (a summary or notes sheet)\n", name)
	}
	for _, o := range in.UnusedOverrides() {
		fmt.Fprintf(io.ErrOut, "warning: --map %s: no input has that column\n", o)
	}
	for _, t := range in.Tables {
		if t.HeaderLine > 0 && t.Mapping.Mapped() == 0 {
			fmt.Fprintf(io.ErrOut, "warning: %s: no column matched a known field (header on row %d: %s)\n",
				t.Info.Source(), t.HeaderLine, truncate(strings.Join(t.Header, ","), 60))
			fmt.Fprintf(io.ErrOut, "hint: check the header row and encoding with `crmkit inspect %s`, or map columns with --map 'Header=field'\n", t.Info.Name())
		}
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// printInputSummary tells on stderr what was read and what could not be
// normalized.
func printInputSummary(io *iostreams.IOStreams, in *ingest.Input, st ingest.Stats) {
	for _, t := range in.Tables {
		var how []string
		if t.Info.Format == "csv" {
			how = append(how, t.Info.Encoding, delimiterName(t.Info.Delimiter))
		}
		if t.HeaderLine == 0 && !t.NoHeader {
			fmt.Fprintf(io.ErrOut, "read %s: empty, no header row\n", t.Info.Source())
			continue
		}
		if t.NoHeader {
			how = append(how, "no header row (--no-header)")
		} else {
			how = append(how, fmt.Sprintf("header on row %d", t.HeaderLine))
		}
		fmt.Fprintf(io.ErrOut, "read %s (%s): %d of %d columns mapped\n",
			t.Info.Source(), strings.Join(how, ", "), t.Mapping.Mapped(), len(t.Mapping.Columns))
	}
	if n := st.Quality.InvalidTotal(); n > 0 {
		var parts []string
		for f, c := range st.Quality.Invalid {
			if c > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", record.Field(f), c))
			}
		}
		fmt.Fprintf(io.ErrOut, "kept as given (could not normalize): %s\n", strings.Join(parts, ", "))
	}
	warnValues(io, in, st, false) // input_values.go
}

// recordSink writes canonical CSV and sends rejects to a file opened on the
// first reject.
type recordSink struct {
	w       *tabular.CSVWriter
	schema  *record.Schema
	row     []string
	rejects *lazyCSV
}

func newRecordSink(out *output, delim rune, schema *record.Schema, rejectsPath string) (*recordSink, error) {
	w, err := tabular.NewCSVWriter(out.w, delim, false)
	if err != nil {
		return nil, err
	}
	if err := w.Write(schema.Header()); err != nil {
		return nil, err
	}
	return &recordSink{w: w, schema: schema, rejects: &lazyCSV{path: rejectsPath, header: ingest.RejectsHeader}}, nil
}

func (s *recordSink) Record(_ *ingest.Table, r *record.Record) error {
	s.row = s.schema.Row(r, s.row)
	return s.w.Write(s.row)
}

func (s *recordSink) Reject(_ *ingest.Table, r ingest.Reject) error { return s.rejects.Write(r.Row()) }

func (s *recordSink) Flush() error { return errs.Data(s.w.Flush(), "check free disk space") }
