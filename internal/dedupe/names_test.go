package dedupe

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// A full name that only repeats the given and family name columns is not
// compared: two records with family name "Jones" and no given name would
// otherwise count "Jones" twice, once as the family name and once as the
// full name.
func TestFullNameRepeatingPartsNotCountedTwice(t *testing.T) {
	schema := &record.Schema{Extra: []string{"first_name", "last_name"}}
	m, err := NewMatcher(DefaultConfig(), schema)
	if err != nil {
		t.Fatal(err)
	}
	name := slicesIndex(m.Comparators(), "name")
	person := func(full, given, family string) profile {
		r := record.Record{Extra: []string{given, family}}
		r.Values[record.Name] = full
		return newProfile(&r, m.rules, nil)
	}
	for _, c := range []struct {
		a, b [3]string
		want Level
	}{
		{[3]string{"Jones", "", "Jones"}, [3]string{"Jones", "", "Jones"}, Missing},
		{[3]string{"Leo Jones", "Leo", "Jones"}, [3]string{"Jones", "", "Jones"}, Missing},
		// The full name says more than the parts: it is compared.
		{[3]string{"Leo Jones", "", "Jones"}, [3]string{"Leo Jones", "", "Jones"}, Same},
	} {
		a, b := person(c.a[0], c.a[1], c.a[2]), person(c.b[0], c.b[1], c.b[2])
		lv := make([]Level, len(m.comparators))
		m.levels(&a, &b, lv)
		if lv[name] != c.want {
			t.Errorf("%q vs %q: name %v, want %v", c.a, c.b, lv[name], c.want)
		}
	}
	if !nameInParts("Leo  JONES", "leo", "jones") || nameInParts("Leo Jones", "", "jones") {
		t.Error("nameInParts")
	}
}

func slicesIndex(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}
