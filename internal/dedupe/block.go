package dedupe

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/similar"
)

// A BlockKey is a hashed blocking key: records that share one are
// compared. Keys of different kinds start with a different tag byte, so a
// phone never meets a postcode. A hash collision only adds a comparison.
type blockKey = uint64

// Block kinds, the tag byte of a key.
const (
	blockPhone   = 'p' // last 7 digits of a phone
	blockEmail   = 'e' // e-mail address
	blockMailbox = 'l' // e-mail local part (typos in the domain)
	blockCore    = 'c' // company core
	blockDelete  = 'd' // company core minus one character (Chinese typos)
	blockToken   = 't' // a distinctive word of a Latin company core
	blockSound   = 's' // Soundex of the first word of a Latin company core
	blockName    = 'n' // contact name, words sorted
	blockNameSnd = 'm' // Soundex of the contact name's words, sorted
	blockAddress = 'a' // address key
	blockHouse   = 'h' // house number + first street word
	blockField   = 'x' // a user-added field (tag + rule number)
	blockBirth   = 'b' // birth date
)

// Blocks larger than maxBlock are compared in a sliding window over the
// block sorted by company and name, not all pairs: a key shared by
// thousands of records (a common surname, "trading") says little, and all
// its pairs would cost quadratic time.
//
// Weak keys (a deleted character, a word, a Soundex code, a house number)
// meet many unrelated records in a large file; their oversized blocks get
// a narrower window.
const (
	maxBlock   = 32
	window     = 6
	weakWindow = 2
)

// weakKinds are the block kinds whose key alone says little.
var weakKinds = [256]bool{
	blockMailbox: true, blockDelete: true, blockToken: true, blockSound: true,
	blockName: true, blockNameSnd: true, blockHouse: true, blockBirth: true,
}

// The lowest bit of a key says whether it is weak.
func isWeak(k blockKey) bool { return k&1 == 1 }

func mark(tag byte, h uint64) blockKey {
	if weakKinds[tag] {
		return h | 1
	}
	return h &^ 1
}

// keyHasher builds block keys with 64-bit FNV-1a: fixed, so even the
// rare collision (which only adds a comparison) is the same on every run.
type keyHasher struct{}

func (k keyHasher) key(tag byte, s string) blockKey { return k.key2(tag, s, "") }

// key2 is key(tag, a+b) without building a+b.
func (keyHasher) key2(tag byte, a, b string) blockKey {
	h := newKeyHash(tag)
	h.str(a)
	h.str(b)
	return h.key()
}

// keyHash is a key being hashed a piece at a time (the FNV-1a of
// keyHasher.key on the pieces joined), so a key made of several strings
// need not be built.
type keyHash struct {
	tag byte
	h   uint64
}

const fnvPrime = 1099511628211

func newKeyHash(tag byte) keyHash {
	return keyHash{tag, (14695981039346656037 ^ uint64(tag)) * fnvPrime}
}

func (k *keyHash) str(s string) {
	h := k.h
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	k.h = h
}

func (k *keyHash) bytes(b []byte) {
	h := k.h
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	k.h = h
}

func (k *keyHash) byte(c byte) { k.h = (k.h ^ uint64(c)) * fnvPrime }

func (k *keyHash) key() blockKey { return mark(k.tag, k.h) }

func (keyHasher) number(tag byte, n uint64) blockKey {
	const prime = 1099511628211
	h := (14695981039346656037 ^ uint64(tag)) * prime
	for range 8 {
		h = (h ^ (n & 0xff)) * prime
		n >>= 8
	}
	return mark(tag, h)
}

// stopTokens are words too common in company names to block on.
var stopTokens = map[string]bool{
	"the": true, "and": true, "of": true, "company": true, "group": true, "services": true,
	"international": true, "restaurant": true, "cafe": true, "center": true, "centre": true,
	"trading": true, "technology": true, "technologies": true, "holdings": true, "school": true,
	"chicago": true, "inc": true, "ltd": true, "llc": true, "corp": true,
}

