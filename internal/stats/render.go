package stats

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/crmkit/crmkit/internal/report"
)

// Formats are the formats Write accepts; the first is the default.
var Formats = report.Formats

// Write writes r in format: "json" as Result's JSON document, the others
// as one report table (kind "stats"). width is the terminal's for "table".
func (r *Result) Write(w io.Writer, format string, width int) error {
	if format == "json" {
		return r.WriteJSON(w)
	}
	return r.Table().Render(w, format, width)
}

// Table is r as a report table: one row per column, the top values as
// "value (count)" joined by "; ".
func (r *Result) Table() *report.Table {
	t := &report.Table{
		Kind:  report.KindStats,
		Title: fmt.Sprintf("Column statistics: %d records, rejected rows: %d", r.Records, r.Rejected),
		Columns: []report.Column{
			{Name: "column", Key: "column"},
			{Name: "field", Key: "field"},
			{Name: "role", Key: "role"},
			{Name: "filled", Key: "filled", Numeric: true},
			{Name: "fill rate", Key: "fill_rate", Numeric: true},
			{Name: "distinct", Key: "distinct", Numeric: true},
			{Name: "invalid", Key: "invalid", Numeric: true},
			{Name: "top values", Key: "top_values"},
		},
		Summary: []report.Field{{Key: "records", Value: report.Count(r.Records)}, {Key: "rejected", Value: report.Count(r.Rejected)}},
	}
	for _, p := range r.Columns {
		distinct := report.Count(p.Distinct)
		if !p.DistinctExact {
			distinct = report.Text(fmt.Sprintf("~%d", p.Distinct))
		}
		var top []string
		for _, v := range p.Top {
			top = append(top, fmt.Sprintf("%s (%d)", v.Value, v.Count))
		}
		t.Rows = append(t.Rows, []report.Value{
			report.Text(p.label()), report.Text(p.field()), report.Text(p.Role),
			report.Count(p.Filled), report.Share(float64(p.Filled), float64(r.Records)),
			distinct, report.Count(p.Invalid), report.Text(strings.Join(top, "; ")),
		})
	}
	return t
}

// label is the column as the user knows it: its input header, and the
// output name when that differs (客户名称 → company is shown by field).
func (p *Profile) label() string {
	if len(p.Headers) == 0 {
		return p.Name
	}
	return strings.Join(p.Headers, " | ")
}

func (p *Profile) field() string {
	if !p.Mapped {
		return ""
	}
	return p.Field.String()
}

// jsonResult is the JSON document: numbers are numbers, an unmapped
// column's field and a column without a role are null.
type jsonResult struct {
	Kind     string       `json:"kind"`
	Records  int          `json:"records"`
	Rejected int          `json:"rejected"`
	Columns  []jsonColumn `json:"columns"`
}

type jsonColumn struct {
	Column        string       `json:"column"`
	Headers       []string     `json:"headers"`
	Field         *string      `json:"field"`
	Role          *string      `json:"role"`
	Filled        int          `json:"filled"`
	FillRate      float64      `json:"fill_rate"`
	Distinct      int          `json:"distinct"`
	DistinctExact bool         `json:"distinct_exact"`
	Invalid       int          `json:"invalid"`
	TopValues     []ValueCount `json:"top_values"`
}

// WriteJSON writes r as one JSON object (README: "crmkit stats").
func (r *Result) WriteJSON(w io.Writer) error {
	doc := jsonResult{Kind: report.KindStats, Records: r.Records, Rejected: r.Rejected, Columns: []jsonColumn{}}
	for _, p := range r.Columns {
		c := jsonColumn{
			Column: p.Name, Headers: p.Headers, Filled: p.Filled, Distinct: p.Distinct,
			DistinctExact: p.DistinctExact, Invalid: p.Invalid, TopValues: p.Top,
		}
		if c.Headers == nil {
			c.Headers = []string{}
		}
		if c.TopValues == nil {
			c.TopValues = []ValueCount{}
		}
		if p.Mapped {
			f := p.Field.String()
			c.Field = &f
		}
		if p.Role != "" {
			role := p.Role
			c.Role = &role
		}
		if r.Records > 0 {
			c.FillRate = float64(int(float64(p.Filled)/float64(r.Records)*10000+0.5)) / 10000
		}
		doc.Columns = append(doc.Columns, c)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
