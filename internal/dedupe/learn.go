package dedupe

import (
	"cmp"
	"math"
	"slices"
)

// Learning the weights (Fellegi–Sunter, unsupervised):
//
//   - The level patterns of the candidate pairs blocking found (a strided
//     sample at most) are counted once; exact copies of a record (one
//     export read twice) are left out: they say nothing about how one
//     customer's records differ.
//   - u, how often each level occurs between two different customers,
//     starts from random pairs of records; m, how often it occurs between
//     two records of one customer, starts from the hand-set weights.
//   - EM then estimates the share of matches among the candidates, m and
//     u on them, keeping each field's evidence ordered (a level that
//     agrees more never counts less for a match).
//   - Each level's weight is log2(m/u), blended with the hand-set weight
//     by how many matches the file shows on that field, so a small file
//     is scored much as before. The company knowledge stays as
//     constraints: a conflict (the same name in two places, two valid
//     identity codes) is a cannot-link, and a company that differs never
//     counts for less than any shared phone or e-mail counts for (the
//     file decides how much more: where one customer's records often
//     carry other names — a site's program names, a school's agency —
//     the address can still join them).
//   - When that fit is not sane — most often because blocking found
//     almost only matches, so the candidates' few non-matches cannot say
//     how often two customers agree — u stays the random pairs' and EM
//     fits m and the match share alone, the prior then being the odds of
//     a match for any pair of records (Model.PriorOf "all pairs").
//   - A model EM cannot make sane (fewer than three fields with evidence
//     both ways, almost every candidate a match, agreement counting
//     against a match) is dropped for the hand-set weights.
const (
	maxLearnPairs  = 100_000 // candidate pairs counted for EM (a strided sample beyond)
	maxRandomPairs = 100_000 // random pairs counted for u
	priorStrength  = 60.0    // pseudo-matches of the prior in the blend
	emRounds       = 60
	// minFieldMatches: a field shown on fewer expected matches than this
	// neither makes a model insane nor informative.
	minFieldMatches = 10
	minBits         = -16.0
	maxBits         = 12.0
)

// pattern is one pair's levels, four bits per comparator.
type pattern = uint64

func packLevels(lv []Level) pattern {
	var p pattern
	for i, l := range lv {
		p |= pattern(l) << (4 * i)
	}
	return p
}

func levelAt(p pattern, i int) Level { return Level(p >> (4 * i) & 0xf) }

// counted is a level pattern and how many pairs showed it.
type counted struct {
	p pattern
	n float64
}

// countPatterns counts the level patterns of pairs (indexes into
// profiles via get), in parallel, sorted by pattern.
func (m *Matcher) countPatterns(n int, pair func(i int) (a, b *profile)) []counted {
	parts := make([]map[pattern]int, m.workers)
	used := m.parallel(n, func(c, lo, hi int) {
		counts := map[pattern]int{}
		var buf [maxComparators]Level
		lv := buf[:len(m.comparators)]
		for i := lo; i < hi; i++ {
			a, b := pair(i)
			if a == nil {
				continue
			}
			m.levels(a, b, lv)
			counts[packLevels(lv)]++
		}
		parts[c] = counts
	})
	all := map[pattern]int{}
	for _, p := range parts[:used] {
		for k, v := range p {
			all[k] += v
		}
	}
	out := make([]counted, 0, len(all))
	for k, v := range all {
		out = append(out, counted{k, float64(v)})
	}
	slices.SortFunc(out, func(a, b counted) int { return cmp.Compare(a.p, b.p) })
	return out
}

// splitmix64 is a fixed pseudo-random sequence: the same pairs every run.
type splitmix64 uint64

