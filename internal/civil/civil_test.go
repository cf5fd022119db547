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
