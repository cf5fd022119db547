package similar

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// NameLevel grades how well two person names agree.
type NameLevel int8

const (
	NameMissing   NameLevel = iota // either side empty after cleaning: no evidence
	NameDifferent                  // different people
	// NamePartial is compatible but weak: surname only (马老板 vs 马艳), or an
	// initial vs a full given name (J. Smith vs John Smith).
	NamePartial
	// NameSimilar is one small typo, a homophone-like one-character
	// difference in a Chinese given name (陈桦 vs 陈华), or first/last
	// swapped with a typo.
	NameSimilar
	// NameSame is equal after cleaning, including order changes: "Smith,
	// John" = "John Smith", 张伟 = 张 伟.
	NameSame
)

var nameLevelNames = [...]string{"missing", "different", "partial", "similar", "same"}

func (l NameLevel) String() string {
	if l >= 0 && int(l) < len(nameLevelNames) {
		return nameLevelNames[l]
	}
	return "NameLevel(" + strconv.Itoa(int(l)) + ")"
}

// PersonName compares two contact-person names, Chinese or English, after
// stripping titles and honorifics (王总, 马老板, 张先生; Mr, Dr, Jr, III).
//
// A name with any Han character is read as Chinese: its Han characters are
// the name, the first one (or a compound surname such as 欧阳) the surname.
// A Chinese name against a Latin one is NameMissing: without pinyin there is
// no evidence either way. Two Chinese names with different surnames are
// NameDifferent; a surname alone (马老板, 王) is NamePartial against the same
// surname, even against itself, since a bare surname identifies nobody.
// Given names differing in one character are NameSimilar only when the two
// characters are a known homophone pair (桦/华, 健/建): pinyin input makes
// those the usual typos, while 王小明/王小红 are as likely siblings.
//
// English names are compared as token multisets, case, punctuation and order
// insensitive. An initial against a full name, or a one-token name, is
// NamePartial; one typo (Jaro-Winkler ≥ 0.92) beside an exactly matching
// token, or a missing middle name, is NameSimilar; a token on each side
// with no counterpart (John Smith vs Jane Smith) is NameDifferent.
func PersonName(a, b string) NameLevel {
	return PersonNameParsed(a, "", b, "")
}

// comparePersonNames is PersonName on two cleaned names, in canonical
// order.
func comparePersonNames(pa, pb *personName) NameLevel {
	switch {
	case pa.empty() || pb.empty():
		return NameMissing
	case pa.han != pb.han:
		return NameMissing
	case pa.han:
		return compareChineseNames(pa, pb)
	default:
		return compareEnglishNames(pa, pb)
	}
}

// maxNameTokens bounds the tokens of an English name that are compared;
// real names have at most five or six.
const maxNameTokens = 8

type span struct{ start, end int }

// personName is a cleaned name held in runes on the stack. Chinese names
// are one run of Han characters; English names are lowercase tokens.
type personName struct {
	buf  [stackRunes]rune
	long []rune // used instead of buf for names longer than stackRunes
	n    int
	han  bool

	toks [maxNameTokens]span // English tokens
	ntok int

	surname int // Chinese: runes of surname
}

func (p *personName) text() []rune {
	if p.long != nil {
		return p.long
	}
	return p.buf[:p.n]
}

func (p *personName) tok(i int) []rune {
	t := p.toks[i]
	return p.text()[t.start:t.end]
}

func (p *personName) empty() bool {
	if p.han {
		return p.n == 0
	}
	return p.ntok == 0
}

func (p *personName) push(r rune) {
	if p.long == nil && p.n == len(p.buf) {
		p.long = append([]rune(nil), p.buf[:]...)
	}
	if p.long != nil {
		p.long = append(p.long, r)
	}
	if p.n < len(p.buf) {
		p.buf[p.n] = r
	}
	p.n++
}

func (p *personName) parse(s string) {
	for _, r := range s {
		if isHan(r) {
			p.han = true
			break
		}
	}
	if p.han {
		for _, r := range s {
			if isHan(r) {
				p.push(r)
			}
		}
		p.stripChineseTitles()
		return
	}
	p.parseEnglish(s)
}

func (p *personName) parseEnglish(s string) {
	start := -1 // rune index where the current token began
	for i, r := range s {
		r = foldWidth(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = p.n
			}
			p.push(unicode.ToLower(r))
			continue
		}
		if isApostrophe(r) && start >= 0 && i+utf8.RuneLen(r) < len(s) {
			// O'Brien: the apostrophe joins, if a letter follows.
			if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); unicode.IsLetter(next) {
				continue
			}
		}
		p.endToken(start)
		start = -1
	}
	p.endToken(start)
}

func (p *personName) endToken(start int) {
	if start < 0 || p.ntok == maxNameTokens {
		return
	}
	p.toks[p.ntok] = span{start, p.n}
	if isEnglishTitle(p.tok(p.ntok)) {
		return // dropped: its runes stay in buf but no token points at them
	}
	p.ntok++
}

// englishTitles are honorifics and generational suffixes, never part of
// the name compared.
var englishTitles = [...]string{
	"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "dame",
	"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq",
}

func isEnglishTitle(t []rune) bool {
	for _, title := range englishTitles {
		if runesEqualString(t, title) {
			return true
		}
	}
	return false
}

// runesEqualString compares runes with an ASCII string.
func runesEqualString(rs []rune, s string) bool {
	if len(rs) != len(s) {
		return false
	}
	for i, r := range rs {
		if r != rune(s[i]) {
			return false
		}
	}
	return true
}

func runesEqual(a, b []rune) bool { return compareRunes(a, b) == 0 }
