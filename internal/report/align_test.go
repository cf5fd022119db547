package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestTableAlignment checks by measurement, not by eye, that every line of
// every rendered table has the same display width (Chinese characters
// counting two) and stays within the terminal width.
func TestTableAlignment(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, width := range []int{80, 100, 0} {
			for _, tbl := range sampleTables(lang) {
				var out bytes.Buffer
				if err := tbl.Render(&out, "table", width); err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
				want := displayWidth(lines[0])
				for i, line := range lines {
					if got := displayWidth(line); got != want {
						t.Errorf("%s %q width %d: line %d is %d wide, line 0 is %d:\n%s", lang, tbl.Title, width, i, got, want, out.String())
						break
					}
				}
				if width > 0 && want > width {
					t.Errorf("%s %q: %d columns wide, terminal has %d:\n%s", lang, tbl.Title, want, width, out.String())
				}
			}
		}
	}
}

// TestTableWrapsLongCompany checks that at 80 columns the long company name
// is wrapped, not cut: every piece of it is still printed.
func TestTableWrapsLongCompany(t *testing.T) {
	top := sampleBuilder("zh", 2).Tiers()[1]
	for _, tc := range []struct {
		width      int
		wantWhole  bool // the name printed on one line
		wantPieces bool // the name printed across lines
	}{
		{width: 0, wantWhole: true},
		{width: 80, wantPieces: true},
	} {
		var out bytes.Buffer
		if err := top.Render(&out, "table", tc.width); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out.String(), longCompany); got != tc.wantWhole {
			t.Errorf("width %d: name on one line = %v, want %v:\n%s", tc.width, got, tc.wantWhole, out.String())
		}
		if tc.wantPieces {
			var company strings.Builder
			for _, line := range strings.Split(out.String(), "\n") {
				cells := strings.Split(line, "│")
				if len(cells) == 9 && !strings.Contains(line, "客户名称") {
					company.WriteString(strings.TrimSpace(cells[4]))
				}
			}
			if !strings.Contains(company.String(), longCompany) {
				t.Errorf("width %d: company column reads %q, want it to hold %q", tc.width, company.String(), longCompany)
			}
		}
	}
}

// TestTableTooNarrow checks the last resort: a table that cannot wrap to
// the width is cut at it rather than folded by the terminal.
func TestTableTooNarrow(t *testing.T) {
	var out bytes.Buffer
	if err := sampleBuilder("en", 0).RFM().Render(&out, "table", 40); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if w := displayWidth(line); w > 40 {
			t.Errorf("line %d is %d wide, want at most 40: %q", i, w, line)
		}
	}
}
