package company

import (
	"strings"
	"testing"
)

// lookupLower finds what a lookup of the lowered value found: every
// region spelling in other cases, with accents, Chinese, invalid bytes and
// long values.
func TestLookupLowerAsLowered(t *testing.T) {
	var values []string
	for k := range regionIndex {
		values = append(values, k, strings.ToUpper(k), strings.ToUpper(k[:1])+k[1:], k+"x", "É"+k, k+"\xff")
	}
	values = append(values, "", "SHENZHEN", "İstanbul", "\u212aunming", strings.Repeat("深圳", 20), strings.Repeat("A", 40))
	for _, v := range values {
		want, wantOK := regionIndex[strings.ToLower(v)]
		if got, ok := lookupLower(regionIndex, v); got != want || ok != wantOK {
			t.Fatalf("lookupLower(%q) = %q, %v; want %q, %v", v, got, ok, want, wantOK)
		}
	}
}
