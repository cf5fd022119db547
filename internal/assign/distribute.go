package assign

import (
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/company"
)

// distribute hands the pool customers, in input order, to active reps by
// the policy's strategy, never past a rep's capacity nor back to a
// previous owner in its cooldown. A customer nobody can take stays in the
// pool, and its reason says why.
func (e *engine) distribute(customers []Customer, ds []Decision) {
	var dl *dealer
	for i := range ds {
		d := &ds[i]
		if d.Owner != "" {
			continue
		}
		if e.p.Strategy == StrategyNone {
			d.Reason = e.t.then(d.Reason, e.t.noStrategy())
			continue
		}
		if dl == nil {
			dl = newDealer(e)
		}
		c := &customers[i]
		bar := e.cooldown(c, d)
		r, via := dl.pick(c, &bar)
		if r < 0 {
			if via == uncovered {
				d.Reason = e.t.then(d.Reason, e.t.noTerritory(dl.placeOf(c)))
			} else {
				d.Reason = e.t.then(d.Reason, dl.whyNot(&bar))
			}
			continue
		}
		dl.give(r)
		d.Owner, d.Rule = e.reps[r].Name, RuleDistributed
		d.Reason = e.t.then(d.Reason, dl.distributedText(r, via))
	}
}

// barred are the reps that must not get a customer back yet: the owner it
// was reclaimed from in this run and the previous owner of an earlier run.
type barred struct {
	reps  [2]int // rep indexes, -1 when unused
	until [2]int // last day of each cooldown
}

func (b *barred) has(r int) bool { return r == b.reps[0] || r == b.reps[1] }

// cooldown returns the reps barred from getting c. A customer reclaimed in
// this run cools off from AsOf; an earlier reclaim counts from ReclaimedAt
// (unknown date: no cooldown, the rule cannot tell).
func (e *engine) cooldown(c *Customer, d *Decision) barred {
	b := barred{reps: [2]int{-1, -1}}
	k := e.p.CooldownDays
	if k <= 0 {
		return b
	}
	if r, ok := e.repIndex[d.ReclaimedFrom]; ok && d.ReclaimedFrom != "" {
		b.reps[0], b.until[0] = r, e.p.AsOf+k-1
	}
	if c.PreviousOwner != "" && c.ReclaimedAt != NoDate && e.p.AsOf-c.ReclaimedAt < k {
		if r, ok := e.repIndex[c.PreviousOwner]; ok {
			b.reps[1], b.until[1] = r, c.ReclaimedAt+k-1
		}
	}
	return b
}

// dealer keeps the state of one distribution run: who is active, who is
// full, whose turn it is.
type dealer struct {
	e       *engine
	order   []int     // active reps, by name
	rank    []int     // rep → position in order; -1 when inactive
	open    int       // active reps below capacity
	next    int       // round-robin cursor into order
	current []float64 // smooth weighted round robin state, by position
	heap    []int     // open reps, least loaded first (ties by name)
	pos     []int     // rep → position in heap; -1 when not in it
	terr    map[string][]int
	rest    []int    // reps marked to take the customers no territory covers
	said    []string // the "distributed to" clause per rep, built once
	saidVia map[saidKey]string
}

// fallbackVia marks a customer no territory covers, given to a rep marked
// for the rest; uncovered one that nobody may take. Neither can clash with
// a territory, which never holds a NUL.
const (
	fallbackVia = "\x00fallback"
	uncovered   = "\x00uncovered"
)

// restTerritories mark a rep who takes the customers no territory covers.
var restTerritories = []string{"*", "其他", "其它", "其余", "rest", "other", "others"}

type saidKey struct {
	rep int
	via string
}

