package classify

import (
	"math"
	"slices"
)

// scale scores a value 1..len(cuts)+1: one point plus one per cut the value
// reaches. Values are oriented so that higher is better (recency is stored
// as minus days), which lets fixed thresholds and fitted quantiles share
// this one representation.
type scale struct{ cuts []float64 }

func (s scale) score(v float64) int {
	n := 1
	for _, c := range s.cuts {
		if v >= c {
			n++
		}
	}
	return n
}

// fixedScale turns ascending user thresholds into a scale. Recency
// thresholds are days (fewer is better, each an inclusive upper bound), so
// they are negated and reversed: days ≤ t ⇔ -days ≥ -t.
func fixedScale(thresholds []float64, days bool) scale {
	cuts := slices.Clone(thresholds)
	if days {
		slices.Reverse(cuts)
		for i := range cuts {
			cuts[i] = -cuts[i]
		}
	}
	return scale{cuts}
}

// quantileFit builds a quantile scale from the distinct values of a
// population in ascending order: a value scores 1 + floor(bins × below / n),
// below being how many values are strictly smaller. cuts[k] is the smallest
// value scoring at least k+2; a score no value reaches keeps +Inf, so scores
// may skip but never exceed bins.
type quantileFit struct {
	bins, n, reached int
	cuts             []float64
}

func newQuantileFit(bins, n int) *quantileFit {
	q := &quantileFit{bins: bins, n: n, reached: 1, cuts: make([]float64, bins-1)}
	for i := range q.cuts {
		q.cuts[i] = math.Inf(1)
	}
	return q
}

// distinct adds the next distinct value, with below values under it.
func (q *quantileFit) distinct(v float64, below int) {
	for s := 1 + q.bins*below/q.n; q.reached < s; q.reached++ {
		q.cuts[q.reached-1] = v
	}
}

func (q *quantileFit) scale() scale { return scale{q.cuts} }

// quantileScale fits a scale to values sorted ascending.
func quantileScale(sorted []float64, bins int) scale {
	q := newQuantileFit(bins, len(sorted))
	for i, v := range sorted {
		if i == 0 || v != sorted[i-1] {
			q.distinct(v, i)
		}
	}
	return q.scale()
}

// maxCountingRange bounds the histogram of integerQuantileScale; wider
// ranges (absurd dates, huge counts) fall back to sorting.
const maxCountingRange = 1 << 22

// integerQuantileScale fits a scale to the integer values value reports for
// facts, by counting rather than sorting: days and purchase counts span a
// small range, and a histogram of it is several times faster than sorting a
// million values.
func integerQuantileScale(facts []Facts, bins int, value func(*Facts) (int, bool)) scale {
	lo, hi, n := math.MaxInt, math.MinInt, 0
	for i := range facts {
		if v, ok := value(&facts[i]); ok {
			lo, hi, n = min(lo, v), max(hi, v), n+1
		}
	}
	if n == 0 {
		return newQuantileFit(bins, 1).scale()
	}
	if hi-lo >= maxCountingRange {
		vals := make([]float64, 0, n)
		for i := range facts {
			if v, ok := value(&facts[i]); ok {
				vals = append(vals, float64(v))
			}
		}
		slices.Sort(vals)
		return quantileScale(vals, bins)
	}
	counts := make([]int32, hi-lo+1)
	for i := range facts {
		if v, ok := value(&facts[i]); ok {
			counts[v-lo]++
		}
	}
	q := newQuantileFit(bins, n)
	below := 0
	for k, c := range counts {
		if c > 0 {
			q.distinct(float64(lo+k), below)
			below += int(c)
		}
	}
	return q.scale()
}

// rfmScales are the fitted R, F and M scales.
type rfmScales struct{ r, f, m scale }

// scores returns the R, F and M scores of f; 0 for no purchase, and R 0
// when the last purchase date is unknown.
func (s *rfmScales) scores(f *Facts, asOf int) (r, fr, m int) {
	if !f.Bought() {
		return 0, 0, 0
	}
	if d := daysSince(asOf, f.lastPurchase()); d >= 0 {
		r = s.r.score(-float64(d))
	}
	return r, s.f.score(float64(f.frequency())), s.m.score(monetary(f))
}

// monetary is the revenue counted for M and Pareto: refunds that leave a
// customer negative count as nothing spent.
func monetary(f *Facts) float64 { return max(f.Revenue, 0) }

// fitRFM fits the scales the config does not fix. monetarySorted holds
// every buyer's monetary value, ascending.
func fitRFM(cfg *Config, facts []Facts, monetarySorted []float64) rfmScales {
	bins := cfg.RFM.Bins
	var s rfmScales
	if cfg.RFM.R != nil {
		s.r = fixedScale(cfg.RFM.R, true)
	} else {
		s.r = integerQuantileScale(facts, bins, func(f *Facts) (int, bool) {
			d := daysSince(cfg.AsOf, f.lastPurchase())
			return -d, d >= 0
		})
	}
	if cfg.RFM.F != nil {
		s.f = fixedScale(cfg.RFM.F, false)
	} else {
		s.f = integerQuantileScale(facts, bins, func(f *Facts) (int, bool) {
			return int(f.frequency()), f.Bought()
		})
	}
	if cfg.RFM.M != nil {
		s.m = fixedScale(cfg.RFM.M, false)
	} else {
		s.m = quantileScale(monetarySorted, bins)
	}
	return s
}

// segment returns the index into Labels.Segment of the scores, or -1 when a
// score is missing. The classic eight segments split on whether M, R and F
// are high, in that order of weight.
func segment(r, f, m, high int) int {
	if r == 0 || f == 0 || m == 0 {
		return -1
	}
	i := 0
	if m < high {
		i += 4
	}
	if r < high {
		i += 2
	}
	if f < high {
		i++
	}
	return i
}
