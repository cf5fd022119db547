package sample

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestRowCountIsExact(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 100, 5000} {
		for _, d := range []string{"fxiaoke", "salesforce", "sheet"} {
			g, recs := collect(t, Config{N: n, Seed: uint64(n), Dialect: d, DupRate: 0.9})
			if len(recs) != n {
				t.Errorf("N=%d %s: got %d rows", n, d, len(recs))
			}
			idCol := g.idColumn()
			seen := map[string]bool{}
			for _, rec := range recs {
				id := rec.Row[idCol]
				if id == "" || seen[id] {
					t.Fatalf("N=%d %s: id %q empty or repeated", n, d, id)
				}
				seen[id] = true
				if rec.Entity == "" {
					t.Fatalf("N=%d %s: row %s has no entity", n, d, id)
				}
				if len(rec.Row) != len(g.Header()) {
					t.Fatalf("row has %d cells, header %d", len(rec.Row), len(g.Header()))
				}
			}
		}
	}
}

// groups returns the rows of every entity, in output order.
func groups(recs []Record) map[string][]int {
	m := map[string][]int{}
	for i, r := range recs {
		m[r.Entity] = append(m[r.Entity], i)
	}
	return m
}

func TestDuplicateRate(t *testing.T) {
	tests := []struct {
		dup      float64
		want     float64
		maxCopy  int
		tolerate float64
	}{
		{0, DefaultDupRate, 6, 0.02},
		{0.6, 0.6, 6, 0.03},
		{-1, 0, 1, 0},
	}
	for _, tt := range tests {
		_, recs := collect(t, Config{N: 40000, Seed: 3, DupRate: tt.dup})
		gs := groups(recs)
		dups := 0
		for id, rows := range gs {
			if len(rows) > 1 {
				dups++
			}
			if len(rows) > tt.maxCopy {
				t.Errorf("entity %s has %d rows, want at most %d", id, len(rows), tt.maxCopy)
			}
			for k, i := range rows {
				if recs[i].Copy != k || recs[i].Copies != len(rows) {
					t.Fatalf("entity %s row %d: Copy %d/%d, want %d/%d", id, i, recs[i].Copy, recs[i].Copies, k, len(rows))
				}
			}
		}
		got := float64(dups) / float64(len(gs))
		if got < tt.want-tt.tolerate || got > tt.want+tt.tolerate {
			t.Errorf("DupRate %v: %.3f of entities duplicated, want %.2f±%.2f", tt.dup, got, tt.want, tt.tolerate)
		}
	}
}

func TestDuplicatesAreScattered(t *testing.T) {
	const window = 5000
	_, recs := collect(t, Config{N: 30000, Seed: 5, DupWindow: window})
	adjacent := 0
	for i := 1; i < len(recs); i++ {
		if recs[i].Entity == recs[i-1].Entity {
			adjacent++
		}
	}
	if adjacent > len(recs)/500 {
		t.Errorf("%d adjacent rows of one entity, want nearly none", adjacent)
	}
	var dists []int
	for _, rows := range groups(recs) {
		if len(rows) > 1 {
			dists = append(dists, rows[len(rows)-1]-rows[0])
		}
	}
	sort.Ints(dists)
	if med := dists[len(dists)/2]; med < window/10 {
		t.Errorf("median span of a duplicate group is %d rows, want well spread (window %d)", med, window)
	}
	if maxD := dists[len(dists)-1]; maxD > window*6+100 || maxD < window/2 {
		t.Errorf("largest span %d rows, want within the window's reach (%d)", maxD, window)
	}
}

// signals are the identifiers a record offers a matcher.
type signals struct {
	phones []string
	email  string
	core   string
	region string
	name   string
	city   string
}

func recordSignals(row []string, cols map[string][]int) signals {
	var s signals
	for _, c := range cols["phone"] {
		if p, ok := e164(row[c]); ok {
			s.phones = append(s.phones, p)
		}
	}
	s.email = normEmail(row[cols["email"][0]])
	s.core, s.region = companyCore(row[cols["company"][0]])
	s.name = normName(row[cols["name"][0]])
	s.city = normCity(row[cols["city"][0]])
	return s
}

func sharePhone(a, b signals) bool {
	for _, p := range a.phones {
		if slices.Contains(b.phones, p) {
			return true
		}
	}
	return false
}

