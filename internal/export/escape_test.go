package export

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

func TestEscapeCSV(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"张三", "张三"},
		{hyperlink, "'" + hyperlink},
		{"+8613812345678", "+8613812345678"},        // a phone computes nothing
		{"+1 (415) 555-0100", "'+1 (415) 555-0100"}, // Excel reads the space as an operator
		{"+1+1", "'+1+1"},
		{"-1-1", "'-1-1"},
		{"-1200.50", "-1200.50"},
		{"-5", "-5"},
		{"+A1", "'+A1"},
		{"-SUM(A1:A9)", "'-SUM(A1:A9)"},
		{"+", "'+"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=b", "a=b"},
		{" =x", " =x"},                       // Excel trims nothing: a leading space is text
		{"+86173****0174", "+86173****0174"}, // a masked phone: ** is no operator
		{"+2*3", "'+2*3"},
		{"+**1", "'+**1"},
		{"+86173****01a4", "'+86173****01a4"},
	}
	for _, tt := range tests {
		if got := escapeCSV(tt.in); got != tt.want {
			t.Errorf("escapeCSV(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeCSVCleanValueDoesNotAllocate(t *testing.T) {
	s := "深圳市腾云科技有限公司"
	if n := testing.AllocsPerRun(100, func() { _ = escapeCSV(s) }); n != 0 {
		t.Errorf("escapeCSV of a clean value allocates %v times", n)
	}
}

// appendEscapedByRune is appendEscaped decoding every rune, as it did
// before its shortcut for three-byte runes.
func appendEscapedByRune(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == '"':
			b = append(b, "&#34;"...)
		case r == '\'':
			b = append(b, "&#39;"...)
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\t':
			b = append(b, "&#x9;"...)
		case r == '\r':
			b = append(b, "&#xD;"...)
		case r == '\n' || r >= 0x20 && r < utf8.RuneSelf:
			b = append(b, byte(r))
		case r < 0x20 || r == utf8.RuneError || !inXMLRange(r):
			b = append(b, "\uFFFD"...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// appendEscaped (with its shortcut for three-byte runes) escapes as
// decoding rune by rune does: every three-byte lead with every kind of
// continuation (valid, ASCII, another lead, cut short), surrogates,
// U+FFFE/U+FFFF, and random bytes.
func TestAppendEscapedIsByRune(t *testing.T) {
	conts := []byte{0x80, 0x9F, 0xA0, 0xBF, 0xC0, 'a', 0xE4}
	var cases []string
	for lead := 0xC0; lead <= 0xFF; lead++ {
		for _, c1 := range conts {
			for _, c2 := range conts {
				for _, tail := range []string{"", "x", "中"} {
					cases = append(cases, string([]byte{byte(lead), c1, c2})+tail, string([]byte{byte(lead), c1}), "a"+string([]byte{byte(lead)}))
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		cases = append(cases, string(b))
	}
	cases = append(cases, "深圳市腾云科技有限公司 <&\"'>\t\r\n", "\uFFFE\uFFFF\uE000\uD7FF\U0001F600")
	for _, s := range cases {
		if got, want := string(appendEscaped(nil, s)), string(appendEscapedByRune(nil, s)); got != want {
			t.Fatalf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}
