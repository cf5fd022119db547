package cli

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
	"github.com/crmkit/crmkit/internal/stage"
)

// AssignOptions are the settings of `crmkit assign`.
type AssignOptions struct {
	IO *iostreams.IOStreams
	RecordIO
	Reps      string
	Overrides string
	Audit     string
	DryRun    bool
	Policy    assign.Policy
	Ingest    ingest.Options
}

// NewCmdAssign builds `crmkit assign`. runF replaces the run in tests.
func NewCmdAssign(f *Factory, runF func(*AssignOptions) error) *cobra.Command {
	opts := &AssignOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "assign FILE...",
		Short: "Settle who owns each customer: disputes (撞单), public pool (公海) reclaim, caps, distribution",
		Long: `Give every customer exactly one owner, or put it in the public pool (公海)
with a reason, by a written policy:

1. A customer several reps claim (撞单) is settled by a chain of rules, each
   either deciding, narrowing the candidates or abstaining for lack of data:
   override (manager decision in --overrides) > deal (a deal closed within
   the deal window) > protected (a claim inside its protection period) >
   followup (most recent follow-up) > earliest (earliest claim) > tiebreak.
2. Owners lose customers with no follow-up for N days (公海 reclaim).
3. Pool and orphan customers (no owner, or an inactive rep) are distributed
   to the reps in --reps by least-loaded, round-robin, weighted or territory,
   within each rep's cap (保有量); the previous owner waits out a cooldown.

A customer is a dedupe cluster (dedupe's output, whose claims column keeps
every rep's evidence) or, on input that was not deduped, the records that
share a phone, e-mail or company name. Output keeps every record and adds
owner_previous and assign_reason; --audit explains every decision.`,
		Example: `  crmkit dedupe a.csv b.xlsx -o customers.csv
  crmkit assign customers.csv --reps reps.csv --audit audit.csv --as-of 2025-12-31 -o assigned.csv
  crmkit assign customers.csv --reps reps.csv --dry-run
  crmkit report disputes assigned.csv`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.RecordIO = readRecordIO(cmd, args, v)
			opts.Reps = v.GetString("reps")
			opts.Overrides = v.GetString("overrides")
			opts.Audit = v.GetString("audit")
			opts.DryRun = v.GetBool("dry-run")
			var err error
			if opts.Policy, err = assignPolicy(v, &f.File.Assign, opts.Reps != ""); err != nil {
				return err
			}
			warnReclaimOff(f.IO, v, opts.Policy)
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return assignRun(opts)
		},
	}
	addInputFlags(cmd)
	addViewFlags(cmd)
	fl := cmd.Flags()
	fl.String("as-of", "", "judge protection, follow-up and reclaim windows from this `DATE` (YYYY-MM-DD; default: today)")
	fl.String("lang", "", "language of reasons: zh or en"+langFlagHelp)
	fl.String("reps", "", "reps `FILE` (CSV: rep, team, territory, capacity, weight, active)")
	fl.String("overrides", "", "manager decisions `FILE` (CSV: id, owner, reason, decided_by)")
	fl.String("audit", "", "write every decision with its evidence to `FILE`")
	fl.Bool("dry-run", false, "print the plan; write nothing")
	fl.Bool("reclaim", false, "turn on 公海 reclaim: owners lose customers with no follow-up within followup_days (config assign.reclaim.enabled)")
	fl.String("format", "", "output format: csv, tsv or ndjson (default: from the -o extension, else csv)")
	fl.String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv, or crmkit-rejects/assign.csv when writing to stdout; created only when a row is rejected)")
	return cmd
}

// assignPolicy reads --as-of, --lang and the config file's assign section.
func assignPolicy(v *viper.Viper, sec *assignSection, haveReps bool) (assign.Policy, error) {
	p := assign.DefaultPolicy()
	day, err := asOfDay(v)
	if err != nil {
		return p, err
	}
	p.AsOf = day
	if p.Lang, err = langSetting(v); err != nil {
		return p, err
	}
	if !haveReps {
		p.Strategy = "none"
	}
	applyAssignSection(sec, &p)
	if v.GetBool("reclaim") {
		p.Reclaim.Enabled = true
	}
	if err := p.Validate(); err != nil {
		src, hint := sectionSource(v, "assign")
		return p, errs.Usage(fmt.Errorf("%s: %w", src, err), hint)
	}
	return p, nil
}

