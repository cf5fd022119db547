package report

import (
	pretty "github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
)

// renderPretty renders t with go-pretty in every format but JSON.
func (t *Table) renderPretty(format string, width int) string {
	machine := format == "csv" || format == "tsv"
	cells := t.cells(machine)
	if format == "table" || format == "markdown" {
		sanitizeCells(cells)
	}

	style := pretty.StyleLight
	// go-pretty upper-cases headers and footers by default; our headers are
	// already what the user should read.
	style.Format.Header = text.FormatDefault
	style.Format.Footer = text.FormatDefault
	style.HTML.CSSClass = "crmkit-report"

	title := t.Title
	if format == "table" {
		var fits bool
		title, fits = fitWidth(cells, t.numericColumns(), title, width)
		if !fits {
			// Even wrapped to the narrowest columns the table is too wide:
			// cut lines at the width rather than let the terminal fold them.
			style.Size.WidthMax = width
			// ASCII marker: go-pretty counts it in runes, and "≈" is two
			// columns wide under an East Asian locale.
			style.Box.UnfinishedRow = " ~"
		}
	}

	tw := pretty.NewWriter()
	tw.SetStyle(style)
	if !machine {
		// CSV and TSV stay plain data: a title line would break every reader.
		tw.SetTitle("%s", title)
	}
	configs := make([]pretty.ColumnConfig, len(t.Columns))
	for i, c := range t.Columns {
		align := text.AlignLeft
		if c.Numeric {
			align = text.AlignRight
		}
		configs[i] = pretty.ColumnConfig{Number: i + 1, Align: align, AlignHeader: align, AlignFooter: align}
	}
	tw.SetColumnConfigs(configs)

	tw.AppendHeader(toRow(cells.header))
	for _, r := range cells.rows {
		tw.AppendRow(toRow(r))
	}
	if cells.total != nil {
		tw.AppendFooter(toRow(cells.total))
	}

	switch format {
	case "csv":
		return tw.RenderCSV()
	case "tsv":
		return tw.RenderTSV()
	case "markdown":
		return tw.RenderMarkdown()
	case "html":
		return tw.RenderHTML()
	}
	return tw.Render()
}

// tableCells is a Table as strings: header, rows and totals alike.
type tableCells struct {
	header []string
	rows   [][]string
	total  []string // nil without totals row
}

// each visits every line of cells, header first.
func (c *tableCells) each(visit func([]string)) {
	visit(c.header)
	c.eachBody(visit)
}

// eachBody visits the rows and the totals, not the header.
func (c *tableCells) eachBody(visit func([]string)) {
	for _, r := range c.rows {
		visit(r)
	}
	if c.total != nil {
		visit(c.total)
	}
}

// cells writes every value for people or, when machine is set, for
// programs.
func (t *Table) cells(machine bool) *tableCells {
	line := func(values []Value) []string {
		out := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			var v Value
			if i < len(values) {
				v = values[i]
			}
			if machine {
				out[i] = cellData(v)
			} else {
				out[i] = cellText(v, c)
			}
		}
		return out
	}
	c := &tableCells{header: make([]string, len(t.Columns))}
	for i, col := range t.Columns {
		c.header[i] = col.Name
	}
	for _, r := range t.Rows {
		c.rows = append(c.rows, line(r))
	}
	for _, r := range t.Trailer {
		c.rows = append(c.rows, line(r))
	}
	if t.Total != nil {
		c.total = line(t.Total)
	}
	return c
}

func (t *Table) numericColumns() []bool {
	numeric := make([]bool, len(t.Columns))
	for i, c := range t.Columns {
		numeric[i] = c.Numeric
	}
	return numeric
}

func toRow(cells []string) pretty.Row {
	row := make(pretty.Row, len(cells))
	for i, c := range cells {
		row[i] = c
	}
	return row
}
