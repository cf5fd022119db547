package similar

import (
	"strings"
	"testing"
)

func TestJaroWinkler(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"", "abc", 0},
		{"abc", "abc", 1},
		{"abc", "xyz", 0},
		{"martha", "marhta", 0.9611},
		{"dwayne", "duane", 0.84},
		{"dixon", "dicksonx", 0.8133},
		{"jon", "john", 0.9333},
		{"john", "jane", 0.7},
		{"华强电子", "华强電子", 0.8667},
		{"陈华", "王华", 0.6667},
		{strings.Repeat("a", 70), strings.Repeat("a", 69) + "b", 0.9943}, // beyond the stack arrays
	} {
		got := checkSymmetric(t, "JaroWinkler", JaroWinkler, tc.a, tc.b)
		if !near(got, tc.want) {
			t.Errorf("JaroWinkler(%q, %q) = %.4f, want %.4f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"华为技术", "华为终端", 2},
		{"乐辰服饰", "乐晨服饰", 1},
		{"深圳市华强电子", "华强电子", 3},
		{"abc", "abc", 0},
		{strings.Repeat("ab", 40), strings.Repeat("ba", 40), 2},
	} {
		if got := checkSymmetric(t, "Levenshtein", Levenshtein, tc.a, tc.b); got != tc.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestEditRatio(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"", "a", 0},
		{"华为技术", "华为终端", 0.5},
		{"乐辰服饰", "乐晨服饰", 0.75},
		{"kitten", "sitting", 1 - 3.0/7},
	} {
		if got := checkSymmetric(t, "EditRatio", EditRatio, tc.a, tc.b); !near(got, tc.want) {
			t.Errorf("EditRatio(%q, %q) = %.4f, want %.4f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestBigramDice(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"", "a", 0},
		{"a", "a", 1},
		{"a", "b", 0},
		{"a", "ab", 0}, // a lone gram never equals a bigram
		{"night", "nacht", 0.25},
		{"aaaa", "aa", 0.5}, // multisets: aa×3 vs aa×1
		{"华为技术", "华为终端", 1.0 / 3},
		{"乐辰服饰", "乐晨服饰", 1.0 / 3},
	} {
		if got := checkSymmetric(t, "BigramDice", BigramDice, tc.a, tc.b); !near(got, tc.want) {
			t.Errorf("BigramDice(%q, %q) = %.4f, want %.4f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMetricsDoNotAllocateUpTo64Runes(t *testing.T) {
	a := strings.Repeat("深圳华强电子", 10) + "abcd" // 64 runes
	b := strings.Repeat("深圳华強电子", 10) + "abce"
	for name, f := range map[string]func(){
		"JaroWinkler": func() { JaroWinkler(a, b) },
		"Levenshtein": func() { Levenshtein(a, b) },
		"EditRatio":   func() { EditRatio(a, b) },
		"BigramDice":  func() { BigramDice(a, b) },
	} {
		if n := testing.AllocsPerRun(20, f); n != 0 {
			t.Errorf("%s allocates %.0f times on 64-rune strings", name, n)
		}
	}
}
