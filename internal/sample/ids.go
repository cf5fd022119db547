package sample

// idMaker writes record ids the way each CRM does. Ids are a permutation of
// the row number, so they are unique, say nothing about the entity, and
// are not in row order (except a hand-kept sheet's running number).
type idMaker struct {
	style idStyle
	perm  permutation
	width int
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func newIDMaker(r *rng, style idStyle, n int) idMaker {
	digits := numDigits(uint64(n))
	m := idMaker{style: style}
	switch style {
	case idFxiaoke, idCanonical:
		m.width = max(8, digits)
		m.perm = newPermutation(r, pow10(m.width))
	case idSalesforce:
		m.width = 5
		for pow62(m.width) < uint64(n) {
			m.width++
		}
		m.perm = newPermutation(r, pow62(m.width))
	case idHubSpot:
		m.width = max(10, digits+1)
		m.perm = newPermutation(r, 9*pow10(m.width-1))
	case idZoho:
		m.width = max(6, digits)
		m.perm = newPermutation(r, pow10(m.width))
	case idSheet:
		m.width = max(5, digits)
	}
	return m
}

func pow62(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 62
	}
	return p
}

// appendID writes the id of row i (0-based).
func (m idMaker) appendID(b []byte, i int) []byte {
	switch m.style {
	case idFxiaoke:
		return appendPadded(append(b, "KH"...), m.perm.at(uint64(i)), m.width)
	case idCanonical:
		return appendPadded(append(b, 'C'), m.perm.at(uint64(i)), m.width)
	case idSalesforce:
		// 15 characters: key prefix 001 (Account), pod 5g, zeros, the
		// number in base 62; then Salesforce's 3-character case checksum.
		start := len(b)
		b = append(b, "0015g"...)
		for range 10 - m.width {
			b = append(b, '0')
		}
		x := m.perm.at(uint64(i))
		var tmp [16]byte
		for k := m.width - 1; k >= 0; k-- {
			tmp[k] = base62[x%62]
			x /= 62
		}
		b = append(b, tmp[:m.width]...)
		return appendSalesforceChecksum(b, b[start:])
	case idHubSpot:
		return appendInt(b, int(pow10(m.width-1)+m.perm.at(uint64(i))))
	case idZoho:
		return appendPadded(append(b, "zcrm_5725767000000"...), m.perm.at(uint64(i)), m.width)
	default:
		return appendPadded(b, uint64(i+1), m.width)
	}
}

// appendSalesforceChecksum adds the suffix that makes a 15-character id
// case-insensitive: per 5-character chunk, a bit for each uppercase letter.
func appendSalesforceChecksum(b, id []byte) []byte {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
	var sum [3]byte
	for chunk := range 3 {
		v := 0
		for k := range 5 {
			if c := id[chunk*5+k]; c >= 'A' && c <= 'Z' {
				v |= 1 << k
			}
		}
		sum[chunk] = alphabet[v]
	}
	return append(b, sum[:]...)
}

func appendPadded(b []byte, n uint64, width int) []byte {
	start := len(b)
	for range width {
		b = append(b, '0')
	}
	for k := len(b) - 1; k >= start && n > 0; k-- {
		b[k] = byte('0' + n%10)
		n /= 10
	}
	return b
}

func numDigits(n uint64) int {
	d := 1
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}
