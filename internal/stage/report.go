package stage

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/report"
)

// ReportKinds are the reports `crmkit report` prints; "all" is every one.
var ReportKinds = []string{"tiers", "owners", "lifecycle", "rfm", "disputes", "quality", "all"}

// PipelineReports are the reports `crmkit pipeline` writes, in the order
// `crmkit report all` prints them (the quality report is about files the
// pipeline read, not about the customers it wrote, so it is left out).
var PipelineReports = []string{"tiers", "owners", "lifecycle", "rfm", "disputes"}

// CustomerOf reads what a report needs from a record and its classes.
func CustomerOf(r *record.Record, cls *classify.Classes) report.Customer {
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

// Reports gathers what the report tables show, record by record.
type Reports struct {
	Builder  *report.Builder
	Given    *classify.ColumnReader // classes read from the records, when they have them
	Assigned *AssignedView          // assign's columns, when the records have them
	filled   [record.NumFields]int
	records  int
}

// NewReports starts the reports of records of schema.
func NewReports(schema *record.Schema, lang string, top int) *Reports {
	r := &Reports{Builder: report.NewBuilder(lang, top), Assigned: NewAssignedView(schema)}
	r.Given, _ = classify.NewColumnReader(schema)
	return r
}

// Add counts r; cls are its classes (nil: read them from r's columns when
// it has them).
func (s *Reports) Add(r *record.Record, cls *classify.Classes) {
	s.records++
	for f, v := range r.Values {
		if v != "" {
			s.filled[f]++
		}
	}
	if cls == nil && s.Given != nil {
		c := s.Given.Read(r)
		cls = &c
	}
	if cls != nil {
		c := CustomerOf(r, cls)
		s.Builder.Add(&c)
	}
	if s.Assigned != nil {
		s.Assigned.Add(r)
	}
}

// TierSummary is the summary sheet's table (the tiers report's first
// table, as TierSummary makes it); nil when the records are not
// classified.
func (s *Reports) TierSummary() *report.Table {
	if s.Given == nil {
		return nil
	}
	return s.Builder.Tiers()[0]
}

// AddStore adds every record of recs.
func (s *Reports) AddStore(recs *record.Store) {
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		s.Add(&r, nil)
	}
}

// Tables builds the tables of kinds ("all" is every kind); reps give the
// owners report its cap column; st is the read's counts, for quality.
func (s *Reports) Tables(kinds []string, reps []assign.Rep, lang string, st ingest.Stats) []*report.Table {
	var tables []*report.Table
	if slices.Contains(kinds, "all") {
		kinds = ReportKinds[:len(ReportKinds)-1]
	}
	for _, k := range kinds {
		switch k {
		case "tiers":
			tables = append(tables, s.Builder.Tiers()...)
		case "owners":
			tables = append(tables, s.Builder.Owners())
			if s.Assigned != nil {
				tables = append(tables, s.Assigned.OwnersTable(reps, lang))
			}
		case "disputes":
			if s.Assigned != nil {
				tables = append(tables, s.Assigned.DisputesTable(lang))
			}
		case "lifecycle":
			tables = append(tables, s.Builder.Lifecycle())
		case "rfm":
			tables = append(tables, s.Builder.RFM())
		case "quality":
			tables = append(tables, report.QualityTable(s.quality(st), lang))
		}
	}
	return tables
}

