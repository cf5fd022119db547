package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/report"
	"github.com/crmkit/crmkit/internal/warncode"
	"github.com/xuri/excelize/v2"
)

// Summary sheet layout: the title, a blank row, then the table.
const (
	summaryHeaderRow = 3
	chartWidth       = 560
	chartHeight      = 320
)

// writeSummary fills the workbook's first sheet, named sheet, with t and
// a column chart of t's first numeric column by its first column (rows
// only: a total bar would dwarf the others). It is small, so it is
// written cell by cell.
func (x *XLSX) writeSummary(sheet string, t *report.Table) error {
	if len(t.Columns) == 0 {
		return fmt.Errorf("export: the summary table has no columns")
	}
	if _, err := x.newSheet(sheet); err != nil {
		return err
	}
	f, st := x.f, x.st
	if t.Title != "" {
		if err := x.summaryCell(sheet, 1, 1, report.Text(t.Title), st.title); err != nil {
			return err
		}
	}
	meter := &widthMeter{max: make([]int, len(t.Columns))}
	for i, c := range t.Columns {
		meter.max[i] = textWidth(c.Name)
		if err := x.summaryCell(sheet, i+1, summaryHeaderRow, report.Text(c.Name), st.header); err != nil {
			return err
		}
	}
	rows := t.Rows
	if t.Total != nil {
		rows = append(rows[:len(rows):len(rows)], t.Total)
	}
	for r, row := range rows {
		total := t.Total != nil && r == len(rows)-1
		for i, v := range row {
			if i >= len(t.Columns) {
				break
			}
			if err := x.summaryCell(sheet, i+1, summaryHeaderRow+1+r, v, x.summaryStyle(v, total)); err != nil {
				return err
			}
			meter.max[i] = max(meter.max[i], textWidth(summaryText(v)))
		}
	}
	for i, w := range meter.widths() {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return x.summaryChart(sheet, t)
}

func (x *XLSX) summaryCell(sheet string, col, row int, v report.Value, style int) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	switch {
	case v.IsNum:
		err = x.f.SetCellFloat(sheet, ref, v.Num, -1, 64)
	case v.Text != "":
		// SetCellStr never makes a formula; the quote prefix keeps
		// Excel from making one when the cell is edited.
		err = x.f.SetCellStr(sheet, ref, v.Text)
		if x.p.escape && looksLikeFormula(v.Text) {
			style = x.st.textQuoted
		}
	default:
		return nil
	}
	if err != nil || style == 0 {
		return err
	}
	return x.f.SetCellStyle(sheet, ref, ref, style)
}

// summaryStyle formats a number by its unit, bold in the totals row.
func (x *XLSX) summaryStyle(v report.Value, total bool) int {
	st := x.st
	if !v.IsNum {
		if total {
			return st.header
		}
		return st.text
	}
	plain, bold := st.thousands, st.boldThousands
	switch v.Unit {
	case report.UnitMoney:
		plain, bold = st.amount, st.boldMoney
	case report.UnitShare:
		plain, bold = st.share, st.boldShare
	case report.UnitScore:
		plain, bold = st.score, st.boldScore
	}
	if total {
		return bold
	}
	return plain
}

// summaryText approximates how a cell is shown, for its column's width:
// two decimals and room for grouping commas.
func summaryText(v report.Value) string {
	if !v.IsNum {
		return v.Text
	}
	s := strconv.FormatFloat(v.Num, 'f', 2, 64)
	return s + strings.Repeat(",", len(s)/3)
}

func (x *XLSX) summaryChart(sheet string, t *report.Table) error {
	value := -1
	for i, c := range t.Columns {
		if c.Numeric && i > 0 {
			value = i
			break
		}
	}
	if value < 0 || len(t.Rows) == 0 {
		x.p.warn(warncode.SummaryNoChart, 0, fmt.Sprintf("summary %q has no rows or no numeric column: no chart", t.Title))
		return nil
	}
	first, last := summaryHeaderRow+1, summaryHeaderRow+len(t.Rows)
	ref := func(col, row int) string {
		name, _ := excelize.ColumnNumberToName(col + 1)
		return fmt.Sprintf("$%s$%d", name, row)
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	anchor, _ := excelize.CoordinatesToCellName(len(t.Columns)+2, summaryHeaderRow)
	return x.f.AddChart(sheet, anchor, &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       quoted + ref(value, summaryHeaderRow),
			Categories: quoted + ref(0, first) + ":" + ref(0, last),
			Values:     quoted + ref(value, first) + ":" + ref(value, last),
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: chartTitle(t, value)}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
	})
}

func chartTitle(t *report.Table, value int) string {
	if t.Title == "" {
		return t.Columns[value].Name
	}
	return t.Title + " — " + t.Columns[value].Name
}
