package similar

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var seedNamePairs = [][2]string{
	{"张伟", "张 伟"}, {"陈桦", "陈华"}, {"马老板", "马艳"}, {"欧阳娜娜", "欧阳"},
	{"Smith, John", "J. Smith"}, {"Dr. Jon Smith Jr.", "John A Smith"}, {"先生", ""},
	{"老王", "王工"}, {"O'Brien", "张伟 David"}, {"Mary Ann Lee", "Maryann Lee"},
}

func FuzzPersonName(f *testing.F) {
	for _, p := range seedNamePairs {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := PersonName(a, b), PersonName(b, a)
		if ab != ba {
			t.Fatalf("PersonName(%q, %q) = %v but reversed = %v", a, b, ab, ba)
		}
		if got := PersonNameParsed(a, ParsePersonName(a), b, ParsePersonName(b)); got != ab {
			t.Fatalf("PersonName(%q, %q) = %v, but on names cleaned once %v", a, b, ab, got)
		}
		if ab < NameMissing || ab > NameSame {
			t.Fatalf("PersonName(%q, %q) = %d, out of range", a, b, ab)
		}
		if (a == "" || b == "") && ab != NameMissing {
			t.Fatalf("PersonName(%q, %q) = %v with an empty side", a, b, ab)
		}
		switch self := PersonName(a, a); self {
		case NameMissing, NamePartial, NameSame:
		default:
			t.Fatalf("PersonName(%q, itself) = %v", a, self)
		}
	})
}

var seedAddressPairs = [][2]string{
	{"1106-1108 W 63rd St", "1108 W. 63rd Street"}, {"8358 sunset blvd.", "8358 sunset blv. west"},
	{"广东省深圳市宝安区友谊路116号", "宝安区友谊路116号3栋201室"}, {"Apt #4, 12 Wallaby Pl", "unit 3/12 wallaby place"},
	{"No. 5 Main St", "上海市黄浦区南京东路1234弄5号"}, {"广西壮族自治区南宁市青秀区民族大道1号", "中国广东深圳市"},
	{"西乡街道友谊路116-118号", "１２ Ｍａｉｎ Ｓｔ ＃２"},
}

func FuzzAddress(f *testing.F) {
	for _, p := range seedAddressPairs {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, ba := Address(a, b), Address(b, a)
		if ab != ba {
			t.Fatalf("Address(%q, %q) = %v but reversed = %v (keys %q, %q)", a, b, ab, ba, AddressKey(a), AddressKey(b))
		}
		if ab < AddressMissing || ab > AddressSame {
			t.Fatalf("Address(%q, %q) = %d, out of range", a, b, ab)
		}
		k := AddressKey(a)
		if !utf8.ValidString(k) {
			t.Fatalf("AddressKey(%q) = %q, invalid UTF-8", a, k)
		}
		if again := AddressKey(k); again != k {
			t.Fatalf("AddressKey(%q) = %q, but AddressKey of that = %q", a, k, again)
		}
		if self := Address(a, a); (k == "") != (self == AddressMissing) || k != "" && self != AddressSame {
			t.Fatalf("Address(%q, itself) = %v (key %q)", a, self, k)
		}
		if n := HouseNumber(k); !strings.Contains(k, n) {
			t.Fatalf("HouseNumber(%q) = %q, not part of the key", k, n)
		}
		kb := AddressKey(b)
		if got := CompareParsedAddressKeys(k, ParseAddressKey(k), kb, ParseAddressKey(kb)); got != ab {
			t.Fatalf("keys %q, %q parsed once compare %v, parsed per comparison %v", k, kb, got, ab)
		}
	})
}

func FuzzTokenSimilarity(f *testing.F) {
	for _, p := range [][2]string{
		{"华为技术", "华为终端"}, {"乐辰服饰", "乐晨服饰"}, {"acme robotics inc", "Acme Robotcs"},
		{"Art's Supplies", "arts supply"}, {"华强ABC电子", ""}, {"martha", "marhta"},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ta, tb := Tokens(a), Tokens(b)
		for _, tok := range ta {
			if tok == "" || strings.ToLower(tok) != tok {
				t.Fatalf("Tokens(%q) has token %q", a, tok)
			}
		}
		s, r := TokenSimilarity(ta, tb), TokenSimilarity(tb, ta)
		if s != r {
			t.Fatalf("TokenSimilarity(%q, %q) = %v but reversed = %v", ta, tb, s, r)
		}
		if s < 0 || s > 1 {
			t.Fatalf("TokenSimilarity(%q, %q) = %v, out of [0,1]", ta, tb, s)
		}
		if self := TokenSimilarity(ta, ta); self != 1 {
			t.Fatalf("TokenSimilarity(%q, itself) = %v", ta, self)
		}
		// The per-token metrics underneath share the same contract.
		for name, f := range map[string]func(a, b string) float64{
			"JaroWinkler": JaroWinkler, "EditRatio": EditRatio, "BigramDice": BigramDice,
		} {
			x, y := f(a, b), f(b, a)
			if x != y || x < 0 || x > 1 {
				t.Fatalf("%s(%q, %q) = %v, reversed %v", name, a, b, x, y)
			}
		}
		d := Levenshtein(a, b)
		if d != Levenshtein(b, a) || d > max(utf8.RuneCountInString(a), utf8.RuneCountInString(b)) {
			t.Fatalf("Levenshtein(%q, %q) = %d", a, b, d)
		}
		if utf8.ValidString(a) && utf8.ValidString(b) && (d == 0) != (a == b) {
			t.Fatalf("Levenshtein(%q, %q) = %d", a, b, d)
		}
	})
}
