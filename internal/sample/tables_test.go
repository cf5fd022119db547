package sample

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The uniqueness guarantees of the generator rest on properties of its
// word tables; these tests pin them down so editing a table cannot quietly
// create two companies with the same name or e-mail domain.

func TestBrandCharsHaveDistinctPinyinAndForeignTypos(t *testing.T) {
	chars, pys := map[string]bool{}, map[string]bool{}
	for _, h := range brandChars {
		if chars[h.ch] || pys[h.py] {
			t.Errorf("brand char %s (%s) repeats a character or pinyin", h.ch, h.py)
		}
		chars[h.ch], pys[h.py] = true, true
	}
	for _, h := range brandChars {
		if chars[h.typo] || h.typo == "" {
			t.Errorf("typo %q of %s is a brand character itself: a typo could name another company", h.typo, h.ch)
		}
	}
}

func TestTradeTablesAreDisjointAndParallel(t *testing.T) {
	for _, tt := range []struct {
		name     string
		trades   []trade
		sisters  []trade
		subsids  []string
		joinWith string
	}{
		{"zh", tradesZH, sistersZH, []string{"销售", "服务", "进出口"}, ""},
		{"en", tradesEN, sistersEN, []string{"Sales", "Services", "Asia"}, " "},
	} {
		if len(tt.trades) != len(tt.sisters) {
			t.Errorf("%s: %d trades but %d sister words; they must be parallel", tt.name, len(tt.trades), len(tt.sisters))
		}
		words, codes := map[string]bool{}, map[string]bool{}
		for _, tr := range slices.Concat(tt.trades, tt.sisters) {
			if words[tr.word] || codes[tr.code] {
				t.Errorf("%s: word %q or code %q repeats", tt.name, tr.word, tr.code)
			}
			words[tr.word], codes[tr.code] = true, true
			if tr.category < 0 || tr.category >= len(industries) {
				t.Errorf("%s: %q has category %d", tt.name, tr.word, tr.category)
			}
		}
		// A subsidiary name (trade + word) must not be another company's trade.
		for _, tr := range tt.trades {
			for _, s := range tt.subsids {
				if words[tr.word+tt.joinWith+s] {
					t.Errorf("%s: subsidiary %q equals a trade or sister word", tt.name, tr.word+s)
				}
			}
		}
	}
}

func TestSubsidiaryTablesMatchTest(t *testing.T) {
	var zh, en []string
	for _, s := range subsidiariesZH {
		zh = append(zh, s.word)
	}
	for _, s := range subsidiariesEN {
		en = append(en, s.word)
	}
	if !slices.Equal(zh, []string{"销售", "服务", "进出口"}) || !slices.Equal(en, []string{"Sales", "Services", "Asia"}) {
		t.Errorf("subsidiary words changed (%v, %v): update TestTradeTablesAreDisjointAndParallel", zh, en)
	}
}

// TestDomainsAreUnique walks every identity of the first Chinese tier and
// of the English namespace: brand slug + trade code must never repeat, or
// two companies could share an e-mail domain.
func TestDomainsAreUnique(t *testing.T) {
	if testing.Short() {
		t.Skip("walks about two million names")
	}
	r := newRNG(1)
	for _, tt := range []struct {
		name   string
		ns     *namespace
		trades []trade
	}{
		{"zh", newNamespaceZH(r), slices.Concat(tradesZH, sistersZH)},
		{"en", newNamespaceEN(r), slices.Concat(tradesEN, sistersEN)},
	} {
		names := map[string]bool{}
		domains := map[string]string{}
		for _, s := range tt.ns.tiers[0].shapes {
			for i := range s.size {
				b := s.make(i)
				if names[b.text] {
					t.Fatalf("%s: brand %q generated twice", tt.name, b.text)
				}
				names[b.text] = true
				for _, tr := range tt.trades {
					d := b.slug + tr.code
					if prev, ok := domains[d]; ok {
						t.Fatalf("%s: domain %s for both %s and %s", tt.name, d, prev, b.text+tr.word)
					}
					domains[d] = b.text + tr.word
				}
			}
		}
		if len(names) < 10000 {
			t.Errorf("%s: only %d brands", tt.name, len(names))
		}
	}
}

func TestNamespaceNeverRepeatsWithinCapacity(t *testing.T) {
	r := newRNG(2)
	ns := newNamespaceEN(r)
	seen := map[string]bool{}
	for range 50000 {
		b, tr := ns.take()
		key := b.text + "|" + tradesEN[tr].word
		if seen[key] {
			t.Fatalf("identity %s handed out twice", key)
		}
		seen[key] = true
	}
}

func TestCityTables(t *testing.T) {
	slugs := map[string]bool{}
	for _, c := range citiesZH {
		if !strings.HasPrefix(c.province, c.short) || !strings.HasPrefix(c.city, c.cityShort) {
			t.Errorf("%s/%s: short forms %s/%s are not prefixes", c.province, c.city, c.short, c.cityShort)
		}
		if len(c.post) != 4 || len(c.districts) == 0 || c.area[0] != '0' || (c.local != 7 && c.local != 8) {
			t.Errorf("%s: bad postcode %q, districts, area %q or local length %d", c.city, c.post, c.area, c.local)
		}
		if c.region < 0 || c.region >= len(regionsZH) {
			t.Errorf("%s: region %d", c.city, c.region)
		}
		if slugs[c.slug] {
			t.Errorf("city slug %s repeats", c.slug)
		}
		slugs[c.slug] = true
	}
	for _, c := range citiesIntl {
		if slugs[c.slug] {
			t.Errorf("city slug %s repeats", c.slug)
		}
		slugs[c.slug] = true
		if (c.cc == "1") != (c.leads == nil) {
			t.Errorf("%s: NANP numbers use exchanges, others need leads", c.city)
		}
	}
	for _, s := range subsidiariesZH {
		if slugs[s.code] {
			t.Errorf("subsidiary code %s equals a city slug: domains could collide", s.code)
		}
	}
}

func TestNameTables(t *testing.T) {
	for i, g := range givenChars {
		want := 1
		if i >= singleGivenChars {
			want = 2
		}
		if n := utf8.RuneCountInString(g.ch); n != want {
			t.Errorf("givenChars[%d] = %s has %d characters, want %d (singleGivenChars = %d)", i, g.ch, n, want, singleGivenChars)
		}
	}
	for _, cn := range commonNames {
		if cn.sur >= len(surnames) || cn.given >= len(givenChars) {
			t.Fatalf("common name index %v out of range", cn)
		}
	}
	got := map[string]bool{}
	for _, cn := range commonNames {
		got[surnames[cn.sur].ch+givenChars[cn.given].ch] = true
	}
	for _, want := range []string{"张伟", "王伟", "王芳", "李娜", "王秀英", "刘洋"} {
		if !got[want] {
			t.Errorf("commonNames lacks %s", want)
		}
	}
	for _, cn := range commonEnglishNames {
		if cn.first >= len(firstNames) || cn.last >= len(lastNames) {
			t.Fatalf("common English name index %v out of range", cn)
		}
	}
}