func (s *splitmix64) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// learn fits the model on the candidate pairs of profiles and sets the
// comparators' weights and the prior from it.
//
// n is the number of records: u is counted on randomPairs(n), whose
// records profiles must hold. A fold that reuses its master's index
// profiles the master records those pairs name (foldCandidates), so that
// it learns the same model as the fold that built the index.
func (m *Matcher) learn(profiles *profileSet, pairs []uint64, n int) {
	if n < 2 || len(pairs) == 0 {
		m.model = m.priorModel()
		return
	}
	// Candidate pairs, a strided sample of them at most.
	step := max(1, (len(pairs)+maxLearnPairs-1)/maxLearnPairs)
	cand := m.countPatterns((len(pairs)+step-1)/step, func(i int) (*profile, *profile) {
		a, b := unpack(pairs[i*step])
		pa, pb := profiles.get(int(a)), profiles.get(int(b))
		if pa.digest == pb.digest {
			return nil, nil // an exact copy (a file read twice) says nothing about how records vary
		}
		return pa, pb
	})
	// Random pairs of records, over the whole file.
	sample := randomPairs(n)
	random := m.countPatterns(len(sample), func(i int) (*profile, *profile) {
		return profiles.get(int(sample[i][0])), profiles.get(int(sample[i][1]))
	})
	model, sane := m.fit(cand, random, len(pairs), 0)
	if !sane {
		// Blocking found (almost) only matches, or EM split the candidates
		// some other way: fit m alone, u kept from the random pairs.
		npop := float64(n) * float64(n-1) / 2
		model, sane = m.fit(cand, random, len(pairs), float64(len(pairs))/npop)
	}
	if !sane {
		model = m.priorModel()
		model.CandidatePairs = len(pairs)
	}
	m.useModel(model)
}

// randomPairs are the pairs of records (of n) that u is counted on: every
// pair in a small file, else a fixed pseudo-random sample, the same for
// the same n.
func randomPairs(n int) [][2]int32 {
	if total := n * (n - 1) / 2; total <= maxRandomPairs {
		out := make([][2]int32, total)
		for i := range out {
			a, b := pairAt(i)
			out[i] = [2]int32{int32(a), int32(b)}
		}
		return out
	}
	out := make([][2]int32, maxRandomPairs)
	rng := splitmix64(0x5eed)
	for i := range out {
		for {
			a, b := int32(rng.next()%uint64(n)), int32(rng.next()%uint64(n))
			if a != b {
				out[i] = [2]int32{a, b}
				break
			}
		}
	}
	return out
}

