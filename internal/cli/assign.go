package cli

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
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

// Columns assign writes (or updates).
const (
	columnOwnerPrevious = "owner_previous"
	columnAssignReason  = "assign_reason"
	columnReclaimedAt   = "reclaimed_at"
	columnReclaimedFrom = "reclaimed_from" // who lost it to the pool on reclaimed_at: the cooldown outlives the run
	columnDispute       = "assign_dispute" // the chain rule that settled a dispute
)

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
			if opts.Policy, err = assignPolicy(v, opts.Reps != ""); err != nil {
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
	fl := cmd.Flags()
	fl.String("as-of", "", "judge protection, follow-up and reclaim windows from this `DATE` (YYYY-MM-DD; default: today)")
	fl.String("lang", "", "language of reasons: zh or en"+langFlagHelp)
	fl.String("reps", "", "reps `FILE` (CSV: rep, team, territory, capacity, weight, active)")
	fl.String("overrides", "", "manager decisions `FILE` (CSV: id, owner, reason, decided_by)")
	fl.String("audit", "", "write every decision with its evidence to `FILE`")
	fl.Bool("dry-run", false, "print the plan; write nothing")
	fl.Bool("reclaim", false, "turn on 公海 reclaim: owners lose customers with no follow-up within followup_days (config assign.reclaim.enabled)")
	fl.String("format", "", "output format: csv or tsv (default: from the -o extension, else csv)")
	fl.String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv, or crmkit-rejects.csv when writing to stdout)")
	return cmd
}

// assignPolicy reads --as-of, --lang and the config file's assign section.
func assignPolicy(v *viper.Viper, haveReps bool) (assign.Policy, error) {
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
	if sec := v.Sub("assign"); sec != nil {
		if err := readAssignSection(sec, &p); err != nil {
			return p, errs.Usage(fmt.Errorf("config assign: %w", err), "fix the assign section of the config file")
		}
	}
	if v.GetBool("reclaim") {
		p.Reclaim.Enabled = true
	}
	if err := p.Validate(); err != nil {
		return p, errs.Usage(fmt.Errorf("config assign: %w", err), "fix the assign section of the config file")
	}
	return p, nil
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

func readAssignSection(v *viper.Viper, p *assign.Policy) error {
	ints := map[string]*int{
		"deal_window_days":         &p.DealWindowDays,
		"protection_days":          &p.ProtectionDays,
		"cooldown_days":            &p.CooldownDays,
		"reclaim.no_followup_days": &p.Reclaim.NoFollowupDays,
		"reclaim.no_deal_days":     &p.Reclaim.NoDealDays,
	}
	ints["followup_days"] = &p.FollowupDays
	for key, dst := range ints {
		if !v.IsSet(key) {
			continue
		}
		n, err := cast.ToIntE(v.Get(key))
		if err != nil {
			return fmt.Errorf("%s: %q is not a whole number of days", key, fmt.Sprint(v.Get(key)))
		}
		*dst = n
	}
	// One follow-up window: a claim is valid while followed up within it,
	// and reclaim (when on) takes customers not followed up within it.
	switch {
	case v.IsSet("followup_days") && !v.IsSet("reclaim.no_followup_days"):
		p.Reclaim.NoFollowupDays = p.FollowupDays
	case v.IsSet("reclaim.no_followup_days") && !v.IsSet("followup_days"):
		p.FollowupDays = p.Reclaim.NoFollowupDays
	}
	if v.IsSet("reclaim.enabled") {
		on, err := cast.ToBoolE(v.Get("reclaim.enabled"))
		if err != nil {
			return fmt.Errorf("reclaim.enabled: %q is not true or false", fmt.Sprint(v.Get("reclaim.enabled")))
		}
		p.Reclaim.Enabled = on
	}
	if v.IsSet("chain") {
		chain, err := cast.ToStringSliceE(v.Get("chain"))
		if err != nil {
			return fmt.Errorf("chain: want a list of rule names")
		}
		p.Chain = chain
	}
	if v.IsSet("strategy") {
		p.Strategy = v.GetString("strategy")
	}
	if v.IsSet("overflow") {
		p.Overflow = v.GetString("overflow")
	}
	if v.IsSet("reclaim.by_tier") {
		m, ok := v.Get("reclaim.by_tier").(map[string]any)
		if !ok {
			return fmt.Errorf("reclaim.by_tier: want a map of tier → {no_followup_days, no_deal_days}")
		}
		if p.Reclaim.ByTier == nil {
			p.Reclaim.ByTier = map[string]assign.ReclaimDays{}
		}
		for tier, x := range m {
			days, err := cast.ToStringMapIntE(x)
			if err != nil {
				return fmt.Errorf("reclaim.by_tier.%s: want {no_followup_days: N, no_deal_days: M}", tier)
			}
			p.Reclaim.ByTier[tier] = assign.ReclaimDays{NoFollowupDays: days["no_followup_days"], NoDealDays: days["no_deal_days"]}
		}
	}
	return nil
}

// warnReclaimOff says so when the config sets reclaim limits but leaves
// reclaim off: before reclaim had to be turned on, such a config reclaimed.
func warnReclaimOff(io *iostreams.IOStreams, v *viper.Viper, p assign.Policy) {
	if p.Reclaim.Enabled || v.IsSet("assign.reclaim.enabled") {
		return // on, or turned off on purpose
	}
	for _, key := range []string{"assign.reclaim.no_followup_days", "assign.reclaim.no_deal_days", "assign.reclaim.by_tier"} {
		if v.IsSet(key) {
			reclaim := "公海 reclaim"
			if p.Lang == "en" {
				reclaim = "reclaim to the unassigned pool"
			}
			fmt.Fprintf(io.ErrOut, "note: %s is set but %s is off; set assign.reclaim.enabled: true (or pass --reclaim) to reclaim\n", key, reclaim)
			return
		}
	}
}

func readRepsFile(path string) ([]assign.Rep, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, errs.Data(err, "check the path given to --reps")
	}
	defer f.Close()
	reps, err := assign.ReadReps(f)
	if err != nil {
		return nil, errs.Data(fmt.Errorf("%s: %w", path, err), "the reps file needs a header with rep, and optionally team, territory, capacity, weight, active")
	}
	return reps, nil
}

