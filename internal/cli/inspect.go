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

func inspectRun(opts *InspectOptions) error {
	if opts.Format != "table" && opts.Format != "json" {
		return errs.Usagef("use --format table or --format json", "--format %q is not supported by inspect", opts.Format)
	}
	var all []*stage.Inspection
	for _, path := range opts.Inputs {
		ins, err := stage.Inspect(opts.Ctx, path, opts.Ingest, opts.Rows)
		if err != nil {
			return err
		}
		all = append(all, ins...)
	}
	set := newOutputSet(opts.IO, opts.Inputs...)
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

func renderInspection(w io.Writer, ins *stage.Inspection) {
	about := newTable(w, ins.File)
	about.AppendRow(table.Row{"format", ins.Format})
	if ins.Encoding != "" {
		about.AppendRow(table.Row{"encoding", ins.Encoding})
	}
	if ins.Delimiter != "" {
		about.AppendRow(table.Row{"delimiter", stage.DelimiterName([]rune(ins.Delimiter)[0])})
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
	cols.AppendHeader(table.Row{"#", "header", "field", "how", "dedupe"})
	for _, c := range ins.Columns {
		cols.AppendRow(table.Row{c.Column, c.Header, c.Mapped(), c.Why, c.Role})
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

func sampleFieldOrder(ins *stage.Inspection) []string {
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
	for _, n := range ins.Extra() {
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
