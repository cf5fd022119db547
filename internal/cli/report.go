package cli

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
)

// ReportKinds are the reports `crmkit report` prints.
var ReportKinds = []string{"tiers", "owners", "lifecycle", "rfm", "disputes", "quality", "all"}

// ReportOptions are the settings of `crmkit report`.
type ReportOptions struct {
	IO       *iostreams.IOStreams
	Ctx      context.Context
	Kind     string
	Inputs   []string
	Output   string
	Format   string
	Top      int
	Reps     string
	Classify classify.Config
	Ingest   ingest.Options
}

// NewCmdReport builds `crmkit report`. runF replaces the run in tests.
func NewCmdReport(f *Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "report [tiers|owners|lifecycle|rfm|quality|all] FILE...",
		Short: "Print summary tables: value tiers, owner × tier, lifecycle, RFM segments, data quality",
		Long: `Print summary tables of a customer list:

  tiers      customers, share, revenue, share of revenue and average per value tier
  owners     customers per owner and tier, with totals; after assign also
             before/after per rep (and cap use with --reps)
  lifecycle  customers per lifecycle stage, churn-warning stages marked
  rfm        the eight RFM segments
  disputes   customers whose owner an assign rule decided (撞单), with the evidence
  quality    filled, missing and invalid values per field, rejected rows
  all        every table above

Without a kind, tiers. Input that was not classified is classified on the
fly (with --as-of and --lang). Tables on a terminal; TSV when stdout is a
file or a pipe; --format table|csv|tsv|markdown|html|json on request.`,
		Example: `  crmkit report tiers classified.csv
  crmkit report owners customers.csv --as-of 2025-12-31 --format markdown
  crmkit report all customers.xlsx --top 5 --lang en --format json -o report.json`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.Ctx = cmd.Context()
			opts.Kind = "tiers"
			if k := nearKind(args[0]); k != "" {
				return errs.Usagef("did you mean crmkit report "+k+"?", "%q is not a report kind (kinds: %s)", args[0], strings.Join(ReportKinds, ", "))
			}
			if len(args) > 1 && slices.Contains(ReportKinds, args[0]) {
				opts.Kind, args = args[0], args[1:]
			} else if len(args) == 1 && slices.Contains(ReportKinds, args[0]) {
				return errs.Usagef("name the file: crmkit report "+args[0]+" customers.csv", "no input files given after %q", args[0])
			}
			opts.Inputs = args
			opts.Output = v.GetString("output")
			opts.Format = strings.ToLower(v.GetString("format"))
			opts.Top = v.GetInt("top")
			opts.Reps = v.GetString("reps")
			if opts.Top < 0 {
				return errs.Usagef("pass --top 10, or 0 for none", "--top %d is negative", opts.Top)
			}
			if opts.Format == "" {
				opts.Format = "tsv"
				if f.IO.StdoutTTY && (opts.Output == "" || opts.Output == "-") {
					opts.Format = "table"
				}
			}
			if !slices.Contains([]string{"table", "csv", "tsv", "markdown", "html", "json"}, opts.Format) {
				return errs.Usagef("use --format table, csv, tsv, markdown, html or json", "--format %q is not a report format", opts.Format)
			}
			var err error
			if opts.Classify, err = classifyConfig(v); err != nil {
				return err
			}
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	addInputFlags(cmd)
	addClassifyFlags(cmd)
	cmd.Flags().String("format", "", "table, csv, tsv, markdown, html or json (default: table on a terminal, else tsv)")
	cmd.Flags().Int("top", 0, "also list the top `N` customers by revenue in each tier")
	cmd.Flags().String("reps", "", "reps `FILE`, for the cap use column of the owners report")
	return cmd
}

