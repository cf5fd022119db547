package sample

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// collect generates every record of cfg.
func collect(t testing.TB, cfg Config) (*Generator, []Record) {
	t.Helper()
	g, err := New(cfg)
	if err != nil {
		t.Fatalf("New(%+v): %v", cfg, err)
	}
	var out []Record
	for {
		rec, ok := g.NextRecord()
		if !ok {
			break
		}
		out = append(out, rec)
	}
	return g, out
}

// columns maps canonical field name → column positions (fxiaoke and
// salesforce have two phone columns).
func columns(g *Generator) map[string][]int {
	m := map[string][]int{}
	for i, h := range g.Header() {
		if f, ok := HeaderFields[h]; ok {
			m[f] = append(m[f], i)
		}
	}
	return m
}

// fold is a test-side stand-in for the importer's normalization:
// full-width to half-width, trimmed, lowercase.
func fold(s string) string {
	return strings.ToLower(strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)))
}

// e164 parses a phone cell like crmkit would (default region CN); ok is
// false for junk.
func e164(cell string) (string, bool) {
	s := fold(cell)
	if s == "" {
		return "", false
	}
	n, err := phonenumbers.Parse(s, "CN")
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return "", false
	}
	return phonenumbers.Format(n, phonenumbers.E164), true
}

func normEmail(cell string) string {
	s := fold(cell)
	if !strings.Contains(s, "@") || strings.ContainsAny(s, " #") {
		return ""
	}
	return s
}

var legalForms = func() []string {
	forms := []string{"(集团)有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "公司",
		"co.,ltd.", "corporation", "limited", "corp.", "inc.", "ltd.", "llc", "inc", "ltd"}
	slices.SortFunc(forms, func(a, b string) int { return len(b) - len(a) })
	return forms
}()

// companyCore strips what a company comparator ignores: width, case,
// spacing, punctuation, legal form, and the region (prefix or in
// parentheses). It returns the core and the region it found.
func companyCore(cell string) (core, region string) {
	s := strings.ReplaceAll(fold(cell), " ", "")
	for _, l := range legalForms {
		if strings.HasSuffix(s, l) {
			s = strings.TrimSuffix(s, l)
			break
		}
	}
	s = strings.TrimSuffix(s, ",")
	if i := strings.Index(s, "("); i >= 0 {
		if j := strings.Index(s[i:], ")"); j >= 0 {
			region = s[i+1 : i+j]
			s = s[:i] + s[i+j+1:]
		}
	}
	for _, c := range citiesZH {
		for _, p := range []string{c.city, c.cityShort} {
			if strings.HasPrefix(s, p) {
				return strings.TrimPrefix(s, p), c.cityShort
			}
		}
	}
	return s, region
}

func normName(cell string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, fold(cell))
}

func normCity(cell string) string {
	return strings.TrimSuffix(fold(cell), "市")
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
