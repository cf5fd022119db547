package similar

// typoJaroWinkler is the Jaro-Winkler score from which two full name
// tokens count as one typo apart (Jon/John 0.93, Smyth/Smith 0.89+).
const typoJaroWinkler = 0.92

// tokenMatch counts how the tokens of two English names were paired.
type tokenMatch struct {
	exact, typo, initial int
	leftA, leftB         int // tokens with no counterpart
}

func compareEnglishNames(a, b *personName) NameLevel {
	if sameTokenMultiset(a, b) {
		if a.ntok == 1 {
			return NamePartial // a lone name: surname or first name, unknown
		}
		return NameSame
	}
	ja, okA := joinedTokens(a)
	jb, okB := joinedTokens(b)
	if okA && okB && runesEqual(ja, jb) {
		return NameSimilar // Mary Ann vs Maryann
	}
	m := matchTokens(a, b)
	switch {
	case m.leftA > 0 && m.leftB > 0:
		return NameDifferent // John Smith vs Jane Smith
	case m.exact+m.typo+m.initial == 0:
		return NameDifferent
	case m.typo > 1 || m.initial > 0 || min(a.ntok, b.ntok) == 1:
		return NamePartial
	default:
		return NameSimilar // one typo, or a middle name one side lacks
	}
}

// matchTokens pairs tokens greedily: exact matches first, then the closest
// typo pairs, then initials against names starting with them.
func matchTokens(a, b *personName) tokenMatch {
	var usedA, usedB [maxNameTokens]bool
	var m tokenMatch
	for i := range a.ntok {
		for j := range b.ntok {
			if !usedB[j] && runesEqual(a.tok(i), b.tok(j)) {
				usedA[i], usedB[j] = true, true
				m.exact++
				break
			}
		}
	}
	for {
		bi, bj, best := -1, -1, typoJaroWinkler
		for i := range a.ntok {
			if usedA[i] || len(a.tok(i)) < 2 {
				continue
			}
			for j := range b.ntok {
				if usedB[j] || len(b.tok(j)) < 2 {
					continue
				}
				if jaroWinklerBelow(a.tok(i), b.tok(j), best) {
					continue // cannot beat the best pair so far
				}
				if s := jaroWinklerRunes(a.tok(i), b.tok(j)); s >= best {
					bi, bj, best = i, j, s
				}
			}
		}
		if bi < 0 {
			break
		}
		usedA[bi], usedB[bj] = true, true
		m.typo++
	}
	for i := range a.ntok {
		if usedA[i] || len(a.tok(i)) <= 1 {
			continue
		}
		if !maybeNickname(a.tok(i)) {
			continue // in no nickname group: SameGivenName is false for every j
		}
		var ab [4 * stackRunes]byte
		ai := appendRunes(ab[:0], a.tok(i))
		table := nicknames()
		ga := table[string(ai)]
		if len(ga) == 0 {
			continue
		}
		for j := range b.ntok {
			if usedB[j] || len(b.tok(j)) <= 1 || !maybeNickname(b.tok(j)) {
				continue
			}
			// SameGivenName, with a's groups looked up once.
			var bb [4 * stackRunes]byte
			bj := appendRunes(bb[:0], b.tok(j))
			if string(ai) != string(bj) && shareGroup(ga, table[string(bj)]) {
				usedA[i], usedB[j] = true, true
				m.typo++ // Bob and Robert: one name, like a typo
				break
			}
		}
	}
	for i := range a.ntok {
		for j := range b.ntok {
			if !usedA[i] && !usedB[j] && initialOf(a.tok(i), b.tok(j)) {
				usedA[i], usedB[j] = true, true
				m.initial++
			}
		}
	}
	for i := range a.ntok {
		if !usedA[i] {
			m.leftA++
		}
	}
	for j := range b.ntok {
		if !usedB[j] {
			m.leftB++
		}
	}
	return m
}

// initialOf reports whether one token is the initial of the other.
func initialOf(x, y []rune) bool {
	if len(x) > len(y) {
		x, y = y, x
	}
	return len(x) == 1 && len(y) > 1 && x[0] == y[0]
}

func sameTokenMultiset(a, b *personName) bool {
	if a.ntok != b.ntok {
		return false
	}
	var oa, ob [maxNameTokens]int
	sortedTokens(a, &oa)
	sortedTokens(b, &ob)
	for i := range a.ntok {
		if !runesEqual(a.tok(oa[i]), b.tok(ob[i])) {
			return false
		}
	}
	return true
}

// sortedTokens fills order with token indexes sorted by content (insertion
// sort: at most maxNameTokens, and no allocation).
func sortedTokens(p *personName, order *[maxNameTokens]int) {
	for i := range p.ntok {
		order[i] = i
		for k := i; k > 0 && compareRunes(p.tok(order[k]), p.tok(order[k-1])) < 0; k-- {
			order[k], order[k-1] = order[k-1], order[k]
		}
	}
}

// joinedTokens returns the tokens in order without separators, when they
// are contiguous in the buffer (no dropped title between them).
func joinedTokens(p *personName) ([]rune, bool) {
	first, last := p.toks[0], p.toks[p.ntok-1]
	length := 0
	for i := range p.ntok {
		length += p.toks[i].end - p.toks[i].start
	}
	if last.end-first.start != length {
		return nil, false
	}
	return p.text()[first.start:last.end], true
}