// customerOf reads what a report needs from a record and its classes.
func customerOf(r *record.Record, cls *classify.Classes) report.Customer {
	c := report.Customer{
		ID:      r.Values[record.ID],
		Company: r.Values[record.Company],
		Owner:   r.Values[record.Owner],
	}
	if c.ID == "" {
		c.ID = r.Source
	}
	var err error
	c.Revenue, err = strconv.ParseFloat(r.Values[record.TotalRevenue], 64)
	c.NoRevenue = err != nil // missing is reported as missing, not 0
	c.Purchases, _ = strconv.Atoi(r.Values[record.PurchaseCount])
	c.ABC, c.Tier, c.Segment, c.Lifecycle, c.Grade = cls.ABC, cls.Tier, cls.Segment, cls.Lifecycle, cls.Grade
	c.R, c.F, c.M = cls.R, cls.F, cls.M
	return c
}

// givenClasses reads classes an earlier `crmkit classify` wrote, or
// reports that the input has none.
type givenClasses struct{ idx []int }

// newGivenClasses reports whether every input table was classified: a
// mix of classified and unclassified files is classified afresh.
func newGivenClasses(in *ingest.Input) (*givenClasses, bool) {
	for _, t := range in.Tables {
		if t.HeaderLine == 0 {
			continue // empty: nothing to classify
		}
		for _, c := range classify.Columns {
			if !slices.Contains(t.Header, c) {
				return nil, false
			}
		}
	}
	return newGivenClassesSchema(&in.Schema)
}

// newGivenClassesSchema finds the classification columns in a schema.
func newGivenClassesSchema(s *record.Schema) (*givenClasses, bool) {
	g := &givenClasses{}
	for _, c := range classify.Columns {
		i := slices.Index(s.Extra, c)
		if i < 0 {
			return nil, false
		}
		g.idx = append(g.idx, i)
	}
	return g, true
}

func (g *givenClasses) read(r *record.Record) classify.Classes {
	get := func(k int) string {
		if i := g.idx[k]; i < len(r.Extra) {
			return r.Extra[i]
		}
		return ""
	}
	num := func(k int) int { n, _ := strconv.Atoi(get(k)); return n }
	return classify.Classes{ABC: get(0), Tier: get(1), R: num(2), F: num(3), M: num(4), Segment: get(5), Lifecycle: get(6), Grade: get(7)}
}

// reportSink feeds classified records to the report builder and counts
// what the quality report shows.
type reportSink struct {
	builder  *report.Builder
	given    *givenClasses
	assigned *assignedView
	filled   [record.NumFields]int
	records  int
}

func (s *reportSink) add(r *record.Record, cls *classify.Classes) {
	s.records++
	for f, v := range r.Values {
		if v != "" {
			s.filled[f]++
		}
	}
	if cls != nil {
		c := customerOf(r, cls)
		s.builder.Add(&c)
	}
	if s.assigned != nil {
		s.assigned.add(r)
	}
}

func (s *reportSink) Record(_ *ingest.Table, r *record.Record) error {
	var cls *classify.Classes
	if s.given != nil {
		c := s.given.read(r)
		cls = &c
	}
	s.add(r, cls)
	return nil
}

func (s *reportSink) Reject(*ingest.Table, ingest.Reject) error { return nil }