// fit fits a model on the counted candidate and random pairs and reports
// whether it is sane. scale 0: u is estimated by EM on the candidates
// with m (the match share is of candidate pairs). scale > 0: u stays the
// random pairs' (the whole file's non-matches) and only m and the match
// share are fitted; a candidate's prior odds are then its share of
// matches times scale, the candidates' share of all pairs of records, so
// that weights from the whole file's u and a prior from the candidates
// are on one footing. The candidate-only u is biased when nearly every
// candidate pair is a match: a few dozen non-matches, all sharing what
// blocking keyed on, cannot say how often two customers agree.
func (m *Matcher) fit(cand, random []counted, npairs int, scale float64) (*Model, bool) {
	k := len(m.comparators)
	mm, uu := make([]weights, k), make([]weights, k)
	// u from the random pairs; m from the prior weights.
	for c := range k {
		uu[c] = levelShares(random, c, nil, 0.5, weights{})
		var m0 weights
		sum := 0.0
		for l := Conflict; l <= Same; l++ {
			m0[l] = uu[c][l] * math.Exp2(m.comparators[c].prior[l])
			sum += m0[l]
		}
		for l := range m0 {
			m0[l] /= sum
		}
		mm[c] = m0
	}
	lambda, post := fitEM(cand, mm, uu, scale)
	// EM cannot tell matches from non-matches on one or two fields alone
	// (any split of the pairs fits: at least three must carry evidence
	// both ways), nor when it calls (almost) every candidate pair one or
	// the other.
	sane := lambda > 0.0005 && lambda < 0.98
	priorOf := priorOfCandidates
	if scale > 0 {
		sane = lambda > 0.0005
		priorOf = priorOfAll
	}
	priorBits := priorLogit(lambda, scale)
	informative := 0
	model := &Model{Version: modelVersion, CandidatePairs: npairs, Sampled: int(sumCounts(cand)), RandomPairs: int(sumCounts(random)),
		MatchShare: round4(lambda), Prior: round4(priorBits), PriorOf: priorOf}
	for c := range k {
		cm := &m.comparators[c]
		seen := 0.0 // expected matches observing this field
		for i, p := range cand {
			if l := levelAt(p.p, c); l != Missing {
				seen += p.n * post[i]
			}
		}
		fm := FieldModel{Field: cm.name, Matches: round4(seen)}
		var w weights
		for l := Conflict; l <= Same; l++ {
			learned := math.Log2(mm[c][l] / uu[c][l])
			switch {
			case cm.fixed:
				w[l] = cm.prior[l]
			case l == Conflict:
				w[l] = cm.prior[l]
			default:
				w[l] = blend(seen, learned, cm.prior[l])
			}
		}
		if cm.name == "email" && !cm.fixed {
			// The same mailbox at another domain (anna.li@a.com,
			// anna.li@b.com) is most often the person's name again,
			// which the name fields already count: never worth more
			// than the hand-set weight, however rarely two customers
			// show it.
			w[Partial] = min(w[Partial], cm.prior[Partial])
		}
		if seen >= minFieldMatches && !cm.fixed && (w[Same] < 0 && cm.prior[Same] > 0 || w[Different] > 0.5) {
			sane = false
		}
		if seen >= minFieldMatches && !cm.fixed && splitsOn(cm.prior, w) {
			sane = false
		}
		if seen >= minFieldMatches && w[Same] >= 1 && w[Different] < 0 {
			informative++
		}
		for l := Conflict; l <= Same; l++ {
			w[l] = round4(min(maxBits, max(minBits, w[l])))
			fm.Levels = append(fm.Levels, LevelModel{Level: l.String(), M: round6(mm[c][l]), U: round6(uu[c][l]), Bits: w[l]})
		}
		model.Fields = append(model.Fields, fm)
	}
	// A company that differs outweighs any shared phone or e-mail: sister
	// companies share a boss, a switchboard and a mailbox. Only a contact
	// field the file shows on matches counts: a weight learned from a
	// handful (e-mail filled on a few rows) says little, and must not make
	// every other name difference count for more than the file shows.
	contact := 0.0
	for i, f := range model.Fields {
		if (f.Field == "phone" || f.Field == "email") && f.Matches >= minFieldMatches {
			contact = max(contact, model.Fields[i].Levels[Same-Conflict].Bits)
		}
	}
	for i := range model.Fields {
		if m.comparators[i].veto {
			lv := &model.Fields[i].Levels[Different-Conflict]
			lv.Bits = min(lv.Bits, -contact)
		}
	}
	return model, sane && informative >= 3
}

// priorLogit is a candidate pair's prior odds of a match in bits when a
// share lambda of the candidates match: scale 0, the candidates' own odds;
// scale > 0 (the candidates a share scale of all pairs), the odds of
// allPairsMatchShare.
func priorLogit(lambda, scale float64) float64 {
	if scale > 0 {
		p := allPairsMatchShare(lambda, scale)
		return math.Log2(p / (1 - p))
	}
	return math.Log2(lambda / (1 - lambda))
}

// allPairsMatchShare is the share of all pairs of records that match when
// a share lambda of the candidates match and they are a share scale of all
// pairs (one half at most).
func allPairsMatchShare(lambda, scale float64) float64 { return min(lambda*scale, 0.5) }

func sumCounts(cs []counted) float64 {
	s := 0.0
	for _, c := range cs {
		s += c.n
	}
	return s
}

// pairAt is the i-th pair (a < b) of all pairs of records, in order
// (0,1), (0,2), (1,2), (0,3), …
func pairAt(i int) (a, b int) {
	b = int((1 + math.Sqrt(1+8*float64(i))) / 2)
	for b*(b-1)/2 > i {
		b--
	}
	for (b+1)*b/2 <= i {
		b++
	}
	return i - b*(b-1)/2, b
}

// posteriors sets post to each pattern's match probability and returns
// the new match share.
func posteriors(ps []counted, post []float64, lambda float64, mm, uu []weights, k int, scale float64) float64 {
	lambda = min(max(lambda, 1e-9), 1-1e-9)
	logit := priorLogit(lambda, scale)
	num, den := 0.0, 0.0
	for i, p := range ps {
		w := logit
		for c := range k {
			if l := levelAt(p.p, c); l != Missing {
				w += math.Log2(mm[c][l] / uu[c][l])
			}
		}
		post[i] = ScoreOf(w)
		num += p.n * post[i]
		den += p.n
	}
	return num / den
}

