package normalize

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"clean ascii", "Acme Inc", "Acme Inc"},
		{"clean chinese", "深圳市腾讯计算机系统有限公司", "深圳市腾讯计算机系统有限公司"},
		{"trim", "  Acme  ", "Acme"},
		{"collapse tabs and newlines", "Acme\t\r\n  Inc", "Acme Inc"},
		{"ideographic space", "腾讯\u3000科技", "腾讯 科技"},
		{"nbsp", "Acme\u00a0Inc", "Acme Inc"},
		{"other unicode spaces", "a\u2002b\u2009c\u202fd\u205fe", "a b c d e"},
		{"only spaces", " \u3000\t ", ""},
		{"fold full-width letters and digits", "ＡＢＣ１２３ａｂｃ", "ABC123abc"},
		{"keep full-width punctuation", "腾讯（深圳）有限公司，“好”：", "腾讯（深圳）有限公司，“好”："},
		{"keep full-width at sign in prose", "ａ＠ｂ", "a＠b"},
		{"strip zero width", "Ac\u200bme\u200c\u200d\ufeff\u2060", "Acme"},
		{"zero width between spaces", "a \u200b b", "a b"},
		{"leading zero width then space", "\ufeff Acme", "Acme"},
		{"invalid utf8 replaced", "a\xffb", "a\uFFFDb"},
		{"single space kept", "a b", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStructured(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean", "a@b.com", "a@b.com"},
		{"full-width punctuation folded", "ａ＠ｂ．ｃｏｍ", "a@b.com"},
		{"full-width parens and colon", "（０１０）１２３４５６７８：", "(010)12345678:"},
		{"full-width tilde edge of block", "！～", "!~"},
		{"ideographic full stop kept", "2025。3", "2025。3"},
		{"enumeration comma kept", "a、b", "a、b"},
		{"fullwidth yen sign outside block kept", "￥100", "￥100"},
		{"whitespace still collapsed", " １３８ １２３４\u3000５６７８ ", "138 1234 5678"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Structured(tt.in); got != tt.want {
				t.Errorf("Structured(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextCleanInputDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"Acme Inc", "深圳市腾讯计算机系统有限公司 (深圳)", "a@b.com"} {
		if n := testing.AllocsPerRun(100, func() { _ = Text(s); _ = Structured(s) }); n != 0 {
			t.Errorf("Text/Structured(%q) allocated %v times, want 0", s, n)
		}
	}
}

// The hand-written rune checks must agree with the unicode package on every
// rune, including the CJK shortcut in needsCleaning.
func TestRuneClassesMatchUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(%U) = %v, unicode.IsSpace says %v", r, isSpace(r), unicode.IsSpace(r))
		}
		if r < utf8.RuneSelf {
			continue
		}
		for _, fold := range []widthFold{foldAlnum, foldASCII} {
			want := isZeroWidth(r) || unicode.IsSpace(r) || foldWidth(r, fold) != r
			if needsCleaning(r, fold) != want {
				t.Fatalf("needsCleaning(%U, %d) = %v, want %v", r, fold, !want, want)
			}
		}
	}
}

func TestPersonName(t *testing.T) {
	for in, want := range map[string]string{
		"张　三":         "张三",
		"张 三":         "张三",
		" 欧阳 娜娜 ":     "欧阳娜娜",
		"John  Smith": "John Smith",
		"张三 (David)":  "张三 (David)",
		"李四":          "李四",
	} {
		if got := PersonName(in); got != want {
			t.Errorf("PersonName(%q) = %q, want %q", in, got, want)
		}
	}
}
