package classify

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/crmkit/crmkit/internal/record"
)

// Classifier is a validated config with its rules compiled.
type Classifier struct {
	cfg    Config
	labels Labels
	high   int
	rules  []compiledRule
}

// New validates cfg and compiles every rule, so that a bad expression is
// reported once, at load time, with the rule's name and position.
func New(cfg Config) (*Classifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	rules, err := compileRules(cfg.Rules)
	if err != nil {
		return nil, err
	}
	cfg.RulesColumn = cfg.rulesColumn()
	// The caller's slices stay the caller's.
	cfg.RFM.R, cfg.RFM.F, cfg.RFM.M = slices.Clone(cfg.RFM.R), slices.Clone(cfg.RFM.F), slices.Clone(cfg.RFM.M)
	cfg.Rules = slices.Clone(cfg.Rules)
	return &Classifier{cfg: cfg, labels: LabelsFor(cfg.Lang), high: cfg.high(), rules: rules}, nil
}

// Columns returns the columns classify adds, in Cells order: Columns, then
// the rules column when there are rules.
func (c *Classifier) Columns() []string {
	cols := slices.Clone(Columns)
	if len(c.rules) > 0 {
		cols = append(cols, c.cfg.RulesColumn)
	}
	return cols
}

// Model is a classifier fitted to one set of records.
type Model struct {
	c      *Classifier
	facts  []Facts
	pareto pareto
	rfm    rfmScales
	// noPurchases: no record has revenue, a purchase count or a purchase
	// date (a HubSpot or Salesforce contact export). Grading every
	// customer C, a prospect, would be made up: the classes stay empty.
	noPurchases bool
}

// NoPurchaseData reports whether no record had revenue, a purchase count or
// a purchase date, so value tier, RFM, lifecycle and grade are left empty.
func (m *Model) NoPurchaseData() bool { return m.noPurchases }

// Fit computes the Pareto cut points and RFM quantiles from every record's
// facts, in input order. The model keeps facts (it must not change
// afterwards) and a few cut points; its scratch space, at most one float64
// per record, is freed on return.
func (c *Classifier) Fit(facts []Facts) *Model {
	// One sort of the buyers' revenues serves both Pareto and M; revenue
	// is positive only for buyers, so Pareto misses no one.
	revenues := make([]float64, 0, len(facts))
	for i := range facts {
		if f := &facts[i]; f.Bought() {
			revenues = append(revenues, monetary(f))
		}
	}
	slices.Sort(revenues)
	noPurchases := len(facts) > 0
	for i := range facts {
		if facts[i].PurchaseData {
			noPurchases = false
			break
		}
	}
	return &Model{
		noPurchases: noPurchases,
		c:           c,
		facts:       facts,
		pareto:      fitPareto(revenues, c.cfg.ABC.A, c.cfg.ABC.B),
		rfm:         fitRFM(&c.cfg, facts, revenues),
	}
}

// Classes are one record's classes, labelled in the config's language. R,
// F and M are 0 when the record shows no purchase (R also when its last
// purchase date is unknown); Segment and Lifecycle are "" when unknown.
type Classes struct {
	ABC, Tier                         string
	R, F, M                           int
	Segment, Lifecycle, Grade, Custom string
}

// Classify returns the classes of record i, i being its position in the
// facts given to Fit; r is the same record, read by custom rules. The error
// is a rule failing at run time. Safe for concurrent use.
func (m *Model) Classify(i int, r *record.Record) (Classes, error) {
	c := m.c
	f := &m.facts[i]
	l := &c.labels
	var cl Classes
	if m.noPurchases {
		return m.custom(i, r, f, cl)
	}
	abc := m.pareto.class(f)
	cl.ABC, cl.Tier = l.ABC[abc], l.Tier[abc]
	cl.R, cl.F, cl.M = m.rfm.scores(f, c.cfg.AsOf)
	if s := segment(cl.R, cl.F, cl.M, c.high); s >= 0 {
		cl.Segment = l.Segment[s]
	}
	if s := lifecycle(&c.cfg.Lifecycle, f, c.cfg.AsOf); s >= 0 {
		cl.Lifecycle = l.Lifecycle[s]
	}
	cl.Grade = l.Grade[grade(&c.cfg.Grade, cl.F, cl.M, f.Referrals)]
	return m.custom(i, r, f, cl)
}

// custom adds the custom rules' class to cl.
func (m *Model) custom(i int, r *record.Record, f *Facts, cl Classes) (Classes, error) {
	c := m.c
	if len(c.rules) > 0 {
		custom, err := matchRules(c.rules, r, f, c.cfg.AsOf, &cl)
		if err != nil {
			where := r.Source
			if where == "" {
				where = fmt.Sprintf("record %d", i+1)
			}
			return cl, fmt.Errorf("%s: %w", where, err)
		}
		cl.Custom = custom
	}
	return cl, nil
}

// Cells appends cl's cells to dst in Columns order.
func (m *Model) Cells(cl Classes, dst []string) []string {
	dst = append(dst, cl.ABC, cl.Tier, score(cl.R), score(cl.F), score(cl.M), cl.Segment, cl.Lifecycle, cl.Grade)
	if len(m.c.rules) > 0 {
		dst = append(dst, cl.Custom)
	}
	return dst
}

// score formats a score; strconv.Itoa returns small numbers without
// allocating.
func score(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
