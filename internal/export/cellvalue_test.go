package export

import (
	"strconv"
	"testing"
)

func TestDateSerial(t *testing.T) {
	tests := []struct {
		in       string
		want     float64
		withTime bool
		ok       bool
	}{
		{"2025-03-04", 45720, false, true},
		{"1900-03-01", 61, false, true},
		{"1970-01-01", 25569, false, true},
		{"2024-02-29", 45351, false, true},
		{"2025-03-05 14:30:00", 45721.6041666667, true, true},
		{"2025-03-05T14:30:00", 45721.6041666667, true, true},
		{"2024-01-01 00:00:00", 45292, true, true},
		{"2025-03-05 23:59:59", 45721.9999884259, true, true},
		{"1900-02-28", 0, false, false}, // before Excel's phantom 1900-02-29
		{"2025-02-30", 0, false, false},
		{"2025-13-01", 0, false, false},
		{"2025-03-05 24:00:00", 0, false, false},
		{"2025-03-05 14:30", 0, false, false},
		{"2025/03/04", 0, false, false},
		{"not a date", 0, false, false},
		{"", 0, false, false},
	}
	for _, tt := range tests {
		got, withTime, ok := dateSerial(tt.in)
		if ok != tt.ok || withTime != tt.withTime || got != tt.want {
			t.Errorf("dateSerial(%q) = %v, %v, %v; want %v, %v, %v", tt.in, got, withTime, ok, tt.want, tt.withTime, tt.ok)
		}
		// excelize writes at most 15 significant digits: a serial must
		// already fit, or it is truncated on the way out.
		if s := strconv.FormatFloat(got, 'f', -1, 64); ok && len(s) > 16 {
			t.Errorf("dateSerial(%q) = %s has more than 15 digits", tt.in, s)
		}
	}
}

func TestDecimalNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"12345.5", 12345.5, true},
		{"-5", -5, true},
		{"0", 0, true},
		{"0.1", 0.1, true},
		{"007", 7, true},
		{"123456789012345", 123456789012345, true},
		{"1234567890123456", 0, false}, // 16 digits: Excel would change it
		{"0.000000000000000123", 1.23e-16, true},
		{"100000000000000000000", 1e20, true},
		{"1.2万", 0, false},
		{"1e5", 0, false},
		{"+5", 0, false},
		{"1,234", 0, false},
		{"Inf", 0, false},
		{"NaN", 0, false},
		{"5.", 0, false},
		{"-", 0, false},
		{".", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := decimalNumber(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("decimalNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