// keys appends p's blocking keys to dst.
func (p *profile) keys(k *keyHasher, rules []fieldRule, dst []blockKey) []blockKey {
	for _, ph := range p.phones {
		dst = append(dst, k.number(blockPhone, ph.value%pow10[7]))
	}
	for _, e := range p.emails() {
		dst = append(dst, k.key(blockEmail, e))
		if local, _, ok := strings.Cut(e, "@"); ok && len(local) >= 5 && !genericMailboxes[local] {
			dst = append(dst, k.key(blockMailbox, local))
		}
	}
	if core := p.core(); core != "" {
		dst = append(dst, k.key(blockCore, core))
		if p.companyHan {
			dst = deletionKeys(k, core, dst)
		} else {
			for i, t := range p.coTokens() {
				if len(t) >= 3 && !stopTokens[t] {
					dst = append(dst, k.key(blockToken, t))
				}
				if i == 0 {
					if s, ok := similar.SoundexCode(t); ok {
						h := newKeyHash(blockSound)
						h.bytes(s[:])
						dst = append(dst, h.key())
					}
				}
			}
		}
	}
	if p.name() != "" {
		// A contact name alone is a weak key (刘伟, John Smith): block on it
		// within a city.
		dst = append(dst, nameKey(k, p.name(), p.city()))
		if key, ok := nameSoundexKey(k, p.name()); ok {
			dst = append(dst, key)
		}
	}
	if p.birth() != "" {
		dst = append(dst, k.key(blockBirth, p.birth()))
	}
	if p.address() != "" {
		dst = append(dst, k.key(blockAddress, p.address()))
		// Both ends of a range: 1106-1108 W 63rd St meets 1108 W 63rd St.
		first, last := similar.ParsedHouseNumberRange(p.address(), p.addrAt())
		if street := streetWord(p.address(), p.house()); first != "" && street != "" {
			dst = append(dst, k.key2(blockHouse, first+" ", street))
			if last != "" && last != first {
				dst = append(dst, k.key2(blockHouse, last+" ", street))
			}
		}
	}
	for i, fr := range rules {
		v := p.fields()[i]
		if v == "" || fr.Kind == "off" {
			continue
		}
		tag := string(rune('0' + i%64))
		switch fr.Kind {
		case "given", "family", "middle":
			// A given or family name alone is shared by thousands: the full
			// name's keys find these pairs.
		case kindList:
			for t := range strings.SplitSeq(v, listJoin) {
				dst = append(dst, k.key2(blockField, tag, t))
			}
		case "tokens":
			for t := range strings.SplitSeq(v, " ") {
				dst = append(dst, k.key2(blockField, tag, t))
			}
		case "name":
			dst = append(dst, k.key(blockField, tag+sortedWords(v)))
		case "address":
			if h := similar.HouseNumber(v); h != "" && streetWord(v, h) != "" {
				dst = append(dst, k.key(blockField, tag+h+" "+streetWord(v, h)))
			}
		default:
			dst = append(dst, k.key(blockField, tag+v))
		}
	}
	return dst
}

// deletionKeys adds the core with each character deleted in turn: two
// names that differ by one substituted character share one such key
// (乐辰服饰 and 乐晨服饰 both give 乐服饰).
func deletionKeys(k *keyHasher, core string, dst []blockKey) []blockKey {
	n := utf8.RuneCountInString(core)
	if n < 4 || n > 12 { // shorter cores leave two-character keys such as 服饰
		return dst
	}
	for i, r := range core {
		dst = append(dst, k.key2(blockDelete, core[:i], core[i+utf8.RuneLen(r):]))
	}
	return dst
}

func sortedWords(s string) string {
	w := strings.Fields(s)
	if len(w) < 2 {
		return strings.Join(w, "")
	}
	slices.Sort(w)
	return strings.Join(w, " ")
}

