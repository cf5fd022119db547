package similar

import (
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ,. ", nil},
		{"华强 电子", []string{"华强", "电子"}},
		{"华强电子", []string{"华强电子"}},
		{"Art's Supplies", []string{"arts", "supplies"}},
		{"O’Neil & Sons", []string{"oneil", "sons"}},
		{"rock 'n' roll", []string{"rock", "n", "roll"}}, // quotes, not apostrophes inside a word
		{"华强ABC电子", []string{"华强", "abc", "电子"}},
		{"Acme-Robotics, Inc.", []string{"acme", "robotics", "inc"}},
		{"63rd St", []string{"63rd", "st"}},
		{"ÉCOLE Müller", []string{"école", "müller"}},
	} {
		if got := Tokens(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokensCleanInputDoesNotAllocateTokens(t *testing.T) {
	s := "acme robotics 华强电子"
	n := testing.AllocsPerRun(20, func() { Tokens(s) })
	if n != 1 { // the slice itself; the tokens are substrings of s
		t.Errorf("Tokens of clean input allocates %.0f times, want 1", n)
	}
}

func TestTokenSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b     string
		min, max float64
	}{
		{"", "", 1, 1},
		{"", "acme", 0, 0},
		{"acme robotics", "robotics acme", 1, 1}, // order
		{"acme robotics inc", "acme robotics", 0.85, 0.95},
		{"acme robotics", "acme robotcs", 0.97, 0.999}, // typo
		{"acme robotics", "globex trading", 0, 0.6},
		{"乐辰服饰", "乐晨服饰", 0.75, 0.75}, // same brand, one character typed wrong
		{"华为技术", "华为终端", 0.5, 0.5},   // same brand, different companies: clearly lower
		{"华为 技术", "华为 终端", 0.5, 0.5},
		{"华强 电子", "华强", 0.75, 0.75},
		{"华强", "hua qiang", 0, 0},
	} {
		ta, tb := Tokens(tc.a), Tokens(tc.b)
		ab, ba := TokenSimilarity(ta, tb), TokenSimilarity(tb, ta)
		if ab != ba {
			t.Errorf("TokenSimilarity not symmetric on %q, %q: %v vs %v", tc.a, tc.b, ab, ba)
		}
		if ab < tc.min-1e-9 || ab > tc.max+1e-9 {
			t.Errorf("TokenSimilarity(%q, %q) = %.4f, want in [%.2f, %.2f]", tc.a, tc.b, ab, tc.min, tc.max)
		}
	}
}
