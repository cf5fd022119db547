package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/stage"
	"github.com/crmkit/crmkit/internal/tabular"
)

// InspectOptions are the settings of `crmkit inspect`.
type InspectOptions struct {
	IO     *iostreams.IOStreams
	Ctx    context.Context
	Inputs []string
	Rows   int
	Format string
	Output string
	Ingest ingest.Options
}

// NewCmdInspect builds `crmkit inspect`.
func NewCmdInspect(f *Factory, runF func(*InspectOptions) error) *cobra.Command {
	opts := &InspectOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "inspect FILE...",
		Short: "Show what crmkit sees in a file: encoding, sheets, header row, column mapping",
		Long: `Show what crmkit sees in each file before you import it: format, encoding,
delimiter, sheets (hidden ones marked), the header row it chose, how each
column maps to a canonical field, a few normalized sample rows, and counts
of rejected rows and values that could not be normalized.

If a column maps wrongly, fix it with --map 'Header=field'.`,
		Example: `  crmkit inspect 客户列表.csv
  crmkit inspect book.xlsx --sheet 历史
  crmkit inspect export.csv --map '客户=company' --format json`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.Ctx = cmd.Context()
			opts.Inputs = args
			opts.Rows = v.GetInt("rows")
			opts.Format = v.GetString("format")
			opts.Output = v.GetString("output")
			var err error
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return inspectRun(opts)
		},
	}
	addInputFlags(cmd)
	cmd.Flags().Int("rows", 3, "number of sample rows to show")
	cmd.Flags().String("format", "table", "output format: table or json")
	return cmd
}

// Inspection is what inspect reports for one table.
type Inspection struct {
	File       string           `json:"file"`
	Format     string           `json:"format"`
	Encoding   string           `json:"encoding,omitempty"`
	Delimiter  string           `json:"delimiter,omitempty"`
	Sheet      string           `json:"sheet,omitempty"`
	Sheets     []SheetSummary   `json:"sheets,omitempty"`
	Date1904   bool             `json:"date1904,omitempty"`
	HeaderRow  int              `json:"header_row"`
	TitleRows  int              `json:"title_rows"`
	Columns    []ColumnSummary  `json:"columns"`
	Samples    []map[string]any `json:"samples"`
	RowsIn     int              `json:"rows_in"`
	RowsOut    int              `json:"rows_out"`
	Rejected   int              `json:"rejected"`
	Reasons    []RejectSummary  `json:"reject_reasons,omitempty"`
	Invalid    map[string]int   `json:"invalid_values,omitempty"`
	sampleRecs []record.Record
	extra      []string
}

// RejectSummary groups rejected rows whose reasons differ only in numbers,
// with the first one as the example.
type RejectSummary struct {
	Example string `json:"example"`
	Row     int    `json:"first_row"`
	Count   int    `json:"count"`
	kind    string
}

// SheetSummary is a workbook sheet in inspect output.
type SheetSummary struct {
	Name   string `json:"name"`
	Hidden bool   `json:"hidden"`
	Read   bool   `json:"read"`
}

// ColumnSummary is one input column in inspect output.
type ColumnSummary struct {
	Column int    `json:"column"`
	Header string `json:"header"`
	Field  string `json:"field"`
	Why    string `json:"why"`
}

func inspectRun(opts *InspectOptions) error {
	if opts.Format != "table" && opts.Format != "json" {
		return errs.Usagef("use --format table or --format json", "--format %q is not supported by inspect", opts.Format)
	}
	var all []*Inspection
	for _, path := range opts.Inputs {
		ins, err := inspectFile(opts, path)
		if err != nil {
			return err
		}
		all = append(all, ins...)
	}
	set := outset.New(opts.IO.Out, opts.Inputs...)
	defer set.Abort()
	out, err := set.Add("-o", opts.Output, outset.Always)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(all); err != nil {
			return err
		}
		return set.Commit()
	}
	for i, ins := range all {
		if i > 0 {
			fmt.Fprintln(out)
		}
		renderInspection(out, ins)
	}
	return set.Commit()
}