// nameSoundex is the sorted Soundex codes of a Latin name's words: it
// survives typos and swapped first and last names.
func nameSoundex(name string) string {
	var codes []string
	for _, w := range similar.Tokens(name) {
		if s := similar.Soundex(w); s != "" {
			codes = append(codes, s)
		}
	}
	if len(codes) < 2 {
		return ""
	}
	slices.Sort(codes)
	return strings.Join(codes, " ")
}

// nameKey is the blockName key of a contact name in a city: the key of
// sortedWords(strings.ToLower(name)) + "|" + city. A name of up to 8
// words (nearly every name) is lowered, split and sorted on the stack and
// hashed a piece at a time: a key per record, and building it took up to
// five allocations.
func nameKey(k *keyHasher, name, city string) blockKey {
	var buf [128]byte
	var words [8][2]uint8 // start and end in lower
	lower := buf[:0]
	n, start := 0, -1
	// endWord ends the word being read, if any; false when there are too
	// many.
	endWord := func() bool {
		if start < 0 {
			return true
		}
		if n == len(words) {
			return false
		}
		words[n] = [2]uint8{uint8(start), uint8(len(lower))}
		n++
		start = -1
		return true
	}
	for _, r := range name {
		// strings.ToLower is unicode.ToLower on each rune (an invalid
		// byte becomes U+FFFD either way), and strings.Fields splits the
		// lowered text at unicode.IsSpace.
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		if unicode.IsSpace(r) {
			if !endWord() {
				return k.key(blockName, sortedWords(strings.ToLower(name))+"|"+city)
			}
			continue
		}
		if len(lower)+utf8.UTFMax > len(buf) {
			return k.key(blockName, sortedWords(strings.ToLower(name))+"|"+city)
		}
		if start < 0 {
			start = len(lower)
		}
		lower = utf8.AppendRune(lower, r)
	}
	if !endWord() {
		return k.key(blockName, sortedWords(strings.ToLower(name))+"|"+city)
	}
	word := func(w [2]uint8) []byte { return lower[w[0]:w[1]] }
	// Insertion sort: a handful of words.
	for i := 1; i < n; i++ {
		for j := i; j > 0 && bytes.Compare(word(words[j]), word(words[j-1])) < 0; j-- {
			words[j], words[j-1] = words[j-1], words[j]
		}
	}
	h := newKeyHash(blockName)
	for i, w := range words[:n] {
		if i > 0 {
			h.byte(' ')
		}
		h.bytes(word(w))
	}
	h.byte('|')
	h.str(city)
	return h.key()
}

// nameSoundexKey is the blockNameSnd key of nameSoundex(name), false when
// that is "". Up to 8 codes are sorted and hashed on the stack.
func nameSoundexKey(k *keyHasher, name string) (blockKey, bool) {
	var codes [8][4]byte
	n := 0
	for w := range similar.TokenSeq(name) {
		c, ok := similar.SoundexCode(w)
		if !ok {
			continue
		}
		if n == len(codes) {
			s := nameSoundex(name)
			return k.key(blockNameSnd, s), s != ""
		}
		codes[n] = c
		n++
	}
	if n < 2 {
		return 0, false
	}
	// Codes are four bytes each: array order is string order.
	for i := 1; i < n; i++ {
		for j := i; j > 0 && bytes.Compare(codes[j][:], codes[j-1][:]) < 0; j-- {
			codes[j], codes[j-1] = codes[j-1], codes[j]
		}
	}
	h := newKeyHash(blockNameSnd)
	for i := range codes[:n] {
		if i > 0 {
			h.byte(' ')
		}
		h.bytes(codes[i][:])
	}
	return h.key(), true
}

