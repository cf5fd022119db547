package stage

import (
	"testing"

	"github.com/crmkit/crmkit/internal/warncode"
)

// TestWarningCarriesCodeCountAndHint: a warning is made with its code and
// count, and the hint after it is its own, not a note of its own; a hint
// after no warning stands alone.
func TestWarningCarriesCodeCountAndHint(t *testing.T) {
	var n Notes
	n.Notef("read %d rows", 3)
	n.Hintf("a hint after a note")
	n.Warnf(warncode.DateOrderAmbiguous, 2, "%d dates kept as given", 2)
	n.Hintf("pass --date-order %s", "dmy")
	n.Hintf("a second hint")
	n.Warnf(warncode.MapColumnMissing, 0, "--map x=company: no input has that column")
	want := Notes{
		{Kind: "note", Text: "read 3 rows"},
		{Kind: "hint", Text: "a hint after a note"},
		{Kind: "warning", Code: warncode.DateOrderAmbiguous, Count: 2, Text: "2 dates kept as given", Hint: "pass --date-order dmy"},
		{Kind: "hint", Text: "a second hint"},
		{Kind: "warning", Code: warncode.MapColumnMissing, Text: "--map x=company: no input has that column"},
	}
	if len(n) != len(want) {
		t.Fatalf("got %+v", n)
	}
	for i := range want {
		if n[i] != want[i] {
			t.Errorf("note %d: got %+v, want %+v", i, n[i], want[i])
		}
	}
	if w := n.Warnings(); len(w) != 2 || w[0].Code != warncode.DateOrderAmbiguous || w[1].Code != warncode.MapColumnMissing {
		t.Errorf("warnings %+v", w)
	}
}

// TestTallyWarningsCountRows: the closing warning counts the rejected
// rows, with the code that says whether a rejects file has them.
func TestTallyWarningsCountRows(t *testing.T) {
	for _, c := range []struct {
		t    Tally
		code warncode.Code
	}{
		{Tally{In: 5, Out: 2, Rejected: 3, Rejects: "out.rejects.csv"}, warncode.RowsRejected},
		{Tally{In: 5, Out: 2, Rejected: 3}, warncode.RowsUnreadable},
	} {
		w := c.t.Lines().Warnings()
		if len(w) != 1 || w[0].Code != c.code || w[0].Count != 3 {
			t.Errorf("%+v: warnings %+v", c.t, w)
		}
	}
	if w := (Tally{In: 5, Out: 5, Rejects: "x"}).Lines().Warnings(); len(w) != 0 {
		t.Errorf("no rows rejected, yet %+v", w)
	}
}
