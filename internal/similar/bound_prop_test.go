package similar

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// propAlphabets are small alphabets, where letters repeat and collide,
// and mixed scripts: Latin with accents, Han, a rune just past ASCII,
// broken UTF-8 and a full-width letter.
var propAlphabets = [][]string{
	{"a", "b"},
	{"a", "b", "c"},
	{"a", "e", "n", "r", "s", "t"},
	{"a", "b", "é", "e"},
	{"华", "强", "电", "子"},
	{"a", "华", "b", "\u0080", "\x7f"},
	{"a", "b", "\xff", "\xfe", "\uFFFD"},
	{"a", "ａ", "b", "ｂ"},
	{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", " ", "-", "'"},
}

// propWord returns a word over alph, at times empty or past the 64 runes
// the metrics keep on the stack.
func propWord(r *rand.Rand, alph []string) string {
	n := r.IntN(10)
	switch r.IntN(20) {
	case 0:
		n = 0
	case 1:
		n = 60 + r.IntN(80)
	}
	var b strings.Builder
	for range n {
		b.WriteString(alph[r.IntN(len(alph))])
	}
	return b.String()
}

// propPair returns two words over one alphabet, the second often an edit
// or two of the first, so that pairs near the thresholds are common.
func propPair(r *rand.Rand) (string, string) {
	alph := propAlphabets[r.IntN(len(propAlphabets))]
	a := propWord(r, alph)
	if r.IntN(3) == 0 {
		return a, propWord(r, alph)
	}
	rs := []rune(a)
	for range 1 + r.IntN(2) {
		i := 0
		if len(rs) > 0 {
			i = r.IntN(len(rs))
		}
		c := []rune(alph[r.IntN(len(alph))])[0]
		switch r.IntN(4) {
		case 0:
			if len(rs) > 0 {
				rs[i] = c
			}
		case 1:
			if len(rs) > 0 {
				rs = slices.Delete(rs, i, i+1)
			}
		case 2:
			rs = slices.Insert(rs, i, c)
		default:
			if i+1 < len(rs) {
				rs[i], rs[i+1] = rs[i+1], rs[i]
			}
		}
	}
	return a, string(rs)
}

// propThresholds are the thresholds crmkit uses, some others, and the
// pair's own scores and their float neighbours: the bound must not rule
// out a pair sitting exactly on the threshold.
func propThresholds(scores ...float64) []float64 {
	ts := []float64{0, 0.5, 0.8, 0.85, 0.9, 0.92, 0.95, 1}
	for _, s := range scores {
		ts = append(ts, s, math.Nextafter(s, 2), math.Nextafter(s, -1))
	}
	return ts
}

// The ceilings are upper bounds of the metrics, and each fast path says
// what the metric computed in full says, at every threshold.
func TestBoundsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for range 150000 {
		a, b := propPair(r)
		var ab, bb [stackRunes]rune
		ar, br := decodeRunes(a, &ab), decodeRunes(b, &bb)
		jw, er := JaroWinkler(a, b), EditRatio(a, b)
		// At a threshold equal to the score the bound must not rule out.
		if jaroWinklerBelow(ar, br, jw) {
			t.Fatalf("jaroWinklerBelow(%q, %q, %v): bound under the metric", a, b, jw)
		}
		if editRatioBelow(ar, br, er) {
			t.Fatalf("editRatioBelow(%q, %q, %v): bound under the metric", a, b, er)
		}
		for _, th := range propThresholds(jw, er) {
			if got := JaroWinklerAtLeast(a, b, th); got != (jw >= th) {
				t.Fatalf("JaroWinklerAtLeast(%q, %q, %v) = %v, JaroWinkler %v", a, b, th, got, jw)
			}
			for _, ratio := range []float64{th, 0.8, er} {
				if got, want := CloseSpelling(a, b, ratio, th), er >= ratio || jw >= th; got != want {
					t.Fatalf("CloseSpelling(%q, %q, %v, %v) = %v, metrics %v, %v", a, b, ratio, th, got, er, jw)
				}
			}
		}
	}
}

// mongeElkanReference is TokenSimilarity as the two directed passes.
func mongeElkanReference(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		if len(a) == len(b) {
			return 1
		}
		return 0
	}
	a, b = a[:min(len(a), maxCompareTokens)], b[:min(len(b), maxCompareTokens)]
	return (mongeElkan(a, b) + mongeElkan(b, a)) / 2
}

