package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crmkit/crmkit/internal/atomicfile"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/runsummary"
	"github.com/crmkit/crmkit/internal/stage"
)

// machine.go is crmkit's contract for machines: --summary-json,
// --fail-on and --annotations, on every command. The run's summary
// travels with its stderr (runsummary.RunOf), so the places that already
// print what a run did — the closing lines, the input summary, the
// outputs committed — record it too.

// machineRun is what the flags asked for.
type machineRun struct {
	run         *runsummary.Run
	errOut      io.Writer // stderr itself, for the summary and annotations
	summaryPath string
	gates       []runsummary.Gate
	ann         *runsummary.Annotator
	annFile     string
}

// exitCodesHelp ends every command's --help.
const exitCodesHelp = `Exit codes:
  0  ok
  1  error (a file could not be read or written; nothing half-written is left)
  2  usage error (a wrong flag, argument or setting)
  3  rows were rejected and --strict or --fail-on rejected was given
  4  --fail-on review: pairs were left for a person to review
  5  --fail-on invalid>N: a field has more than N values that could not be normalized
  6  --fail-on unmapped: an input column maps to no canonical field
  130, 143  stopped by SIGINT (Ctrl-C) or SIGTERM; nothing is committed`

func addMachineFlags(pf *pflag.FlagSet) {
	pf.String("summary-json", "", "write a machine-readable summary of the run to `FILE` (- for stderr): counts, invalid values, warnings with codes, inputs, outputs, timing")
	pf.StringSlice("fail-on", nil, "exit non-zero when a `CONDITION` holds: rejected (exit 3), review (4), invalid>N (5), unmapped (6); several: --fail-on rejected,review")
	pf.String("annotations", "", "report rejected rows and invalid values to a CI: github (workflow commands on stderr) or gitlab (a Code Quality report, --annotations-file)")
	pf.String("annotations-file", "gl-code-quality-report.json", "`FILE` --annotations gitlab writes its report to")
}

// startRun starts the run's summary before anything is printed, so the
// config file's warnings are in it.
func (f *Factory) startRun(cmd *cobra.Command) {
	name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	r := runsummary.New(name, f.Build.Version, time.Now())
	f.machine = &machineRun{run: r, errOut: f.IO.ErrOut}
	f.IO.ErrOut = r.Stderr(f.IO.ErrOut)
}

// readMachineFlags reads the machine flags once the config is bound.
func (f *Factory) readMachineFlags() error {
	m := f.machine
	v := f.Config
	m.summaryPath = v.GetString("summary-json")
	gates, err := runsummary.ParseGates(v.GetStringSlice("fail-on"))
	if err != nil {
		return err
	}
	m.gates = gates
	if format := v.GetString("annotations"); format != "" {
		ann, err := runsummary.NewAnnotator(format, 0)
		if err != nil {
			return err
		}
		m.ann = ann
		m.annFile = v.GetString("annotations-file")
		m.run.SetAnnotator(ann)
	}
	return nil
}

// finishRun checks the --fail-on gates of a run that succeeded, writes
// the annotations and the summary, and returns the exit code.
func (f *Factory) finishRun(err error, code int) int {
	m := f.machine
	if m == nil {
		return code
	}
	var results []runsummary.GateResult
	if err == nil || errors.Is(err, errs.ErrRejected) {
		results = runsummary.Check(m.gates, m.run.Summary())
		if first := runsummary.FirstFailed(results); first != nil && code == ExitOK {
			fmt.Fprintf(f.IO.ErrOut, "fail-on %s: %s (exit %d)\n", first.Condition, first.Detail, first.ExitCode)
			code = first.ExitCode
		}
		for _, r := range results {
			if r.Failed && m.ann != nil {
				m.ann.Add(runsummary.Annotation{Level: "error", Title: "crmkit --fail-on " + r.Condition, Message: r.Detail})
			}
		}
	}
	msg, hint := "", ""
	if err != nil && !errors.Is(err, errs.ErrRejected) {
		msg, hint = err.Error(), errs.HintOf(err)
	}
	if m.ann != nil && m.ann.Len() > 0 {
		if werr := f.writeAnnotations(); werr != nil {
			fmt.Fprintf(m.errOut, "error: %s\nhint: check that you can write there, or pass another --annotations-file\n", werr)
			if code == ExitOK {
				code = ExitError
			}
		}
	}
	s := m.run.Finish(code, msg, hint, results, time.Now())
	if m.summaryPath != "" {
		if werr := writeSummary(m.summaryPath, m.errOut, s); werr != nil {
			fmt.Fprintf(m.errOut, "error: --summary-json %s: %s\nhint: check that you can write there, or pass --summary-json -\n", m.summaryPath, werr)
			if code == ExitOK {
				code = ExitError
			}
		}
	}
	return code
}

