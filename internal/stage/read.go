package stage

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/warncode"
)

// Read is the records of every input, kept compactly in memory.
type Read struct {
	Input   *ingest.Input
	Stats   ingest.Stats
	Records *record.Store
}

// Collect reads every record of in into a store; rejected rows go to
// rejects.
func Collect(ctx context.Context, in *ingest.Input, rejects RowWriter) (*Read, error) {
	return collect(ctx, in, rejects, false)
}

// CollectForLife is Collect for a command that keeps the store until it
// exits (assign, export): the store is kept outside the Go heap once it is
// large (record.Store.KeepForLife). Not for a store that a later step
// replaces (dedupe's input, the pipeline's).
func CollectForLife(ctx context.Context, in *ingest.Input, rejects RowWriter) (*Read, error) {
	return collect(ctx, in, rejects, true)
}

func collect(ctx context.Context, in *ingest.Input, rejects RowWriter, forLife bool) (*Read, error) {
	sink := &CollectSink{Rejects: rejects}
	if forLife {
		sink.Records.KeepForLife()
	}
	st, err := in.Run(ctx, 0, sink)
	if err != nil {
		return nil, err
	}
	return &Read{Input: in, Stats: st, Records: &sink.Records}, nil
}

// CollectSink keeps every record, compactly, and streams rejects to their
// file.
type CollectSink struct {
	Records record.Store
	Rejects RowWriter
}

func (s *CollectSink) Record(_ *ingest.Table, r *record.Record) error {
	s.Records.Add(r)
	return nil
}

func (s *CollectSink) Reject(_ *ingest.Table, r ingest.Reject) error {
	if s.Rejects == nil {
		return nil
	}
	return s.Rejects.WriteRow(r.Row())
}

// RequireStdin fails when stdin is one of the inputs and held nothing, not
// even a header: the command before this one in a pipe failed, and writing
// an empty result would replace a good file with nothing.
func RequireStdin(in *ingest.Input) error {
	for _, t := range in.Tables {
		if t.Info.Path == "-" && t.HeaderLine == 0 && !t.NoHeader {
			return errs.Dataf("check the command before this one in the pipe (run the chain with `set -o pipefail`); nothing was written",
				"stdin is empty (not even a header row)")
		}
	}
	return nil
}

// MappingNotes warns about --map entries no input uses and about tables
// where no column matched a known field (a wrong header row, or headers
// garbled by a wrong encoding).
func MappingNotes(in *ingest.Input) Notes {
	n := InputNotes(in)
	for _, name := range in.Skipped {
		n.Notef("skipped %s: not a customer table (a summary or notes sheet)", name)
	}
	for _, o := range in.UnusedOverrides() {
		n.Warnf(warncode.MapColumnMissing, 0, "--map %s: no input has that column", o)
	}
	for _, t := range in.Tables {
		if t.HeaderLine > 0 && t.Mapping.Mapped() == 0 {
			n.Warnf(warncode.NoFieldMatched, 0, "%s: no column matched a known field (header on row %d: %s)",
				t.Info.Source(), t.HeaderLine, Truncate(strings.Join(t.Header, ","), 60))
			n.Hintf("check the header row and encoding with `crmkit inspect %s`, or map columns with --map 'Header=field'", t.Info.Name())
		}
	}
	return n
}

// InputSummary says what was read and what could not be normalized.
func InputSummary(in *ingest.Input, st ingest.Stats) []string {
	var out []string
	for _, t := range in.Tables {
		var how []string
		if t.Info.Format == "csv" {
			how = append(how, t.Info.Encoding, DelimiterName(t.Info.Delimiter))
		}
		if t.HeaderLine == 0 && !t.NoHeader {
			out = append(out, fmt.Sprintf("read %s: empty, no header row", t.Info.Source()))
			continue
		}
		if t.NoHeader {
			how = append(how, "no header row (--no-header)")
		} else {
			how = append(how, fmt.Sprintf("header on row %d", t.HeaderLine))
		}
		// crmkit's own columns (a master read back) are mapped too: to
		// what crmkit wrote in them.
		own := OwnColumns(t.Mapping)
		line := fmt.Sprintf("read %s (%s): %d of %d columns mapped",
			t.Info.Source(), strings.Join(how, ", "), t.Mapping.Mapped()+len(own), len(t.Mapping.Columns))
		if len(own) > 0 {
			names := own
			if len(names) > 3 {
				names = append(slices.Clone(names[:3]), "…")
			}
			line += fmt.Sprintf(" (%d are crmkit's own: %s)", len(own), strings.Join(names, ", "))
		}
		out = append(out, line)
	}
	if n := st.Quality.InvalidTotal(); n > 0 {
		var parts []string
		for f, c := range st.Quality.Invalid {
			if c > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", record.Field(f), c))
			}
		}
		out = append(out, fmt.Sprintf("kept as given (could not normalize): %s", strings.Join(parts, ", ")))
	}
	return out
}

// DelimiterName is how summaries show a delimiter.
func DelimiterName(r rune) string {
	switch r {
	case 0:
		return ""
	case '\t':
		return "tab"
	case ',':
		return "comma (,)"
	case ';':
		return "semicolon (;)"
	case '|':
		return "pipe (|)"
	}
	return fmt.Sprintf("%q", r)
}

// Truncate shortens s to n characters, marking the cut with "…".
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
