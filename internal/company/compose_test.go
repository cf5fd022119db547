package company

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestParseIsIdempotentOnComposedNames builds names from the package's own
// vocabulary, which random bytes from the fuzzer rarely reach.
func TestParseIsIdempotentOnComposedNames(t *testing.T) {
	var pieces []string
	pieces = append(pieces, provinces[:10]...)
	pieces = append(pieces, prefectures[:20]...)
	pieces = append(pieces, hanLegalForms...)
	pieces = append(pieces, industryHan[:15]...)
	pieces = append(pieces, institutionHan[:8]...)
	pieces = append(pieces, branchMarkers...)
	pieces = append(pieces, "市", "省", "华强", "平安", "中国", "集团", "控股", "(", ")", " ", "&",
		"shanghai", "hong", "kong", "acme", "co", "ltd", "inc", "the", "branch", "office", "and",
		"trading", "bank", "Ａ", "（", "）", ".", ",")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) == 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		core := Parse(s).Core
		if again := Parse(core).Core; again != core {
			t.Fatalf("Parse(%q).Core = %q, but Parse(%q).Core = %q", s, core, core, again)
		}
	}
}
