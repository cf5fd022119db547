package report

import (
	"math"
	"strings"

	"github.com/crmkit/crmkit/internal/classify"
)

// Builder folds customers into the counters every report needs. Amounts are
// summed in integer cents, so totals are exact, equal the sum of their rows,
// and do not depend on input order.
type Builder struct {
	w   *words
	top int

	// Label → class index. Both languages are accepted, so a file
	// classified with --lang en still reports under zh headers.
	tierOf, segmentOf, lifecycleOf map[string]int

	all        tally
	tiers      []tally // one per tier label, then unclassified
	lifecycles []tally // one per lifecycle label, then unclassified
	segments   []segmentTally
	owners     map[string]*ownerTally
	pool       ownerTally // customers without owner (公海)
	tops       []topList  // one per entry of tiers
	seq        int        // input order, the tie-break of the top lists
}

// tally counts customers and their revenue.
type tally struct {
	customers int
	cents     int64
	priced    int // customers whose revenue is known
}

func (t *tally) add(cents int64, known bool) {
	t.customers++
	t.cents += cents
	if known {
		t.priced++
	}
}

// segmentTally adds the RFM score sums of one segment. A score of 0 means
// none and is left out of its average.
type segmentTally struct {
	tally
	sum, scored [3]int64 // R, F, M
}

// ownerTally is one row of the owner × tier matrix.
type ownerTally struct {
	tally
	tiers []int // customers per entry of Builder.tiers
}

// NewBuilder returns a Builder whose tables speak lang ("zh" or "en") and
// list the top customers of each tier (top = 0: no top lists).
func NewBuilder(lang string, top int) *Builder {
	w := wordsFor(lang)
	zh, en := classify.LabelsFor("zh"), classify.LabelsFor("en")
	nTier := len(w.labels.Tier) + 1
	b := &Builder{
		w:           w,
		top:         max(top, 0),
		tierOf:      labelIndex(zh.Tier, en.Tier, zh.ABC, en.ABC),
		segmentOf:   labelIndex(zh.Segment, en.Segment, classify.LabelsENBefore.Segment),
		lifecycleOf: labelIndex(zh.Lifecycle, en.Lifecycle, classify.LabelsENBefore.Lifecycle),
		tiers:       make([]tally, nTier),
		lifecycles:  make([]tally, len(w.labels.Lifecycle)+1),
		segments:    make([]segmentTally, len(w.labels.Segment)+1),
		owners:      make(map[string]*ownerTally),
		pool:        ownerTally{tiers: make([]int, nTier)},
	}
	if b.top > 0 {
		b.tops = make([]topList, nTier)
	}
	return b
}

// labelIndex maps every label of the lists to its position; the lists are
// parallel (same classes in another language or notation), and the first
// list to name a label wins.
func labelIndex(lists ...[]string) map[string]int {
	m := make(map[string]int)
	for _, list := range lists {
		for i, label := range list {
			if _, ok := m[label]; !ok {
				m[label] = i
			}
		}
	}
	return m
}

// classOf returns the index of label, or unclassified (the last index) for
// an empty or unknown label.
func classOf(m map[string]int, label string, unclassified int) int {
	if i, ok := m[label]; ok {
		return i
	}
	return unclassified
}

// Add counts one customer. Call it once per customer, in input order.
func (b *Builder) Add(c *Customer) {
	cents := toCents(c.Revenue)
	b.all.add(cents, !c.NoRevenue)

	tier, ok := b.tierOf[c.Tier]
	if !ok {
		// value_tier missing but abc_class present: they name the same class.
		tier = classOf(b.tierOf, c.ABC, len(b.tiers)-1)
	}
	b.tiers[tier].add(cents, !c.NoRevenue)
	b.lifecycles[classOf(b.lifecycleOf, c.Lifecycle, len(b.lifecycles)-1)].add(cents, !c.NoRevenue)

	seg := &b.segments[classOf(b.segmentOf, c.Segment, len(b.segments)-1)]
	seg.add(cents, !c.NoRevenue)
	for i, score := range [3]int{c.R, c.F, c.M} {
		if score > 0 {
			seg.sum[i] += int64(score)
			seg.scored[i]++
		}
	}

	o := b.owner(c.Owner)
	o.add(cents, !c.NoRevenue)
	o.tiers[tier]++

	if b.top > 0 {
		b.tops[tier].offer(b.top, c, cents, b.seq)
	}
	b.seq++
}

// owner returns the matrix row of name, creating it on first sight.
func (b *Builder) owner(name string) *ownerTally {
	if isPool(name) {
		return &b.pool
	}
	if o, ok := b.owners[name]; ok {
		return o
	}
	// Clone: the caller may hand us strings over a reused read buffer.
	o := &ownerTally{tiers: make([]int, len(b.tiers))}
	b.owners[strings.Clone(name)] = o
	return o
}

// isPool reports whether owner names nobody: empty, or the public pool
// itself (assign writes 公海 for reclaimed customers).
func isPool(owner string) bool {
	return strings.TrimSpace(owner) == "" || owner == wordsZH.pool || owner == wordsEN.pool
}

// toCents rounds an amount to whole cents; amounts that are not numbers
// count as 0, like a missing total_revenue.
func toCents(x float64) int64 {
	c := math.Round(x * 100)
	if math.IsNaN(c) || c > math.MaxInt64/4 || c < math.MinInt64/4 {
		return 0
	}
	return int64(c)
}

func centsValue(c int64) Value { return Money(float64(c) / 100) }

// revenueValue is t's revenue, or an empty cell when no customer of t has
// a known revenue: missing is not 0.
func revenueValue(t tally) Value {
	if t.priced == 0 && t.customers > 0 {
		return Value{}
	}
	return centsValue(t.cents)
}

// averageCents is the mean amount of t, or an empty cell for no customers
// or no known revenue.
func averageCents(t tally) Value {
	if t.customers == 0 || t.priced == 0 {
		return Value{}
	}
	return Money(float64(t.cents) / 100 / float64(t.customers))
}
