// Package runsummary owns crmkit's machine-readable account of one run:
// the --summary-json document (versioned, with the conservation counts,
// invalid values per field, warnings with stable codes, the config file,
// inputs, outputs and timing), the --fail-on gates and their exit codes,
// and the --annotations a CI shows next to the input's lines. The CLI
// feeds a Run as the command goes; nothing here prints on its own.
package runsummary

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/crmkit/crmkit/internal/warncode"
)

// SchemaVersion is the version of the --summary-json document. It goes up
// when a field is removed or changes meaning; new fields may be added
// without a new version.
const SchemaVersion = 1

// Summary is the --summary-json document (README: "Using crmkit in CI").
type Summary struct {
	SchemaVersion int            `json:"schema_version"`
	Version       string         `json:"crmkit_version"`
	Command       string         `json:"command"`
	Status        string         `json:"status"` // "ok", "failed" (an error), "gate" (a --fail-on condition held)
	ExitCode      int            `json:"exit_code"`
	Error         *ErrorInfo     `json:"error"`
	ConfigFile    *string        `json:"config_file"`
	Inputs        []Input        `json:"inputs"`
	Outputs       []Output       `json:"outputs"`
	Counts        *Counts        `json:"counts"`
	ReviewPairs   *int           `json:"review_pairs"`
	Invalid       map[string]int `json:"invalid"`
	Unmapped      []Unmapped     `json:"unmapped_columns"`
	Warnings      []Warning      `json:"warnings"`
	FailOn        []GateResult   `json:"fail_on"`
	Timing        Timing         `json:"timing"`
}

// ErrorInfo is the error a failed run ended with, as printed.
type ErrorInfo struct {
	Message string `json:"message"`
	Hint    string `json:"hint"`
}

// Input is one table read: a file, or one sheet of a workbook.
type Input struct {
	Path     string `json:"path"`
	Table    string `json:"table"` // file[:sheet]
	RowsIn   int    `json:"rows_in"`
	RowsOut  int    `json:"rows_out"`
	Rejected int    `json:"rejected"`
}

// Output is one file the run wrote ("-" for stdout).
type Output struct {
	Flag string `json:"flag"` // how it was chosen: "-o", "--rejects", "pipeline.audit"
	Path string `json:"path"`
}

// Counts are the conservation line: In = Out + Merged + Skipped +
// Rejected + LeftOut.
type Counts struct {
	In       int `json:"in"`
	Out      int `json:"out"`
	Merged   int `json:"merged"`
	Skipped  int `json:"skipped"`
	Rejected int `json:"rejected"`
	LeftOut  int `json:"left_out"` // rows --limit or --sample left out
}

// Unmapped is an input column that maps to no canonical field: it is kept
// under its own header.
type Unmapped struct {
	Table  string `json:"table"`
	Column string `json:"column"`
}

// Warning is a warning the run printed: its stable code (warncode), the
// number it counts (null when it counts nothing), the message and hint as
// printed.
type Warning struct {
	Code    string `json:"code"`
	Count   *int   `json:"count"`
	Message string `json:"message"`
	Hint    string `json:"hint"`
}

// Timing says when the run started and how long it took.
type Timing struct {
	StartedAt string  `json:"started_at"` // RFC 3339, UTC
	Seconds   float64 `json:"seconds"`
}

// Run collects a Summary while a command runs. Its methods may be called
// from any goroutine.
type Run struct {
	mu      sync.Mutex
	s       Summary
	started time.Time
	ann     *Annotator
}

// New starts the summary of command.
func New(command, version string, now time.Time) *Run {
	return &Run{
		started: now,
		s: Summary{
			SchemaVersion: SchemaVersion, Version: version, Command: command,
			Inputs: []Input{}, Outputs: []Output{}, Invalid: map[string]int{},
			Unmapped: []Unmapped{}, Warnings: []Warning{}, FailOn: []GateResult{},
		},
	}
}

// SetAnnotator keeps the run's annotator (--annotations).
func (r *Run) SetAnnotator(a *Annotator) { r.do(func() { r.ann = a }) }

