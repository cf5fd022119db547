package dedupe

import (
	"strings"
	"testing"
)

// keyWords are the pieces the random names and addresses below are made
// of: cases, accents, Chinese, apostrophes, digits, every kind of space.
var keyWords = []string{
	"John", "SMITH", "smith", "o'Brien", "Müller", "José", "李", "刘伟", "A", "b",
	"12", "1106-1108", "W", "63rd", "St", "Ave", " ", "  ", "\t", "\n", "\u00a0",
	"\u3000", "Zoë", "van", "DER", "x", "Élodie", "Ødegaard", "-", "'",
	// Letters whose lowercase is another length (İ, Kelvin sign, Ⱥ, ẞ),
	// full width, combining marks, emoji, other scripts, invalid UTF-8,
	// a long word (past the stack buffer) and Unicode spaces.
	"İSTANBUL", "\u212aELVIN", "ȺLICE", "STRAẞE", "ß", "ﬁ", "Ｊｏｈｎ", "ＳＭＩＴＨ", "E\u0301LODIE", "\u0301",
	"😀", "👨\u200d👩\u200d👧", "ΣΩΚΡΑΤΗΣ", "ИВАНОВ", "やまだ", "ﾔﾏﾀﾞ", "김민준", "\xff", "\xe5\x8c", "\xed\xa0\x80",
	"\u0085", "\u2028", "Wolfeschlegelsteinhausenbergerdorff", "ＮＡ", "N.A.", "n/A",
}

func randomText(rng *splitmix64, maxWords int) string {
	var b strings.Builder
	for range int(rng.next() % uint64(maxWords+1)) {
		b.WriteString(keyWords[rng.next()%uint64(len(keyWords))])
		if rng.next()%3 > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// nameKey and nameSoundexKey hash what the keys were built from before
// (sorted lowercase words + "|" + city; sorted Soundex codes), and
// streetWord reads the word strings.Fields gave: the same keys, on
// random names of every length and script.
func TestBlockKeysWithoutBuilding(t *testing.T) {
	var k keyHasher
	rng := splitmix64(3)
	for range 50_000 {
		name, city := randomText(&rng, 14), randomText(&rng, 2)
		want := k.key(blockName, sortedWords(strings.ToLower(name))+"|"+city)
		if got := nameKey(&k, name, city); got != want {
			t.Fatalf("nameKey(%q, %q) = %x, want %x", name, city, got, want)
		}
		s := nameSoundex(name)
		got, ok := nameSoundexKey(&k, name)
		if ok != (s != "") || ok && got != k.key(blockNameSnd, s) {
			t.Fatalf("nameSoundexKey(%q) = %x, %v; nameSoundex %q", name, got, ok, s)
		}
		house := keyWords[rng.next()%uint64(len(keyWords))]
		if got, want := streetWord(name, house), streetWordFields(name, house); got != want {
			t.Fatalf("streetWord(%q, %q) = %q, want %q", name, house, got, want)
		}
	}
}

// streetWordFields is streetWord as it was written: by strings.Fields.
func streetWordFields(addr, house string) string {
	i := strings.Index(addr, house)
	if i < 0 {
		return ""
	}
	for _, w := range strings.Fields(addr[i+len(house):]) {
		if w != "" && !isDigits(w) && len(w) > 1 {
			return w
		}
	}
	return ""
}

// IsPlaceholder answers as lowering the trimmed value and looking it up
// did: every placeholder in other cases and spacing, and random values
// of every script.
func TestIsPlaceholderAsLowered(t *testing.T) {
	ref := func(v string) bool { return len(v) <= 12 && placeholders[strings.ToLower(strings.TrimSpace(v))] }
	var values []string
	for p := range placeholders {
		values = append(values, p, strings.ToUpper(p), " "+p+"\t", strings.ToUpper(p[:1])+p[1:], p+"x", "\u00a0"+p)
	}
	values = append(values, "NİL", "\u212a", "n\u0130l", "un\u212anown", "N\u0130L", "N/A ", "无 ", "Ｎ/Ａ", "")
	rng := splitmix64(5)
	for range 20_000 {
		values = append(values, randomText(&rng, 2))
	}
	for _, v := range values {
		if got, want := IsPlaceholder(v), ref(v); got != want {
			t.Fatalf("IsPlaceholder(%q) = %v, want %v", v, got, want)
		}
	}
}

// freeMail reads the labels strings.Split gave, all but the last: on
// free-mail labels in every position, empty labels and no dot at all.
func TestFreeMailAsSplit(t *testing.T) {
	ref := func(domain string) bool {
		if freeMailDomains[domain] {
			return true
		}
		labels := strings.Split(domain, ".")
		for _, l := range labels[:len(labels)-1] {
			if freeMailLabels[l] {
				return true
			}
		}
		return false
	}
	labels := []string{"gmail", "qq", "163", "me", "acme", "com", "cn", "co", "uk", "", "xn--fiqs8s", "例子", "GMAIL", "mail"}
	var domains []string
	for d := range freeMailDomains {
		domains = append(domains, d, "x."+d, d+".x")
	}
	for _, a := range labels {
		domains = append(domains, a)
		for _, b := range labels {
			domains = append(domains, a+"."+b)
			for _, c := range labels {
				domains = append(domains, a+"."+b+"."+c)
			}
		}
	}
	for _, d := range domains {
		if got, want := freeMail(d), ref(d); got != want {
			t.Errorf("freeMail(%q) = %v, want %v", d, got, want)
		}
	}
}