// linked: the pair shares a strong identifier, or the same company core
// (compatible regions), contact name and city.
func linked(a, b signals) bool {
	if sharePhone(a, b) || (a.email != "" && a.email == b.email) {
		return true
	}
	regionsAgree := a.region == "" || b.region == "" || a.region == b.region
	return a.core != "" && a.core == b.core && regionsAgree && a.name != "" && a.name == b.name &&
		a.city != "" && a.city == b.city
}

func TestEveryTruePairIsFindable(t *testing.T) {
	for _, tt := range []struct {
		dialect, lang string
		messy         float64
	}{{"fxiaoke", "mixed", 0}, {"salesforce", "en", 1}, {"sheet", "zh", 1}, {"mixed", "mixed", 1}} {
		g, recs := collect(t, Config{N: 20000, Seed: 11, Dialect: tt.dialect, Lang: tt.lang, Messy: tt.messy})
		cols := columns(g)
		pairs, strong := 0, 0
		for id, rows := range groups(recs) {
			for i := range rows {
				for j := i + 1; j < len(rows); j++ {
					a, b := recordSignals(recs[rows[i]].Row, cols), recordSignals(recs[rows[j]].Row, cols)
					pairs++
					if sharePhone(a, b) || (a.email != "" && a.email == b.email) {
						strong++
					}
					if !linked(a, b) {
						t.Errorf("%s/%s: entity %s rows share no signal:\n%q\n%q", tt.dialect, tt.lang, id, recs[rows[i]].Row, recs[rows[j]].Row)
					}
				}
			}
		}
		if pairs == 0 || float64(strong)/float64(pairs) < 0.6 {
			t.Errorf("%s: %d of %d true pairs share a phone or e-mail; want most", tt.dialect, strong, pairs)
		}
	}
}

func TestIdentifiersNeverCrossEntities(t *testing.T) {
	g, recs := collect(t, Config{N: 60000, Seed: 13, DupRate: 0.5, HardNegatives: 0.2})
	cols := columns(g)
	phoneOwner, mailOwner := map[string]string{}, map[string]string{}
	for _, rec := range recs {
		s := recordSignals(rec.Row, cols)
		for _, p := range s.phones {
			if o, ok := phoneOwner[p]; ok && o != rec.Entity {
				t.Fatalf("phone %s used by entities %s and %s", p, o, rec.Entity)
			}
			phoneOwner[p] = rec.Entity
		}
		if s.email != "" {
			if o, ok := mailOwner[s.email]; ok && o != rec.Entity {
				t.Fatalf("e-mail %s used by entities %s and %s", s.email, o, rec.Entity)
			}
			mailOwner[s.email] = rec.Entity
		}
	}
	if len(phoneOwner) < 1000 || len(mailOwner) < 1000 {
		t.Fatalf("only %d phones and %d e-mails seen", len(phoneOwner), len(mailOwner))
	}
}

func TestHardNegatives(t *testing.T) {
	g, recs := collect(t, Config{N: 40000, Seed: 17})
	cols := columns(g)
	first := map[string]signals{}
	for _, rec := range recs {
		if rec.Copy == 0 {
			first[rec.Entity] = recordSignals(rec.Row, cols)
		}
	}
	byRel := map[string]int{}
	for _, rec := range recs {
		if rec.Relation == "" || rec.Copy != 0 {
			continue
		}
		byRel[rec.Relation]++
		parent, ok := first[rec.Related]
		if !ok {
			t.Fatalf("%s is related to %s, which is not in the output", rec.Entity, rec.Related)
		}
		if rec.Related == rec.Entity {
			t.Fatalf("%s related to itself", rec.Entity)
		}
		s := first[rec.Entity]
		if linked(s, parent) {
			t.Errorf("hard negative %s (%s of %s) links to its parent:\n%+v\n%+v", rec.Entity, rec.Relation, rec.Related, s, parent)
		}
	}
	for _, rel := range []string{"other-city", "sister", "subsidiary"} {
		if byRel[rel] < 50 {
			t.Errorf("%d %s hard negatives, want plenty (all: %v)", byRel[rel], rel, byRel)
		}
	}

	// Common names recur at unrelated companies.
	nameEntities := map[string]map[string]bool{}
	for _, rec := range recs {
		n := normName(rec.Row[cols["name"][0]])
		if nameEntities[n] == nil {
			nameEntities[n] = map[string]bool{}
		}
		nameEntities[n][rec.Entity] = true
	}
	for _, n := range []string{"张伟", "王芳", "李娜"} {
		if len(nameEntities[n]) < 5 {
			t.Errorf("%s is the contact of %d entities, want several", n, len(nameEntities[n]))
		}
	}
}