func newDealer(e *engine) *dealer {
	dl := &dealer{e: e, rank: make([]int, len(e.reps)), pos: make([]int, len(e.reps)), said: make([]string, len(e.reps)), saidVia: map[saidKey]string{}}
	for r, rep := range e.reps {
		dl.rank[r], dl.pos[r] = -1, -1
		if rep.Active {
			dl.order = append(dl.order, r)
		}
	}
	slices.SortFunc(dl.order, func(a, b int) int { return strings.Compare(e.reps[a].Name, e.reps[b].Name) })
	for p, r := range dl.order {
		dl.rank[r] = p
		if !dl.full(r) {
			dl.open++
			dl.pos[r] = len(dl.heap)
			dl.heap = append(dl.heap, r)
		}
	}
	for i := len(dl.heap)/2 - 1; i >= 0; i-- {
		dl.down(i)
	}
	dl.current = make([]float64, len(dl.order))
	if e.p.Strategy == StrategyTerritory {
		dl.terr = map[string][]int{}
		for _, r := range dl.order {
			for _, t := range e.reps[r].Territories {
				k := territoryKey(t)
				switch {
				case slices.Contains(restTerritories, k):
					if !slices.Contains(dl.rest, r) {
						dl.rest = append(dl.rest, r)
					}
				case k != "" && !slices.Contains(dl.terr[k], r):
					dl.terr[k] = append(dl.terr[k], r)
				}
			}
		}
	}
	return dl
}

// distributedText is the clause saying who got the customer and how; the
// common clause without detail is built once per rep.
func (dl *dealer) distributedText(r int, via string) string {
	if via != "" {
		k := saidKey{r, via}
		s, ok := dl.saidVia[k]
		if !ok {
			detail := dl.e.t.territoryFallback()
			if via != fallbackVia {
				detail = dl.e.t.territoryMatch(via)
			}
			s = dl.e.t.distributed(dl.e.reps[r].Name, dl.e.p.Strategy, detail)
			dl.saidVia[k] = s
		}
		return s
	}
	if dl.said[r] == "" {
		dl.said[r] = dl.e.t.distributed(dl.e.reps[r].Name, dl.e.p.Strategy, "")
	}
	return dl.said[r]
}

