package similar

import (
	"testing"
	"unicode"
)

func TestFoldLatin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Société Générale S.A.", "Societe Generale S.A."},
		{"Müller", "Muller"},
		{"Mueller", "Muller"},
		{"MUELLER", "MULLER"},
		{"Schröder Technik", "Schroder Technik"},
		{"Schroeder Technik", "Schroder Technik"},
		{"Jørgensen", "Jorgensen"},
		{"Joergensen", "Jorgensen"},
		{"Straße", "Strasse"},
		{"Łódź", "Lodz"},
		{"Blue Harbor", "Blue Harbor"}, // a word-final ue stays
		{"Queen", "Queen"},             // a vowel after the pair: not a digraph
		{"深圳华强", "深圳华强"},
		{"Acme", "Acme"},
	} {
		if got := FoldLatin(c.in); got != c.want {
			t.Errorf("FoldLatin(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := FoldLatin(FoldLatin(c.in)); got != FoldLatin(c.in) {
			t.Errorf("FoldLatin not idempotent on %q: %q", c.in, got)
		}
	}
}

func TestFoldAccentsKeepsDigraphs(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Müller", "Muller"}, {"Mueller", "Mueller"}, {"Samuel", "Samuel"}, {"Jørgensen", "Jorgensen"},
	} {
		if got := FoldAccents(c.in); got != c.want {
			t.Errorf("FoldAccents(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Chinese values (ideographs and ASCII) come back as they are, without a
// copy: profiling a million records folds several values of each. No
// ideograph is a letter FoldAccents would change.
func TestFoldAccentsKeepsChineseWithoutCopy(t *testing.T) {
	for _, s := range []string{"深圳市华强电子有限公司", "张伟 Zhang Wei", "北京市朝阳区建国路88号A座"} {
		if got := FoldAccents(s); got != s {
			t.Errorf("FoldAccents(%q) = %q", s, got)
		}
		if n := testing.AllocsPerRun(100, func() { FoldAccents(s) }); n != 0 {
			t.Errorf("FoldAccents(%q) allocates %v times", s, n)
		}
	}
	if got := FoldAccents("深圳Société"); got != "深圳Societe" {
		t.Errorf("FoldAccents(深圳Société) = %q", got)
	}
	for r := rune(0x3400); r <= 0x9FFF; r++ {
		if _, special := latinSpecial[r]; special || unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Mn, r) {
			t.Fatalf("%U would be folded", r)
		}
	}
}