// sectionSource names where a config section's settings came from: the
// CRMKIT_* variables set for it, else the config file.
func sectionSource(v *viper.Viper, section string) (string, string) {
	var vars []string
	for _, k := range structKeys(reflect.TypeFor[fileConfig](), "") {
		if strings.HasPrefix(k, section+".") && !strings.Contains(k, "[]") && os.Getenv(envName(k)) != "" {
			vars = append(vars, envName(k))
		}
	}
	if len(vars) > 0 {
		return strings.Join(vars, ", "), "fix " + strings.Join(vars, ", ") + " (or unset it to use the config file)"
	}
	if f := v.ConfigFileUsed(); f != "" {
		return f + ": " + section, "fix the " + section + " section of " + f
	}
	return "config " + section, "fix the " + section + " section of the config file"
}

// todayDay is today's civil day number, in local time.
func todayDay() int {
	y, m, d := time.Now().Date()
	return civil.DaysFromDate(y, int(m), d)
}

// asOfDay reads --as-of, or today.
func asOfDay(v *viper.Viper) (int, error) {
	if t, ok := v.Get("as-of").(time.Time); ok { // YAML reads an unquoted 2025-12-31 as a time
		return civil.DaysFromDate(t.Year(), int(t.Month()), t.Day()), nil
	}
	s := strings.TrimSpace(v.GetString("as-of"))
	if s == "" {
		return todayDay(), nil
	}
	d, ok := civil.ParseDate(s)
	if !ok || len(s) != 10 {
		return 0, errs.Usagef("write --as-of 2025-12-31", "--as-of %q is not a date", s)
	}
	return d, nil
}

// applyAssignSection sets what the config file's assign section sets.
func applyAssignSection(sec *assignSection, p *assign.Policy) {
	set := func(dst *int, v *int) {
		if v != nil {
			*dst = *v
		}
	}
	set(&p.DealWindowDays, sec.DealWindowDays)
	set(&p.FollowupDays, sec.FollowupDays)
	set(&p.ProtectionDays, sec.ProtectionDays)
	set(&p.CooldownDays, sec.CooldownDays)
	set(&p.Reclaim.NoFollowupDays, sec.Reclaim.NoFollowupDays)
	set(&p.Reclaim.NoDealDays, sec.Reclaim.NoDealDays)
	// One follow-up window: a claim is valid while followed up within it,
	// and reclaim (when on) takes customers not followed up within it.
	switch {
	case sec.FollowupDays != nil && sec.Reclaim.NoFollowupDays == nil:
		p.Reclaim.NoFollowupDays = p.FollowupDays
	case sec.Reclaim.NoFollowupDays != nil && sec.FollowupDays == nil:
		p.FollowupDays = p.Reclaim.NoFollowupDays
	}
	if sec.Reclaim.Enabled != nil {
		p.Reclaim.Enabled = *sec.Reclaim.Enabled
	}
	if sec.Chain != nil {
		p.Chain = *sec.Chain
	}
	if sec.Strategy != nil {
		p.Strategy = *sec.Strategy
	}
	if sec.Overflow != nil {
		p.Overflow = *sec.Overflow
	}
	if sec.Reclaim.ByTier != nil {
		if p.Reclaim.ByTier == nil {
			p.Reclaim.ByTier = map[string]assign.ReclaimDays{}
		}
		for tier, d := range sec.Reclaim.ByTier {
			p.Reclaim.ByTier[tier] = assign.ReclaimDays{NoFollowupDays: d.NoFollowupDays, NoDealDays: d.NoDealDays}
		}
	}
}

