package stage

import (
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/export"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
	"github.com/crmkit/crmkit/internal/tabular"
	"github.com/crmkit/crmkit/internal/view"
)

// Export is how customers are written for people: the choices shared by
// `crmkit export` and the pipeline's output.
type Export struct {
	Format, SplitBy, Lang string
	SplitOrder            []string
	BOM, Escape           bool
	Mask                  []string
	// SummaryFrom gives the summary sheet's table when the sheet is due
	// (see export.Options); TierSummaryLater makes one.
	SummaryFrom func() *report.Table
	Warn        export.WarnFunc
}

// ExportFormat picks the format from --format or the extension.
func ExportFormat(format, path string) (string, error) {
	if format == "" {
		switch ext := strings.ToLower(filepath.Ext(path)); ext {
		case ".xlsx":
			format = "xlsx"
		case ".tsv", ".tab":
			format = "tsv"
		case ".ndjson", ".jsonl":
			format = "ndjson"
		case ".csv", ".txt", "":
			format = "csv"
		default:
			return "", errs.Usagef("name the file .csv, .tsv, .xlsx or .ndjson, or pass --format", "cannot write %s files: %s", ext, path)
		}
	}
	switch format {
	case "csv", "tsv", "xlsx", "ndjson":
		return format, nil
	}
	return "", errs.Usagef("use --format csv, tsv, xlsx or ndjson", "--format %q is not an export format", format)
}

// Records is how a command writes canonical records: the format (csv,
// tsv or ndjson) and the view of them asked for (--select, --sort, …).
type Records struct {
	Format string
	View   view.Spec
}

// CanonicalRecords picks the record format from --format or the output
// file's extension (.tsv, .ndjson/.jsonl, else csv) and checks the view.
func CanonicalRecords(format, output string, v view.Spec) (Records, error) {
	if format == "" {
		switch strings.ToLower(filepath.Ext(output)) {
		case ".tsv", ".tab":
			format = "tsv"
		case ".ndjson", ".jsonl":
			format = "ndjson"
		default:
			format = "csv"
		}
	}
	format = strings.ToLower(format)
	if !slices.Contains(tabular.RecordFormats, format) {
		return Records{}, errs.Usagef("use --format csv, tsv or ndjson (XLSX comes with `crmkit export`)", "--format %q is not supported here", format)
	}
	if err := v.Check(); err != nil {
		return Records{}, err
	}
	return Records{Format: format, View: v}, nil
}

// CanonicalDelimiter picks canonical CSV or TSV from --format or the
// output file's extension.
func CanonicalDelimiter(format, output string) (rune, error) {
	r, err := CanonicalRecords(format, output, view.Spec{})
	if err != nil {
		return 0, err
	}
	if r.Format == "tsv" {
		return '\t', nil
	}
	return ',', nil
}

// rowWriter opens the writer of r's format behind r's view.
func (r Records) rowWriter(w io.Writer) (*view.Writer, error) {
	rw, err := tabular.NewRowWriter(w, r.Format, false)
	if err != nil {
		return nil, err
	}
	return view.NewWriter(rw, r.View), nil
}

