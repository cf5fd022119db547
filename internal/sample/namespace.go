package sample

import "strings"

// brandName is the distinctive part of a company name (字号).
type brandName struct {
	text  string   // 华强 / Northwind / Harper & Cole
	slug  string   // huaqiang / northwind / harpercole: for e-mail domains
	chars [3]int16 // Chinese brands: indexes into brandChars, for typos
	n     int8     // number of chars used
	amp   bool     // English "X & Y" brand: "&" may become "and"
}

// brandShape is one family of brand names, numbered 0..size-1.
type brandShape struct {
	size uint64
	make func(i uint64) brandName
}

// nameTier mixes several shapes into one space of size Σ size × trades.
type nameTier struct {
	shapes []brandShape
	total  uint64
	perm   permutation
}

// namespace hands out (brand, trade) identities to ordinary companies,
// each one at most once: ordinary companies never share a normalized name,
// so every same-name pair in a sample is a deliberate hard negative or a
// true duplicate. Tiers are used in order (Chinese: two-character brands,
// then three-character ones); past the last tier names start repeating.
type namespace struct {
	tiers  []nameTier
	trades uint64
	next   uint64
}

func newNamespace(r *rng, trades int, tiers ...[]brandShape) *namespace {
	ns := &namespace{trades: uint64(trades)}
	for _, shapes := range tiers {
		t := nameTier{shapes: shapes}
		for _, s := range shapes {
			t.total += s.size * ns.trades
		}
		t.perm = newPermutation(r, t.total)
		ns.tiers = append(ns.tiers, t)
	}
	return ns
}

// capacity is how many distinct identities the namespace has.
func (ns *namespace) capacity() uint64 {
	var c uint64
	for _, t := range ns.tiers {
		c += t.total
	}
	return c
}

func (ns *namespace) take() (brandName, int) {
	k := ns.next % ns.capacity()
	ns.next++
	for _, t := range ns.tiers {
		if k >= t.total {
			k -= t.total
			continue
		}
		x := t.perm.at(k)
		trade := int(x % ns.trades)
		b := x / ns.trades
		for _, s := range t.shapes {
			if b < s.size {
				return s.make(b), trade
			}
			b -= s.size
		}
	}
	panic("sample: namespace index out of range")
}

func newNamespaceZH(r *rng) *namespace {
	p := uint64(len(brandChars))
	two := brandShape{size: p * (p - 1), make: func(i uint64) brandName {
		a, b := i/(p-1), i%(p-1)
		if b >= a {
			b++
		}
		return zhBrand(int16(a), int16(b))
	}}
	three := brandShape{size: p * (p - 1) * (p - 1), make: func(i uint64) brandName {
		a, rest := i/((p-1)*(p-1)), i%((p-1)*(p-1))
		b, c := rest/(p-1), rest%(p-1)
		if b >= a {
			b++
		}
		if c >= b {
			c++
		}
		return zhBrand(int16(a), int16(b), int16(c))
	}}
	return newNamespace(r, len(tradesZH), []brandShape{two}, []brandShape{three})
}

func zhBrand(idx ...int16) brandName {
	var bn brandName
	// Text and slug share one allocation.
	buf := make([]byte, 0, 3*len(idx)+6*len(idx))
	for i, c := range idx {
		bn.chars[i] = c
		buf = append(buf, brandChars[c].ch...)
	}
	split := len(buf)
	for _, c := range idx {
		buf = append(buf, brandChars[c].py...)
	}
	s := string(buf)
	bn.n = int8(len(idx))
	bn.text, bn.slug = s[:split], s[split:]
	return bn
}

func newNamespaceEN(r *rng) *namespace {
	np, ns := uint64(len(brandPrefixes)), uint64(len(brandSuffixes))
	nl := uint64(len(lastNames))
	n1, n2 := uint64(len(brandSyllables1)), uint64(len(brandSyllables2))
	compound := brandShape{size: np * ns, make: func(i uint64) brandName {
		t := brandPrefixes[i/ns] + brandSuffixes[i%ns]
		return brandName{text: t, slug: strings.ToLower(t)}
	}}
	pair := brandShape{size: nl * (nl - 1), make: func(i uint64) brandName {
		a, b := i/(nl-1), i%(nl-1)
		if b >= a {
			b++
		}
		return brandName{
			text: lastNames[a] + " & " + lastNames[b],
			slug: strings.ToLower(lastNames[a] + "and" + lastNames[b]),
			amp:  true,
		}
	}}
	invented := brandShape{size: n1 * n2, make: func(i uint64) brandName {
		t := brandSyllables1[i/n2] + brandSyllables2[i%n2]
		return brandName{text: t, slug: strings.ToLower(t)}
	}}
	prefixLast := brandShape{size: np * nl, make: func(i uint64) brandName {
		p, l := brandPrefixes[i/nl], lastNames[i%nl]
		return brandName{text: p + " " + l, slug: strings.ToLower(p + l)}
	}}
	return newNamespace(r, len(tradesEN), []brandShape{compound, pair, invented, prefixLast})
}
