package cli

import (
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/record"
)

// FuzzParseSurvive: --survive specs parse into field → rule pairs with
// both sides non-empty and trimmed, or a usage error; survivorship built
// from them accepts or refuses them without panicking.
func FuzzParseSurvive(f *testing.F) {
	for _, s := range []string{"company=common", "notes=union,phone=newest", "a=", "=b", "a=b=c", " , ", "owner=最新", "x=common"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		m, err := parseSurvive([]string{spec})
		if err != nil {
			if !strings.Contains(err.Error(), "--survive") {
				t.Fatalf("%q: error %q does not name --survive", spec, err)
			}
			return
		}
		for k, v := range m {
			if k == "" || v == "" || k != strings.TrimSpace(k) || v != strings.TrimSpace(v) || strings.Contains(k, ",") {
				t.Fatalf("%q: pair %q=%q", spec, k, v)
			}
		}
		schema := &record.Schema{Extra: []string{"x"}}
		_, _ = dedupe.NewSurvivorship(schema, m)
	})
}
