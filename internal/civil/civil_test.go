package civil

import (
	"testing"
	"time"
)

func TestAgainstTime(t *testing.T) {
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 400*366*2; i += 7 {
		tm := start.AddDate(0, 0, i)
		want := int(tm.Unix() / 86400)
		if tm.Unix() < 0 && tm.Unix()%86400 != 0 {
			want--
		}
		y, m, d := tm.Date()
		if got := DaysFromDate(y, int(m), d); got != want {
			t.Fatalf("DaysFromDate(%v) = %d, want %d", tm, got, want)
		}
		if gy, gm, gd := DateFromDays(want); gy != y || gm != int(m) || gd != d {
			t.Fatalf("DateFromDays(%d) = %d-%d-%d, want %v", want, gy, gm, gd, tm)
		}
	}
	if DaysFromDate(1970, 1, 1) != 0 {
		t.Error("epoch is not day 0")
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"1970-01-01", 0, true},
		{"1970-01-02 08:30:00", 1, true},
		{"2024-02-29", DaysFromDate(2024, 2, 29), true},
		{"2023-02-29", 0, false},
		{"2025-13-01", 0, false},
		{"20250101", 0, false},
		{"2025/01/01", 0, false},
		{"", 0, false},
	} {
		got, ok := ParseDate(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseDate(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