func reportRun(opts *ReportOptions) error {
	out, err := openOutput(opts.IO, opts.Output, opts.Inputs)
	if err != nil {
		return err
	}
	defer out.Abort()
	sink := &reportSink{builder: report.NewBuilder(opts.Classify.Lang, opts.Top)}

	in, err := ingest.Open(opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	warnMapping(opts.IO, in)
	given, ok := newGivenClasses(in)
	sink.assigned = newAssignedView(&in.Schema)
	if opts.Kind == "disputes" && sink.assigned == nil {
		in.Close()
		return errs.Usagef("run crmkit assign first: crmkit assign customers.csv -o assigned.csv && crmkit report disputes assigned.csv",
			"%s has no assign_reason column", strings.Join(opts.Inputs, ", "))
	}
	var st ingest.Stats
	switch {
	case ok || opts.Kind == "quality" || opts.Kind == "disputes":
		sink.given = given
		st, err = in.Run(opts.Ctx, 0, sink)
		in.Close()
	default:
		// Not classified yet (or not every input is): classify on the fly,
		// as crmkit classify would, from the same open input (stdin can be
		// read once).
		var c *classified
		c, err = classifyInput(opts.Ctx, in, opts.Classify, nil, opts.IO.ErrOut)
		if err != nil {
			return err
		}
		defer c.Close()
		st = c.stats
		err = c.each(func(r *record.Record, cls *classify.Classes) error {
			sink.add(r, cls)
			return nil
		})
	}
	if err != nil {
		return err
	}

	var tables []*report.Table
	kinds := []string{opts.Kind}
	if opts.Kind == "all" {
		kinds = ReportKinds[:len(ReportKinds)-1]
	}
	for _, k := range kinds {
		switch k {
		case "tiers":
			tables = append(tables, sink.builder.Tiers()...)
		case "owners":
			tables = append(tables, sink.builder.Owners())
			if sink.assigned != nil {
				reps, err := readRepsFile(opts.Reps)
				if err != nil {
					return err
				}
				tables = append(tables, sink.assigned.ownersTable(reps, opts.Classify.Lang))
			}
		case "disputes":
			if sink.assigned != nil {
				tables = append(tables, sink.assigned.disputesTable(opts.Classify.Lang))
			}
		case "lifecycle":
			tables = append(tables, sink.builder.Lifecycle())
		case "rfm":
			tables = append(tables, sink.builder.RFM())
		case "quality":
			tables = append(tables, report.QualityTable(qualityOf(sink, st), opts.Classify.Lang))
		}
	}
	width := 0
	if opts.Format == "table" && (opts.Output == "" || opts.Output == "-") {
		width = opts.IO.TerminalWidth()
	}
	if err := report.RenderAll(out.w, tables, opts.Format, width); err != nil {
		return errs.Data(err, "check free disk space")
	}
	if err := out.Commit(); err != nil {
		return err
	}
	if st.Rejected > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s could not be read and are not counted (crmkit import shows why)\n", plural(st.Rejected, "row"))
	}
	return nil
}

func qualityOf(s *reportSink, st ingest.Stats) report.Quality {
	q := report.Quality{Records: s.records, Rejected: st.Rejected}
	for f := range record.NumFields {
		q.Fields = append(q.Fields, report.FieldQuality{
			Field:   record.Field(f).String(),
			Filled:  s.filled[f] - st.Quality.Invalid[f],
			Missing: s.records - s.filled[f],
			Invalid: st.Quality.Invalid[f],
		})
	}
	return q
}

// assignedView collects what assign wrote, for the owners before/after
// and disputes reports.
type assignedView struct {
	prev, reason, owners, dispute int
	before                        map[string]int
	after                         map[string]int
	revenue                       map[string]float64
	disputes                      [][]report.Value
}

// disputeRules are the rules of assign's resolution chain.
var disputeRules = []string{"override", "deal", "protected", "followup", "earliest", "tiebreak"}

func newAssignedView(s *record.Schema) *assignedView {
	reason := slices.Index(s.Extra, columnAssignReason)
	if reason < 0 {
		return nil
	}
	return &assignedView{prev: slices.Index(s.Extra, columnOwnerPrevious), reason: reason, owners: slices.Index(s.Extra, dedupe.ColumnOwners),
		dispute: slices.Index(s.Extra, columnDispute),
		before:  map[string]int{}, after: map[string]int{}, revenue: map[string]float64{}}
}

func (a *assignedView) add(r *record.Record) {
	owner := r.Values[record.Owner]
	reason := extra(r, a.reason)
	before := owner
	if a.prev >= 0 { // assign writes the owner before the run on every record; "" = 公海
		before = extra(r, a.prev)
	}
	a.before[before]++
	a.after[owner]++
	rev, _ := strconv.ParseFloat(r.Values[record.TotalRevenue], 64)
	a.revenue[owner] += rev
	rule, text, _ := strings.Cut(reason, ": ")
	settled := slices.Contains(disputeRules, rule)
	if a.dispute >= 0 { // assign marks every dispute, also one whose winner was then reclaimed
		settled = extra(r, a.dispute) != ""
		if settled && extra(r, a.dispute) != rule {
			rule = extra(r, a.dispute) + " → " + rule
		}
	}
	if settled {
		id := r.Values[record.ID]
		if id == "" {
			id = r.Source
		}
		claimants := extra(r, a.owners) // dedupe's list of every owner named
		if claimants == "" {
			claimants = extra(r, a.prev)
		}
		a.disputes = append(a.disputes, []report.Value{report.Text(id), report.Text(r.Values[record.Company]),
			report.Text(claimants), report.Text(owner), report.Text(rule), report.Text(text)})
	}
}

