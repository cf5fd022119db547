package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// warncodes SUMMARY prints the warnings of the --summary-json document
// SUMMARY, one a line: code, count (- for null), hint (- for none), for
// cmp stdout. It fails when a warning has no known code, or when the
// warnings are not the ones the last command printed on stderr, in order,
// each with the hint printed after it: the summary and stderr come from
// the same notes.
func warncodes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: warncodes summary.json")
	}
	var doc struct {
		Warnings []struct {
			Code    string `json:"code"`
			Count   *int   `json:"count"`
			Message string `json:"message"`
			Hint    string `json:"hint"`
		} `json:"warnings"`
	}
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &doc))
	var printed []string // each warning line, with the hint line after it
	lines := strings.Split(ts.ReadFile("stderr"), "\n")
	for i, l := range lines {
		if msg, ok := strings.CutPrefix(l, "warning: "); ok {
			hint := ""
			if i+1 < len(lines) {
				hint, _ = strings.CutPrefix(lines[i+1], "hint: ")
				if hint == lines[i+1] {
					hint = ""
				}
			}
			printed = append(printed, msg+"\n"+hint)
		}
	}
	if len(printed) != len(doc.Warnings) {
		ts.Fatalf("stderr has %d warnings, the summary %d", len(printed), len(doc.Warnings))
	}
	var out strings.Builder
	for i, w := range doc.Warnings {
		if w.Code == "" || w.Code == "other" {
			ts.Fatalf("warning without a code: %q", w.Message)
		}
		if got := w.Message + "\n" + w.Hint; got != printed[i] {
			ts.Fatalf("summary warning %d is\n%s\nstderr printed\n%s", i+1, got, printed[i])
		}
		count, hint := "-", "-"
		if w.Count != nil {
			count = fmt.Sprint(*w.Count)
		}
		if w.Hint != "" {
			hint = w.Hint
		}
		fmt.Fprintf(&out, "%s %s %s\n", w.Code, count, hint)
	}
	_, err := ts.Stdout().Write([]byte(out.String()))
	ts.Check(err)
}