// streetWord is the first word after the house number in an address key:
// the first of strings.Fields(rest) that is not digits and longer than a
// byte, read word by word without the slice.
func streetWord(addr, house string) string {
	i := strings.Index(addr, house)
	if i < 0 {
		return ""
	}
	rest := addr[i+len(house):]
	for rest != "" {
		start := len(rest)
		for j, r := range rest {
			if !unicode.IsSpace(r) {
				start = j
				break
			}
		}
		rest = rest[start:]
		end := len(rest)
		for j, r := range rest {
			if unicode.IsSpace(r) {
				end = j
				break
			}
		}
		w := rest[:end]
		rest = rest[end:]
		if w != "" && !isDigits(w) && len(w) > 1 {
			return w
		}
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// keyEntry ties a block key to a record.
type keyEntry struct {
	key blockKey
	rec uint32
}

// candidatePairs returns every pair of records that share a block key
// (windowed in oversized blocks), each once, sorted, as lo<<32|hi. The
// work is spread over up to workers goroutines: the entries are split by
// the top bits of their key (a block stays in one part) and each part
// sorted, then paired by pairsOfSorted.
func candidatePairs(entries []keyEntry, profiles []profile, workers int) []uint64 {
	parts := splitParts(len(entries), workers)
	// Entry parts: by the key's top bits.
	cuts := splitSorted(entries, parts, func(e keyEntry, bits, of uint64) bool { return e.key>>(64-bits) < of })
	eachPart(cuts, workers, func(lo, hi int) { sortEntries(entries[lo:hi]) })
	return pairsOfSorted(entries, cuts, profiles, workers)
}

// pairsOfSorted is candidatePairs on entries sorted by key, then record,
// in parts (cuts[p] to cuts[p+1]) that no key spans: each part is paired
// on its own into its own region of the pairs, and the pairs split by
// their first record and sorted part by part. Sorted output is the same
// however it was split.
func pairsOfSorted(entries []keyEntry, cuts []int, profiles []profile, workers int) []uint64 {
	// Each entry part pairs into its own region, bounded by countPairs.
	counts := make([]int, len(cuts)-1)
	eachPartAt(cuts, workers, func(p, lo, hi int) { counts[p] = countPairs(entries[lo:hi]) })
	at := make([]int, len(cuts))
	for p, c := range counts {
		at[p+1] = at[p] + c
	}
	pairs := make([]uint64, at[len(at)-1])
	outs := make([][]uint64, len(cuts)-1)
	// The window order is built once, by the first part to meet an
	// oversized block.
	sharedOrder := sync.OnceValue(func() *windowOrder { return newWindowOrder(profiles) })
	eachPartAt(cuts, workers, func(p, lo, hi int) {
		out := pairs[at[p]:at[p]:at[p+1]]
		var members []uint32
		var order *windowOrder
		for i := lo; i < hi; {
			j := i + 1
			for j < hi && entries[j].key == entries[i].key {
				j++
			}
			members = members[:0]
			for _, e := range entries[i:j] {
				if len(members) == 0 || members[len(members)-1] != e.rec {
					members = append(members, e.rec)
				}
			}
			w := window
			if isWeak(entries[i].key) {
				w = weakWindow
			}
			if len(members) > maxBlock && order == nil {
				order = sharedOrder()
			}
			out = blockPairs(members, order, w, out)
			i = j
		}
		outs[p] = out
	})
	pairs = closeGaps(pairs, outs, at)
	// Pair parts: by the first record.
	records := uint64(len(profiles))
	cuts = splitSorted(pairs, splitParts(len(pairs), workers), func(x, bits, of uint64) bool {
		return (x>>32)<<bits < of*records
	})
	eachPart(cuts, workers, func(lo, hi int) { sortPairs(pairs[lo:hi]) })
	return slices.Compact(pairs)
}

// splitParts is how many parts (a power of two, at most 8) n items are
// split into for workers goroutines: one when a split is not worth it.
func splitParts(n, workers int) int {
	parts := 1
	for parts < workers && parts < 8 && n/parts >= 1<<16 {
		parts *= 2
	}
	return parts
}

// splitSorted reorders xs in place into parts (a power of two) runs, the
// run of every item before that of any item that sorts after it, and
// returns the runs' bounds. below(x, bits, of) reports whether x falls in
// the first of parts halves, quarters, … : below the of-th of 2^bits.
func splitSorted[T any](xs []T, parts int, below func(x T, bits, of uint64) bool) []int {
	cuts := []int{0, len(xs)}
	for bits := uint64(1); 1<<bits <= parts; bits++ {
		next := []int{0}
		for p := 0; p+1 < len(cuts); p++ {
			lo, hi := cuts[p], cuts[p+1]
			of := uint64(2*p + 1) // the midpoint of part p, in 2^bits
			i, j := lo, hi
			for i < j {
				if below(xs[i], bits, of) {
					i++
				} else {
					j--
					xs[i], xs[j] = xs[j], xs[i]
				}
			}
			next = append(next, i, hi)
		}
		cuts = next
	}
	return cuts
}

// eachPart runs fn over the runs cuts bounds, on up to workers goroutines.
func eachPart(cuts []int, workers int, fn func(lo, hi int)) {
	eachPartAt(cuts, workers, func(_, lo, hi int) { fn(lo, hi) })
}

// eachPartAt is eachPart telling fn the part's number too.
func eachPartAt(cuts []int, workers int, fn func(p, lo, hi int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, workers))
	for p := 0; p+1 < len(cuts); p++ {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			fn(p, cuts[p], cuts[p+1])
		})
	}
	wg.Wait()
}

