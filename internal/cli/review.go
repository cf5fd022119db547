package cli

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"time"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/decision"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/tabular"
)

// ReviewOptions are the settings of `crmkit review`.
type ReviewOptions struct {
	IO        *iostreams.IOStreams
	Inputs    []string
	Decisions string
	By        string
	At        string
	Quiet     bool
}

// NewCmdReview builds `crmkit review`.
func NewCmdReview(f *Factory, runF func(*ReviewOptions) error) *cobra.Command {
	opts := &ReviewOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "review REVIEWED_FILE... --decisions decisions.csv",
		Short: "Turn a reviewed --review file into decisions every later dedupe honours",
		Long: `dedupe --review writes the pairs it could not decide, one per row, with an
empty decision column. Fill it in — in Excel or any editor — with match or
no-match (yes/no, same/different, 是/否 and 合并/不合并 work too; leave it
empty to decide later), then run crmkit review on the file.

The decisions are added to the --decisions file (created when missing; a
pair decided again takes the newer decision). Pass the same file to every
later dedupe run: a no-match pair is never merged again, even through a
chain of other matches, and a match pair is always merged — also after the
records became customers of a master (decisions name ids, and a customer
answers to every id in its merged_from).`,
		Example: `  crmkit dedupe customers.csv -o clean.csv --review review.csv
  # fill in the decision column of review.csv, then:
  crmkit review review.csv --decisions decisions.csv --by 李娜
  crmkit dedupe customers.csv -o clean.csv --decisions decisions.csv`,
		Args: usageArgs("reviewed files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.Inputs = args
			opts.Decisions = v.GetString("decisions")
			opts.By = v.GetString("by")
			opts.At = v.GetString("at")
			opts.Quiet = v.GetBool("quiet")
			if opts.Decisions == "" {
				return errs.Usagef("pass --decisions decisions.csv (the file every dedupe run reads)", "--decisions is not set")
			}
			if runF != nil {
				return runF(opts)
			}
			return reviewRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.String("decisions", "", "the decisions `FILE` to add to (created when missing)")
	fl.String("by", "", "who decided, when the file has no decided_by column (default: the login name)")
	fl.String("at", "", "when, as YYYY-MM-DD, when the file has no decided_at column (default: today)")
	return cmd
}

func reviewRun(opts *ReviewOptions) error {
	by := opts.By
	if by == "" {
		if u, err := user.Current(); err == nil {
			by = u.Username
		}
	}
	at := opts.At
	if at == "" {
		at = time.Now().Format(time.DateOnly)
	} else if _, ok := civil.ParseDate(at); !ok || len(at) != 10 {
		return errs.Usagef("write a date such as 2026-11-23", "--at %q is not a date", opts.At)
	}
	for _, in := range opts.Inputs {
		if outset.SameFile(in, opts.Decisions) {
			return errs.Usagef("pass the reviewed file as an argument and the decisions file to --decisions", "%s is both a reviewed file and the decisions file", in)
		}
	}
	var fresh []decision.Decision
	undecided := 0
	for _, in := range opts.Inputs {
		f, err := decision.Read(in)
		if err != nil {
			return err
		}
		undecided += f.Undecided
		for _, d := range f.Decisions {
			if d.By == "" {
				d.By = by
			}
			if d.At == "" {
				d.At = at
			}
			fresh = append(fresh, d)
		}
	}
	var older []decision.Decision
	if _, err := os.Stat(opts.Decisions); err == nil {
		f, err := decision.Read(opts.Decisions)
		if err != nil {
			return err
		}
		older = f.Decisions
	} else if !errors.Is(err, os.ErrNotExist) {
		return errs.Data(err, "check the path and that you can read it")
	}
	all, added, changed := decision.Merge(older, fresh)

	set := newOutputSet(opts.IO)
	defer set.Abort()
	file, err := set.Add("--decisions", opts.Decisions, outset.Always)
	if err != nil {
		return err
	}
	w, err := tabular.NewCSVWriter(file, ',', false)
	if err != nil {
		return err
	}
	if err := decision.Write(w, all); err != nil {
		return errs.Data(err, "check free disk space")
	}
	if err := set.Commit(); err != nil {
		return err
	}
	if !opts.Quiet {
		matches := 0
		for _, d := range fresh {
			if d.Match {
				matches++
			}
		}
		fmt.Fprintf(opts.IO.ErrOut, "review: %s decided (%d match, %d no-match), %s left undecided\n",
			plural(len(fresh), "pair"), matches, len(fresh)-matches, plural(undecided, "pair"))
		fmt.Fprintf(opts.IO.ErrOut, "%s: %s (%d new", opts.Decisions, plural(len(all), "decision"), added)
		if changed > 0 {
			fmt.Fprintf(opts.IO.ErrOut, ", %d reversed", changed)
		}
		fmt.Fprintln(opts.IO.ErrOut, "); pass it to dedupe with --decisions")
	}
	return nil
}