// levelShares is how often each level of comparator c occurs among the
// pairs that observe it, pairs weighted by weight (nil: 1), with alpha
// pseudo-counts spread by prior (zero: evenly).
func levelShares(ps []counted, c int, weight []float64, alpha float64, prior weights) weights {
	var n weights
	total := 0.0
	for i, p := range ps {
		l := levelAt(p.p, c)
		if l == Missing {
			continue
		}
		x := p.n
		if weight != nil {
			x *= weight[i]
		}
		n[l] += x
		total += x
	}
	var out weights
	even := prior == weights{}
	for l := Conflict; l <= Same; l++ {
		pc := alpha / float64(Same-Conflict+1)
		if !even {
			pc = alpha * prior[l]
		}
		out[l] = (n[l] + pc) / (total + alpha)
		out[l] = max(out[l], 1e-9)
	}
	return out
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// monotone keeps a comparator's evidence ordered: a level that agrees
// more is never less likely a match than one that agrees less (m/u never
// rises from same down to different). Without it EM can settle on a
// split of the file that is not matches and non-matches (relatives: same
// surname, other first name). Violating neighbours are pooled. Only the
// levels the candidate pairs show (seen > 0) count.
func monotone(m, u *weights, seen weights) {
	for range 8 {
		changed := false
		prev := Level(-1)
		for l := Same; l >= Different; l-- {
			if seen[l] <= 0 {
				continue
			}
			if prev >= 0 && m[l]/u[l] > m[prev]/u[prev]*1.0000001 {
				pm, pu := m[l]+m[prev], u[l]+u[prev]
				m[l], m[prev] = pm*u[l]/pu, pm*u[prev]/pu
				changed = true
			}
			prev = l
		}
		if !changed {
			return
		}
	}
}

// fitEM fits the match share, m and u (in place, from their starting
// values) on the counted candidate patterns by expectation–maximization,
// and returns the share and each pattern's match probability.
func fitEM(cand []counted, mm, uu []weights, scale float64) (float64, []float64) {
	k := len(mm)
	seen := make([]weights, k) // pairs showing each level
	for c := range k {
		seen[c] = levelShares(cand, c, nil, 0, weights{})
	}
	// Start where the hand-set model starts (prior −4 bits: 1 candidate
	// in 17 a match), not at an even split: with u from random pairs a
	// start at one half can settle on a split three times too generous
	// (TestEMStartsFromTheHandSetPrior).
	lambda := 1 / (1 + math.Exp2(-prior))
	random := slices.Clone(uu)
	post := make([]float64, len(cand))
	notM := make([]float64, len(cand))
	for round := 0; round < emRounds; round++ {
		before := lambda
		// The match share and m.
		lambda = posteriors(cand, post, lambda, mm, uu, k, scale)
		for c := range k {
			mm[c] = levelShares(cand, c, post, 1, mm[c])
		}
		// Non-matches among candidate pairs: u, started from the random
		// pairs' shares.
		for i := range post {
			notM[i] = 1 - post[i]
		}
		for c := range k {
			switch {
			case scale == 0:
				uu[c] = levelShares(cand, c, notM, 1, uu[c])
			default:
				// Random pairs are not all non-matches: a share
				// lambda*scale of them are matches, and in a small file
				// full of duplicates that share makes agreeing look
				// common between two customers. Take the matches out,
				// at most 4 bits' worth.
				p := allPairsMatchShare(lambda, scale)
				for l := range uu[c] {
					uu[c][l] = max((random[c][l]-p*mm[c][l])/(1-p), random[c][l]/16, 1e-9)
				}
			}
			monotone(&mm[c], &uu[c], seen[c])
		}
		if round > 5 && math.Abs(lambda-before) < 1e-7 {
			break
		}
	}
	return posteriors(cand, post, lambda, mm, uu, k, scale), post
}

// blend is a level's weight as fit sets it: the weight learned from seen
// matches, pulled toward the hand-set prior by priorStrength
// pseudo-matches.
func blend(seen, learned, prior float64) float64 {
	return (seen*learned + priorStrength*prior) / (seen + priorStrength)
}
