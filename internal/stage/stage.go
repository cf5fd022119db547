// Package stage holds crmkit's steps — read, dedupe, fold, classify,
// assign, report, write — as plain functions over the record store, and
// the chain `crmkit pipeline` runs. A step returns its result, its counts
// and its notes and warnings as values and prints nothing; a command is
// read → step → write, the pipeline read → steps → write, so the two give
// the same records, the same files and the same warnings.
package stage

import (
	"fmt"

	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/warncode"
)

// Note is a message for the person running crmkit: a note, a warning or
// a hint, printed on stderr as "kind: text". A warning carries its stable
// code (warncode), the number it counts when it counts something, and the
// hint printed after it: --summary-json lists warnings from these fields,
// never from the printed text.
type Note struct {
	Kind  string // "note", "warning", "hint", "decisions", or "" for a plain line
	Code  warncode.Code
	Count int // what a warning counts (rows, numbers, amounts); 0 when it counts nothing
	Text  string
	Hint  string // a warning's hint, printed as "hint: …" after it
}

// Notes are a step's messages, in the order they are printed.
type Notes []Note

// Notef adds a note.
func (n *Notes) Notef(format string, args ...any) {
	*n = append(*n, Note{Kind: "note", Text: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning with its code and, when it counts something, the
// count (0 otherwise).
func (n *Notes) Warnf(code warncode.Code, count int, format string, args ...any) {
	*n = append(*n, Note{Kind: "warning", Code: code, Count: count, Text: fmt.Sprintf(format, args...)})
}

// Hintf gives the warning just added its hint, printed after it. A hint
// after anything else stands on its own.
func (n *Notes) Hintf(format string, args ...any) {
	text := fmt.Sprintf(format, args...)
	if k := len(*n) - 1; k >= 0 && (*n)[k].Kind == "warning" && (*n)[k].Hint == "" {
		(*n)[k].Hint = text
		return
	}
	*n = append(*n, Note{Kind: "hint", Text: text})
}

// Warnings are the warnings among n.
func (n Notes) Warnings() Notes {
	var w Notes
	for _, x := range n {
		if x.Kind == "warning" {
			w = append(w, x)
		}
	}
	return w
}

// RowWriter takes CSV rows: a side file, or nothing.
type RowWriter interface{ WriteRow([]string) error }

// Discard is a RowWriter that keeps nothing.
type Discard struct{}

func (Discard) WriteRow([]string) error { return nil }

// Plural writes "1 row", "2 rows".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// DateText writes a civil day as YYYY-MM-DD.
func DateText(d int) string {
	return string(appendDate(nil, d))
}

// appendDate appends day d as YYYY-MM-DD (as fmt's "%04d-%02d-%02d"
// would, which years before 0 or after 9999 still take).
func appendDate(b []byte, d int) []byte {
	y, m, dd := civil.DateFromDays(d)
	if y < 0 || y > 9999 {
		return fmt.Appendf(b, "%04d-%02d-%02d", y, m, dd)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// Tally is what became of every input row: the conservation line.
type Tally struct {
	In, Out, Merged, Skipped, Rejected int
	// LeftOut are records of Out the view left out (--limit, --sample):
	// the line shows out Out-LeftOut + left out LeftOut.
	LeftOut int
	// ShowMerged writes merged (dedupe, pipeline); ShowSkipped skipped (a
	// fold with --on-match skip).
	ShowMerged, ShowSkipped bool
	// Rejects is where rejected rows went; "" when they were only counted.
	Rejects string
}

// Lines are the closing lines of a run: a warning about rejected rows and
// `in N = out M + …`. A run that only counts rows (a report) gets the
// warning alone.
func (t Tally) Lines() Notes {
	var n Notes
	if t.Rejects == "" {
		if t.Rejected > 0 {
			n.Warnf(warncode.RowsUnreadable, t.Rejected, "%s could not be read and are not counted (crmkit import shows why)", Plural(t.Rejected, "row"))
		}
		return n
	}
	if t.Rejected > 0 {
		n.Warnf(warncode.RowsRejected, t.Rejected, "%s rejected; see %s", Plural(t.Rejected, "row"), t.Rejects)
	}
	line := fmt.Sprintf("in %d = out %d", t.In, t.Out-t.LeftOut)
	if t.ShowMerged {
		line += fmt.Sprintf(" + merged %d", t.Merged)
	}
	if t.ShowSkipped {
		line += fmt.Sprintf(" + skipped %d", t.Skipped)
	}
	if t.LeftOut > 0 {
		line += fmt.Sprintf(" + left out %d", t.LeftOut)
	}
	line += fmt.Sprintf(" + rejected %d", t.Rejected)
	return append(n, Note{Text: line})
}