func (f *Factory) writeAnnotations() error {
	m := f.machine
	if m.ann.Format == "github" {
		return m.ann.Write(m.errOut)
	}
	af, err := atomicfile.Create(m.annFile)
	if err != nil {
		return err
	}
	if err := m.ann.Write(af); err != nil {
		af.Abort()
		return err
	}
	if err := af.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(m.errOut, "annotations: %s\n", m.annFile)
	return nil
}

func writeSummary(path string, stderr io.Writer, s runsummary.Summary) error {
	if path == "-" {
		return s.WriteJSON(stderr)
	}
	af, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	if err := s.WriteJSON(af); err != nil {
		af.Abort()
		return err
	}
	return af.Commit()
}

// newOutputSet starts a command's output set; the files it commits and
// the rows it rejects go into the run's summary and annotations.
func newOutputSet(io *iostreams.IOStreams, inputs ...string) *outset.Set {
	set := outset.New(io.Out, inputs...)
	run := runsummary.RunOf(io.ErrOut)
	if run == nil {
		return set
	}
	set.OnCommit = func(written []*outset.File) {
		for _, f := range written {
			run.AddOutput(runsummary.Output{Flag: f.Flag, Path: f.Path})
		}
	}
	if ann := run.Annotator(); ann != nil {
		set.OnRow = func(f *outset.File, row []string) {
			if !isRejects(f.Flag) || len(row) < 4 {
				return
			}
			line, _ := strconv.Atoi(row[2])
			where := row[0]
			ann.Add(runsummary.Annotation{Level: "error", File: where, Line: line, Title: "crmkit rejected row",
				Message: fmt.Sprintf("%s (kept in %s)", row[3], f.Path)})
		}
	}
	return set
}

func isRejects(flag string) bool { return flag == "--rejects" || flag == "pipeline.rejects" }

// recordRead puts what was read into the run's summary: each table's
// rows, the values that could not be normalized per field, the columns
// that map to no field; and annotates the invalid values.
func recordRead(io *iostreams.IOStreams, in *ingest.Input, st ingest.Stats) {
	run := runsummary.RunOf(io.ErrOut)
	if run == nil {
		return
	}
	for i, t := range in.Tables {
		input := runsummary.Input{Path: t.Info.Path, Table: t.Info.Source()}
		if i < len(st.Tables) {
			ts := st.Tables[i]
			input.RowsIn, input.RowsOut, input.Rejected = ts.In, ts.Out, ts.Rejected
			if ann := run.Annotator(); ann != nil {
				for f, n := range ts.Quality.Invalid {
					if n > 0 {
						ann.Add(runsummary.Annotation{Level: "warning", File: t.Info.Path, Title: "crmkit invalid values",
							Message: fmt.Sprintf("%s: %s kept as given (could not be normalized)", record.Field(f), plural(n, "value"))})
					}
				}
			}
		}
		run.AddInput(input)
		own := stage.OwnColumns(t.Mapping) // crmkit's output read back: its own columns are no unknown ones
		for _, c := range t.Mapping.Columns {
			if c.Target == record.ToExtra && c.Role == record.NoRole && c.NamePart == record.NoNamePart && !slices.Contains(own, c.Header) {
				run.AddUnmapped(runsummary.Unmapped{Table: t.Info.Source(), Column: c.Header})
			}
		}
	}
	for f, n := range st.Quality.Invalid {
		run.AddInvalid(record.Field(f).String(), n)
	}
}

// recordTally puts the closing line's counts into the run's summary.
func recordTally(io *iostreams.IOStreams, t stage.Tally) {
	runsummary.RunOf(io.ErrOut).SetCounts(runsummary.Counts{
		In: t.In, Out: t.Out - t.LeftOut, Merged: t.Merged, Skipped: t.Skipped, Rejected: t.Rejected, LeftOut: t.LeftOut,
	})
}

// recordReview puts the pairs left for a person into the run's summary.
func recordReview(io *iostreams.IOStreams, pairs int) {
	runsummary.RunOf(io.ErrOut).SetReviewPairs(pairs)
}