// ExportColumns types the columns of schema for the writers.
func ExportColumns(schema *record.Schema) []export.Column {
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

// RowWriterCloser is what every export writer does.
type RowWriterCloser interface {
	Write(row []string) error
	Close() error
}

func hasColumn(cols []export.Column, name string) bool {
	for _, c := range cols {
		if c.Name == name {
			return true
		}
	}
	return false
}

func (s Export) options() export.Options {
	order := s.SplitOrder
	if order == nil {
		order = ClassOrder(s.SplitBy, s.Lang)
	}
	return export.Options{Escape: s.Escape, Mask: s.Mask, SplitBy: s.SplitBy, SplitOrder: order, Lang: s.Lang,
		SummaryFrom: s.SummaryFrom, Warn: s.Warn}
}

func (s Export) check(cols []export.Column) error {
	if s.SplitBy != "" && !hasColumn(cols, s.SplitBy) {
		return errs.Usagef("split by a column the input has, e.g. value_tier (run crmkit classify first) or owner", "--split-by %s: no such column", s.SplitBy)
	}
	for _, m := range s.Mask {
		if !hasColumn(cols, m) {
			return errs.Usagef("mask columns the input has, e.g. --mask phone,email", "--mask %s: no such column", m)
		}
	}
	return nil
}

// NewWriter opens the writer for the format path or s.Format names.
func (s Export) NewWriter(w io.Writer, path string, schema *record.Schema) (RowWriterCloser, error) {
	format, err := ExportFormat(s.Format, path)
	if err != nil {
		return nil, err
	}
	cols := ExportColumns(schema)
	if err := s.check(cols); err != nil {
		return nil, err
	}
	rw, err := formatWriter(format, w, cols, s.BOM, s.options())
	if err != nil {
		return nil, errs.Usage(err, "check --split-by and --mask")
	}
	return rw, nil
}

// WriteStore writes every stored record to w.
func (s Export) WriteStore(w io.Writer, path string, recs *record.Store, schema *record.Schema) error {
	rw, err := s.NewWriter(w, path, schema)
	if err != nil {
		return err
	}
	if x, ok := rw.(*export.XLSX); ok {
		// Split sheets read the records again at Close rather than keep
		// a copy of every row.
		if err := x.WriteRows(&storeRows{recs: recs, schema: schema}); err != nil {
			return errs.Data(err, "check free disk space")
		}
		return errs.Data(rw.Close(), "check free disk space")
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

// storeRows are a store's records as rows of schema's columns
// (export.RowSource).
type storeRows struct {
	recs   *record.Store
	schema *record.Schema
	r      record.Record
}

func (s *storeRows) Len() int { return s.recs.Len() }

func (s *storeRows) Row(i int, dst []string) []string {
	s.recs.Get(i, &s.r)
	return s.schema.Row(&s.r, dst)
}

// TierSummary is the summary sheet's table, from records classified
// before; nil when they were not.
func TierSummary(recs *record.Store, schema *record.Schema, lang string) *report.Table {
	given, ok := classify.NewColumnReader(schema)
	if !ok {
		return nil
	}
	b := report.NewBuilder(lang, 0)
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		cls := given.Read(&r)
		c := CustomerOf(&r, &cls)
		b.Add(&c)
	}
	if tiers := b.Tiers(); len(tiers) > 0 {
		return tiers[0]
	}
	return nil
}

// TierSummaryLater makes TierSummary on another goroutine, while the
// records are written, and returns what Export.SummaryFrom takes; false
// (nothing started) when the records are not classified.
func TierSummaryLater(recs *record.Store, schema *record.Schema, lang string) (func() *report.Table, bool) {
	if _, ok := classify.NewColumnReader(schema); !ok {
		return nil, false
	}
	table := make(chan *report.Table, 1)
	go func() { table <- TierSummary(recs, schema, lang) }()
	return func() *report.Table { return <-table }, true
}

// ClassOrder puts a class column's sheets in report order (高 中 低, 潜在 …
// 流失) rather than in order of first appearance.
func ClassOrder(column, lang string) []string {
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

// NewSplitFiles writes one file per value of the split column
// (--split-files); create opens each file (path OUT-<value>.ext).
func (s Export) NewSplitFiles(path string, schema *record.Schema, create func(name string) (io.Writer, error)) (RowWriterCloser, error) {
	format, err := ExportFormat(s.Format, path)
	if err != nil {
		return nil, err
	}
	cols := ExportColumns(schema)
	if !hasColumn(cols, s.SplitBy) {
		return nil, errs.Usagef("split by a column the input has, e.g. owner", "--split-by %s: no such column", s.SplitBy)
	}
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	opts := export.Options{Escape: s.Escape, Mask: s.Mask, SplitBy: s.SplitBy, Lang: s.Lang, Warn: s.Warn}
	sf, err := export.NewSplitFiles(cols, opts, func(value, stem string) (export.Sink, error) {
		w, err := create(base + "-" + stem + ext)
		if err != nil {
			return nil, err
		}
		one := opts
		one.SplitBy, one.Spool = "", true
		one.SheetName = export.SafeSheetName(value, map[string]bool{})
		return formatWriter(format, w, cols, s.BOM, one)
	})
	if err != nil {
		return nil, errs.Usage(err, "check --split-by and --mask")
	}
	return sf, nil
}

// formatWriter opens the export writer of a format: xlsx, tsv or csv.
func formatWriter(format string, w io.Writer, cols []export.Column, bom bool, opts export.Options) (RowWriterCloser, error) {
	switch format {
	case "xlsx":
		return export.NewXLSX(w, cols, opts)
	case "tsv":
		return export.NewCSV(w, cols, '\t', bom, opts)
	case "ndjson":
		return export.NewNDJSON(w, cols, opts)
	}
	return export.NewCSV(w, cols, ',', bom, opts)
}

// CanonicalWriter writes records as canonical CSV (or TSV, or NDJSON):
// the header, then one row per record, through the view asked for.
type CanonicalWriter struct {
	w      *view.Writer
	schema *record.Schema
	row    []string
}

// NewCanonicalWriter writes schema's header to w.
func NewCanonicalWriter(w io.Writer, recs Records, schema *record.Schema) (*CanonicalWriter, error) {
	cw, err := recs.headedRowWriter(w, schema)
	if err != nil {
		return nil, err
	}
	return &CanonicalWriter{w: cw, schema: schema}, nil
}

// headedRowWriter is the view writer for recs on w, schema's header
// already written.
func (r Records) headedRowWriter(w io.Writer, schema *record.Schema) (*view.Writer, error) {
	cw, err := r.rowWriter(w)
	if err != nil {
		return nil, err
	}
	if err := cw.Write(schema.Header()); err != nil {
		if errs.IsUsage(err) {
			return nil, err
		}
		return nil, errs.Data(err, "check free disk space")
	}
	return cw, nil
}

// Write writes one record.
func (c *CanonicalWriter) Write(r *record.Record) error {
	c.row = c.schema.Row(r, c.row)
	return errs.Data(c.w.Write(c.row), "check free disk space")
}

// Flush writes what is buffered.
func (c *CanonicalWriter) Flush() error { return errs.Data(c.w.Flush(), "check free disk space") }

// LeftOut is how many records the view left out (--limit, --sample).
func (c *CanonicalWriter) LeftOut() int { return c.w.Left() }
