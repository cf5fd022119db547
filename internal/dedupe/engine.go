package dedupe

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/crmkit/crmkit/internal/record"
)

// Default thresholds, as scores in [0,1].
const (
	DefaultThreshold       = 0.9
	DefaultReviewThreshold = 0.6
)

// Config says how to match.
type Config struct {
	// Threshold: pairs scoring at least this are merged.
	Threshold float64
	// ReviewThreshold: pairs scoring at least this but below Threshold are
	// not merged; they are listed for a person to review.
	ReviewThreshold float64
	// Fields adds, replaces or turns off comparators.
	Fields []FieldRule
	// Workers is the number of goroutines (0: GOMAXPROCS). The result does
	// not depend on it.
	Workers int
	// Entity is what a record stands for: EntityAccount, EntityContact, or
	// EntityAuto to find it from the file (see Matcher.Entity).
	Entity string
}

// Matcher finds duplicate records. It is built once per input schema.
type Matcher struct {
	rules       []fieldRule
	comparators []comparator
	matchW      float64
	reviewW     float64
	workers     int

	user   []FieldRule // the --fields rules
	schema *record.Schema
	web    []int        // Extra indexes of the website columns (website.go)
	roles  []ColumnRole // every column's role
	prior  float64      // match weight of a candidate pair before any field, bits
	// cannotW: a pair weighing this or less is a cannot-link (see useModel)
	cannotW float64
	model   *Model // the weights in use, learned or read
	fixed   bool   // the model was given (--model): do not learn
	loc     [4]int // comparator indexes of address, postcode, city, province (-1: none)
	learnt  bool

	entity   string // Config.Entity
	contacts bool   // records are people at companies (see setEntity)
	person   []int  // comparator indexes of a person's name
	strong   []int  // comparator indexes of phone and e-mail
	// companyAt is the company comparator's index (-1: none).
	companyAt int
	// sites are the file's switchboard numbers (switchboard.go); nil in a
	// fold.
	sites *switchboards
	// rare are the file's rare company name words (sharedword.go); nil in
	// a fold.
	rare *rareWords
	// vetoShift: the bits the company veto took off a company difference
	// (veto.go); a cannot-link weighs the difference without them.
	vetoShift float64
}

// DefaultConfig returns the zero-configuration settings.
func DefaultConfig() Config {
	return Config{Threshold: DefaultThreshold, ReviewThreshold: DefaultReviewThreshold}
}

// NewMatcher checks cfg against the input's columns.
func NewMatcher(cfg Config, schema *record.Schema) (*Matcher, error) {
	// Written so that NaN fails too.
	if !(cfg.Threshold > 0 && cfg.Threshold < 1) {
		return nil, fmt.Errorf("threshold %g must be above 0 and below 1", cfg.Threshold)
	}
	if !(cfg.ReviewThreshold > 0 && cfg.ReviewThreshold <= cfg.Threshold) {
		return nil, fmt.Errorf("review threshold %g must be above 0 and at most the threshold %g", cfg.ReviewThreshold, cfg.Threshold)
	}
	if err := checkEntity(cfg.Entity); err != nil {
		return nil, err
	}
	rules, err := resolveFields(cfg.Fields, schema)
	if err != nil {
		return nil, err
	}
	m := &Matcher{
		user:    cfg.Fields,
		schema:  schema,
		web:     websiteColumns(schema),
		prior:   prior,
		cannotW: cannotLinkBits,
		rules:   rules,
		matchW:  weightOf(cfg.Threshold),
		reviewW: weightOf(cfg.ReviewThreshold),
		workers: cfg.Workers,
		entity:  cfg.Entity,
	}
	if m.workers <= 0 {
		m.workers = runtime.GOMAXPROCS(0)
	}
	m.roles = DetectRoles(schema, nil)
	m.addRoleRules(schema, cfg.Fields)
	m.setComparators()
	if len(m.comparators) == 0 {
		return nil, fmt.Errorf("every comparator is turned off")
	}
	if len(m.comparators) > maxComparators {
		return nil, fmt.Errorf("%d fields compared; at most %d", len(m.comparators), maxComparators)
	}
	return m, nil
}

// Comparators returns the names of the fields compared, in order.
func (m *Matcher) Comparators() []string {
	out := make([]string, len(m.comparators))
	for i, c := range m.comparators {
		out[i] = c.name
	}
	return out
}

