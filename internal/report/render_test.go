package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestRenderUnknownFormat(t *testing.T) {
	var out bytes.Buffer
	err := sampleBuilder("zh", 0).RFM().Render(&out, "xlsx", 80)
	if err == nil || !strings.Contains(err.Error(), `"xlsx"`) || !strings.Contains(err.Error(), "markdown") {
		t.Errorf("err = %v, want it to name the format and list the valid ones", err)
	}
	if out.Len() != 0 {
		t.Errorf("wrote %q before failing", out.String())
	}
}

// TestRenderEscapes checks that text from a CRM export cannot break or
// inject into any output.
func TestRenderEscapes(t *testing.T) {
	b := NewBuilder("en", 1)
	b.Add(&Customer{ID: "x", Company: "<b>A|B</b>, \"Ltd\"\n=cmd", Owner: "=HYPERLINK(1)", Tier: "high", Revenue: 1})
	top := b.Tiers()[1]
	tests := []struct {
		format string
		want   []string
		reject []string
	}{
		{"html", []string{"&lt;b&gt;A|B&lt;/b&gt;"}, []string{"<b>"}},
		{"markdown", []string{`A\|B`}, []string{"\n=cmd"}},
		{"csv", []string{`"<b>A|B</b>, ""Ltd""` + "\n=cmd\"", "'=HYPERLINK(1)"}, nil},
		{"table", []string{"=cmd"}, []string{"\n=cmd"}},
		{"json", []string{`"<b>A|B</b>, \"Ltd\"\n=cmd"`, `"=HYPERLINK(1)"`}, nil},
	}
	for _, tc := range tests {
		var out bytes.Buffer
		if err := top.Render(&out, tc.format, 0); err != nil {
			t.Fatal(err)
		}
		for _, want := range tc.want {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: want %q in\n%s", tc.format, want, out.String())
			}
		}
		for _, reject := range tc.reject {
			if strings.Contains(out.String(), reject) {
				t.Errorf("%s: %q must not appear in\n%s", tc.format, reject, out.String())
			}
		}
	}
}

func TestRenderAllSeparatesTables(t *testing.T) {
	tables := sampleTables("en")[:2]
	for _, format := range []string{"table", "csv", "tsv", "markdown", "html"} {
		var out bytes.Buffer
		if err := RenderAll(&out, tables, format, 80); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(out.String(), "\n\n"); got != 1 {
			t.Errorf("%s: %d blank lines between 2 tables, want 1:\n%s", format, got, out.String())
		}
		if !strings.HasSuffix(out.String(), "\n") || strings.HasSuffix(out.String(), "\n\n") {
			t.Errorf("%s: output should end with exactly one newline", format)
		}
	}
}

// TestCSVHasNoTitle keeps CSV and TSV plain data a reader can parse.
func TestCSVHasNoTitle(t *testing.T) {
	tbl := sampleBuilder("en", 0).Tiers()[0]
	for _, format := range []string{"csv", "tsv"} {
		var out bytes.Buffer
		if err := tbl.Render(&out, format, 0); err != nil {
			t.Fatal(err)
		}
		if first, _, _ := strings.Cut(out.String(), "\n"); !strings.HasPrefix(first, "ABC") {
			t.Errorf("%s starts with %q, want the header", format, first)
		}
	}
}
