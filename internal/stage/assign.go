package stage

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
	"github.com/crmkit/crmkit/internal/tabular"
	"github.com/crmkit/crmkit/internal/warncode"
)

// ReadReps reads a reps file (CSV in any encoding and delimiter a customer
// file may have, or a workbook's first sheet); "" is no reps.
func ReadReps(path string) ([]assign.Rep, error) {
	if path == "" {
		return nil, nil
	}
	var reps []assign.Rep
	err := readSmallTable(path, "--reps", func(r io.Reader) (err error) { reps, err = assign.ReadReps(r); return })
	if err != nil && errs.HintOf(err) != "" {
		return nil, err
	}
	if err != nil {
		return nil, errs.Data(err, "the reps file needs a header with rep, and optionally team, territory, capacity, weight, active")
	}
	return reps, nil
}

// ReadOverrides reads a manager decisions file like ReadReps; "" is none.
func ReadOverrides(path string) ([]assign.Override, error) {
	if path == "" {
		return nil, nil
	}
	var ov []assign.Override
	err := readSmallTable(path, "--overrides", func(r io.Reader) (err error) { ov, err = assign.ReadOverrides(r); return })
	if err != nil && errs.HintOf(err) != "" {
		return nil, err
	}
	if err != nil {
		return nil, errs.Data(err, "the overrides file needs a header with id and owner, and optionally reason, decided_by")
	}
	return ov, nil
}