func inspectFile(opts *InspectOptions, path string) ([]*Inspection, error) {
	var sheets []tabular.SheetInfo
	in, err := ingest.Open([]string{path}, opts.Ingest)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	if len(in.Tables) > 0 && in.Tables[0].Info.Format == "xlsx" && path != "-" {
		if sheets, err = tabular.WorkbookSheets(path); err != nil {
			return nil, err
		}
	}
	var out []*Inspection
	for _, t := range in.Tables {
		ins := &Inspection{
			File: t.Info.Path, Format: t.Info.Format, Encoding: t.Info.Encoding,
			Delimiter: stage.DelimiterName(t.Info.Delimiter), Sheet: t.Info.Sheet, Date1904: t.Info.Date1904,
			HeaderRow: t.HeaderLine, TitleRows: t.TitleRows,
			Invalid: map[string]int{},
		}
		for _, s := range sheets {
			ins.Sheets = append(ins.Sheets, SheetSummary{Name: s.Name, Hidden: s.Hidden, Read: s.Name == t.Info.Sheet})
		}
		for _, c := range t.Mapping.Columns {
			cs := ColumnSummary{Column: c.Index + 1, Header: c.Header, Why: c.Why}
			switch c.Target {
			case record.ToField:
				cs.Field = c.Field.String()
			case record.ToExtra:
				cs.Field = "(kept as " + c.Extra + ")"
			case record.ToLineage:
				cs.Field = record.SourceColumn
			}
			ins.Columns = append(ins.Columns, cs)
		}
		out = append(out, ins)
	}
	// One run over all tables of the file; records are attributed to their
	// table by lineage prefix.
	sink := &inspectSink{limit: opts.Rows, byTable: map[*ingest.Table]*Inspection{}}
	for i, t := range in.Tables {
		sink.byTable[t] = out[i]
		out[i].extra = in.Schema.Extra
	}
	st, err := in.Run(opts.Ctx, 0, sink)
	if err != nil {
		return nil, err
	}
	for i, ins := range out {
		ts := st.Tables[i]
		ins.RowsIn, ins.RowsOut, ins.Rejected = ts.In, ts.Out, ts.Rejected
		for f, n := range ts.Quality.Invalid {
			if n > 0 {
				ins.Invalid[record.Field(f).String()] = n
			}
		}
		ins.Samples = sampleMaps(ins.sampleRecs, ins.extra)
	}
	return out, nil
}

type inspectSink struct {
	limit   int
	byTable map[*ingest.Table]*Inspection
}

func (s *inspectSink) Record(t *ingest.Table, r *record.Record) error {
	if ins := s.byTable[t]; len(ins.sampleRecs) < s.limit {
		c := *r
		c.Extra = append([]string(nil), r.Extra...)
		ins.sampleRecs = append(ins.sampleRecs, c)
	}
	return nil
}

func (s *inspectSink) Reject(t *ingest.Table, r ingest.Reject) error {
	ins := s.byTable[t]
	kind := reasonKind(r.Reason)
	for i := range ins.Reasons {
		if ins.Reasons[i].kind == kind {
			ins.Reasons[i].Count++
			return nil
		}
	}
	ins.Reasons = append(ins.Reasons, RejectSummary{Example: r.Reason, Row: r.Line, Count: 1, kind: kind})
	return nil
}

// reasonKind groups reasons that differ only in numbers.
func reasonKind(reason string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return 'N'
		}
		return r
	}, reason)
}

func sampleMaps(recs []record.Record, extra []string) []map[string]any {
	out := []map[string]any{}
	for _, r := range recs {
		m := map[string]any{}
		for f, v := range r.Values {
			if v != "" {
				m[record.Field(f).String()] = v
			}
		}
		for i, v := range r.Extra {
			if v != "" && i < len(extra) {
				m[extra[i]] = v
			}
		}
		m[record.SourceColumn] = r.Source
		out = append(out, m)
	}
	return out
}

