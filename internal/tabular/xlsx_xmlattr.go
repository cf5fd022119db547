package tabular

import "bytes"

// xmlAttrs iterates over the attributes of a tag.
type xmlAttrs struct{ rest []byte }

// next returns the next attribute's name (with any prefix) and raw value;
// ok is false at the end or on malformed attribute text.
func (a *xmlAttrs) next() (name, value []byte, ok bool) {
	b := a.rest
	i := skipXMLSpace(b, 0)
	start := i
	for i < len(b) && b[i] != '=' && !isXMLSpace(b[i]) {
		i++
	}
	name = b[start:i]
	i = skipXMLSpace(b, i)
	if len(name) == 0 || i >= len(b) || b[i] != '=' {
		return nil, nil, false
	}
	i = skipXMLSpace(b, i+1)
	if i >= len(b) || (b[i] != '"' && b[i] != '\'') {
		return nil, nil, false
	}
	closing := bytes.IndexByte(b[i+1:], b[i])
	if closing < 0 {
		return nil, nil, false
	}
	value = b[i+1 : i+1+closing]
	a.rest = b[i+2+closing:]
	return name, value, true
}

func skipXMLSpace(b []byte, i int) int {
	for i < len(b) && isXMLSpace(b[i]) {
		i++
	}
	return i
}

// attrValue returns the decoded value of the unprefixed attribute name.
func attrValue(attrs []byte, name string) (string, bool) {
	v, ok := attrRaw(attrs, name)
	if !ok {
		return "", false
	}
	return string(appendCharData(nil, v, len(v))), true
}

// attrRaw returns the undecoded value of the unprefixed attribute name,
// without allocating: for numbers and references, which have no entities.
func attrRaw(attrs []byte, name string) ([]byte, bool) {
	it := xmlAttrs{rest: attrs}
	for {
		n, v, ok := it.next()
		if !ok {
			return nil, false
		}
		if string(n) == name {
			return v, true
		}
	}
}

// parseCount parses an unsigned decimal such as a row number without
// allocating. Values past limit saturate at limit+1, so a 30-digit row
// number still reads as too big; ok is false for anything but digits.
func parseCount(b []byte, limit int) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = min(n*10+int(c-'0'), limit+1)
	}
	return n, len(b) > 0
}