// readSmallTable opens a side file with the readers customer files use
// (encoding and delimiter sniffed, workbooks read) and hands parse its
// first table as UTF-8 CSV.
func readSmallTable(path, flag string, parse func(io.Reader) error) error {
	tables, err := tabular.Open(path, tabular.Options{})
	if err != nil {
		if h := errs.HintOf(err); h != "" {
			return err
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	defer func() {
		for _, t := range tables {
			t.Close()
		}
	}()
	var buf bytes.Buffer
	w, err := tabular.NewCSVWriter(&buf, ',', false)
	if err != nil {
		return err
	}
	if len(tables) > 0 {
		for {
			row, err := tables[0].Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			if row.Problem != "" {
				return fmt.Errorf("%s row %d: %s", path, row.Line, row.Problem)
			}
			if err := w.Write(row.Cells); err != nil {
				return err
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := parse(&buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// AssignError turns the assign package's errors into crmkit's: a bad
// policy is a usage error, bad reps or overrides a data error.
func AssignError(err error) error {
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

// customerColumns finds the optional columns assign reads.
type customerColumns struct {
	cluster, claims, tier, grade, previous, reclaimed, reclaimedFrom int
}

func findCustomerColumns(s *record.Schema) customerColumns {
	return customerColumns{
		cluster:   slices.Index(s.Extra, dedupe.ColumnClusterID),
		claims:    slices.Index(s.Extra, dedupe.ColumnClaims),
		tier:      slices.Index(s.Extra, assign.ColumnValueTier),
		grade:     slices.Index(s.Extra, assign.ColumnGrade),
		previous:  slices.Index(s.Extra, assign.ColumnOwnerPrevious),
		reclaimed: slices.Index(s.Extra, assign.ColumnReclaimedAt),
		// Before reclaimed_from, owner_previous named who lost it.
		reclaimedFrom: cmp.Or(slices.Index(s.Extra, assign.ColumnReclaimedFrom)+1, slices.Index(s.Extra, assign.ColumnOwnerPrevious)+1) - 1,
	}
}

// Extra is r's i-th extra column, "" when r has none.
func Extra(r *record.Record, i int) string {
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
	if list := Extra(r, cols.claims); list != "" {
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

// CustomerLabel is how the audit names a customer: the id of its first
// record (what the output shows) and its company.
type CustomerLabel struct{ ID, Company string }

// buildCustomers groups records into customers: by cluster_id when the
// input has one, else by shared phone, e-mail or company name (which the
// layer, classify's columns, does not change).
func buildCustomers(recs layered, cols customerColumns) ([]assign.Customer, []CustomerLabel, []int) {
	var groupOf []int
	if cols.cluster >= 0 {
		groupOf = make([]int, recs.Len())
		ids := map[string]int{}
		var r record.Record
		for i := range groupOf {
			recs.base.Get(i, &r) // cluster_id is not the layer's
			id := Extra(&r, cols.cluster)
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
		groupOf = dedupe.ExactGroups(recs.base)
	}
	n := 0
	for _, g := range groupOf {
		n = max(n, g+1)
	}
	customers := make([]assign.Customer, n)
	labels := make([]CustomerLabel, n)
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
		labels[g] = CustomerLabel{ID: c.ID, Company: r.Values[record.Company]}
		if cols.cluster >= 0 && Extra(&r, cols.cluster) != "" {
			c.ID = Extra(&r, cols.cluster)
		}
		c.Tier, c.Grade = Extra(&r, cols.tier), Extra(&r, cols.grade)
		c.Province, c.City, c.Industry = r.Values[record.Province], r.Values[record.City], r.Values[record.Industry]
		c.Company = r.Values[record.Company]
		c.PreviousOwner, c.ReclaimedAt = Extra(&r, cols.reclaimedFrom), day(Extra(&r, cols.reclaimed))
	}
	return customers, labels, groupOf
}

// Assigned is an assign step's plan: who owns each customer.
type Assigned struct {
	Customers []assign.Customer
	Labels    []CustomerLabel
	GroupOf   []int // customer of each record
	Plan      *assign.Plan
	Columns   *assign.Columns
	Policy    assign.Policy
	Changed   int // records whose owner Apply changed
	// reasons are the distinct assign_reason texts of the plan, and
	// reasonOf the one of each decision: a text is made once, not once
	// per record written.
	reasons  []string
	reasonOf []int32
}

// Assign settles who owns each customer of recs.
func Assign(recs *record.Store, schema *record.Schema, reps []assign.Rep, overrides []assign.Override, policy assign.Policy) (*Assigned, error) {
	return assignLayered(layered{base: recs}, schema, reps, overrides, policy)
}

// assignLayered is Assign over records read through a layer; schema is
// the layered records' columns.
func assignLayered(recs layered, schema *record.Schema, reps []assign.Rep, overrides []assign.Override, policy assign.Policy) (*Assigned, error) {
	customers, labels, groupOf := buildCustomers(recs, findCustomerColumns(schema))
	plan, err := assign.Assign(customers, reps, overrides, policy)
	if err != nil {
		return nil, AssignError(err)
	}
	a := &Assigned{Customers: customers, Labels: labels, GroupOf: groupOf, Plan: plan,
		Columns: assign.NewColumns(schema, policy.AsOf), Policy: policy}
	a.reasons, a.reasonOf = reasonTexts(plan.Decisions)
	return a, nil
}

// reasonTexts makes the assign_reason text of every decision, one string
// per distinct text: texts, and the index in it of each decision's.
func reasonTexts(ds []assign.Decision) (texts []string, of []int32) {
	type key struct{ rule, reason string }
	index := map[key]int32{}
	of = make([]int32, len(ds))
	for i := range ds {
		k := key{ds[i].Rule, ds[i].Reason}
		j, ok := index[k]
		if !ok {
			j = int32(len(texts))
			texts = append(texts, assign.ReasonText(&ds[i]))
			index[k] = j
		}
		of[i] = j
	}
	return texts, of
}

// Schema is the assigned records' columns.
func (a *Assigned) Schema() *record.Schema { return &a.Columns.Schema }

// Apply writes record i's decision into r.
func (a *Assigned) Apply(i int, r *record.Record) {
	if a.apply(i, r) {
		a.Changed++
	}
}

// apply writes record i's decision into r, reporting whether its owner
// changed.
func (a *Assigned) apply(i int, r *record.Record) bool {
	g := a.GroupOf[i]
	return a.Columns.ApplyWithReason(r, &a.Plan.Decisions[g], a.reasons[a.reasonOf[g]])
}

// ApplyAll writes every record's decision into a new store (on every
// core; see mapStore).
func (a *Assigned) ApplyAll(recs *record.Store) *record.Store {
	return a.applyAll(layered{base: recs})
}

// applyAll is ApplyAll over records read through a layer: the layer's
// changes and the decisions go into one new store.
func (a *Assigned) applyAll(recs layered) *record.Store {
	changed := make([]int, runtime.GOMAXPROCS(0))
	out, workers := mapStore(recs.base, func(w, i int, r *record.Record) {
		if recs.fill != nil {
			recs.fill(w, i, r)
		}
		if a.apply(i, r) {
			changed[w]++
		}
	})
	for _, n := range changed[:workers] {
		a.Changed += n
	}
	return out
}

// Notes warn about overrides naming customers not in the input and about
// many owned customers changing owner.
func (a *Assigned) Notes() Notes {
	var n Notes
	for _, o := range a.Plan.UnusedOverrides {
		n.Warnf(warncode.OverrideUnknownCustomer, 0, "--overrides names customer %q, which is not in the input", o.CustomerID)
	}
	if w := a.Plan.MovesWarning(); w != "" {
		n.Warnf(warncode.OwnerMovesMany, a.Plan.Moved(), "%s", w)
	}
	return n
}

// Moves says how many owned customers change owner and why.
func (a *Assigned) Moves() string { return "assign: " + a.Plan.MovesSummary() }

// AuditHeader is the audit file's header.
var AuditHeader = []string{"customer_id", "id", "company", "candidates", "owner_before", "owner", "rule", "reason", "dispute", "steps"}

// appendClaim appends how the audit shows a claim: "owner（认领 date，跟进
// date，成交 date）", or in English "owner (claimed date, contact date, deal
// date)"; "-" for a date not known. (Built by hand, not with fmt: the audit
// of a million customers shows about as many claims.)
func appendClaim(b []byte, c assign.Claim, lang string) []byte {
	words := [4]string{"（认领 ", "，跟进 ", "，成交 ", "）"}
	if lang == "en" {
		words = [4]string{" (claimed ", ", contact ", ", deal ", ")"}
	}
	b = append(b, c.Owner...)
	for i, d := range [3]int{c.ClaimedAt, c.LastContactAt, c.LastDealAt} {
		b = append(b, words[i]...)
		if d == assign.NoDate {
			b = append(b, '-')
		} else {
			b = appendDate(b, d)
		}
	}
	return append(b, words[3]...)
}

func auditRow(c *assign.Customer, label CustomerLabel, d *assign.Decision, lang string) []string {
	// The candidates, then the steps, in one buffer cut in two.
	var b []byte
	for i, cl := range d.Candidates {
		if i > 0 {
			b = append(b, " / "...)
		}
		b = appendClaim(b, cl, lang)
	}
	cands := len(b)
	for i, s := range d.Steps {
		if i > 0 {
			b = append(b, " → "...)
		}
		b = append(append(append(append(append(append(b, s.Rule...), ": "...), s.Outcome...), " ("...), s.Detail...), ')')
	}
	text := string(b)
	dispute := ""
	if d.Dispute {
		dispute = "yes"
	}
	return []string{c.ID, label.ID, label.Company, text[:cands], d.Previous, d.Owner, d.Rule, d.Reason, dispute, text[cands:]}
}

// WriteAudit writes every decision but "kept" (one valid owner,
// unchanged), which needs no explaining and would bury the rest.
func (a *Assigned) WriteAudit(w RowWriter) error {
	return a.writeAudit(w, a.Customers, a.Labels)
}

// writeAudit writes the audit of customers (a's, which the caller may
// have let go of already).
func (a *Assigned) writeAudit(w RowWriter, customers []assign.Customer, labels []CustomerLabel) error {
	for g := range customers {
		if d := &a.Plan.Decisions[g]; d.Rule != assign.RuleKept || d.Dispute {
			if err := w.WriteRow(auditRow(&customers[g], labels[g], d, a.Policy.Lang)); err != nil {
				return err
			}
		}
	}
	return nil
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

// Disputes counts the disputes settled.
func (a *Assigned) Disputes() int { return a.Plan.Disputes }

// Summary is assign's one-line summary.
func (a *Assigned) Summary() string {
	disputes, pool := 0, 0
	for _, d := range a.Plan.Decisions {
		if d.Dispute {
			disputes++
		}
		if d.Owner == "" {
			pool++
		}
	}
	order, n := ruleCounts(a.Plan)
	var parts []string
	for _, r := range order {
		parts = append(parts, fmt.Sprintf("%s %d", r, n[r]))
	}
	// issue 19: no Chinese in English output
	poolName := InLang(a.Policy.Lang)("the pool (公海)", "the unassigned pool")
	return fmt.Sprintf("assign: %s, %s settled, %s in %s, %s changed owner; by rule: %s",
		Plural(len(a.Customers), "customer"), Plural(disputes, "dispute"), Plural(pool, "customer"), poolName, Plural(a.Changed, "record"), strings.Join(parts, ", "))
}

// PlanTables are a dry run's tables: decisions by rule, and customers per
// owner before and after.
func (a *Assigned) PlanTables() []*report.Table {
	plan := a.Plan
	order, n := ruleCounts(plan)
	byRule := &report.Table{Kind: report.KindAssignRules, Title: "assign plan (dry run): decisions by rule", Columns: []report.Column{{Name: "rule", Key: "rule"}, {Name: "customers", Key: "customers", Numeric: true}}}
	for _, r := range order {
		byRule.Rows = append(byRule.Rows, []report.Value{report.Text(r), report.Count(n[r])})
	}
	owners := &report.Table{Kind: report.KindAssignOwners, Title: "customers per owner", Columns: []report.Column{{Name: "owner", Key: "owner"}, {Name: "before", Key: "before", Numeric: true}, {Name: "after", Key: "after", Numeric: true}, {Name: "change", Key: "change", Numeric: true}}}
	names := ownerNames(plan.Before, plan.After)
	slices.Sort(names)
	for _, name := range names {
		label := name
		if label == "" {
			// issue 19: no Chinese in English output
			label = InLang(a.Policy.Lang)("(公海 pool)", "(unassigned pool)")
		}
		b, af := plan.Before[name], plan.After[name]
		owners.Rows = append(owners.Rows, []report.Value{report.Text(label), report.Count(b), report.Count(af), report.Count(af - b)})
	}
	return []*report.Table{byRule, owners}
}

// InLang returns a chooser between a Chinese and an English text.
func InLang(lang string) func(zh, en string) string {
	return func(zh, en string) string {
		if lang == "en" {
			return en
		}
		return zh
	}
}