// countPairs bounds the pairs candidatePairs will emit for sorted
// entries (each record of a block counted once), so the slice is allocated once: at a million records it is the
// largest allocation of a run, and doubling would hold it twice.
func countPairs(entries []keyEntry) int {
	total := 0
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].key == entries[i].key {
			j++
		}
		n := 1 // records in the block: a record's repeated key counts once
		for k := i + 1; k < j; k++ {
			if entries[k].rec != entries[k-1].rec {
				n++
			}
		}
		w := window
		if isWeak(entries[i].key) {
			w = weakWindow
		}
		if n <= maxBlock {
			total += n * (n - 1) / 2
		} else {
			total += n * w
		}
		i = j
	}
	return total
}

// blockPairs appends the pairs of a block's members (each record once,
// ascending): all pairs, or in an oversized block those within window of
// each other in order's order (by company, name and record).
func blockPairs(members []uint32, order *windowOrder, window int, pairs []uint64) []uint64 {
	n := len(members)
	if n < 2 {
		return pairs
	}
	if n <= maxBlock {
		for x := 0; x < n; x++ {
			for y := x + 1; y < n; y++ {
				pairs = append(pairs, pack(members[x], members[y]))
			}
		}
		return pairs
	}
	order.sort(members)
	for x := 0; x < n; x++ {
		for y := x + 1; y < n && y <= x+window; y++ {
			pairs = append(pairs, pack(members[x], members[y]))
		}
	}
	return pairs
}

func pack(a, b uint32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

func unpack(p uint64) (uint32, uint32) { return uint32(p >> 32), uint32(p) }

// closeGaps joins the candidate pairs each part wrote into its region of
// pairs (part p from at[p], bounded by at[p+1]) into one contiguous slice.
func closeGaps(pairs []uint64, outs [][]uint64, at []int) []uint64 {
	n, overflow := 0, false
	for p, out := range outs {
		overflow = overflow || len(out) > at[p+1]-at[p]
		n += len(out)
	}
	if overflow { // a bound too low (cannot happen): a part's pairs moved out of its region
		all := make([]uint64, 0, n)
		for _, out := range outs {
			all = append(all, out...)
		}
		return all
	}
	n = 0
	for _, out := range outs {
		n += copy(pairs[n:], out)
	}
	return pairs[:n]
}
