package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/export"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/runsummary"
	"github.com/crmkit/crmkit/internal/stage"
	"github.com/crmkit/crmkit/internal/view"
	"github.com/crmkit/crmkit/internal/warncode"
)

// RecordIO are the settings every command that reads records and writes
// them shares.
type RecordIO struct {
	Ctx     context.Context
	Inputs  []string
	Output  string
	Rejects string
	Format  string // csv or tsv
	Strict  bool
	Quiet   bool
	View    view.Spec // --select, --exclude, --sort, --limit, --sample
}

func readRecordIO(cmd *cobra.Command, args []string, v *viper.Viper) RecordIO {
	return RecordIO{
		Ctx:     cmd.Context(),
		Inputs:  args,
		Output:  v.GetString("output"),
		Rejects: v.GetString("rejects"),
		Format:  v.GetString("format"),
		Strict:  v.GetBool("strict"),
		Quiet:   v.GetBool("quiet"),
		View:    readView(cmd, v),
	}
}

// addViewFlags adds the flags choosing the part of the records an output
// shows.
func addViewFlags(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringSlice("select", nil, "write only these `COLUMNS`, in this order (e.g. id,company,phone)")
	fl.StringSlice("exclude", nil, "write every column but these `COLUMNS`")
	fl.StringSlice("sort", nil, "order the records by these `COLUMNS` (numbers as numbers, -COLUMN descending, empty last), e.g. --sort cluster_id,id for a stable nightly diff")
	fl.Int("limit", 0, "write at most `N` records (after --sort); the rest are counted as left out")
	fl.Int("sample", 0, "write a random sample of `N` records, in input order (--seed picks it)")
	fl.Uint64("sample-seed", 1, "seed of --sample: the same seed and input give the same sample")
}

// readView reads the view flags, when the command has them.
func readView(cmd *cobra.Command, v *viper.Viper) view.Spec {
	if cmd.Flags().Lookup("select") == nil {
		return view.Spec{}
	}
	return view.Spec{
		Select: v.GetStringSlice("select"), Exclude: v.GetStringSlice("exclude"), Sort: v.GetStringSlice("sort"),
		Limit: v.GetInt("limit"), Sample: v.GetInt("sample"), Seed: v.GetUint64("sample-seed"),
	}
}

// rejectsDir holds the rejects of commands writing to stdout, one file per
// command: a shell glob like *.csv does not pick them up on the next run,
// and a later command in a pipe does not replace an earlier one's.
const rejectsDir = "crmkit-rejects"

// addRejects adds the rejects file to the set: --rejects, else
// OUTPUT.rejects.csv beside a file output or crmkit-rejects/COMMAND.csv
// beside stdout. It is created only when a row is rejected; a file the
// user named that an earlier run left is replaced by the header alone, a
// default one is left alone (a later command in a pipe never wipes what an
// earlier one wrote).
func addRejects(set *outset.Set, flag, output, command string) (*outset.File, error) {
	if flag != "" {
		return set.AddCSV("--rejects", flag, ingest.RejectsHeader, outset.Replace)
	}
	path := filepath.Join(rejectsDir, command+".csv")
	if output != "" && output != "-" {
		path = strings.TrimSuffix(output, filepath.Ext(output)) + ".rejects.csv"
	}
	// The user typed no --rejects: say which file that is and why.
	if set.IsInput(path) {
		return nil, errs.Usagef("pass --rejects FILE to put rejected rows elsewhere, or leave "+path+" out of the inputs",
			"the default rejects file %s (beside the output) is also an input", path)
	}
	return set.AddCSV("--rejects", path, ingest.RejectsHeader, outset.IfWritten)
}

// side is a side file a command was asked for (empty path: not asked).
type side struct {
	flag, path string
	header     []string
}

// addSides adds the side files asked for; the result has nil for those
// not asked for.
func addSides(set *outset.Set, sides ...side) ([]*outset.File, error) {
	out := make([]*outset.File, len(sides))
	for i, s := range sides {
		if s.path == "" {
			continue
		}
		f, err := set.AddCSV(s.flag, s.path, s.header, outset.Always)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// rowWriter is f as a stage.RowWriter, or nil when f is nil.
func rowWriter(f *outset.File) stage.RowWriter {
	if f == nil {
		return nil
	}
	return f
}

// printNotes prints a step's notes on stderr as "kind: text" (a warning's
// hint after it) and records the warnings, with their codes and counts, in
// the run's summary. Every warning crmkit prints goes through here.
func printNotes(w io.Writer, notes stage.Notes) {
	run := runsummary.RunOf(w)
	for _, n := range notes {
		switch n.Kind {
		case "":
			fmt.Fprintln(w, n.Text)
		case "warning":
			fmt.Fprintf(w, "warning: %s\n", n.Text)
			if n.Hint != "" {
				fmt.Fprintf(w, "hint: %s\n", n.Hint)
			}
			if run != nil {
				run.AddWarning(n.Code, n.Count, n.Text, n.Hint)
			}
		default:
			fmt.Fprintf(w, "%s: %s\n", n.Kind, n.Text)
		}
	}
}

// warnf prints one warning made outside a stage, with its code and count
// (0 when it counts nothing), as printNotes does.
func warnf(w io.Writer, code warncode.Code, count int, format string, args ...any) {
	var n stage.Notes
	n.Warnf(code, count, format, args...)
	printNotes(w, n)
}

// exportWarnings prints the export writers' warnings on w.
func exportWarnings(w io.Writer) export.WarnFunc {
	return func(code warncode.Code, count int, msg string) { warnf(w, code, count, "%s", msg) }
}

// finish prints the closing lines of a run (rejected rows, the
// conservation line) and, under --strict, turns rejected rows into exit
// status 3. Every command ends here.
func finish(io *iostreams.IOStreams, strict bool, t stage.Tally) error {
	recordTally(io, t)
	printNotes(io.ErrOut, t.Lines())
	if strict && t.Rejected > 0 {
		return errs.ErrRejected
	}
	return nil
}

// openInput opens the inputs, refuses an empty stdin and prints the
// mapping warnings.
func openInput(streams *iostreams.IOStreams, paths []string, opts ingest.Options) (*ingest.Input, error) {
	in, err := ingest.Open(paths, opts)
	if err != nil {
		return nil, err
	}
	if err := stage.RequireStdin(in); err != nil {
		in.Close()
		return nil, err
	}
	printNotes(streams.ErrOut, stage.MappingNotes(in))
	return in, nil
}

// printInputSummary tells on stderr what was read and what could not be
// normalized.
func printInputSummary(io *iostreams.IOStreams, in *ingest.Input, st ingest.Stats) {
	recordRead(io, in, st)
	for _, l := range stage.InputSummary(in, st) {
		fmt.Fprintln(io.ErrOut, l)
	}
	printNotes(io.ErrOut, stage.ValueNotes(in, st))
}

func plural(n int, word string) string { return stage.Plural(n, word) }

// printValueWarnings prints, for a quiet run, the warnings about values
// (not the notes) that printInputSummary prints with the summary.
func printValueWarnings(io *iostreams.IOStreams, in *ingest.Input, st ingest.Stats) {
	recordRead(io, in, st)
	printNotes(io.ErrOut, stage.ValueNotes(in, st).Warnings())
}
