package tabular

import (
	"strings"
	"testing"
)

func TestAppendNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"13812345678", "13812345678"},
		{"12345.5", "12345.5"},
		{"-42", "-42"},
		{"0", "0"},
		{"1E+20", "100000000000000000000"},
		{"1e20", "100000000000000000000"},
		{"1.3812345678E10", "13812345678"},
		{"-1.5E-7", "-0.00000015"},
		{"0.30000000000000004", "0.3"},
		{"12345.670000000002", "12345.67"},
		{"123456789012345678", "123456789012346000"},
		{"9.9999999999999999E+22", "100000000000000000000000"},
		{"0.000001", "0.000001"},
		{"-0", "-0"},
		{"1.", "1"},
		{" 5 ", "5"},
		{"abc", "abc"},
		{"NaN", "NaN"},
		{"1E+400", "1E+400"},
	}
	for _, tt := range tests {
		if got := string(appendNumber(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("appendNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendNumberCleanValueDoesNotAllocate(t *testing.T) {
	dst := make([]byte, 0, 64)
	v := []byte("13812345678")
	if n := testing.AllocsPerRun(100, func() { dst = appendNumber(dst[:0], v) }); n != 0 {
		t.Errorf("appendNumber allocates %v times for a plain number", n)
	}
}

func TestExcelSerialDate(t *testing.T) {
	tests := []struct {
		serial   float64
		date1904 bool
		want     string
		ok       bool
	}{
		{45720, false, "2025-03-04", true},
		{45720.604166666667, false, "2025-03-04 14:30:00", true},
		{45720.99999999, false, "2025-03-05", true}, // rounds to the next midnight
		{1, false, "1900-01-01", true},
		{59, false, "1900-02-28", true},
		{60, false, "", false}, // Excel's 29 February 1900, which never was
		{61, false, "1900-03-01", true},
		{0, false, "", false},
		{0.5, false, "", false},
		{-1, false, "", false},
		{2958465, false, "9999-12-31", true},
		{2958466, false, "", false},
		{0, true, "1904-01-01", true},
		{44258, true, "2025-03-04", true},
		{2957003, true, "9999-12-31", true},
		{2957004, true, "", false}, // past 9999 in the 1904 system
	}
	for _, tt := range tests {
		got, ok := excelSerialDate(nil, tt.serial, tt.date1904)
		if string(got) != tt.want || ok != tt.ok {
			t.Errorf("excelSerialDate(%v, %v) = %q, %v; want %q, %v", tt.serial, tt.date1904, got, ok, tt.want, tt.ok)
		}
	}
}

func TestAppendTimeOfDay(t *testing.T) {
	tests := []struct {
		serial float64
		want   string
	}{
		{0, "00:00:00"},
		{0.5, "12:00:00"},
		{14.5 / 24, "14:30:00"},
		{0.999999999, "23:59:59"},
		{45720.75, "2025-03-04 18:00:00"}, // a date-time in a time format
	}
	for _, tt := range tests {
		if got, _ := appendTimeOfDay(nil, tt.serial, false); string(got) != tt.want {
			t.Errorf("appendTimeOfDay(%v) = %q, want %q", tt.serial, got, tt.want)
		}
	}
}

func TestAppendISODate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-03-04T14:30:00Z", "2025-03-04 14:30:00"},
		{"2025-03-04T14:30:00.123", "2025-03-04 14:30:00"},
		{"2025-03-04T00:00:00", "2025-03-04"},
		{"2025-03-04", "2025-03-04"},
		{"soon", "soon"},
	}
	for _, tt := range tests {
		if got := string(appendISODate(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("appendISODate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnescapeXString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a_x000D_b", "a\rb"},
		{"_x005F_x000D_", "_x000D_"},
		{"_xD83D__xDE00_", "😀"},
		{"_xD83D_", "\uFFFD"},
		{"_x00zz_ _x12", "_x00zz_ _x12"},
		{"客户_x0009_名称", "客户\t名称"},
	}
	for _, tt := range tests {
		if got := string(unescapeXString([]byte(tt.in))); got != tt.want {
			t.Errorf("unescapeXString(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTooLongForCell(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantLen int // in runes
		cut     bool
	}{
		{"short", "客户", 2, false},
		{"exactly the limit in Chinese", strings.Repeat("客", maxCellChars), maxCellChars, false},
		{"one over", strings.Repeat("a", maxCellChars+1), maxCellChars, true},
		{"emoji count twice", strings.Repeat("😀", maxCellChars/2+1), maxCellChars / 2, true},
	}
	for _, tt := range tests {
		got, cut := tooLongForCell([]byte(tt.in))
		if cut != tt.cut || len([]rune(string(got))) != tt.wantLen {
			t.Errorf("%s: got %d runes, cut %v; want %d, %v", tt.name, len([]rune(string(got))), cut, tt.wantLen, tt.cut)
		}
	}
}
