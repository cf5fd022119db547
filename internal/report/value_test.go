package report

import (
	"math"
	"testing"
)

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		v              Value
		human, machine string
	}{
		{Count(0), "0", "0"},
		{Count(1234567), "1,234,567", "1234567"},
		{Money(0), "0.00", "0.00"},
		{Money(999.999), "1,000.00", "1000.00"},
		{Money(1021500.75), "1,021,500.75", "1021500.75"},
		{Money(-1234.5), "-1,234.50", "-1234.50"},
		{Money(-0.001), "0.00", "0.00"}, // no "-0.00"
		{Share(1, 8), "12.5%", "0.125"},
		{Share(1, 3), "33.3%", "0.3333"},
		{Share(8, 8), "100.0%", "1"},
		{Share(0, 8), "0.0%", "0"},
		{Score(3.25), "3.3", "3.25"},
		{Score(2.0 / 3), "0.7", "0.67"},
	}
	for _, tc := range tests {
		if got := humanNumber(tc.v); got != tc.human {
			t.Errorf("humanNumber(%v) = %q, want %q", tc.v, got, tc.human)
		}
		if got := machineNumber(tc.v); got != tc.machine {
			t.Errorf("machineNumber(%v) = %q, want %q", tc.v, got, tc.machine)
		}
	}
}

func TestEmptyNumbers(t *testing.T) {
	for name, v := range map[string]Value{
		"share of nothing": Share(3, 0),
		"NaN money":        Money(math.NaN()),
		"infinite score":   Score(math.Inf(-1)),
	} {
		if v.IsNum {
			t.Errorf("%s = %v, want an empty cell", name, v)
		}
		if got := cellText(v, Column{Numeric: true}); got != "-" {
			t.Errorf("%s reads %q, want -", name, got)
		}
		if got := cellData(v); got != "" {
			t.Errorf("%s in CSV = %q, want empty", name, got)
		}
	}
}

func TestGroup(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "1": "1", "123": "123", "1234": "1,234", "123456": "123,456",
		"1234567.89": "1,234,567.89", "-123": "-123", "-1234.00": "-1,234.00", "100.5": "100.5",
	} {
		if got := group(in); got != want {
			t.Errorf("group(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProtectFormula(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+8613800000000":    "'+8613800000000",
		"-1":                "'-1",
		"@SUM(A1)":          "'@SUM(A1)",
		"张三":                "张三",
		"":                  "",
		"a=b":               "a=b",
	} {
		if got := cellData(Text(in)); got != want {
			t.Errorf("cellData(%q) = %q, want %q", in, got, want)
		}
	}
	if got := cellData(Money(-5)); got != "-5.00" {
		t.Errorf("negative amount in CSV = %q, want -5.00 (a number, not protected text)", got)
	}
}