func assignRun(opts *AssignOptions) error {
	// A dry run prints the plan's tables: --format is a report format.
	planFormat := "tsv"
	if opts.IO.StdoutTTY {
		planFormat = "table"
	}
	var recsOut stage.Records
	var err error
	if opts.DryRun && opts.Format != "" {
		if !isReportFormat(opts.Format) {
			return errs.Usagef("use --format table, csv, tsv, markdown, html or json with --dry-run", "--format %q is not a format for the plan", opts.Format)
		}
		planFormat = opts.Format
	} else if recsOut, err = stage.CanonicalRecords(opts.Format, opts.Output, opts.View); err != nil {
		return err
	}
	set := newOutputSet(opts.IO, opts.Inputs...)
	defer set.Abort()
	var out, audit *outset.File
	rejects := stage.RowWriter(stage.Discard{})
	rejectsPath := ""
	if !opts.DryRun {
		if out, err = set.Add("-o", opts.Output, outset.Always); err != nil {
			return err
		}
		r, err := addRejects(set, opts.Rejects, opts.Output, "assign")
		if err != nil {
			return err
		}
		rejects, rejectsPath = r, r.Path
		if opts.Audit != "" {
			if audit, err = set.AddCSV("--audit", opts.Audit, stage.AuditHeader, outset.Always); err != nil {
				return err
			}
		}
	}
	reps, err := stage.ReadReps(opts.Reps)
	if err != nil {
		return err
	}
	overrides, err := stage.ReadOverrides(opts.Overrides)
	if err != nil {
		return err
	}
	in, err := openInput(opts.IO, opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	read, err := stage.CollectForLife(opts.Ctx, in, rejects)
	if err != nil {
		return err
	}
	st, recs := read.Stats, read.Records
	a, err := stage.Assign(recs, &in.Schema, reps, overrides, opts.Policy)
	if err != nil {
		return err
	}
	printNotes(opts.IO.ErrOut, a.Notes())
	if opts.DryRun {
		format := planFormat
		fmt.Fprintf(opts.IO.ErrOut, "dry run: %s; nothing written\n", plural(len(a.Customers), "customer"))
		fmt.Fprintln(opts.IO.ErrOut, a.Moves())
		return report.RenderAll(opts.IO.Out, a.PlanTables(), format, opts.IO.TerminalWidth())
	}

	w, err := stage.NewCanonicalWriter(out, recsOut, a.Schema())
	if err != nil {
		return err
	}
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		a.Apply(i, &r)
		if err := w.Write(&r); err != nil {
			return err
		}
	}
	if audit != nil {
		if err := a.WriteAudit(audit); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := set.Commit(); err != nil {
		return err
	}
	if opts.Quiet { // value warnings even when quiet
		printValueWarnings(opts.IO, in, st)
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, in, st)
		fmt.Fprintln(opts.IO.ErrOut, a.Summary())
		fmt.Fprintln(opts.IO.ErrOut, a.Moves())
	}
	return finish(opts.IO, opts.Strict, stage.Tally{In: st.In, Out: st.Out, LeftOut: w.LeftOut(), Rejected: st.Rejected, Rejects: rejectsPath})
}

// warnReclaimOff says so when the config sets reclaim limits but leaves
// reclaim off: before reclaim had to be turned on, such a config reclaimed.
func warnReclaimOff(io *iostreams.IOStreams, v *viper.Viper, p assign.Policy) {
	if p.Reclaim.Enabled || v.IsSet("assign.reclaim.enabled") {
		return // on, or turned off on purpose
	}
	for _, key := range []string{"assign.reclaim.no_followup_days", "assign.reclaim.no_deal_days", "assign.reclaim.by_tier"} {
		if v.IsSet(key) {
			reclaim := stage.InLang(p.Lang)("公海 reclaim", "reclaim to the unassigned pool")
			fmt.Fprintf(io.ErrOut, "note: %s is set but %s is off; set assign.reclaim.enabled: true (or pass --reclaim) to reclaim\n", key, reclaim)
			return
		}
	}
}