// Cluster is a group of records found to be one customer.
type Cluster struct {
	Members []int  // record indexes, in input order
	Links   []Link // the matches that joined it, strongest first
}

// Result is what matching found.
type Result struct {
	Clusters []Cluster // in order of their first record
	// Review lists the pairs a person should look at: scored between the
	// review threshold and the threshold, or above it but refused because
	// of a cannot-link or because both records are master customers, and
	// not in one cluster. Pairs a person decided are not listed. Strongest
	// first.
	Review   []Link
	Compared int // candidate pairs compared
	Refused  int // matches refused by a cannot-link
	// Decided counts the decided matches applied; Contradicted those
	// refused because a no-match decision runs between their groups.
	Decided, Contradicted int
	// Master is the number of master records (Options.Master); Index
	// their blocking index, when matching folded records into a master.
	Master int
	Index  *Index

	clusterOf []int32   // record → index into Clusters
	best      []float64 // record → weight of its strongest link, NaN-free: -Inf for none
	m         *Matcher
	profiles  *profileSet // nil once dropped
	recs      *record.Store
	lazy      map[int]*profile
}

// Options change what Match does.
type Options struct {
	// Master: records [0, Master) are the customers of an existing master,
	// one record each. They are not compared with each other: new records
	// are matched against them and against each other. Two master
	// customers join when new records match both, as they would have had
	// all records been deduped at once, unless the two are clearly
	// different customers.
	Master int
	// Index is the master's blocking index (see Matcher.LoadIndex); nil
	// builds it.
	Index *Index
	// Must and Cannot are people's decisions, as record index pairs: always
	// one customer, never one customer (not even through a chain).
	Must, Cannot [][2]int
}

// ClusterOf returns the index into Clusters of record i.
func (r *Result) ClusterOf(i int) int { return int(r.clusterOf[i]) }

// LinkWeight returns the weight of record i's strongest link into its
// cluster, and false for a record alone in its cluster.
func (r *Result) LinkWeight(i int) (float64, bool) {
	w := r.best[i]
	return w, len(r.Clusters[r.clusterOf[i]].Members) > 1
}

// Explain returns the per-field evidence for a pair of records.
func (r *Result) Explain(a, b int) []Evidence {
	return r.m.explain(r.profile(a), r.profile(b))
}

// DropProfiles frees the records' profiles; Explain builds the ones it
// needs again.
func (r *Result) DropProfiles() { r.profiles = nil }

// profile returns record i's profile, building it on first use when it
// was not built for matching (a fold profiles only the master records it
// compares) or the profiles were dropped.
func (r *Result) profile(i int) *profile {
	if r.profiles != nil && r.profiles.has(i) {
		return r.profiles.get(i)
	}
	if p, ok := r.lazy[i]; ok {
		return p
	}
	if r.lazy == nil {
		r.lazy = map[int]*profile{}
	}
	var rec record.Record
	r.recs.Get(i, &rec)
	p := newProfile(&rec, r.m.rules, r.m.web)
	r.lazy[i] = &p
	return &p
}

// profileSet holds the profiles matching uses: one per record (slot nil),
// or, in a fold, those of the new records and the master records they are
// compared with, slot mapping a record to its profile (-1: none).
type profileSet struct {
	list []profile
	slot []int32
}

func (s *profileSet) has(i int) bool { return s.slot == nil || s.slot[i] >= 0 }

func (s *profileSet) get(i int) *profile {
	if s.slot == nil {
		return &s.list[i]
	}
	return &s.list[s.slot[i]]
}

// Match finds the clusters of recs.
func (m *Matcher) Match(ctx context.Context, recs *record.Store) (*Result, error) {
	return m.MatchWith(ctx, recs, Options{})
}