// Annotator is the run's annotator, or nil when none was asked for.
func (r *Run) Annotator() *Annotator {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ann
}

// SetCommand names the command (the full path: "config validate").
func (r *Run) SetCommand(c string) { r.do(func() { r.s.Command = c }) }

// SetConfigFile records the config file read.
func (r *Run) SetConfigFile(path string) {
	r.do(func() { r.s.ConfigFile = &path })
}

// AddInput records a table read.
func (r *Run) AddInput(in Input) { r.do(func() { r.s.Inputs = append(r.s.Inputs, in) }) }

// AddOutput records a file written.
func (r *Run) AddOutput(o Output) {
	r.do(func() {
		if !slices.Contains(r.s.Outputs, o) {
			r.s.Outputs = append(r.s.Outputs, o)
		}
	})
}

// AddInvalid adds values of field that could not be normalized.
func (r *Run) AddInvalid(field string, n int) {
	r.do(func() { r.s.Invalid[field] += n })
}

// AddUnmapped records a column that maps to no field.
func (r *Run) AddUnmapped(u Unmapped) {
	r.do(func() {
		if !slices.Contains(r.s.Unmapped, u) {
			r.s.Unmapped = append(r.s.Unmapped, u)
		}
	})
}

// SetCounts records the conservation line. A chain (pipeline) calls it
// once, at its end.
func (r *Run) SetCounts(c Counts) { r.do(func() { r.s.Counts = &c }) }

// SetReviewPairs records how many pairs were left for a person to review.
func (r *Run) SetReviewPairs(n int) { r.do(func() { r.s.ReviewPairs = &n }) }

// Summary returns a copy of what was collected so far.
func (r *Run) Summary() Summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.s
}

// do runs f under the lock; a nil Run (no summary asked for) does nothing.
func (r *Run) do(f func()) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	f()
}

// AddWarning records a warning as it is printed: its code, what it
// counts (0: nothing), its message and hint. A warning without a known
// code is recorded as warncode.Other, a bug the tests keep out.
func (r *Run) AddWarning(code warncode.Code, count int, msg, hint string) {
	if !warncode.Known(code) {
		code = warncode.Other
	}
	w := Warning{Code: string(code), Message: msg, Hint: hint}
	if count != 0 {
		w.Count = &count
	}
	r.do(func() { r.s.Warnings = append(r.s.Warnings, w) })
}

// Stderr returns w carrying r: whatever prints on the run's stderr finds
// the run there (RunOf) to record what it prints, warnings included. The
// bytes pass through untouched; nothing is read back from them.
func (r *Run) Stderr(w io.Writer) io.Writer { return &runStderr{Writer: w, r: r} }

type runStderr struct {
	io.Writer
	r *Run
}

// Finish completes the summary: the exit code and the error the run ends
// with (message and hint as printed; nil when it succeeded), the gates'
// results, and the time taken.
func (r *Run) Finish(code int, errMsg, hint string, gates []GateResult, now time.Time) Summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.s.ExitCode = code
	switch {
	case errMsg != "":
		r.s.Status = "failed"
		r.s.Error = &ErrorInfo{Message: errMsg, Hint: hint}
	case code != 0:
		r.s.Status = "gate"
	default:
		r.s.Status = "ok"
	}
	if gates != nil {
		r.s.FailOn = gates
	}
	r.s.Timing = Timing{
		StartedAt: r.started.UTC().Format(time.RFC3339),
		Seconds:   math.Round(now.Sub(r.started).Seconds()*1000) / 1000,
	}
	return r.s
}

// WriteJSON writes s as indented JSON with a final newline.
func (s Summary) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	return bw.Flush()
}

// RunOf returns the Run whose Stderr w is, or nil: the summary travels
// with the run's stderr, so whatever prints the closing line can record
// it without another parameter.
func RunOf(w io.Writer) *Run {
	if t, ok := w.(*runStderr); ok {
		return t.r
	}
	return nil
}
