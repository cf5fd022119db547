package export

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/report"
	"github.com/xuri/excelize/v2"
)

func tierTable() *report.Table {
	return &report.Table{
		Title: "客户价值分层",
		Columns: []report.Column{
			{Name: "ABC", Key: "abc_class"}, {Name: "价值层级", Key: "value_tier"},
			{Name: "客户数", Key: "customers", Numeric: true}, {Name: "客户占比", Key: "customer_share", Numeric: true},
			{Name: "消费金额", Key: "revenue", Numeric: true},
		},
		Rows: [][]report.Value{
			{report.Text("A"), report.Text("高"), report.Count(20), report.Share(20, 100), report.Money(800000)},
			{report.Text("B"), report.Text("中"), report.Count(30), report.Share(30, 100), report.Money(150000)},
			{report.Text("C"), report.Text("低"), report.Count(50), report.Share(50, 100), report.Money(50000)},
		},
		Total: []report.Value{report.Text("合计"), {}, report.Count(100), report.Share(100, 100), report.Money(1000000)},
	}
}

func TestXLSXSummary(t *testing.T) {
	data, warnings := writeXLSX(t, fixtureCols, Options{Summary: tierTable()}, fixtureRows)
	if len(warnings) != 0 {
		t.Errorf("warnings = %q", warnings)
	}
	f := openXLSX(t, data)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"汇总", "客户"}) {
		t.Fatalf("sheets = %v", got)
	}
	rows, _ := f.GetRows("汇总", rawValues)
	want := [][]string{
		{"客户价值分层"}, nil,
		{"ABC", "价值层级", "客户数", "客户占比", "消费金额"},
		{"A", "高", "20", "0.2", "800000"},
		{"B", "中", "30", "0.3", "150000"},
		{"C", "低", "50", "0.5", "50000"},
		{"合计", "", "100", "1", "1000000"},
	}
	if len(rows) != len(want) {
		t.Fatalf("summary rows = %q", rows)
	}
	for i := range want {
		if !slices.Equal(rows[i], want[i]) && !(len(want[i]) == 0 && len(rows[i]) == 0) {
			t.Errorf("summary row %d = %q, want %q", i+1, rows[i], want[i])
		}
	}
	if shown, _ := f.GetCellValue("汇总", "D4"); shown != "20.0%" {
		t.Errorf("share shows %q, want 20.0%%", shown)
	}
	chart := html.UnescapeString(zipEntry(t, data, "xl/charts/chart1.xml"))
	for _, ref := range []string{"'汇总'!$A$4:$A$6", "'汇总'!$C$4:$C$6", "<barChart>"} {
		if !strings.Contains(chart, ref) {
			t.Errorf("chart does not contain %s:\n%.600s", ref, chart)
		}
	}
}

func TestXLSXSummaryWithoutNumbersHasNoChart(t *testing.T) {
	table := &report.Table{Title: "空", Columns: []report.Column{{Name: "a"}}, Rows: [][]report.Value{{report.Text("x")}}}
	data, warnings := writeXLSX(t, fixtureCols, Options{Summary: table}, fixtureRows)
	if zipEntry(t, data, "xl/charts/chart1.xml") != "" || len(warnings) != 1 {
		t.Errorf("chart made for a table without numbers; warnings %q", warnings)
	}
}

var rawValues = excelize.Options{RawCellValue: true}

func zipEntry(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			return string(b)
		}
	}
	return ""
}

// A summary given late (Options.SummaryFrom, asked for when the sheet is
// due) makes the same workbook as the same summary given up front: one
// sheet, split sheets, sheets continued past MaxRows, and a split value
// that is the summary sheet's own name.
func TestLateSummaryIsSummary(t *testing.T) {
	rows := slices.Clone(fixtureRows)
	rows = append(rows, []string{"999", "汇总公司", "", "", "", "", "", "", "", "", "汇总"})
	// More rows than the column widths are measured on: the one sheet is
	// started while the rows are written, not at Close, and the summary
	// must still come before it.
	many := slices.Clone(rows)
	for len(many) <= widthSampleRows {
		many = append(many, fixtureRows[len(many)%len(fixtureRows)])
	}
	for _, c := range []struct {
		opts Options
		rows [][]string
	}{
		{Options{}, rows},
		{Options{SplitBy: "value_tier"}, rows},
		{Options{SplitBy: "value_tier", MaxRows: 2}, rows},
		{Options{MaxRows: 3, Lang: "en"}, rows},
		{Options{}, many},
		{Options{Lang: "en", MaxRows: 600}, many},
	} {
		opts, rows := c.opts, c.rows
		early := opts
		early.Summary = tierTable()
		want, wantWarn := writeXLSX(t, fixtureCols, early, rows)
		calls := 0
		late := opts
		late.SummaryFrom = func() *report.Table { calls++; return tierTable() }
		got, gotWarn := writeXLSX(t, fixtureCols, late, rows)
		if !bytes.Equal(got, want) || !slices.Equal(gotWarn, wantWarn) || calls != 1 {
			t.Errorf("%+v, %d rows: late summary (asked %d times) wrote other bytes or warnings: %q, want %q", opts, len(rows), calls, gotWarn, wantWarn)
		}
		if sheets := openXLSX(t, got).GetSheetList(); sheets[0] != wordsFor(opts.Lang).summary {
			t.Errorf("%+v: sheets %v", opts, sheets)
		}
	}
}
