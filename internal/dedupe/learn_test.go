package dedupe

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// personFile is a hand-made person list: pairs people entered twice (the
// second time with a slip in the birth date every third pair), and as
// many people entered once. Given and family names come from small lists,
// so two different people often share one of them.
func personFile(pairs, singles int) (*record.Store, *record.Schema, []int) {
	given := []string{"anna", "ben", "carl", "dora", "emil", "fay", "gus", "hana", "ivan", "jill", "kurt", "lena",
		"mia", "nils", "olga", "paul", "rosa", "sven", "tina", "uwe"}
	family := []string{"smith", "jones", "brown", "green", "white", "black", "young", "king", "wood", "hall",
		"ward", "cole", "reed", "hart", "lowe", "moss", "nash", "page", "rowe", "shaw"}
	cities := []string{"colac", "marsden", "milton", "delmar", "albury", "bega"}
	schema := &record.Schema{Extra: []string{"first_name", "last_name"}}
	st := &record.Store{}
	var truth []int
	add := func(id, g, f, birth, city string, entity int) {
		r := record.Record{Extra: []string{g, f}}
		r.Values[record.ID] = id
		r.Values[record.Name] = g + " " + f
		r.Values[record.BirthDate] = birth
		r.Values[record.City] = city
		st.Add(&r)
		truth = append(truth, entity)
	}
	rng := splitmix64(7)
	pick := func(list []string) string { return list[rng.next()%uint64(len(list))] }
	for i := range pairs + singles {
		g, f, city := pick(given), pick(family), pick(cities)
		birth := fmt.Sprintf("19%02d-%02d-%02d", 30+rng.next()%60, 1+rng.next()%12, 1+rng.next()%28)
		add(fmt.Sprint("a", i), g, f, birth, city, i)
		if i < pairs {
			b2 := birth
			if i%3 == 0 { // a slip in the last digit
				b2 = birth[:9] + string(rune('0'+(int(birth[9]-'0')+1)%10))
			}
			add(fmt.Sprint("b", i), g, f, b2, city, i)
		}
	}
	return st, schema, truth
}

// EM on level patterns drawn exactly from a known model (three fields,
// one in five pairs a match) recovers the model's match share, m and u,
// from a start that knows little.
func TestEMRecoversKnownWeights(t *testing.T) {
	lambda := 0.2
	m := []weights{{Same: 0.9, Different: 0.1}, {Same: 0.8, Similar: 0.15, Different: 0.05}, {Same: 0.7, Different: 0.3}}
	u := []weights{{Same: 0.05, Different: 0.95}, {Same: 0.02, Similar: 0.08, Different: 0.9}, {Same: 0.1, Different: 0.9}}
	levels := [][]Level{{Same, Different}, {Same, Similar, Different}, {Same, Different}}
	var cand []counted
	for _, a := range levels[0] {
		for _, b := range levels[1] {
			for _, c := range levels[2] {
				pm := m[0][a] * m[1][b] * m[2][c]
				pu := u[0][a] * u[1][b] * u[2][c]
				cand = append(cand, counted{packLevels([]Level{a, b, c}), 100000 * (lambda*pm + (1-lambda)*pu)})
			}
		}
	}
	mm := []weights{{Same: 0.6, Different: 0.4}, {Same: 0.5, Similar: 0.25, Different: 0.25}, {Same: 0.6, Different: 0.4}}
	uu := []weights{{Same: 0.1, Different: 0.9}, {Same: 0.05, Similar: 0.1, Different: 0.85}, {Same: 0.2, Different: 0.8}}
	got, _ := fitEM(cand, mm, uu, 0)
	if math.Abs(got-lambda) > 0.01 {
		t.Errorf("match share %.4f, want %.2f", got, lambda)
	}
	for c := range levels {
		for _, l := range levels[c] {
			if math.Abs(mm[c][l]-m[c][l]) > 0.02 || math.Abs(uu[c][l]-u[c][l]) > 0.02 {
				t.Errorf("field %d %v: m %.3f u %.3f, want m %.3f u %.3f", c, l, mm[c][l], uu[c][l], m[c][l], u[c][l])
			}
		}
	}
}

