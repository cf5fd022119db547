package export

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Len counts what Excel's length limits count: UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func TestSafeSheetName(t *testing.T) {
	long := strings.Repeat("客", 40)
	tests := []struct {
		name  string
		taken []string
		want  string
	}{
		{"高", nil, "高"},
		{"a/b\\c[d]:e*f?g", nil, "a_b_c_d__e_f_g"},
		{"O'Brien", nil, "O’Brien"},
		{"'quoted'", nil, "’quoted’"},
		{"  ", nil, "_"},
		{"", nil, "_"},
		{"History", nil, "History_"},
		{"history", nil, "history_"},
		{long, nil, strings.Repeat("客", 31)},
		{"高", []string{"高"}, "高 (2)"},
		{"高", []string{"高", "高 (2)"}, "高 (3)"},
		{"Owner", []string{"owner"}, "Owner (2)"},
		{long, []string{strings.Repeat("客", 31)}, strings.Repeat("客", 27) + " (2)"},
		{"😀" + strings.Repeat("a", 30), nil, "😀" + strings.Repeat("a", 29)}, // emoji = 2 UTF-16 units
		{"tab\there", nil, "tab_here"},
	}
	for _, tt := range tests {
		taken := map[string]bool{}
		for _, n := range tt.taken {
			taken[strings.ToLower(n)] = true
		}
		got := SafeSheetName(tt.name, taken)
		if got != tt.want {
			t.Errorf("SafeSheetName(%q, %v) = %q, want %q", tt.name, tt.taken, got, tt.want)
		}
		if !taken[strings.ToLower(got)] {
			t.Errorf("SafeSheetName(%q) did not record %q as taken", tt.name, got)
		}
		if n := utf16Len(got); n > 31 {
			t.Errorf("SafeSheetName(%q) = %q is %d UTF-16 units long", tt.name, got, n)
		}
	}
}

func TestSafeFileStem(t *testing.T) {
	tests := []struct {
		value string
		taken []string
		want  string
	}{
		{"高", nil, "高"},
		{`a<b>c:"d/e\f|g?h*`, nil, "a_b_c__d_e_f_g_h_"},
		{"../etc", nil, "_etc"},
		{".hidden", nil, "hidden"},
		{"trailing. ", nil, "trailing"},
		{"", nil, "_"},
		{"张三", []string{"张三"}, "张三 (2)"},
		{"Bob", []string{"bob"}, "Bob (2)"},
		{strings.Repeat("客", 50), nil, strings.Repeat("客", 33)}, // 99 bytes
	}
	for _, tt := range tests {
		taken := map[string]bool{}
		for _, n := range tt.taken {
			taken[n] = true
		}
		if got := SafeFileStem(tt.value, taken); got != tt.want {
			t.Errorf("SafeFileStem(%q) = %q, want %q", tt.value, got, tt.want)
		}
	}
}
