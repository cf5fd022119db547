package similar

import (
	"math/rand/v2"
	"testing"
)

// randomWord returns a short word over a small alphabet (so that words
// share letters and often come close), sometimes with a non-ASCII rune.
func randomWord(r *rand.Rand) string {
	const letters = "aeinorstlm"
	n := r.IntN(9)
	b := make([]rune, n)
	for i := range b {
		b[i] = rune(letters[r.IntN(len(letters))])
		if r.IntN(40) == 0 {
			b[i] = 'é'
		}
	}
	return string(b)
}

// typoOf returns w with one random edit, so that pairs near the
// thresholds are common.
func typoOf(r *rand.Rand, w string) string {
	rs := []rune(w)
	if len(rs) == 0 {
		return "a"
	}
	i := r.IntN(len(rs))
	switch r.IntN(3) {
	case 0:
		rs[i] = 'x'
	case 1:
		rs = append(rs[:i], rs[i+1:]...)
	default:
		if i+1 < len(rs) {
			rs[i], rs[i+1] = rs[i+1], rs[i]
		}
	}
	return string(rs)
}

// The bounds never rule out a pair the metric puts at or over the
// threshold, and CloseSpelling and JaroWinklerAtLeast say what the
// metrics computed in full say.
func TestBoundsAgreeWithMetrics(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ruledOut := 0
	for range 200000 {
		a := randomWord(r)
		b := randomWord(r)
		if r.IntN(2) == 0 {
			b = typoOf(r, a)
		}
		ar, br := []rune(a), []rune(b)
		for _, th := range []float64{0.8, 0.9, 0.92, 0.95} {
			jw := JaroWinkler(a, b)
			if jaroWinklerBelow(ar, br, th) {
				ruledOut++
				if jw >= th {
					t.Fatalf("jaroWinklerBelow(%q, %q, %v) but JaroWinkler = %v", a, b, th, jw)
				}
			}
			if got := JaroWinklerAtLeast(a, b, th); got != (jw >= th) {
				t.Fatalf("JaroWinklerAtLeast(%q, %q, %v) = %v, JaroWinkler = %v", a, b, th, got, jw)
			}
			er := EditRatio(a, b)
			if editRatioBelow(ar, br, th) && er >= th {
				t.Fatalf("editRatioBelow(%q, %q, %v) but EditRatio = %v", a, b, th, er)
			}
			ratio := th - 0.1
			if got, want := CloseSpelling(a, b, ratio, th), er >= ratio || jw >= th; got != want {
				t.Fatalf("CloseSpelling(%q, %q, %v, %v) = %v, metrics say %v", a, b, ratio, th, got, want)
			}
		}
	}
	if ruledOut == 0 {
		t.Fatal("the bound ruled nothing out")
	}
}

// multisetShared counts the runes a and b have in common, with
// multiplicity.
func multisetShared(a, b []rune) int {
	count := map[rune]int{}
	for _, r := range a {
		count[r]++
	}
	n := 0
	for _, r := range b {
		if count[r] > 0 {
			count[r]--
			n++
		}
	}
	return n
}

// sharedRunes bounds the shared runes from above, and is exact when no
// letter repeats; non-ASCII is refused.
func TestSharedRunes(t *testing.T) {
	for _, c := range []struct {
		a, b string
		n    int
		ok   bool
	}{
		{"boston", "austin", 3, true},
		{"anna", "nana", 4, true},
		{"", "abc", 0, true},
		{"john", "mary", 0, true},
		{"zoë", "zoe", 0, false},
	} {
		n, ok := sharedRunes([]rune(c.a), []rune(c.b))
		if n != c.n || ok != c.ok {
			t.Errorf("sharedRunes(%q, %q) = %d, %v; want %d, %v", c.a, c.b, n, ok, c.n, c.ok)
		}
	}
	r := rand.New(rand.NewPCG(13, 14))
	for range 20000 {
		a, b := []rune(randomWord(r)), []rune(randomWord(r))
		n, ok := sharedRunes(a, b)
		if ok && (n < multisetShared(a, b) || n > min(len(a), len(b))) {
			t.Fatalf("sharedRunes(%q, %q) = %d, shared %d", string(a), string(b), n, multisetShared(a, b))
		}
	}
}

// TokenSimilarityAtLeast says what TokenSimilarity computed in full says.
func TestTokenSimilarityAtLeast(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	words := func() []string {
		w := make([]string, 1+r.IntN(4))
		for i := range w {
			w[i] = randomWord(r)
		}
		return w
	}
	for range 50000 {
		a := words()
		b := append([]string(nil), a...)
		switch r.IntN(3) {
		case 0:
			b = words()
		case 1:
			i := r.IntN(len(b))
			b[i] = typoOf(r, b[i])
		}
		for _, th := range []float64{0.8, 0.95} {
			if got, want := TokenSimilarityAtLeast(a, b, th), TokenSimilarity(a, b) >= th; got != want {
				t.Fatalf("TokenSimilarityAtLeast(%q, %q, %v) = %v, want %v", a, b, th, got, want)
			}
		}
	}
}

func TestSharedBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 10000 {
		a, b := randomWord(r), randomWord(r)
		n, ok := sharedBytes(a, b)
		m, okR := sharedRunes([]rune(a), []rune(b))
		if ok != okR || n != m {
			t.Fatalf("sharedBytes(%q, %q) = %d, %v; sharedRunes %d, %v", a, b, n, ok, m, okR)
		}
	}
}

// TokenSimilarity, scoring each token pair once, gives the bits the two
// directed Monge-Elkan passes give, Chinese tokens included.
func TestTokenSimilarityOneTable(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	han := []string{"华强", "电子", "华强电子", "乐辰", "乐晨"}
	words := func() []string {
		w := make([]string, 1+r.IntN(8))
		for i := range w {
			if r.IntN(4) == 0 {
				w[i] = han[r.IntN(len(han))]
			} else {
				w[i] = randomWord(r)
			}
		}
		return w
	}
	for range 30000 {
		a, b := words(), words()
		if r.IntN(2) == 0 {
			b = append([]string(nil), a...)
			i := r.IntN(len(b))
			b[i] = typoOf(r, b[i])
		}
		want := (mongeElkan(a, b) + mongeElkan(b, a)) / 2
		if got := TokenSimilarity(a, b); got != want {
			t.Fatalf("TokenSimilarity(%q, %q) = %v, the two passes %v", a, b, got, want)
		}
	}
}