// TokenSimilarity is the two passes to the bit, and TokenSimilarityAtLeast
// says what it says at every threshold, its own score included, on token
// lists of mixed scripts, repeated tokens, empty tokens and over eight.
func TestTokenSimilarityProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	list := func(n int) ([]string, []string) {
		a, b := make([]string, n), make([]string, 0, n+1)
		for i := range a {
			x, y := propPair(r)
			a[i] = x
			switch r.IntN(4) {
			case 0:
			case 1:
				b = append(b, x)
			default:
				b = append(b, y)
			}
		}
		r.Shuffle(len(b), func(i, j int) { b[i], b[j] = b[j], b[i] })
		return a, b
	}
	for range 40000 {
		a, b := list(r.IntN(11))
		want := mongeElkanReference(a, b)
		if got := TokenSimilarity(a, b); got != want {
			t.Fatalf("TokenSimilarity(%q, %q) = %v, the two passes %v", a, b, got, want)
		}
		for _, th := range propThresholds(want) {
			if got := TokenSimilarityAtLeast(a, b, th); got != (want >= th) {
				t.Fatalf("TokenSimilarityAtLeast(%q, %q, %v) = %v, similarity %v", a, b, th, got, want)
			}
		}
	}
}

// matchTokensReference is matchTokens before the bound and the nickname
// filter.
func matchTokensReference(a, b *personName) tokenMatch {
	var usedA, usedB [maxNameTokens]bool
	var m tokenMatch
	for i := range a.ntok {
		for j := range b.ntok {
			if !usedB[j] && runesEqual(a.tok(i), b.tok(j)) {
				usedA[i], usedB[j] = true, true
				m.exact++
				break
			}
		}
	}
	for {
		bi, bj, best := -1, -1, typoJaroWinkler
		for i := range a.ntok {
			if usedA[i] || len(a.tok(i)) < 2 {
				continue
			}
			for j := range b.ntok {
				if usedB[j] || len(b.tok(j)) < 2 {
					continue
				}
				if s := jaroWinklerRunes(a.tok(i), b.tok(j)); s >= best {
					bi, bj, best = i, j, s
				}
			}
		}
		if bi < 0 {
			break
		}
		usedA[bi], usedB[bj] = true, true
		m.typo++
	}
	for i := range a.ntok {
		if usedA[i] || len(a.tok(i)) <= 1 {
			continue
		}
		ai := string(a.tok(i))
		if len(nicknames()[ai]) == 0 {
			continue
		}
		for j := range b.ntok {
			if !usedB[j] && len(b.tok(j)) > 1 && SameGivenName(ai, string(b.tok(j))) {
				usedA[i], usedB[j] = true, true
				m.typo++
				break
			}
		}
	}
	for i := range a.ntok {
		for j := range b.ntok {
			if !usedA[i] && !usedB[j] && initialOf(a.tok(i), b.tok(j)) {
				usedA[i], usedB[j] = true, true
				m.initial++
			}
		}
	}
	for i := range a.ntok {
		if !usedA[i] {
			m.leftA++
		}
	}
	for j := range b.ntok {
		if !usedB[j] {
			m.leftB++
		}
	}
	return m
}

// matchTokens pairs the tokens of English names as it did before the
// bound and the nickname filter: names from the nickname table, their
// typos, initials, and words over small alphabets.
func TestMatchTokensProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	var table []string
	for n := range nicknames() {
		table = append(table, n)
	}
	slices.Sort(table)
	word := func() string {
		switch r.IntN(5) {
		case 0, 1:
			return table[r.IntN(len(table))]
		case 2:
			x, y := propPair(r)
			return []string{x, y}[r.IntN(2)]
		case 3:
			return string(rune('a' + r.IntN(3)))
		default:
			rs := []rune(table[r.IntN(len(table))])
			rs[r.IntN(len(rs))] = rune('a' + r.IntN(26))
			return string(rs)
		}
	}
	name := func() string {
		w := make([]string, 1+r.IntN(4))
		for i := range w {
			w[i] = word()
		}
		return strings.Join(w, " ")
	}
	checked := 0
	for range 60000 {
		sa, sb := name(), name()
		var x, y personName
		x.load(sa, ParsePersonName(sa))
		y.load(sb, ParsePersonName(sb))
		if x.han || y.han || x.ntok == 0 || y.ntok == 0 {
			continue
		}
		checked++
		if got, want := matchTokens(&x, &y), matchTokensReference(&x, &y); got != want {
			t.Fatalf("matchTokens(%q, %q) = %+v, before %+v", sa, sb, got, want)
		}
	}
	if checked < 10000 {
		t.Fatalf("only %d name pairs checked", checked)
	}
}
