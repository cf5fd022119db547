package stage

import (
	"runtime"
	"slices"

	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/warncode"
)

// Classifier grades customers in two passes: Observe every record (while
// it is read, so a command needs no second read), Fit, then Apply to each
// record in the same order.
type Classifier struct {
	cfg     classify.Config
	cl      *classify.Classifier
	layout  *classify.Layout
	model   *classify.Model
	facts   [][]classify.Facts // in chunks, copied once at the end: no regrowth
	n       int
	future  int // customers whose last purchase is after as-of
	revenue int // records with a total_revenue value
	// currency is the currency column (-1 when none); foreign counts
	// records whose revenue is in another currency than yuan.
	currency, foreign int
	cells             []string
}

const factsChunk = 1 << 16

// NewClassifier compiles cfg's rules for records of schema.
func NewClassifier(cfg classify.Config, schema *record.Schema) (*Classifier, error) {
	cl, err := classify.New(cfg)
	if err != nil {
		return nil, errs.Usage(err, "fix the rule in the classify.rules section of the config file")
	}
	return &Classifier{cfg: cfg, cl: cl, layout: classify.NewLayout(schema, cl.Columns()),
		currency: slices.Index(schema.Extra, record.CurrencyColumn)}, nil
}

// Observe takes the facts of the next record.
func (c *Classifier) Observe(r *record.Record) {
	if len(c.facts) == 0 || len(c.facts[len(c.facts)-1]) == factsChunk {
		c.facts = append(c.facts, make([]classify.Facts, 0, factsChunk))
	}
	last := &c.facts[len(c.facts)-1]
	f := classify.FactsOf(r)
	if f.LastPurchase != classify.NoDate && f.LastPurchase > int32(c.cfg.AsOf) {
		c.future++
	}
	if r.Values[record.TotalRevenue] != "" {
		c.revenue++
		if c.currency >= 0 && c.currency < len(r.Extra) && r.Extra[c.currency] != "" {
			c.foreign++
		}
	}
	*last = append(*last, f)
	c.n++
}

// Fit fits the model to every observed record.
func (c *Classifier) Fit() {
	all := make([]classify.Facts, 0, c.n)
	for _, ch := range c.facts {
		all = append(all, ch...)
	}
	c.facts = nil
	c.model = c.cl.Fit(all)
}

// Classes classifies the i-th observed record.
func (c *Classifier) Classes(i int, r *record.Record) (classify.Classes, error) {
	cls, err := c.model.Classify(i, r)
	if err != nil {
		return cls, errs.Data(err, "fix the rule named above in the classify.rules section of the config file")
	}
	return cls, nil
}

// Apply writes the i-th observed record's classes into its columns.
func (c *Classifier) Apply(i int, r *record.Record) (err error) {
	c.cells, err = c.fill(i, r, c.cells)
	return err
}

// fill is Apply with its own cell buffer, returned for the next record.
func (c *Classifier) fill(i int, r *record.Record, cells []string) ([]string, error) {
	cls, err := c.Classes(i, r)
	if err != nil {
		return cells, err
	}
	cells = c.model.Cells(cls, cells[:0])
	c.layout.Fill(r, cells)
	return cells, nil
}

// Schema is the classified records' columns.
func (c *Classifier) Schema() *record.Schema { return &c.layout.Schema }

// Notes warn about a revenue column that gave nothing and purchases after
// as-of.
func (c *Classifier) Notes() Notes {
	var n Notes
	switch {
	case c.model != nil && c.model.NoPurchaseData():
		// issue 19: most HubSpot and Salesforce contact exports have no
		// purchases; grading every customer C, a prospect, would be made up.
		n.Warnf(warncode.PurchasesMissing, 0, "no row has revenue, a purchase count or a purchase date, so value tier, RFM, lifecycle and grade are left empty")
		n.Hintf("if the file has them, map the columns, e.g. --map 'Umsatz=total_revenue' (`crmkit fields` lists the headers crmkit knows)")
	case c.n > 0 && c.revenue == 0:
		// No revenue column mapped, or (in crmkit's own CSV, which always
		// has one) an earlier import did not map it.
		n.Warnf(warncode.RevenueMissing, 0, "total_revenue is empty on every row, so every customer is C")
		n.Hintf("map the revenue column when importing, e.g. --map 'Umsatz=total_revenue' (`crmkit fields` lists the headers crmkit knows)")
	}
	if c.foreign > 0 {
		n.Warnf(warncode.RevenueOtherCurrency, c.foreign, "the revenue of %s is in another currency than yuan (the currency column); value tiers rank it as if it were yuan", Plural(c.foreign, "customer"))
		n.Hintf("import with --rates 'USD=7.1' (yuan per unit) to convert it")
	}
	if c.future > 0 {
		n.Warnf(warncode.PurchaseAfterAsOf, c.future, "%s have a purchase after --as-of %s; they count as bought on that day (is --as-of right?)",
			Plural(c.future, "customer"), DateText(c.cfg.AsOf))
	}
	return n
}

// Classified is a classify step's result.
type Classified struct {
	Records *record.Store
	Schema  *record.Schema
	Notes   Notes
}

// Classify grades every record of recs into a new store.
func Classify(recs *record.Store, schema *record.Schema, cfg classify.Config) (*Classified, error) {
	c, err := fitClassifier(recs, schema, cfg)
	if err != nil {
		return nil, err
	}
	out, err := c.applyAll(recs)
	if err != nil {
		return nil, err
	}
	return &Classified{Records: out, Schema: c.Schema(), Notes: c.Notes()}, nil
}

// fitClassifier observes every record of recs and fits the model.
func fitClassifier(recs *record.Store, schema *record.Schema, cfg classify.Config) (*Classifier, error) {
	c, err := NewClassifier(cfg, schema)
	if err != nil {
		return nil, err
	}
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		c.Observe(&r)
	}
	c.Fit()
	return c, nil
}

// infallible is true when classifying cannot fail: without custom rules
// nothing is evaluated at run time, so the classes can be filled in
// whenever a record is read, as often as it is read.
func (c *Classifier) infallible() bool { return len(c.cfg.Rules) == 0 }

// filler fills the classes of record i into r on worker w of mapStore,
// or (w = 0) as a layered read; each worker has its own cell buffer.
// Only for an infallible classifier: it has no error to return.
func (c *Classifier) filler() func(w, i int, r *record.Record) {
	cells := make([][]string, runtime.GOMAXPROCS(0))
	return func(w, i int, r *record.Record) {
		cells[w], _ = c.fill(i, r, cells[w])
	}
}

// applyAll applies the classes to every observed record of recs, into a
// new store, on every core (see mapStore). A rule that fails stops the
// worker it failed on; the error returned is that of the first record in
// order that failed, as a single loop would return.
func (c *Classifier) applyAll(recs *record.Store) (*record.Store, error) {
	procs := runtime.GOMAXPROCS(0)
	failed := make([]error, procs)
	cells := make([][]string, procs)
	out, workers := mapStore(recs, func(w, i int, r *record.Record) {
		if failed[w] != nil {
			return
		}
		cells[w], failed[w] = c.fill(i, r, cells[w])
	})
	for _, err := range failed[:workers] {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