// The same input gives the same model, byte for byte, whatever the
// number of workers: a model of u learned on the candidates, and one of
// u from random pairs.
func TestModelIsDeterministic(t *testing.T) {
	t.Run("candidates", func(t *testing.T) {
		testModelIsDeterministic(t, func() (*record.Store, *record.Schema) {
			st, schema, _ := personFile(80, 200)
			return st, schema
		}, priorOfCandidates)
	})
	t.Run("all pairs", func(t *testing.T) {
		testModelIsDeterministic(t, func() (*record.Store, *record.Schema) { return distinctPeople(300) }, priorOfAll)
	})
}

func testModelIsDeterministic(t *testing.T, file func() (*record.Store, *record.Schema), priorOf string) {
	var first []byte
	for _, workers := range []int{1, 2, 4, 7} {
		st, schema := file()
		cfg := DefaultConfig()
		cfg.Workers = workers
		m, err := NewMatcher(cfg, schema)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.Match(context.Background(), st); err != nil {
			t.Fatal(err)
		}
		if got := m.Model().PriorOf; got != priorOf {
			t.Fatalf("prior of %q, want %q", got, priorOf)
		}
		b := ModelBytes(m.Model())
		if first == nil {
			first = b
			continue
		}
		if !bytes.Equal(b, first) {
			t.Fatalf("workers %d: model differs:\n%s\nvs\n%s", workers, b, first)
		}
	}
	// And a model read back scores the same.
	model, err := ReadModel(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if got := ModelBytes(model); !bytes.Equal(got, first) {
		t.Fatalf("model read back differs:\n%s", got)
	}
}

// distinctPeople is a person list in which nearly every pair blocking
// finds is one person entered twice: distinct names, the second entry
// with a typo in the family name and a wrong birth year.
func distinctPeople(n int) (*record.Store, *record.Schema) {
	schema := &record.Schema{Extra: []string{"first_name", "last_name"}}
	st := &record.Store{}
	rng := splitmix64(11)
	word := func() string {
		const cons, vows = "bcdfghklmnprstvz", "aeiou"
		b := make([]byte, 6)
		for i := range b {
			if i%2 == 0 {
				b[i] = cons[rng.next()%uint64(len(cons))]
			} else {
				b[i] = vows[rng.next()%uint64(len(vows))]
			}
		}
		return string(b)
	}
	cities := []string{"colac", "marsden", "milton", "delmar", "albury", "bega"}
	add := func(id, g, f, birth, city string) {
		r := record.Record{Extra: []string{g, f}}
		r.Values[record.ID] = id
		r.Values[record.Name] = g + " " + f
		r.Values[record.BirthDate] = birth
		r.Values[record.City] = city
		st.Add(&r)
	}
	for i := range n {
		g, f, city := word(), word(), cities[rng.next()%uint64(len(cities))]
		year := 1930 + rng.next()%60
		birth := fmt.Sprintf("%d-%02d-%02d", year, 1+rng.next()%12, 1+rng.next()%28)
		add(fmt.Sprint("a", i), g, f, birth, city)
		// Another vowel: the name's Soundex, a blocking key, stays.
		v := "aeiou"[(strings.IndexByte("aeiou", f[3])+1)%5]
		typo := f[:3] + string(v) + f[4:]
		add(fmt.Sprint("b", i), g, typo, fmt.Sprintf("%d", year+7)+birth[4:], city)
	}
	return st, schema
}

// When blocking finds almost only matches, EM cannot learn u from the
// candidates' few non-matches; u is kept from random pairs and m fitted,
// rather than falling back to the hand-set weights, which weigh a family
// name typo plus a wrong birth year as not enough. Every person's two
// entries are merged, and nobody else.
func TestLearnsWhenCandidatesAreAlmostAllMatches(t *testing.T) {
	st, schema := distinctPeople(300)
	m, err := NewMatcher(DefaultConfig(), schema)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Match(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	model := m.Model()
	if !model.Learned || model.PriorOf != priorOfAll {
		t.Errorf("model learned %v, prior of %q; want learned with u from random pairs", model.Learned, model.PriorOf)
	}
	if got := len(res.Clusters); got != 300 {
		t.Errorf("%d clusters, want 300", got)
	}
	for i := 0; i < st.Len(); i += 2 {
		if res.ClusterOf(i) != res.ClusterOf(i+1) {
			t.Errorf("records %d and %d (one person) not merged", i, i+1)
		}
	}
}

// patternOf packs the levels of the comparators at the given indices of
// m, given in that order, into a pattern; the other comparators are left
// at the zero Level.
func patternOf(m *Matcher, at ...int) func(...Level) pattern {
	return func(ls ...Level) pattern {
		if len(ls) != len(at) {
			panic("patternOf: one level for each comparator")
		}
		lv := make([]Level, len(m.comparators))
		for i, l := range ls {
			lv[at[i]] = l
		}
		return packLevels(lv)
	}
}

// A company that differs outweighs a shared phone, but not an e-mail
// the file fills on a handful of matches: its learned weight says little,
// and would make every company difference a near cannot-link.
func TestRareContactDoesNotSetCompanyVeto(t *testing.T) {
	m, err := NewMatcher(DefaultConfig(), &record.Schema{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(name string) int { return slices.Index(m.Comparators(), name) }
	phone, email, co, addr := at("phone"), at("email"), at("company"), at("address")
	pat := patternOf(m, phone, email, co, addr)
	var cand, random []counted
	for _, ph := range []Level{Same, Different} {
		for _, c := range []Level{Same, Different} {
			for _, ad := range []Level{Same, Different} {
				share := func(l Level, p float64) float64 {
					if l == Same {
						return p
					}
					return 1 - p
				}
				match := 1000 * share(ph, 0.8) * share(c, 0.7) * share(ad, 0.8)
				non := 3000 * share(ph, 0.02) * share(c, 0.01) * share(ad, 0.01)
				cand = append(cand, counted{pat(ph, Missing, c, ad), match + non})
				random = append(random, counted{pat(ph, Missing, c, ad), 100000 * share(ph, 0.001) * share(c, 0.001) * share(ad, 0.001)})
			}
		}
	}
	cand = append(cand, counted{pat(Same, Same, Same, Same), 5}) // e-mail on five matches
	random = append(random, counted{pat(Different, Different, Different, Different), 50})
	slices.SortFunc(cand, func(a, b counted) int { return cmp.Compare(a.p, b.p) })
	model, sane := m.fit(cand, random, 4000, 0)
	if !sane {
		t.Fatal("model not sane")
	}
	bits := func(f int, l Level) float64 { return model.Fields[f].Levels[l-Conflict].Bits }
	if bits(email, Same) <= bits(phone, Same) {
		t.Fatalf("e-mail same %.2f bits, not above phone same %.2f: the case does not test anything", bits(email, Same), bits(phone, Same))
	}
	if got, want := bits(co, Different), -bits(phone, Same); got != want {
		t.Errorf("company different %.4f bits, want %.4f (the phone's weight, not the e-mail's %.2f)", got, want, bits(email, Same))
	}
}

// A company difference the file shows to be weak evidence (one customer's
// records often carry other names: a site's program names) outweighs a
// shared phone, and no more: the hand-set -7 bits does not hold where
// the file says otherwise, so a shared phone and address still join the
// records.
func TestCompanyDifferenceLearnedFromFile(t *testing.T) {
	m, err := NewMatcher(DefaultConfig(), &record.Schema{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(name string) int { return slices.Index(m.Comparators(), name) }
	phone, co, addr := at("phone"), at("company"), at("address")
	pat := patternOf(m, phone, co, addr)
	share := func(l Level, p float64) float64 {
		if l == Same {
			return p
		}
		return 1 - p
	}
	var cand, random []counted
	for _, ph := range []Level{Same, Different} {
		for _, c := range []Level{Same, Different} {
			for _, ad := range []Level{Same, Different} {
				match := 1000 * share(ph, 0.7) * share(c, 0.6) * share(ad, 0.9)
				non := 3000 * share(ph, 0.05) * share(c, 0.02) * share(ad, 0.02)
				cand = append(cand, counted{pat(ph, c, ad), match + non})
				random = append(random, counted{pat(ph, c, ad), 100000 * share(ph, 0.001) * share(c, 0.001) * share(ad, 0.001)})
			}
		}
	}
	slices.SortFunc(cand, func(a, b counted) int { return cmp.Compare(a.p, b.p) })
	model, sane := m.fit(cand, random, 4000, 0)
	if !sane {
		t.Fatal("model not sane")
	}
	bits := func(f int, l Level) float64 { return model.Fields[f].Levels[l-Conflict].Bits }
	if bits(phone, Same) >= 7 {
		t.Fatalf("phone same %.2f bits: the case does not test anything", bits(phone, Same))
	}
	if got, want := bits(co, Different), -bits(phone, Same); got != want {
		t.Errorf("company different %.4f bits, want %.4f (as much as a shared phone)", got, want)
	}
	if w := model.Prior + bits(phone, Same) + bits(co, Different) + bits(addr, Same); w < weightOf(DefaultThreshold) {
		t.Errorf("same phone and address, other company name: %.2f bits, want a match", w)
	}
}

// In a small file where everyone is entered several times, many random
// pairs are matches; u, how often two different customers agree, must
// not count them. Here names are distinct, so two different people
// almost never share a given name.
func TestRandomPairUDiscountsMatches(t *testing.T) {
	st, schema := distinctPeople(60)
	// Each person three more times, as the first entry.
	n := st.Len()
	var r record.Record
	for i := 0; i < n; i += 2 {
		st.Get(i, &r)
		for range 3 {
			st.Add(&r)
		}
	}
	m, err := NewMatcher(DefaultConfig(), schema)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Match(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	model := m.Model()
	if model.PriorOf != priorOfAll {
		t.Fatalf("prior of %q; the case needs u from random pairs", model.PriorOf)
	}
	// 60 people in 300 records: 600 of the 44,850 pairs are one person,
	// 1.3% of random pairs agreeing on the given name.
	for _, f := range model.Fields {
		if f.Field == "first_name" {
			if u := f.Levels[Same-Conflict].U; u > 0.004 {
				t.Errorf("first_name same: u %.4f, want the matches among random pairs left out (< 0.004)", u)
			}
		}
	}
}

// The same mailbox at another domain is worth no more than its hand-set
// weight, however often the file's matches show it and its non-matches
// do not: it is the person's name again (anna.li@a.com, anna.li@b.com),
// and two people of one name at two companies are two contacts.
func TestMailboxAtOtherDomainIsCapped(t *testing.T) {
	m, err := NewMatcher(DefaultConfig(), &record.Schema{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(name string) int { return slices.Index(m.Comparators(), name) }
	phone, email, co, name := at("phone"), at("email"), at("company"), at("name")
	pat := patternOf(m, phone, email, co, name)
	cand := []counted{
		{pat(Same, Same, Same, Same), 600},
		{pat(Different, Partial, Same, Same), 200}, // matches: a new domain
		{pat(Same, Same, Different, Same), 100},
		{pat(Same, Different, Same, Same), 100},
		{pat(Different, Different, Different, Different), 3000},
		{pat(Different, Different, Same, Different), 100},
		{pat(Same, Different, Different, Different), 50},
	}
	random := []counted{{pat(Different, Different, Different, Different), 100000}, {pat(Same, Same, Same, Same), 5}}
	slices.SortFunc(cand, func(a, b counted) int { return cmp.Compare(a.p, b.p) })
	model, sane := m.fit(cand, random, 4150, 0)
	if !sane {
		t.Fatal("model not sane")
	}
	prior := m.comparators[email].prior[Partial]
	if got := model.Fields[email].Levels[Partial-Conflict].Bits; got > prior {
		t.Errorf("e-mail partial %.2f bits, want at most the hand-set %.2f", got, prior)
	}
}
