package runsummary

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/errs"
)

// Exit codes of the --fail-on conditions. 0, 1, 2 are ok, error and usage
// error; rejected rows keep the 3 --strict has always given.
const (
	ExitRejected = 3 // rows were rejected
	ExitReview   = 4 // pairs were left for a person to review
	ExitInvalid  = 5 // a field has more invalid values than allowed
	ExitUnmapped = 6 // an input column maps to no field
)

// Gate is one --fail-on condition.
type Gate struct {
	Name string // rejected, review, invalid, unmapped
	Max  int    // invalid: the most invalid values a field may have
}

// String is the condition as the user writes it.
func (g Gate) String() string {
	if g.Name == "invalid" {
		return fmt.Sprintf("invalid>%d", g.Max)
	}
	return g.Name
}

// ExitCode is the exit status the run ends with when g holds.
func (g Gate) ExitCode() int {
	switch g.Name {
	case "rejected":
		return ExitRejected
	case "review":
		return ExitReview
	case "invalid":
		return ExitInvalid
	}
	return ExitUnmapped
}

// GateResult is a gate checked against a run.
type GateResult struct {
	Condition string `json:"condition"`
	Failed    bool   `json:"failed"`
	ExitCode  int    `json:"exit_code"`
	Detail    string `json:"detail"`
}

// GateHelp documents the conditions for --help and the README.
const GateHelp = `rejected   a row was rejected (exit 3, as --strict)
review     pairs were left for a person to review (exit 4)
invalid>N  a field has more than N values that could not be normalized; invalid = invalid>0 (exit 5)
unmapped   an input column maps to no canonical field (exit 6)`

// ParseGates reads --fail-on values; each may hold several conditions
// separated by commas.
func ParseGates(values []string) ([]Gate, error) {
	var out []Gate
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			part = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(part), " ", ""))
			if part == "" {
				continue
			}
			g, err := parseGate(part)
			if err != nil {
				return nil, err
			}
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	return out, nil
}

func parseGate(s string) (Gate, error) {
	switch s {
	case "rejected", "review", "unmapped":
		return Gate{Name: s}, nil
	case "invalid":
		return Gate{Name: "invalid"}, nil
	}
	if n, ok := strings.CutPrefix(s, "invalid>"); ok {
		max, err := strconv.Atoi(n)
		if err == nil && max >= 0 {
			return Gate{Name: "invalid", Max: max}, nil
		}
	}
	return Gate{}, errs.Usagef("conditions are rejected, review, invalid>N (e.g. invalid>10) and unmapped; separate several with commas",
		"--fail-on %q is not a condition", s)
}

// Check checks gates against what the run did, in the order given.
func Check(gates []Gate, s Summary) []GateResult {
	out := make([]GateResult, 0, len(gates))
	for _, g := range gates {
		r := GateResult{Condition: g.String(), ExitCode: g.ExitCode()}
		switch g.Name {
		case "rejected":
			n := 0
			if s.Counts != nil {
				n = s.Counts.Rejected
			} else {
				for _, in := range s.Inputs {
					n += in.Rejected
				}
			}
			r.Failed = n > 0
			r.Detail = plural(n, "row") + " rejected"
		case "review":
			if s.ReviewPairs == nil {
				r.Detail = "this command leaves no pairs to review"
				break
			}
			r.Failed = *s.ReviewPairs > 0
			r.Detail = plural(*s.ReviewPairs, "pair") + " left to review"
		case "invalid":
			var over []string
			fields := make([]string, 0, len(s.Invalid))
			for f := range s.Invalid {
				fields = append(fields, f)
			}
			slices.Sort(fields)
			for _, f := range fields {
				if n := s.Invalid[f]; n > g.Max {
					over = append(over, fmt.Sprintf("%s %d", f, n))
				}
			}
			r.Failed = len(over) > 0
			if r.Failed {
				r.Detail = fmt.Sprintf("invalid values above %d: %s", g.Max, strings.Join(over, ", "))
			} else {
				r.Detail = fmt.Sprintf("no field has more than %d invalid values", g.Max)
			}
		case "unmapped":
			r.Failed = len(s.Unmapped) > 0
			if r.Failed {
				var cols []string
				for _, u := range s.Unmapped {
					cols = append(cols, fmt.Sprintf("%q (%s)", u.Column, u.Table))
				}
				r.Detail = "columns mapped to no field: " + strings.Join(cols, ", ")
			} else {
				r.Detail = "every column maps to a field"
			}
		}
		out = append(out, r)
	}
	return out
}

// FirstFailed is the first gate that held, or nil.
func FirstFailed(results []GateResult) *GateResult {
	for i := range results {
		if results[i].Failed {
			return &results[i]
		}
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