// MatchWith finds the clusters of recs, honouring a master and people's
// decisions.
func (m *Matcher) MatchWith(ctx context.Context, recs *record.Store, o Options) (*Result, error) {
	if o.Master < 0 || o.Master > recs.Len() {
		return nil, fmt.Errorf("master of %d records in %d", o.Master, recs.Len())
	}
	var profiles *profileSet
	var pairs []uint64
	if o.Master == 0 && !m.fixed {
		m.valueRoles(recs)
	}
	m.setEntity(recs)
	if o.Master == 0 {
		profiles = &profileSet{list: m.profiles(recs, 0, recs.Len(), nil)}
		m.sites = m.findSwitchboards(profiles.list)
		m.rare = m.findRareWords(profiles.list)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pairs = candidatePairs(m.blockKeys(profiles.list, 0), profiles.list, m.workers)
	} else {
		var err error
		m.sites = nil
		m.rare = nil
		profiles, pairs, err = m.foldCandidates(ctx, recs, &o)
		if err != nil {
			return nil, err
		}
	}
	// The block keys are garbage now. Collect them before scoring allocates
	// again, so the heap does not grow to twice what is live: at a million
	// records this keeps peak memory about a third lower. (A fold's keys
	// are its new records' only: not worth a collection of the master.)
	if o.Master == 0 {
		runtime.GC()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !m.fixed {
		m.learn(profiles, pairs, recs.Len())
	}
	links, graph, err := m.score(ctx, profiles, pairs, recs.Len())
	if err != nil {
		return nil, err
	}
	res := &Result{m: m, profiles: profiles, recs: recs}
	m.cluster(res, recs.Len(), links, graph, &o)
	res.Compared = len(pairs)
	res.Master = o.Master
	if o.Master > 0 {
		res.Index = o.Index
	}
	return res, nil
}

// parallel runs fn over [0,n) in contiguous chunks, one per worker.
func (m *Matcher) parallel(n int, fn func(chunk, lo, hi int)) int {
	workers := max(1, min(m.workers, n/1024+1))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Go(func() { fn(w, lo, hi) })
	}
	wg.Wait()
	return workers
}

// profiles builds the profiles of records [lo, hi) into out (allocated
// for every record when nil).
func (m *Matcher) profiles(recs *record.Store, lo, hi int, out []profile) []profile {
	if out == nil {
		out = make([]profile, recs.Len())
	}
	m.parallel(hi-lo, func(_, a, b int) {
		var r record.Record
		for i := lo + a; i < lo+b; i++ {
			recs.Get(i, &r)
			out[i] = newProfile(&r, m.rules, m.web)
		}
	})
	return out
}

// blockKeys returns the block keys of profiles, each tied to its record:
// first + its index in profiles. Each worker writes its keys into
// fixed-size runs (a slice grown by doubling copied and cleared 1.4 GB at
// a million records), joined in order at the end.
func (m *Matcher) blockKeys(profiles []profile, first int) []keyEntry {
	const run = 1 << 16
	chunks := make([][][]keyEntry, m.workers)
	m.parallel(len(profiles), func(c, lo, hi int) {
		var k keyHasher
		var keys []blockKey
		var runs [][]keyEntry
		out := make([]keyEntry, 0, run)
		for i := lo; i < hi; i++ {
			keys = profiles[i].keys(&k, m.rules, keys[:0])
			for _, key := range keys {
				if len(out) == cap(out) {
					runs = append(runs, out)
					out = make([]keyEntry, 0, run)
				}
				out = append(out, keyEntry{key, uint32(first + i)})
			}
		}
		chunks[c] = append(runs, out)
	})
	n := 0
	for _, c := range chunks {
		for _, r := range c {
			n += len(r)
		}
	}
	// Each run is dropped once copied, so a collection during the join
	// frees it: the keys are not held twice over.
	all := make([]keyEntry, 0, n)
	for i, c := range chunks {
		for j, r := range c {
			all = append(all, r...)
			c[j] = nil
		}
		chunks[i] = nil
	}
	return all
}

type scored struct {
	links []Link
	err   error
	warm  uint64 // what warmPairs read (kept so the reads stay)
}

