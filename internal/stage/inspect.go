package stage

import (
	"context"
	"strings"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/tabular"
)

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
	sampleRecs []record.Record  // the first rows: the samples shown, dedupe's roles read
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

// ColumnSummary is one input column in inspect output. In JSON, field is
// the canonical field it maps to, or null for a column kept under a name
// of its own (kept_as) or for crmkit's _source (lineage).
type ColumnSummary struct {
	Column  int     `json:"column"`
	Header  string  `json:"header"`
	Field   *string `json:"field"`
	KeptAs  string  `json:"kept_as,omitempty"`
	Lineage bool    `json:"lineage,omitempty"`
	Why     string  `json:"why"`
	// Role is what dedupe compares the column as (empty: not compared).
	Role string `json:"dedupe_role"`
	key  string // the column's name in the record schema
}

// Mapped is the column's mapping as people read it: the field, "(kept as
// NAME)", or _source.
func (c ColumnSummary) Mapped() string {
	switch {
	case c.Field != nil:
		return *c.Field
	case c.Lineage:
		return record.SourceColumn
	}
	return "(kept as " + c.KeptAs + ")"
}

// Inspect reads the file at path as crmkit would and says what it sees in
// each table: format, encoding, sheets, header row, column mapping, the
// first rows records (up to rows), rejects grouped by reason, invalid
// values per field.
func Inspect(ctx context.Context, path string, opts ingest.Options, rows int) ([]*Inspection, error) {
	var sheets []tabular.SheetInfo
	in, err := ingest.Open([]string{path}, opts)
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
			Sheet: t.Info.Sheet, Date1904: t.Info.Date1904,
			HeaderRow: t.HeaderLine, TitleRows: t.TitleRows,
			Invalid: map[string]int{},
		}
		if t.Info.Delimiter != 0 {
			ins.Delimiter = string(t.Info.Delimiter) // data: ",", "\t"; DelimiterName says it for people
		}
		for _, s := range sheets {
			ins.Sheets = append(ins.Sheets, SheetSummary{Name: s.Name, Hidden: s.Hidden, Read: s.Name == t.Info.Sheet})
		}
		for _, c := range t.Mapping.Columns {
			cs := ColumnSummary{Column: c.Index + 1, Header: c.Header, Why: c.Why}
			switch c.Target {
			case record.ToField:
				f := c.Field.String()
				cs.Field, cs.key = &f, f
			case record.ToExtra:
				cs.KeptAs, cs.key = c.Extra, c.Extra
			case record.ToLineage:
				cs.Lineage = true
			}
			ins.Columns = append(ins.Columns, cs)
		}
		out = append(out, ins)
	}
	// One run over all tables of the file; records are attributed to their
	// table by lineage prefix.
	sink := &inspectSink{limit: rows, byTable: map[*ingest.Table]*Inspection{}}
	for i, t := range in.Tables {
		sink.byTable[t] = out[i]
		out[i].extra = in.Schema.Extra
	}
	st, err := in.Run(ctx, 0, sink)
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
		ins.Samples = sampleMaps(ins.first(rows), ins.extra)
		setRoles(ins, &in.Schema)
	}
	return out, nil
}

type inspectSink struct {
	limit   int
	byTable map[*ingest.Table]*Inspection
}

func (s *inspectSink) Record(t *ingest.Table, r *record.Record) error {
	// A role found from values (identity codes, lists) needs more rows
	// than the few shown.
	if ins := s.byTable[t]; len(ins.sampleRecs) < max(s.limit, dedupe.RoleSample) {
		c := *r
		c.Extra = append([]string(nil), r.Extra...)
		ins.sampleRecs = append(ins.sampleRecs, c)
	}
	return nil
}

// first returns the table's first n records, fewer if it has fewer.
func (ins *Inspection) first(n int) []record.Record {
	return ins.sampleRecs[:max(0, min(n, len(ins.sampleRecs)))]
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

// Extra names the table's extra columns, in the order samples show them.
func (ins *Inspection) Extra() []string { return ins.extra }

// setRoles names what dedupe compares each column as, from its header or
// the sample rows' values.
func setRoles(ins *Inspection, schema *record.Schema) {
	role := map[string]dedupe.Role{}
	for _, r := range dedupe.DetectRoles(schema, ins.first(dedupe.RoleSample)) {
		role[r.Column] = r.Role
	}
	for i := range ins.Columns {
		ins.Columns[i].Role = string(role[ins.Columns[i].key])
	}
}