func renderInspection(w io.Writer, ins *Inspection) {
	about := newTable(w, ins.File)
	about.AppendRow(table.Row{"format", ins.Format})
	if ins.Encoding != "" {
		about.AppendRow(table.Row{"encoding", ins.Encoding})
	}
	if ins.Delimiter != "" {
		about.AppendRow(table.Row{"delimiter", ins.Delimiter})
	}
	if len(ins.Sheets) > 0 {
		var names []string
		for _, s := range ins.Sheets {
			n := s.Name
			if s.Hidden {
				n += " [hidden]"
			}
			if s.Read {
				n += " ← read"
			}
			names = append(names, n)
		}
		about.AppendRow(table.Row{"sheets", strings.Join(names, "\n")})
		if ins.Date1904 {
			about.AppendRow(table.Row{"date system", "1904"})
		}
	}
	if ins.HeaderRow == 0 {
		about.AppendRow(table.Row{"header row", "none: the table is empty"})
	} else {
		hr := strconv.Itoa(ins.HeaderRow)
		if ins.TitleRows > 0 {
			hr += fmt.Sprintf(" (%d title rows above skipped)", ins.TitleRows)
		}
		about.AppendRow(table.Row{"header row", hr})
	}
	about.AppendRow(table.Row{"data rows", fmt.Sprintf("%d in = %d out + %d rejected", ins.RowsIn, ins.RowsOut, ins.Rejected)})
	about.Render()

	cols := newTable(w, "columns")
	cols.AppendHeader(table.Row{"#", "header", "field", "how"})
	for _, c := range ins.Columns {
		cols.AppendRow(table.Row{c.Column, c.Header, c.Field, c.Why})
	}
	cols.Render()

	if len(ins.Samples) > 0 {
		sm := newTable(w, "sample rows (normalized)")
		hdr := table.Row{"field"}
		for i := range ins.Samples {
			hdr = append(hdr, fmt.Sprintf("row %d", i+1))
		}
		sm.AppendHeader(hdr)
		for _, name := range sampleFieldOrder(ins) {
			row := table.Row{name}
			for _, s := range ins.Samples {
				row = append(row, stage.Truncate(fmt.Sprint(orEmpty(s[name])), 40))
			}
			sm.AppendRow(row)
		}
		sm.Render()
	}

	if len(ins.Invalid) > 0 || len(ins.Reasons) > 0 {
		iss := newTable(w, "issues")
		iss.AppendHeader(table.Row{"issue", "count"})
		for _, k := range sortedKeys(ins.Invalid) {
			iss.AppendRow(table.Row{k + ": kept as given, could not normalize", ins.Invalid[k]})
		}
		for _, r := range ins.Reasons {
			what := fmt.Sprintf("rejected: %s (row %d", r.Example, r.Row)
			if r.Count > 1 {
				what += fmt.Sprintf(", and %d more like it", r.Count-1)
			}
			iss.AppendRow(table.Row{what + ")", r.Count})
		}
		iss.Render()
	}
}

func sampleFieldOrder(ins *Inspection) []string {
	var names []string
	seen := map[string]bool{}
	for f := range record.NumFields {
		n := record.Field(f).String()
		for _, s := range ins.Samples {
			if _, ok := s[n]; ok && !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	for _, n := range ins.extra {
		for _, s := range ins.Samples {
			if _, ok := s[n]; ok && !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return append(names, record.SourceColumn)
}

func newTable(w io.Writer, title string) table.Writer {
	t := table.NewWriter()
	t.SetOutputMirror(w)
	t.SetTitle(title)
	t.SetStyle(table.StyleLight)
	return t
}

func orEmpty(v any) any {
	if v == nil {
		return ""
	}
	return v
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
