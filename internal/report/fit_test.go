package report

import (
	"strings"
	"testing"
)

func TestWrapCell(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"张三", 8, "张三"},
		{"Acme Trading Ltd", 12, "Acme Trading\nLtd"},
		{"Acme Trading Ltd", 8, "Acme\nTrading\nLtd"},
		{"北京星河科技有限公司", 12, "北京星河科\n技有限公司"},    // balanced, not 6 + 4 characters
		{"北京星河科技有限公司", 7, "北京星\n河科技\n有限公\n司"}, // odd width: a wide character never straddles
		{"development", 9, "develo\npment"},
		{"key development", 9, "key\ndevelo\npment"},
		{"a\nbb ccc", 4, "a\nbb\nccc"},
		{"x", 0, "x"},
	}
	for _, tc := range tests {
		got := wrapCell(tc.in, tc.width)
		if got != tc.want {
			t.Errorf("wrapCell(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
		if tc.width > 0 && longestLine(got) > tc.width {
			t.Errorf("wrapCell(%q, %d) has a line of %d", tc.in, tc.width, longestLine(got))
		}
	}
}

// TestWrapCellKeepsText checks that wrapping Chinese (no spaces) loses and
// adds nothing but line breaks, at every width.
func TestWrapCellKeepsText(t *testing.T) {
	for width := 2; width < 70; width++ {
		got := wrapCell(longCompany, width)
		if strings.ReplaceAll(got, "\n", "") != longCompany {
			t.Fatalf("width %d: %q does not rejoin to the name", width, got)
		}
		if longestLine(got) > width {
			t.Fatalf("width %d: line of %d", width, longestLine(got))
		}
	}
}

func TestHeaderFloor(t *testing.T) {
	for header, want := range map[string]int{
		"Customers":     9,
		"Revenue share": 7,
		"R":             1,
		"客户数":           4, // 客户 / 数
		"客户占比":          4, // 客户 / 占比
		"平均":            4, // two characters stay together
		"平均 R":          4,
		"消费金额":          4,
	} {
		if got := headerFloor(header); got != want {
			t.Errorf("headerFloor(%q) = %d, want %d", header, got, want)
		}
	}
}

func TestSanitizeCells(t *testing.T) {
	c := &tableCells{
		header: []string{"客户名称"},
		rows:   [][]string{{"Acme\nTrading"}, {"\x1b[31mred\x1b[0m"}, {"正常"}},
	}
	sanitizeCells(c)
	for i, want := range []string{"Acme Trading", " [31mred [0m", "正常"} {
		if c.rows[i][0] != want {
			t.Errorf("row %d = %q, want %q", i, c.rows[i][0], want)
		}
	}
}