func readOverridesFile(path string) ([]assign.Override, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, errs.Data(err, "check the path given to --overrides")
	}
	defer f.Close()
	ov, err := assign.ReadOverrides(f)
	if err != nil {
		return nil, errs.Data(fmt.Errorf("%s: %w", path, err), "the overrides file needs a header with id and owner, and optionally reason, decided_by")
	}
	return ov, nil
}

// customerColumns finds the optional columns assign reads.
type customerColumns struct {
	cluster, claims, tier, grade, previous, reclaimed, reclaimedFrom int
}

func findCustomerColumns(s *record.Schema) customerColumns {
	return customerColumns{
		cluster:   slices.Index(s.Extra, dedupe.ColumnClusterID),
		claims:    slices.Index(s.Extra, dedupe.ColumnClaims),
		tier:      slices.Index(s.Extra, "value_tier"),
		grade:     slices.Index(s.Extra, "grade"),
		previous:  slices.Index(s.Extra, columnOwnerPrevious),
		reclaimed: slices.Index(s.Extra, columnReclaimedAt),
		// Before reclaimed_from, owner_previous named who lost it.
		reclaimedFrom: cmp.Or(slices.Index(s.Extra, columnReclaimedFrom)+1, slices.Index(s.Extra, columnOwnerPrevious)+1) - 1,
	}
}

func extra(r *record.Record, i int) string {
	if i < 0 || i >= len(r.Extra) {
		return ""
	}
	return r.Extra[i]
}

func day(s string) int {
	if d, ok := civil.ParseDate(s); ok {
		return d
	}
	return assign.NoDate
}