// territoryKey is how a territory and a customer's place are compared:
// a province or city in its short form (广东省 = 广东, 深圳市 = 深圳), other
// names trimmed and lower-cased.
func territoryKey(s string) string {
	if r, ok := company.Region(s); ok {
		return r
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// places are the keys a customer can be found under in territories: its
// province, its city and the city's province, else the region its company
// name starts with, and its industry.
func places(c *Customer) []string {
	out := make([]string, 0, 4)
	add := func(s string) {
		if k := territoryKey(s); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	add(c.Province)
	add(c.City)
	if c.Province == "" && c.City == "" && c.Company != "" {
		add(company.Parse(c.Company).Region)
	}
	for _, k := range out {
		if p := company.ProvinceOf(k); p != "" {
			add(p)
		}
	}
	add(c.Industry)
	return out
}

// placeOf names where a customer is, for the reason it stays in the pool.
func (dl *dealer) placeOf(c *Customer) string {
	ps := places(c)
	if len(ps) == 0 {
		return ""
	}
	return strings.Join(ps, "/")
}

func (dl *dealer) full(r int) bool {
	c := dl.e.reps[r].Capacity
	return c > 0 && dl.e.loads[r] >= c
}

// pick chooses the rep for c, never a barred one; -1 when nobody can take
// it. via is the territory that matched, or fallbackVia.
func (dl *dealer) pick(c *Customer, bar *barred) (rep int, via string) {
	if dl.open == 0 {
		return -1, ""
	}
	switch dl.e.p.Strategy {
	case StrategyRoundRobin:
		return dl.roundRobin(bar), ""
	case StrategyWeighted:
		return dl.weighted(bar), ""
	case StrategyTerritory:
		// Reps covering the province, the city (or the city's province)
		// or the industry all qualify; the least loaded of them gets it.
		// A customer no territory covers goes to the reps marked for the
		// rest, or stays in the pool: it never crosses into another's
		// territory.
		best, match, covered := -1, "", false
		for _, key := range places(c) {
			reps := dl.terr[key]
			covered = covered || len(reps) > 0
			if r := dl.leastIn(reps, bar); r >= 0 && (best < 0 || dl.less(r, best)) {
				best, match = r, key
			}
		}
		if best >= 0 {
			return best, match
		}
		if covered {
			return -1, "" // its territory reps are full or cooling off
		}
		if r := dl.leastIn(dl.rest, bar); r >= 0 {
			return r, fallbackVia
		}
		if len(dl.rest) > 0 {
			return -1, ""
		}
		return -1, uncovered
	}
	return dl.leastLoaded(bar), ""
}

// whyNot says why a customer stays in the pool.
func (dl *dealer) whyNot(bar *barred) string {
	t := dl.e.t
	if len(dl.order) == 0 {
		return t.noActiveRep()
	}
	for i, r := range bar.reps {
		if r >= 0 && dl.rank[r] >= 0 && !dl.full(r) {
			return t.cooldownOnly(dl.e.reps[r].Name, bar.until[i])
		}
	}
	return t.allFull()
}

// give records one more customer for r.
func (dl *dealer) give(r int) {
	dl.e.loads[r]++
	if dl.full(r) {
		dl.open--
		dl.remove(dl.pos[r])
	} else if dl.pos[r] >= 0 {
		dl.down(dl.pos[r])
	}
}

func (dl *dealer) roundRobin(bar *barred) int {
	n := len(dl.order)
	for k := range n {
		p := (dl.next + k) % n
		if r := dl.order[p]; !bar.has(r) && !dl.full(r) {
			dl.next = (p + 1) % n
			return r
		}
	}
	return -1
}

// weighted is smooth weighted round robin (as in nginx): every eligible rep
// gains its weight, the richest is picked and pays the total, so picks are
// spread out in proportion to weight.
func (dl *dealer) weighted(bar *barred) int {
	best, total := -1, 0.0
	for p, r := range dl.order {
		if bar.has(r) || dl.full(r) {
			continue
		}
		w := dl.e.reps[r].Weight
		if w == 0 {
			w = 1
		}
		dl.current[p] += w
		total += w
		if best < 0 || dl.current[p] > dl.current[best] {
			best = p
		}
	}
	if best < 0 {
		return -1
	}
	dl.current[best] -= total
	return dl.order[best]
}

// leastLoaded is the least-loaded open rep that is not barred. It is the
// top of the heap unless that is barred; then it is one of the nodes all of
// whose ancestors are barred, and at most two reps are.
func (dl *dealer) leastLoaded(bar *barred) int {
	best := -1
	var stack [8]int
	todo := append(stack[:0], 0)
	for len(todo) > 0 {
		i := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if i >= len(dl.heap) {
			continue
		}
		if r := dl.heap[i]; bar.has(r) {
			todo = append(todo, 2*i+1, 2*i+2)
		} else if best < 0 || dl.less(r, best) {
			best = r
		}
	}
	return best
}

// leastIn is the least-loaded open rep of reps that is not barred, or -1.
func (dl *dealer) leastIn(reps []int, bar *barred) int {
	best := -1
	for _, r := range reps {
		if !bar.has(r) && !dl.full(r) && (best < 0 || dl.less(r, best)) {
			best = r
		}
	}
	return best
}

func (dl *dealer) less(a, b int) bool {
	la, lb := dl.e.loads[a], dl.e.loads[b]
	return la < lb || la == lb && dl.rank[a] < dl.rank[b]
}

func (dl *dealer) swap(i, j int) {
	h := dl.heap
	h[i], h[j] = h[j], h[i]
	dl.pos[h[i]], dl.pos[h[j]] = i, j
}

// down restores the heap below i after i's load grew.
func (dl *dealer) down(i int) {
	n := len(dl.heap)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && dl.less(dl.heap[r], dl.heap[l]) {
			m = r
		}
		if !dl.less(dl.heap[m], dl.heap[i]) {
			return
		}
		dl.swap(i, m)
		i = m
	}
}

func (dl *dealer) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !dl.less(dl.heap[i], dl.heap[p]) {
			return
		}
		dl.swap(i, p)
		i = p
	}
}

func (dl *dealer) remove(i int) {
	last := len(dl.heap) - 1
	r := dl.heap[i]
	if i != last {
		dl.swap(i, last)
	}
	dl.heap = dl.heap[:last]
	dl.pos[r] = -1
	if i < last {
		dl.down(i)
		dl.up(i)
	}
}