func (a *assignedView) ownersTable(reps []assign.Rep, lang string) *report.Table {
	pick := inLang(lang)
	capOf := map[string]int{}
	for _, r := range reps {
		capOf[r.Name] = r.Capacity
	}
	t := &report.Table{Title: pick("负责人变动（分配前后）", "Owners before and after assign"), Columns: []report.Column{
		{Name: pick("负责人", "Owner"), Key: "owner"},
		{Name: pick("分配前", "Before"), Key: "before", Numeric: true},
		{Name: pick("分配后", "After"), Key: "after", Numeric: true},
		{Name: pick("变化", "Change"), Key: "change", Numeric: true},
		{Name: pick("消费金额", "Revenue"), Key: "revenue", Numeric: true},
		{Name: pick("保有量上限", "Cap"), Key: "cap", Numeric: true},
		{Name: pick("使用率", "Cap use"), Key: "cap_use", Numeric: true},
	}}
	var names []string
	for n := range a.before {
		names = append(names, n)
	}
	for n := range a.after {
		if _, ok := a.before[n]; !ok {
			names = append(names, n)
		}
	}
	slices.SortFunc(names, func(x, y string) int {
		switch {
		case x == "" && y != "":
			return 1
		case y == "" && x != "":
			return -1
		}
		if c := a.after[y] - a.after[x]; c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	var tb, ta int
	var trev float64
	for _, n := range names {
		label := n
		if n == "" {
			label = pick("公海", "(unassigned pool)")
		}
		capV, use := report.Value{}, report.Value{}
		if c := capOf[n]; c > 0 {
			capV, use = report.Count(c), report.Share(float64(a.after[n]), float64(c))
		}
		t.Rows = append(t.Rows, []report.Value{report.Text(label), report.Count(a.before[n]), report.Count(a.after[n]),
			report.Count(a.after[n] - a.before[n]), report.Money(a.revenue[n]), capV, use})
		tb += a.before[n]
		ta += a.after[n]
		trev += a.revenue[n]
	}
	t.Total = []report.Value{report.Text(pick("合计", "Total")), report.Count(tb), report.Count(ta), report.Count(ta - tb), report.Money(trev), {}, {}}
	return t
}

func (a *assignedView) disputesTable(lang string) *report.Table {
	pick := inLang(lang)
	return &report.Table{Title: pick("撞单裁决", "Ownership disputes"), Columns: []report.Column{
		{Name: pick("客户编号", "ID"), Key: "id"},
		{Name: pick("客户名称", "Company"), Key: "company"},
		{Name: pick("认领人", "Claimants"), Key: "claimants"},
		{Name: pick("裁定负责人", "Owner"), Key: "owner"},
		{Name: pick("规则", "Rule"), Key: "rule"},
		{Name: pick("理由", "Reason"), Key: "reason"},
	}, Rows: a.disputes}
}

// nearKind returns the report kind arg is a typo of, when arg is not a
// kind and no file of that name exists ("tier" → "tiers").
func nearKind(arg string) string {
	if slices.Contains(ReportKinds, arg) || strings.ContainsAny(arg, "./\\") {
		return ""
	}
	if _, err := os.Stat(arg); err == nil {
		return ""
	}
	for _, k := range ReportKinds {
		if record.EditDistance(strings.ToLower(arg), k) <= 2 {
			return k
		}
	}
	return ""
}

// inLang returns a chooser between a Chinese and an English text.
func inLang(lang string) func(zh, en string) string {
	return func(zh, en string) string {
		if lang == "en" {
			return en
		}
		return zh
	}
}