// claimsOf reads a record's ownership claims: dedupe's claims column when
// present (one per merged record), else the record's own owner fields.
func claimsOf(r *record.Record, cols customerColumns, dst []assign.Claim) []assign.Claim {
	if list := extra(r, cols.claims); list != "" {
		return assign.ParseClaims(list, dst) // settled claims are no longer candidates
	}
	if owner := r.Values[record.Owner]; owner != "" {
		dst = append(dst, assign.Claim{
			Owner:         owner,
			ClaimedAt:     day(r.Values[record.ClaimedAt]),
			LastContactAt: day(r.Values[record.LastContactAt]),
			LastDealAt:    day(r.Values[record.LastPurchaseAt]),
		})
	}
	return dst
}

// buildCustomers groups records into customers: by cluster_id when the
// input has one, else by shared phone, e-mail or company name.
func buildCustomers(recs *record.Store, cols customerColumns) ([]assign.Customer, []customerLabel, []int) {
	var groupOf []int
	if cols.cluster >= 0 {
		groupOf = make([]int, recs.Len())
		ids := map[string]int{}
		var r record.Record
		for i := range groupOf {
			recs.Get(i, &r)
			id := extra(&r, cols.cluster)
			if id == "" {
				id = "\x00" + strconv.Itoa(i)
			}
			g, ok := ids[id]
			if !ok {
				g = len(ids)
				ids[id] = g
			}
			groupOf[i] = g
		}
	} else {
		groupOf = dedupe.ExactGroups(recs)
	}
	n := 0
	for _, g := range groupOf {
		n = max(n, g+1)
	}
	customers := make([]assign.Customer, n)
	labels := make([]customerLabel, n)
	seen := make([]bool, n)
	var r record.Record
	for i, g := range groupOf {
		recs.Get(i, &r)
		c := &customers[g]
		c.Claims = claimsOf(&r, cols, c.Claims)
		if c.Owner == "" {
			c.Owner = r.Values[record.Owner]
		}
		rev, _ := strconv.ParseFloat(r.Values[record.TotalRevenue], 64)
		c.Revenue += rev
		if seen[g] {
			continue
		}
		seen[g] = true
		c.ID = dedupe.Ref(&r)
		labels[g] = customerLabel{id: c.ID, company: r.Values[record.Company]}
		if cols.cluster >= 0 && extra(&r, cols.cluster) != "" {
			c.ID = extra(&r, cols.cluster)
		}
		c.Tier, c.Grade = extra(&r, cols.tier), extra(&r, cols.grade)
		c.Province, c.City, c.Industry = r.Values[record.Province], r.Values[record.City], r.Values[record.Industry]
		c.Company = r.Values[record.Company]
		c.PreviousOwner, c.ReclaimedAt = extra(&r, cols.reclaimedFrom), day(extra(&r, cols.reclaimed))
	}
	return customers, labels, groupOf
}