func (s *Reports) quality(st ingest.Stats) report.Quality {
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

// AssignedView collects what assign wrote, for the owners before/after
// and disputes reports.
type AssignedView struct {
	prev, reason, owners, dispute int
	before                        map[string]int
	after                         map[string]int
	revenue                       map[string]float64
	disputes                      [][]report.Value
	// names holds a copy of each owner name, the keys of the maps above:
	// a record's strings may share a block of the reader's text with many
	// other rows (ingest.Sink), and a map key is replaced by the string
	// of every assignment to it.
	names map[string]string
}

// disputeRules are the rules of assign's resolution chain.
var disputeRules = []string{"override", "deal", "protected", "followup", "earliest", "tiebreak"}

// NewAssignedView reads assign's columns of s; nil when s has none.
func NewAssignedView(s *record.Schema) *AssignedView {
	reason := slices.Index(s.Extra, assign.ColumnAssignReason)
	if reason < 0 {
		return nil
	}
	return &AssignedView{prev: slices.Index(s.Extra, assign.ColumnOwnerPrevious), reason: reason, owners: slices.Index(s.Extra, dedupe.ColumnOwners),
		dispute: slices.Index(s.Extra, assign.ColumnDispute),
		before:  map[string]int{}, after: map[string]int{}, revenue: map[string]float64{}, names: map[string]string{}}
}

// name returns a copy of owner name s, the same one every time.
func (a *AssignedView) name(s string) string {
	if n, ok := a.names[s]; ok {
		return n
	}
	n := strings.Clone(s)
	a.names[n] = n
	return n
}

// Add counts one assigned record.
func (a *AssignedView) Add(r *record.Record) {
	owner := a.name(r.Values[record.Owner])
	reason := Extra(r, a.reason)
	before := owner
	if a.prev >= 0 { // assign writes the owner before the run on every record; "" = 公海
		before = a.name(Extra(r, a.prev))
	}
	a.before[before]++
	a.after[owner]++
	rev, _ := strconv.ParseFloat(r.Values[record.TotalRevenue], 64)
	a.revenue[owner] += rev
	rule, text, _ := strings.Cut(reason, ": ")
	settled := slices.Contains(disputeRules, rule)
	if a.dispute >= 0 { // assign marks every dispute, also one whose winner was then reclaimed
		settled = Extra(r, a.dispute) != ""
		if settled && Extra(r, a.dispute) != rule {
			rule = Extra(r, a.dispute) + " → " + rule
		}
	}
	if settled {
		id := r.Values[record.ID]
		if id == "" {
			id = r.Source
		}
		claimants := Extra(r, a.owners) // dedupe's list of every owner named
		if claimants == "" {
			claimants = Extra(r, a.prev)
		}
		// Copies: the record's strings may share a block of text with
		// thousands of rows this report keeps nothing of.
		a.disputes = append(a.disputes, []report.Value{report.Text(strings.Clone(id)), report.Text(strings.Clone(r.Values[record.Company])),
			report.Text(strings.Clone(claimants)), report.Text(owner), report.Text(strings.Clone(rule)), report.Text(strings.Clone(text))})
	}
}

// OwnersTable is customers per owner before and after assign.
func (a *AssignedView) OwnersTable(reps []assign.Rep, lang string) *report.Table {
	pick := InLang(lang)
	capOf := map[string]int{}
	for _, r := range reps {
		capOf[r.Name] = r.Capacity
	}
	t := &report.Table{Kind: report.KindOwnerChanges, Title: pick("负责人变动（分配前后）", "Owners before and after assign"), Columns: []report.Column{
		{Name: pick("负责人", "Owner"), Key: "owner"},
		{Name: pick("分配前", "Before"), Key: "before", Numeric: true},
		{Name: pick("分配后", "After"), Key: "after", Numeric: true},
		{Name: pick("变化", "Change"), Key: "change", Numeric: true},
		{Name: pick("消费金额", "Revenue"), Key: "revenue", Numeric: true},
		{Name: pick("保有量上限", "Cap"), Key: "cap", Numeric: true},
		{Name: pick("使用率", "Cap use"), Key: "cap_use", Numeric: true},
	}}
	names := ownerNames(a.before, a.after)
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

// DisputesTable lists the customers whose owner an assign rule decided.
func (a *AssignedView) DisputesTable(lang string) *report.Table {
	pick := InLang(lang)
	return &report.Table{Kind: report.KindDisputes, Title: pick("撞单裁决", "Ownership disputes"), Columns: []report.Column{
		{Name: pick("客户编号", "ID"), Key: "id"},
		{Name: pick("客户名称", "Company"), Key: "company"},
		{Name: pick("认领人", "Claimants"), Key: "claimants"},
		{Name: pick("裁定负责人", "Owner"), Key: "owner"},
		{Name: pick("规则", "Rule"), Key: "rule"},
		{Name: pick("理由", "Reason"), Key: "reason"},
	}, Rows: a.disputes}
}

// ReportFormat picks a report file's format from its extension.
func ReportFormat(path string) (string, bool) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".md", ".markdown":
		return "markdown", true
	case ".csv", ".tsv", ".json":
		return ext[1:], true
	case ".html", ".htm":
		return "html", true
	case ".txt", "":
		return "table", true
	}
	return "", false
}

// ownerNames are the owners with customers before or after assign, in no
// order.
func ownerNames(before, after map[string]int) []string {
	var names []string
	for n := range before {
		names = append(names, n)
	}
	for n := range after {
		if _, ok := before[n]; !ok {
			names = append(names, n)
		}
	}
	return names
}
