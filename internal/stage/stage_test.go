package stage

import (
	"strings"
	"testing"
)

func lines(n Notes) string {
	var b strings.Builder
	for _, x := range n {
		if x.Kind != "" {
			b.WriteString(x.Kind + ": ")
		}
		b.WriteString(x.Text + "\n")
	}
	return b.String()
}

// The closing lines every command ends with.
func TestTallyLines(t *testing.T) {
	for _, c := range []struct {
		t    Tally
		want string
	}{
		{Tally{In: 3, Out: 3, Rejects: "r.csv"}, "in 3 = out 3 + rejected 0\n"},
		{Tally{In: 5, Out: 2, Merged: 1, Rejected: 2, ShowMerged: true, Rejects: "crmkit-rejects/dedupe.csv"},
			"warning: 2 rows rejected; see crmkit-rejects/dedupe.csv\nin 5 = out 2 + merged 1 + rejected 2\n"},
		{Tally{In: 9, Out: 5, Merged: 2, Skipped: 2, ShowMerged: true, ShowSkipped: true, Rejects: "r.csv"},
			"in 9 = out 5 + merged 2 + skipped 2 + rejected 0\n"},
		{Tally{In: 4, Out: 3, Rejected: 1}, "warning: 1 row could not be read and are not counted (crmkit import shows why)\n"},
		{Tally{In: 4, Out: 4}, ""},
	} {
		if got := lines(c.t.Lines()); got != c.want {
			t.Errorf("%+v:\n%s\nwant\n%s", c.t, got, c.want)
		}
	}
}