// score compares every candidate pair, keeping those worth reviewing or
// merging, and every compared pair's probability (and cannot-links) in a
// graph for clustering.
func (m *Matcher) score(ctx context.Context, profiles *profileSet, pairs []uint64, n int) ([]Link, *pairGraph, error) {
	parts := make([]scored, m.workers)
	probs := make([]uint16, len(pairs))
	used := m.parallel(len(pairs), func(c, lo, hi int) {
		var s scored
		for i := lo; i < hi; i++ {
			if (i-lo)%65536 == 0 && ctx.Err() != nil {
				s.err = ctx.Err()
				break
			}
			if (i-lo)%warmBatch == 0 {
				s.warm += warmPairs(profiles, pairs, i, hi)
			}
			a, b := unpack(pairs[i])
			w, apart := m.weigh(profiles.get(int(a)), profiles.get(int(b)))
			if w >= m.reviewW {
				s.links = append(s.links, Link{A: int(a), B: int(b), Weight: w})
			}
			probs[i] = quantize(ScoreOf(w), apart)
		}
		parts[c] = s
	})
	var links []Link
	for _, p := range parts[:used] {
		if p.err != nil {
			return nil, nil, p.err
		}
		links = append(links, p.links...)
	}
	return links, newPairGraph(n, pairs, probs), nil
}

func (m *Matcher) cluster(res *Result, n int, links []Link, graph *pairGraph, o *Options) {
	sortLinks(links)
	c := newClusterer(n, graph, pairMap(o.Cannot), o.Master)
	c.apart = func(a, b int32) bool {
		_, apart := m.weigh(res.profile(int(a)), res.profile(int(b)))
		return apart
	}
	res.best, res.clusterOf = make([]float64, n), make([]int32, n)
	decided := map[uint64]bool{}
	var joined, review []Link
	for _, p := range o.Must {
		if p[0] == p[1] {
			continue
		}
		decided[pack(uint32(p[0]), uint32(p[1]))] = true
		l := Link{A: min(p[0], p[1]), B: max(p[0], p[1]), Weight: math.Inf(1)}
		switch c.union(int32(l.A), int32(l.B), true) {
		case joinedOK:
			res.Decided++
			joined = append(joined, l)
		case sameGroup:
			res.Decided++
		default:
			res.Contradicted++
		}
	}
	for _, p := range o.Cannot {
		decided[pack(uint32(p[0]), uint32(p[1]))] = true
	}
	for _, l := range links {
		if decided[pack(uint32(l.A), uint32(l.B))] {
			continue
		}
		if l.Weight < m.matchW {
			review = append(review, l)
			continue
		}
		switch c.union(int32(l.A), int32(l.B), false) {
		case joinedOK:
			joined = append(joined, l)
		case byEvidence, byDecision, byChain:
			res.Refused++
			review = append(review, l)
		}
	}
	// Number the clusters in order of their first record, then lay their
	// members out in one array: a million clusters, two allocations.
	index := make([]int32, n) // root → cluster + 1
	size := make([]int32, 0, n)
	for i := range n {
		root := c.find(int32(i))
		if index[root] == 0 {
			size = append(size, 0)
			index[root] = int32(len(size))
		}
		ci := index[root] - 1
		size[ci]++
		res.clusterOf[i] = ci
		res.best[i] = -1e300
	}
	res.Clusters = make([]Cluster, len(size))
	all := make([]int, n)
	at := 0
	for ci, sz := range size {
		res.Clusters[ci].Members = all[at : at : at+int(sz)]
		at += int(sz)
	}
	for i := range n {
		ci := res.clusterOf[i]
		res.Clusters[ci].Members = append(res.Clusters[ci].Members, i)
	}
	sortLinks(joined)
	for _, l := range joined { // strongest first
		ci := res.clusterOf[l.A]
		res.Clusters[ci].Links = append(res.Clusters[ci].Links, l)
		res.best[l.A] = max(res.best[l.A], l.Weight)
		res.best[l.B] = max(res.best[l.B], l.Weight)
	}
	for _, l := range review {
		if res.clusterOf[l.A] != res.clusterOf[l.B] {
			res.Review = append(res.Review, l)
		}
	}
	sortLinks(res.Review)
}

// pairMap turns pairs into a symmetric adjacency map.
func pairMap(pairs [][2]int) map[int32][]int32 {
	if len(pairs) == 0 {
		return nil
	}
	m := make(map[int32][]int32, 2*len(pairs))
	for _, p := range pairs {
		a, b := int32(p[0]), int32(p[1])
		m[a] = append(m[a], b)
		m[b] = append(m[b], a)
	}
	return m
}

// Show returns the value the i-th comparator reads from r, as a reviewer
// should see it.
func (m *Matcher) Show(i int, r *record.Record) string { return m.comparators[i].show(r) }
