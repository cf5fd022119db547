package normalize

import (
	"strings"
	"testing"
)

// Properties of the readers import added for real exports: they never
// panic and are idempotent, so importing crmkit's own output changes
// nothing.

func FuzzNote(f *testing.F) {
	for _, s := range []string{"", "a\nb", "\r\n x \r\n\r\n\r\ny\r\n", "\u2028a\u0085b", "a  b\n\n\nc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Note(s)
		if Note(out) != out {
			t.Fatalf("Note(%q) = %q, again %q", s, out, Note(out))
		}
		for line := range strings.SplitSeq(out, "\n") {
			if line != Text(line) {
				t.Fatalf("Note(%q) has an unclean line %q", s, line)
			}
		}
	})
}

func FuzzPhoneNoted(f *testing.F) {
	for _, s := range []string{"18117084408(微信同号)", "13812345678 同微信", "(415) 555-0100 (office)", "/;13812345678", "(微信)", "1(2)"} {
		f.Add(s, "CN")
	}
	f.Fuzz(func(t *testing.T, s, region string) {
		if !ValidRegion(region) {
			region = "CN"
		}
		e164, note, ok := PhoneNoted(s, region)
		if !ok {
			if e164 != Text(s) || note != "" {
				t.Fatalf("PhoneNoted(%q) refused but returned %q, %q", s, e164, note)
			}
			return
		}
		// The numbers read again as they are, with no remark.
		again, note2, ok2 := PhoneNoted(e164, region)
		if !ok2 || again != e164 || note2 != "" {
			t.Fatalf("PhoneNoted(%q) = %q; again %q, %q, %v", s, e164, again, note2, ok2)
		}
	})
}

func FuzzAmountIn(f *testing.F) {
	for _, s := range []string{"USD 1000", "1.234,56", "0,99", "€ 1.234,56", "$100元", "12.5"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		v, cur, ok := AmountIn(s, comma)
		if !ok {
			if v != Text(s) || cur != "" {
				t.Fatalf("AmountIn(%q) refused but returned %q, %q", s, v, cur)
			}
			return
		}
		if v == "" {
			return
		}
		// An accepted amount is canonical and reads back as itself, with
		// no currency; with a decimal comma too, unless it looks like dot
		// thousands (1.234 is 1234 in a German file, by design).
		for _, c := range []bool{false, true} {
			if c && dotThousands(v) {
				continue
			}
			if again, cur2, ok2 := AmountIn(v, c); !ok2 || again != v || cur2 != "" {
				t.Fatalf("AmountIn(%q) = %q; AmountIn(%q, %v) = %q, %q, %v", s, v, v, c, again, cur2, ok2)
			}
		}
	})
}

func FuzzCountryRegion(f *testing.F) {
	for _, s := range []string{"United Kingdom", "英国", "USA", "", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r, ok := CountryRegion(s); ok && !ValidRegion(r) {
			t.Fatalf("CountryRegion(%q) = %q, not a phone region", s, r)
		}
	})
}