func TestOwnershipDisputes(t *testing.T) {
	g, recs := collect(t, Config{N: 40000, Seed: 19})
	cols := columns(g)
	owner := cols["owner"][0]
	reps := map[string]bool{}
	for _, r := range g.Reps() {
		reps[r.Name] = true
	}
	dupGroups, disputed := 0, 0
	for id, rows := range groups(recs) {
		owners := map[string]bool{}
		for _, i := range rows {
			o := strings.TrimSpace(recs[i].Row[owner])
			if o == "" {
				continue
			}
			if !reps[o] {
				t.Fatalf("owner %q is not on the roster", o)
			}
			owners[o] = true
		}
		if len(rows) < 2 {
			continue
		}
		dupGroups++
		if recs[rows[0]].Disputed {
			disputed++
			if len(owners) < 2 {
				t.Errorf("disputed entity %s has owners %v", id, owners)
			}
		} else if len(owners) > 1 {
			t.Errorf("undisputed entity %s has owners %v", id, owners)
		}
	}
	share := float64(disputed) / float64(dupGroups)
	if share < DefaultDisputeRate-0.04 || share > DefaultDisputeRate+0.04 {
		t.Errorf("%.3f of duplicate groups disputed, want about %.2f", share, DefaultDisputeRate)
	}
}

// TestHistories checks purchase histories in clean canonical output, where
// values parse trivially: dates ordered, prospects empty, revenue
// heavy-tailed.
func TestHistories(t *testing.T) {
	asOf := DefaultAsOf.Format("2006-01-02")
	g, recs := collect(t, Config{N: 30000, Seed: 23, Dialect: "canonical", Messy: -1})
	c := columns(g)
	col := func(rec Record, f string) string { return rec.Row[c[f][0]] }
	revenue := map[string]float64{}
	for _, rec := range recs {
		claimed, contact := col(rec, "claimed_at"), col(rec, "last_contact_at")
		first, last := col(rec, "first_purchase_at"), col(rec, "last_purchase_at")
		count, amount := col(rec, "purchase_count"), col(rec, "total_revenue")
		for _, d := range []string{claimed, contact, first, last, col(rec, "birth_date")} {
			if d != "" && d[:10] >= asOf {
				t.Fatalf("date %s is not before %s: %q", d, asOf, rec.Row)
			}
		}
		if claimed == "" || (contact != "" && contact < claimed) {
			t.Fatalf("claimed %q, last contact %q", claimed, contact)
		}
		n, _ := strconv.Atoi(count)
		if (n > 0) != (first != "") || (first != "") != (last != "") {
			t.Fatalf("count %q with purchase dates %q, %q", count, first, last)
		}
		if first > last || (n > 0 && contact[:10] < last) {
			t.Fatalf("purchases %s..%s, last contact %s", first, last, contact)
		}
		v, err := strconv.ParseFloat(amount, 64)
		if amount != "" && err != nil {
			t.Fatalf("amount %q: %v", amount, err)
		}
		if (v > 0) != (n > 0) {
			t.Fatalf("count %d with revenue %q", n, amount)
		}
		revenue[rec.Entity] += v
	}
	var paying []float64
	total := 0.0
	for _, v := range revenue {
		if v > 0 {
			paying = append(paying, v)
			total += v
		}
	}
	prospects := 1 - float64(len(paying))/float64(len(revenue))
	if prospects < 0.2 || prospects > 0.3 {
		t.Errorf("%.3f of entities never bought, want 20–30%%", prospects)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(paying)))
	top := 0.0
	for _, v := range paying[:len(paying)/5] {
		top += v
	}
	if share := top / total; share < 0.6 || share > 0.95 {
		t.Errorf("top 20%% of customers hold %.2f of revenue, want a Pareto-like 0.6–0.95", share)
	}
}

func TestLanguageMix(t *testing.T) {
	for _, tt := range []struct {
		lang   string
		lo, hi float64
	}{{"zh", 1, 1}, {"en", 0, 0}, {"", 0.66, 0.74}} {
		g, recs := collect(t, Config{N: 10000, Seed: 29, Lang: tt.lang})
		col := columns(g)["company"][0]
		han := 0
		for _, rec := range recs {
			if hasHan(rec.Row[col]) {
				han++
			}
		}
		if share := float64(han) / float64(len(recs)); share < tt.lo || share > tt.hi {
			t.Errorf("Lang %q: %.3f of companies Chinese, want %.2f–%.2f", tt.lang, share, tt.lo, tt.hi)
		}
	}
}
