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
)

// Note is a message for the person running crmkit: a note, a warning or
// a hint, printed on stderr as "kind: text".
type Note struct {
	Kind string // "note", "warning" or "hint"
	Text string
}

// Notes are a step's messages, in the order they are printed.
type Notes []Note

func (n *Notes) add(kind, format string, args ...any) {
	*n = append(*n, Note{kind, fmt.Sprintf(format, args...)})
}

func (n *Notes) Notef(format string, args ...any) { n.add("note", format, args...) }
func (n *Notes) Warnf(format string, args ...any) { n.add("warning", format, args...) }
func (n *Notes) Hintf(format string, args ...any) { n.add("hint", format, args...) }

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
	y, m, dd := civil.DateFromDays(d)
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
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
			n.Warnf("%s could not be read and are not counted (crmkit import shows why)", Plural(t.Rejected, "row"))
		}
		return n
	}
	if t.Rejected > 0 {
		n.Warnf("%s rejected; see %s", Plural(t.Rejected, "row"), t.Rejects)
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
	return append(n, Note{"", line})
}
