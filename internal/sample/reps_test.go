package sample

import (
	"regexp"
	"strings"
	"testing"
)

func TestRoster(t *testing.T) {
	for _, tt := range []struct {
		lang string
		reps int
	}{{"mixed", 0}, {"zh", 3}, {"en", 12}, {"zh", 200}} {
		g, err := New(Config{N: 1000, Lang: tt.lang, Reps: tt.reps})
		if err != nil {
			t.Fatal(err)
		}
		reps := g.Reps()
		want := tt.reps
		if want == 0 {
			want = DefaultReps
		}
		if len(reps) != want {
			t.Fatalf("%s: %d reps, want %d", tt.lang, len(reps), want)
		}
		names, inactive, teams := map[string]bool{}, 0, map[string]bool{}
		for _, r := range reps {
			if names[r.Name] || r.Name == "" {
				t.Errorf("rep name %q empty or repeated", r.Name)
			}
			names[r.Name] = true
			if !r.Active {
				inactive++
			}
			teams[r.Team] = true
			if len(r.Territories) == 0 || r.Capacity <= 0 || r.Weight < 0.5 || r.Weight > 2 {
				t.Errorf("rep %+v lacks territories, capacity or a sane weight", r)
			}
			if (tt.lang == "en") == hasHan(r.Name) {
				t.Errorf("%s sample has rep %q", tt.lang, r.Name)
			}
		}
		if want >= 5 && (inactive == 0 || inactive > want/5) {
			t.Errorf("%d of %d reps inactive, want about one in ten", inactive, want)
		}
		if want >= 8 && len(teams) < 3 {
			t.Errorf("only teams %v", teams)
		}
		reps[0].Territories[0] = "changed"
		if g.Reps()[0].Territories[0] == "changed" {
			t.Error("Reps shares its slices with the generator")
		}
	}
}

// TestOwnersFollowTerritories: most customers belong to a rep whose
// territory covers their province, as the assign rules expect.
func TestOwnersFollowTerritories(t *testing.T) {
	g, recs := collect(t, Config{N: 10000, Seed: 61, Lang: "zh", Messy: -1})
	cols := columns(g)
	territory := map[string][]string{}
	for _, r := range g.Reps() {
		territory[r.Name] = r.Territories
	}
	in, owned := 0, 0
	for _, rec := range recs {
		o := rec.Row[cols["owner"][0]]
		p := strings.TrimSuffix(rec.Row[cols["province"][0]], "省")
		if o == "" || p == "" || rec.Disputed {
			continue
		}
		owned++
		for _, tr := range territory[o] {
			if strings.HasPrefix(p, tr) {
				in++
				break
			}
		}
	}
	if share := float64(in) / float64(owned); share < 0.7 {
		t.Errorf("%.2f of customers are owned inside the owner's territory, want most", share)
	}
}

func TestExtraColumns(t *testing.T) {
	extra := []string{"微信", "QQ", "网址", "职务", "自定义字段"}
	g, recs := collect(t, Config{N: 3000, Seed: 67, Lang: "zh", Extra: extra})
	h := g.Header()
	base := len(h) - len(extra)
	checks := []*regexp.Regexp{
		regexp.MustCompile(`^(1\d{10}|wxid_[0-9a-z]+|[a-z]+\d+)?$`),
		regexp.MustCompile(`^(\d{9,10})?$`),
		regexp.MustCompile(`^((http://)?www\.[a-z0-9.-]+)?$`),
		regexp.MustCompile(`^(\p{Han}+)?$`),
		regexp.MustCompile(`^(是|否|X\d+)?$`),
	}
	filled := make([]int, len(extra))
	for _, rec := range recs {
		for i, re := range checks {
			v := rec.Row[base+i]
			if !re.MatchString(v) {
				t.Fatalf("extra column %s: %q", extra[i], v)
			}
			if v != "" {
				filled[i]++
			}
		}
	}
	for i, n := range filled {
		if n < len(recs)/5 {
			t.Errorf("extra column %s filled in %d of %d rows", extra[i], n, len(recs))
		}
	}
}

// TestRosterCapacityHoldsTheSample: `crmkit sample --roster` gives reps
// whose caps hold what the sample gives them, so `crmkit assign --reps`
// runs under the default policy (a rep above its cap is an error). The
// rows naming a rep bound the customers it can hold after any grouping.
func TestRosterCapacityHoldsTheSample(t *testing.T) {
	for _, cfg := range []Config{
		{N: 50000, Seed: 1},
		{N: 50000, Seed: 2, Reps: 50},
		{N: 20000, Seed: 3, Lang: "en", Reps: 7},
		{N: 400, Seed: 4},
		{N: 5000, Seed: 5, Lang: "zh", Reps: 200},
	} {
		g, recs := collect(t, cfg)
		owner := columns(g)["owner"][0]
		capacity := map[string]int{}
		for _, r := range g.Reps() {
			capacity[r.Name] = r.Capacity
		}
		held, named, owned := map[string]int{}, 0, 0
		for _, rec := range recs {
			o := strings.TrimSpace(rec.Row[owner])
			if o == "" {
				continue
			}
			owned++
			if _, ok := capacity[o]; ok {
				held[o]++
				named++
			}
		}
		if named < owned*9/10 {
			t.Fatalf("%+v: only %d of %d owners are roster names", cfg, named, owned)
		}
		for name, n := range held {
			if n > capacity[name] {
				t.Errorf("%+v: rep %s is named on %d rows, above its capacity of %d", cfg, name, n, capacity[name])
			}
		}
	}
}