func assignRun(opts *AssignOptions) error {
	delim, err := outputDelimiter(opts.Format, opts.Output)
	if err != nil {
		return err
	}
	rejectsPath := rejectsFile(opts.Rejects, opts.Output)
	if err := checkSideFiles(opts.Output, opts.Inputs, sideFile{"--rejects", rejectsPath}, sideFile{"--audit", opts.Audit}); err != nil {
		return err
	}
	reps, err := readRepsFile(opts.Reps)
	if err != nil {
		return err
	}
	overrides, err := readOverridesFile(opts.Overrides)
	if err != nil {
		return err
	}
	in, err := ingest.Open(opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	warnMapping(opts.IO, in)
	rejects := &lazyCSV{path: rejectsPath, header: ingest.RejectsHeader}
	if opts.DryRun {
		rejects = nil
	}
	sink := &collectSink{rejects: rejects}
	st, err := in.Run(opts.Ctx, 0, sink)
	if err != nil {
		return err
	}
	recs := &sink.recs
	cols := findCustomerColumns(&in.Schema)
	customers, labels, groupOf := buildCustomers(recs, cols)
	plan, err := assign.Assign(customers, reps, overrides, opts.Policy)
	if err != nil {
		return assignError(err)
	}
	for _, o := range plan.UnusedOverrides {
		fmt.Fprintf(opts.IO.ErrOut, "warning: --overrides names customer %q, which is not in the input\n", o.CustomerID)
	}
	if opts.DryRun {
		return printPlan(opts, customers, plan)
	}
	if rejects != nil {
		defer rejects.Abort()
	}

	out, err := openOutput(opts.IO, opts.Output, opts.Inputs)
	if err != nil {
		return err
	}
	defer out.Abort()
	apply := newAssignColumns(&in.Schema, opts.Policy.AsOf)
	w, err := newRecordSink(out, delim, &apply.schema, "")
	if err != nil {
		return err
	}
	audit := &lazyCSV{path: opts.Audit, header: auditHeader}
	if opts.Audit != "" {
		if err := audit.open(); err != nil {
			return err
		}
		defer audit.Abort()
	}
	var r record.Record
	changed := 0
	for i := range recs.Len() {
		recs.Get(i, &r)
		if apply.apply(&r, &plan.Decisions[groupOf[i]]) {
			changed++
		}
		if err := w.Record(nil, &r); err != nil {
			return errs.Data(err, "check free disk space")
		}
	}
	if opts.Audit != "" {
		if err := writeAudit(audit, customers, labels, plan, opts.Policy.Lang); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	for _, l := range []*lazyCSV{rejects, audit} {
		if l.path != "" {
			if err := l.Flush(); err != nil {
				return err
			}
		}
	}
	if err := out.Commit(); err != nil {
		return err
	}
	for _, l := range []*lazyCSV{rejects, audit} {
		if err := l.Commit(); err != nil {
			return err
		}
	}
	if opts.Quiet { // value warnings even when quiet (input_values.go)
		warnValues(opts.IO, in, st, true)
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, in, st)
		printAssignSummary(opts.IO, customers, plan, changed, opts.Policy.Lang)
	}
	printMoves(opts.IO, plan, opts.Quiet)
	if st.Rejected > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s rejected; see %s\n", plural(st.Rejected, "row"), rejectsPath)
	}
	fmt.Fprintf(opts.IO.ErrOut, "in %d = out %d + rejected %d\n", st.In, st.Out, st.Rejected)
	if opts.Strict && st.Rejected > 0 {
		return errs.ErrRejected
	}
	return nil
}

