package dedupe

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// FuzzParseFieldRules: --fields specs parse into rules that name a field
// and a known kind with a weight in (0, 50] (or the kind's default), and
// the rules written back parse to the same rules.
func FuzzParseFieldRules(f *testing.F) {
	for _, s := range []string{"birth_date=date", "company=fuzzy:6,phone=exact", "x=off", "a=b=c", "name=name:0",
		"wechat=exact:1e300", "notes=tokens:NaN", " ,, email = EXACT : 2.5 ", "城市=address", "f=fuzzy:Inf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		rules, err := ParseFieldRules([]string{spec})
		if err != nil {
			return
		}
		var back []string
		for _, r := range rules {
			if r.Field == "" || strings.ContainsAny(r.Field, ",=") || r.Field != strings.TrimSpace(r.Field) {
				t.Fatalf("%q: field %q", spec, r.Field)
			}
			if !slices.Contains(FieldKinds, r.Kind) {
				t.Fatalf("%q: kind %q", spec, r.Kind)
			}
			if r.Weight != 0 && !(r.Weight > 0 && r.Weight <= 50) {
				t.Fatalf("%q: weight %v accepted", spec, r.Weight)
			}
			s := r.Field + "=" + r.Kind
			if r.Weight != 0 {
				s += ":" + strconv.FormatFloat(r.Weight, 'g', -1, 64)
			}
			back = append(back, s)
		}
		again, err := ParseFieldRules([]string{strings.Join(back, ",")})
		if err != nil || !reflect.DeepEqual(again, rules) {
			t.Fatalf("%q: written back as %q reads %v, %v; want %v", spec, back, again, err, rules)
		}
	})
}
