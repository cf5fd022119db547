package dedupe

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// In a file where a shared phone is worth eight bits, a company
// difference is made to weigh -8 when scored, though the file measured
// -2.2. Another name at the same street address (a program against its
// agency) is then a weak pair, not a cannot-link; a pair with nothing in
// common stays one.
func TestCannotLinkWeighsCompanyAsMeasured(t *testing.T) {
	var schema record.Schema
	m, err := NewMatcher(DefaultConfig(), &schema)
	if err != nil {
		t.Fatal(err)
	}
	model := m.priorModel()
	model.Sampled, model.Prior = 1000, -1.7
	set := func(field string, l Level, mm, u, bits, matches float64) {
		for i := range model.Fields {
			if model.Fields[i].Field != field {
				continue
			}
			model.Fields[i].Matches = matches
			for j := range model.Fields[i].Levels {
				if model.Fields[i].Levels[j].Level == l.String() {
					model.Fields[i].Levels[j] = LevelModel{Level: l.String(), M: mm, U: u, Bits: bits}
				}
			}
		}
	}
	set("phone", Same, 0.86, 0.0035, 8, 6000)
	set("phone", Different, 0.13, 0.96, -2.8, 6000)
	set("company", Different, 0.2, 0.92, -8, 6000) // measured log2(0.2/0.92) = -2.2
	m.useModel(model)

	agency := rec("company", "Board Trustees-City Colleges of Chicago", "address", "10001 S Woodlawn Ave", "phone", "7732916100")
	site := rec("company", "Olive-Harvey Child Development Laboratory", "address", "10001 S. Woodlawn", "phone", "7732916315")
	other := rec("company", "Olive-Harvey Child Development Laboratory", "address", "2020 W Roosevelt Rd", "phone", "7735550000")
	pa, ps, po := newProfile(&agency, m.rules, m.web), newProfile(&site, m.rules, m.web), newProfile(&other, m.rules, m.web)
	if lv := m.explain(&pa, &ps); lv[m.companyAt].Level != Different {
		t.Fatalf("company %v, want different", lv[m.companyAt].Level)
	}
	if w, apart := m.weigh(&pa, &ps); apart || w > m.matchW {
		t.Errorf("agency and site at one address: weight %.1f, cannot-link %v; want a weak pair, no cannot-link", w, apart)
	}
	if _, apart := m.weigh(&pa, &po); !apart {
		t.Error("nothing in common: want a cannot-link")
	}
}
