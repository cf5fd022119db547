package dedupe

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/company"
)

// compareHanCoreReference is compareHanCore written plainly: rune slices
// and counts.
func compareHanCoreReference(a, b string) Level {
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if na == nb && na >= 4 {
		subs := 0
		ra, rb := []rune(a), []rune(b)
		for i := range ra {
			if ra[i] != rb[i] {
				subs++
			}
		}
		if subs == 1 || (subs == 2 && na >= 8) {
			return Similar
		}
	}
	return Different
}

// compareHanCore, walking both names in step, agrees with the plain
// version on generated names: equal, one or two characters changed,
// one longer, with Latin letters and broken UTF-8 mixed in.
func TestCompareHanCoreMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"华", "强", "电", "子", "乐", "辰", "晨", "服", "饰", "a", "1", "\xff"}
	word := func(n int) []string {
		w := make([]string, n)
		for i := range w {
			w[i] = alphabet[r.IntN(len(alphabet))]
		}
		return w
	}
	for range 100000 {
		a := word(r.IntN(11))
		b := append([]string(nil), a...)
		for range r.IntN(3) {
			if len(b) > 0 {
				b[r.IntN(len(b))] = alphabet[r.IntN(len(alphabet))]
			}
		}
		if r.IntN(4) == 0 {
			b = append(b, alphabet[r.IntN(len(alphabet))])
		}
		x, y := strings.Join(a, ""), strings.Join(b, "")
		if got, want := compareHanCore(x, y), compareHanCoreReference(x, y); got != want {
			t.Fatalf("compareHanCore(%q, %q) = %v, want %v", x, y, got, want)
		}
	}
	if compareHanCore("乐辰服饰", "乐晨服饰") != Similar {
		t.Error("乐辰服饰 / 乐晨服饰: one substitution is a typo")
	}
}

// hasWordPrefix is strings.HasPrefix(s, w+" ").
func TestHasWordPrefix(t *testing.T) {
	for _, s := range []string{"", "new york", "new york ny", "new yorker", "new", "new ", " new"} {
		for _, w := range []string{"", "new", "new york", "new york ny"} {
			if got, want := hasWordPrefix(s, w), strings.HasPrefix(s, w+" "); got != want {
				t.Errorf("hasWordPrefix(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

// editDistanceReference is the full edit matrix over bytes.
func editDistanceReference(a, b string) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], next
		}
	}
	return row[len(b)]
}

// withinEdits, clearing only the band's edges, agrees with the full
// matrix on e-mail-like strings with up to four edits.
func TestWithinEditsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const letters = "abc.@"
	for range 50000 {
		a := make([]byte, r.IntN(30))
		for i := range a {
			a[i] = letters[r.IntN(len(letters))]
		}
		b := append([]byte(nil), a...)
		for range r.IntN(5) {
			switch i := r.IntN(len(b) + 1); {
			case r.IntN(3) == 0 || i == len(b):
				b = append(b[:i], append([]byte{letters[r.IntN(len(letters))]}, b[i:]...)...)
			case r.IntN(2) == 0:
				b = append(b[:i], b[i+1:]...)
			default:
				b[i] = letters[r.IntN(len(letters))]
			}
		}
		for k := range 4 {
			x, y := string(a), string(b)
			if got, want := withinEdits(x, y, k), editDistanceReference(x, y) <= k; got != want {
				t.Fatalf("withinEdits(%q, %q, %d) = %v, want %v", x, y, k, got, want)
			}
		}
	}
}

// regionPair, testing in either order, says what the plain expression
// says, over Chinese cities and provinces, pinyin and English cities.
func TestRegionPairMatchesReference(t *testing.T) {
	cities := []string{"深圳", "广东", "北京", "广州", "浙江", "杭州", "shenzhen", "guangdong", "hong kong", "香港", "london", "new york", "springfield", "上海", "shanghai"}
	for _, x := range cities {
		for _, y := range cities {
			if x == y {
				continue
			}
			want := company.SameArea(x, y) && isRegion(x) && isRegion(y)
			if got := regionPair(x, y, hasHan(x)); got != want {
				t.Errorf("regionPair(%q, %q) = %v, want %v", x, y, got, want)
			}
		}
	}
	if !regionPair("深圳", "广东", true) {
		t.Error("深圳 is in 广东")
	}
}
