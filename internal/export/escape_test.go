package export

import "testing"

func TestEscapeCSV(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"张三", "张三"},
		{hyperlink, "'" + hyperlink},
		{"+8613812345678", "+8613812345678"},        // a phone computes nothing
		{"+1 (415) 555-0100", "'+1 (415) 555-0100"}, // Excel reads the space as an operator
		{"+1+1", "'+1+1"},
		{"-1-1", "'-1-1"},
		{"-1200.50", "-1200.50"},
		{"-5", "-5"},
		{"+A1", "'+A1"},
		{"-SUM(A1:A9)", "'-SUM(A1:A9)"},
		{"+", "'+"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=b", "a=b"},
		{" =x", " =x"},                       // Excel trims nothing: a leading space is text
		{"+86173****0174", "+86173****0174"}, // a masked phone: ** is no operator
		{"+2*3", "'+2*3"},
		{"+**1", "'+**1"},
		{"+86173****01a4", "'+86173****01a4"},
	}
	for _, tt := range tests {
		if got := escapeCSV(tt.in); got != tt.want {
			t.Errorf("escapeCSV(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeCSVCleanValueDoesNotAllocate(t *testing.T) {
	s := "深圳市腾云科技有限公司"
	if n := testing.AllocsPerRun(100, func() { _ = escapeCSV(s) }); n != 0 {
		t.Errorf("escapeCSV of a clean value allocates %v times", n)
	}
}