func dateText(d int) string {
	y, m, dd := civil.DateFromDays(d)
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

var auditHeader = []string{"customer_id", "id", "company", "candidates", "owner_before", "owner", "rule", "reason", "dispute", "steps"}

// customerLabel is how the audit names a customer: its cluster id, the id
// of its first record (what the output shows) and its company.
type customerLabel struct{ id, company string }

func claimText(c assign.Claim, lang string) string {
	date := func(d int) string {
		if d == assign.NoDate {
			return "-"
		}
		return dateText(d)
	}
	if lang == "en" {
		return fmt.Sprintf("%s (claimed %s, contact %s, deal %s)", c.Owner, date(c.ClaimedAt), date(c.LastContactAt), date(c.LastDealAt))
	}
	return fmt.Sprintf("%s（认领 %s，跟进 %s，成交 %s）", c.Owner, date(c.ClaimedAt), date(c.LastContactAt), date(c.LastDealAt))
}

func auditRow(c *assign.Customer, label customerLabel, d *assign.Decision, lang string) []string {
	var cands, steps []string
	for _, cl := range d.Candidates {
		cands = append(cands, claimText(cl, lang))
	}
	for _, s := range d.Steps {
		steps = append(steps, fmt.Sprintf("%s: %s (%s)", s.Rule, s.Outcome, s.Detail))
	}
	dispute := ""
	if d.Dispute {
		dispute = "yes"
	}
	return []string{c.ID, label.id, label.company, strings.Join(cands, " / "), d.Previous, d.Owner, d.Rule, d.Reason, dispute, strings.Join(steps, " → ")}
}

// ruleCounts counts decisions by rule, in first-seen order.
func ruleCounts(plan *assign.Plan) ([]string, map[string]int) {
	var order []string
	n := map[string]int{}
	for _, d := range plan.Decisions {
		rule := d.Rule
		if i := strings.IndexAny(rule, " ("); i > 0 {
			rule = rule[:i]
		}
		if n[rule] == 0 {
			order = append(order, rule)
		}
		n[rule]++
	}
	return order, n
}

func printAssignSummary(io *iostreams.IOStreams, customers []assign.Customer, plan *assign.Plan, changed int, lang string) {
	disputes, pool := 0, 0
	for _, d := range plan.Decisions {
		if d.Dispute {
			disputes++
		}
		if d.Owner == "" {
			pool++
		}
	}
	order, n := ruleCounts(plan)
	var parts []string
	for _, r := range order {
		parts = append(parts, fmt.Sprintf("%s %d", r, n[r]))
	}
	poolName := "the pool (公海)"
	if lang == "en" {
		poolName = "the unassigned pool"
	}
	fmt.Fprintf(io.ErrOut, "assign: %s, %s settled, %s in %s, %s changed owner; by rule: %s\n",
		plural(len(customers), "customer"), plural(disputes, "dispute"), plural(pool, "customer"), poolName, plural(changed, "record"), strings.Join(parts, ", "))
}

// printMoves says how many owned customers change owner and why (unless
// quiet), and warns when that is more than a fifth of them.
func printMoves(io *iostreams.IOStreams, plan *assign.Plan, quiet bool) {
	if !quiet {
		fmt.Fprintf(io.ErrOut, "assign: %s\n", plan.MovesSummary())
	}
	if w := plan.MovesWarning(); w != "" {
		fmt.Fprintf(io.ErrOut, "warning: %s\n", w)
	}
}

// printPlan writes the --dry-run plan: decisions by rule, and customers
// per owner before and after.
func printPlan(opts *AssignOptions, customers []assign.Customer, plan *assign.Plan) error {
	order, n := ruleCounts(plan)
	byRule := &report.Table{Title: "assign plan (dry run): decisions by rule", Columns: []report.Column{{Name: "rule", Key: "rule"}, {Name: "customers", Key: "customers", Numeric: true}}}
	for _, r := range order {
		byRule.Rows = append(byRule.Rows, []report.Value{report.Text(r), report.Count(n[r])})
	}
	owners := &report.Table{Title: "customers per owner", Columns: []report.Column{{Name: "owner", Key: "owner"}, {Name: "before", Key: "before", Numeric: true}, {Name: "after", Key: "after", Numeric: true}, {Name: "change", Key: "change", Numeric: true}}}
	var names []string
	for name := range plan.Before {
		names = append(names, name)
	}
	for name := range plan.After {
		if _, ok := plan.Before[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		label := name
		if label == "" {
			label = "(公海 pool)"
			if opts.Policy.Lang == "en" { // issue 19: no Chinese in English output
				label = "(unassigned pool)"
			}
		}
		b, a := plan.Before[name], plan.After[name]
		owners.Rows = append(owners.Rows, []report.Value{report.Text(label), report.Count(b), report.Count(a), report.Count(a - b)})
	}
	format := "tsv"
	if opts.IO.StdoutTTY {
		format = "table"
	}
	fmt.Fprintf(opts.IO.ErrOut, "dry run: %s; nothing written\n", plural(len(customers), "customer"))
	printMoves(opts.IO, plan, false)
	return report.RenderAll(opts.IO.Out, []*report.Table{byRule, owners}, format, opts.IO.TerminalWidth())
}

// assignError turns the assign package's errors into crmkit's: a bad
// policy is a usage error, bad reps or overrides a data error.
func assignError(err error) error {
	var pe *assign.PolicyError
	if errors.As(err, &pe) {
		return errs.Usage(err, pe.Hint)
	}
	var ie *assign.InputError
	if errors.As(err, &ie) {
		return errs.Data(err, ie.Hint)
	}
	return err
}

// assignColumns writes a decision into a record: owner, and the columns
// assign adds (owner_previous, assign_reason, reclaimed_at).
type assignColumns struct {
	schema                                          record.Schema
	prev, reason, reclaimed, reclaimedFrom, dispute int
	claims                                          int // dedupe's claims column, -1 when absent
	asOf                                            string
}

func newAssignColumns(in *record.Schema, asOf int) *assignColumns {
	a := &assignColumns{schema: record.Schema{Extra: slices.Clone(in.Extra)}, asOf: dateText(asOf)}
	col := func(name string) int {
		if i := slices.Index(a.schema.Extra, name); i >= 0 {
			return i
		}
		a.schema.Extra = append(a.schema.Extra, name)
		return len(a.schema.Extra) - 1
	}
	a.claims = slices.Index(in.Extra, dedupe.ColumnClaims)
	a.prev, a.reason, a.reclaimedFrom, a.reclaimed, a.dispute = col(columnOwnerPrevious), col(columnAssignReason), col(columnReclaimedFrom), col(columnReclaimedAt), col(columnDispute)
	return a
}

// apply sets r's owner from d and reports whether it changed.
func (a *assignColumns) apply(r *record.Record, d *assign.Decision) bool {
	if len(r.Extra) < len(a.schema.Extra) {
		r.Extra = append(r.Extra, make([]string, len(a.schema.Extra)-len(r.Extra))...)
	}
	before := r.Values[record.Owner]
	changed := before != d.Owner
	// owner_previous is the owner before this run on every record ("" =
	// the pool), so reports count before and after from it.
	r.Extra[a.prev] = before
	if changed {
		r.Values[record.Owner] = d.Owner
		// claimed_at is the new owner's claim: its own when it won a
		// dispute, today when the customer was handed to it.
		r.Values[record.ClaimedAt] = ""
		if d.Owner != "" {
			r.Values[record.ClaimedAt] = a.asOf
			for _, c := range d.Candidates {
				if c.Owner == d.Owner && c.ClaimedAt != assign.NoDate {
					r.Values[record.ClaimedAt] = dateText(c.ClaimedAt)
				}
			}
		}
	}
	r.Extra[a.dispute] = ""
	if d.Dispute {
		r.Extra[a.dispute] = settledBy(d)
	}
	if d.ReclaimedFrom != "" {
		// Kept for the next run: the cooldown outlives this one.
		r.Extra[a.reclaimedFrom] = d.ReclaimedFrom
		r.Extra[a.reclaimed] = a.asOf
	}
	if a.claims >= 0 {
		// What was settled is remembered: next month's run does not
		// decide it again unless a new claim comes.
		r.Extra[a.claims] = assign.SettleClaims(r.Extra[a.claims], d, a.asOf, r.Values[record.ClaimedAt])
	}
	r.Extra[a.reason] = d.Rule + ": " + d.Reason
	return changed
}

// writeAudit writes every decision but "kept" (one valid owner,
// unchanged), which needs no explaining and would bury the rest.
func writeAudit(l *lazyCSV, customers []assign.Customer, labels []customerLabel, plan *assign.Plan, lang string) error {
	for g := range customers {
		if d := &plan.Decisions[g]; d.Rule != assign.RuleKept || d.Dispute {
			if err := l.Write(auditRow(&customers[g], labels[g], d, lang)); err != nil {
				return err
			}
		}
	}
	return nil
}

// settledBy is the chain rule that decided a dispute ("" when none did,
// e.g. every claimant was inactive).
func settledBy(d *assign.Decision) string {
	for i := len(d.Steps) - 1; i >= 0; i-- {
		if d.Steps[i].Outcome == assign.OutcomeDecided {
			return d.Steps[i].Rule
		}
	}
	return "none"
}
