package normalize

import (
	"math/big"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// Properties every normalizer keeps, whatever the input: it does not panic,
// N(N(x)) == N(x) with the same verdict, an accepted value is well-formed,
// and a refused value comes back as Text(x).

func FuzzText(f *testing.F) {
	for _, s := range []string{"", " a  b ", "ＡＢＣ１２３，：“”", "a\u200b \u3000b", "\xef\xbc" + "\u200b" + "\x91", "\t\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fold := range []widthFold{foldAlnum, foldASCII} {
			out := cleanText(s, fold)
			if again := cleanText(out, fold); again != out {
				t.Fatalf("fold %d: %q → %q → %q", fold, s, out, again)
			}
			if !utf8.ValidString(out) || out != strings.TrimSpace(out) || strings.Contains(out, "  ") {
				t.Fatalf("fold %d: %q → %q is not clean", fold, s, out)
			}
			for _, r := range out {
				if (unicode.IsSpace(r) && r != ' ') || isZeroWidth(r) || foldWidth(r, fold) != r {
					t.Fatalf("fold %d: %q → %q keeps %U", fold, s, out, r)
				}
			}
		}
		// Refused values are returned as Text(s) and normalized again on the
		// next run from there: that must read them as Structured(s) did.
		if Structured(Text(s)) != Structured(s) {
			t.Fatalf("Structured(Text(%q)) = %q, Structured = %q", s, Structured(Text(s)), Structured(s))
		}
	})
}

var phoneOutput = regexp.MustCompile(`^\+\d+( ext\. \d+)?$`)

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"13812345678", "+86 138 1234 5678", "010-12345678-8001", "010-12345678转8001",
		"(415) 555-2671", "13812345678/13912345678", "138 1234\n5678", "0086 13812345678", "无", "+1 415 555 2671 x12",
		"(0755)8888 8888", "86-10-12345678", "+1 (786) 836-9331"} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(2))
	}
	regions := []string{"", "CN", "US", "GB", "HK", "xx"}
	f.Fuzz(func(t *testing.T, s string, r uint8) {
		region := regions[int(r)%len(regions)]
		out, ok := Phone(s, region)
		again, ok2 := Phone(out, region)
		if again != out || ok2 != ok {
			t.Fatalf("Phone(%q, %q) = %q, %v; again %q, %v", s, region, out, ok, again, ok2)
		}
		if !ok && out != Text(s) {
			t.Fatalf("Phone(%q, %q) refused but returned %q, not Text", s, region, out)
		}
		if ok && out != "" {
			for _, n := range strings.Split(out, ";") {
				if !phoneOutput.MatchString(n) {
					t.Fatalf("Phone(%q, %q) = %q: %q is not E.164", s, region, out, n)
				}
			}
		}
		if fast, ok := fastPhone(s, phoneRegion(region)); ok {
			if lib, libOK := slowPhoneNumber(Structured(s), phoneRegion(region)); !libOK || lib != fast {
				t.Fatalf("fastPhone(%q, %q) = %q, library %q, %v", s, region, fast, lib, libOK)
			}
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"2025-03-04", "2025/3/4 14:30:05", "2025年3月4日 下午2点30分", "Tue, Mar 4, 2025 2:30 PM",
		"03/04/2025", "13-04-2025", "20250304", "45720.5", "60", "2025-03-04T14:30:00.123+08:00", "2958465"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, o uint8) {
		order := DateOrder(int(o) % 3)
		out, ok := Date(s, order)
		again, ok2 := Date(out, order)
		if again != out {
			t.Fatalf("Date(%q) = %q; again %q", s, out, again)
		}
		if ok != ok2 && !(ok && isLateSerial(s)) {
			t.Fatalf("Date(%q) = %q, %v; again %v", s, out, ok, ok2)
		}
		if !ok && out != Text(s) {
			t.Fatalf("Date(%q) refused but returned %q, not Text", s, out)
		}
		if ok && out != "" {
			layout := "2006-01-02"
			if len(out) > len(layout) {
				layout = "2006-01-02 15:04:05"
			}
			if _, err := time.Parse(layout, out); err != nil {
				t.Fatalf("Date(%q) = %q, which time.Parse refuses: %v", s, out, err)
			}
		}
	})
}

// isLateSerial reports an Excel serial past 2200: Date accepts it as a
// serial, then refuses the ISO date it became as a typo on the next run.
func isLateSerial(s string) bool {
	v, ok := serialText(Structured(s))
	return ok && v >= float64(daysFromCivil(maxWrittenYear+1, 1, 1)-excel1900Epoch)
}

func FuzzAmount(f *testing.F) {
	for _, s := range []string{"¥12,345.00", "1.2万元", "(1,234.00)", "1.23E+5", "12 345", "-¥50", "面议", "1.234,56",
		"12次", "3.0", "12345678901234567.89", ".5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range []struct {
			name      string
			normalize func(string) (string, bool)
		}{{"Amount", Amount}, {"Count", Count}} {
			out, ok := n.normalize(s)
			again, ok2 := n.normalize(out)
			if again != out || ok2 != ok {
				t.Fatalf("%s(%q) = %q, %v; again %q, %v", n.name, s, out, ok, again, ok2)
			}
			if !ok {
				if out != Text(s) {
					t.Fatalf("%s(%q) refused but returned %q, not Text", n.name, s, out)
				}
				continue
			}
			if out == "" {
				continue
			}
			var r big.Rat
			if _, parsed := r.SetString(out); !parsed || strings.ContainsAny(out, "eE+") || out == "-0" {
				t.Fatalf("%s(%q) = %q is not a plain decimal", n.name, s, out)
			}
			if n.name == "Count" && (!r.IsInt() || r.Sign() < 0 || strings.Contains(out, ".")) {
				t.Fatalf("Count(%q) = %q is not a whole non-negative number", s, out)
			}
		}
	})
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{"Zhang.San@Example.COM", "<mailto:a@b.cn>", "a@b.cn；c@d.com", "用户@例子.中国", "ｚ＠ｅ．ｃｏｍ", "a@b@c", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, ok := Email(s)
		again, ok2 := Email(out)
		if again != out || ok2 != ok {
			t.Fatalf("Email(%q) = %q, %v; again %q, %v", s, out, ok, again, ok2)
		}
		if !ok {
			if out != Text(s) {
				t.Fatalf("Email(%q) refused but returned %q, not Text", s, out)
			}
			return
		}
		if out == "" {
			return
		}
		for _, a := range strings.Split(out, ";") {
			if strings.Count(a, "@") != 1 || strings.ContainsAny(a, " ,/<>") || strings.ToLower(a) != a {
				t.Fatalf("Email(%q) = %q: %q is not a clean address", s, out, a)
			}
		}
	})
}
