package tabular

import (
	"bytes"
	"unicode/utf8"
)

// Character data decoding for xmlScanner: entity and character references,
// line ends, and the caps that keep hostile text from costing memory.

// safeSplit returns how much of window can be decoded now: everything but
// a trailing incomplete entity or a trailing \r.
func safeSplit(window []byte) int {
	n := len(window)
	if n > 0 && window[n-1] == '\r' {
		return n - 1
	}
	if amp := bytes.LastIndexByte(window, '&'); amp >= 0 && amp > n-maxEntityBytes {
		if bytes.IndexByte(window[amp:], ';') < 0 {
			return amp
		}
	}
	return n
}

// appendCapped appends b to dst without letting dst grow past limit bytes.
func appendCapped(dst, b []byte, limit int) []byte {
	if room := limit - len(dst); len(b) > room {
		b = b[:max0(room)]
	}
	return append(dst, b...)
}

// appendCharData appends decoded character data to dst, up to limit bytes.
func appendCharData(dst, data []byte, limit int) []byte {
	for len(data) > 0 && len(dst) < limit {
		i := indexEntityOrCR(data)
		if i < 0 {
			return appendCapped(dst, data, limit)
		}
		dst = appendCapped(dst, data[:i], limit)
		data = data[i:]
		if data[0] == '\r' {
			dst = appendCapped(dst, []byte{'\n'}, limit)
			data = data[1:]
			if len(data) > 0 && data[0] == '\n' {
				data = data[1:]
			}
			continue
		}
		repl, n := decodeEntity(data)
		dst = appendCapped(dst, repl, limit)
		data = data[n:]
	}
	return dst
}

// indexEntityOrCR finds the next byte that needs decoding. Cell values are
// short, so a plain loop beats building a byte set for bytes.IndexAny.
func indexEntityOrCR(b []byte) int {
	for i, c := range b {
		if c == '&' || c == '\r' {
			return i
		}
	}
	return -1
}

var (
	entLT   = []byte("<")
	entGT   = []byte(">")
	entAmp  = []byte("&")
	entQuot = []byte(`"`)
	entApos = []byte("'")
)

// decodeEntity decodes the entity reference at the start of b (b[0] is
// '&') and returns its text and length. Anything that is not a valid
// reference is kept literally, one '&' at a time: lenient like browsers,
// since rejecting a whole workbook for one stray '&' helps nobody.
func decodeEntity(b []byte) ([]byte, int) {
	end := bytes.IndexByte(b[:min(len(b), maxEntityBytes+1)], ';')
	if end < 2 {
		return entAmp, 1
	}
	name := b[1:end]
	switch string(name) {
	case "lt":
		return entLT, end + 1
	case "gt":
		return entGT, end + 1
	case "amp":
		return entAmp, end + 1
	case "quot":
		return entQuot, end + 1
	case "apos":
		return entApos, end + 1
	}
	if name[0] != '#' || len(name) < 2 {
		return entAmp, 1
	}
	r, ok := parseCharRef(name[1:])
	if !ok {
		return entAmp, 1
	}
	return utf8.AppendRune(nil, r), end + 1
}

func parseCharRef(digits []byte) (rune, bool) {
	base := int32(10)
	if digits[0] == 'x' || digits[0] == 'X' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 {
		return 0, false
	}
	var r int32
	for _, c := range digits {
		d := hexDigit(c)
		if d < 0 || d >= base {
			return 0, false
		}
		r = r*base + d
		if r > utf8.MaxRune {
			return 0, false
		}
	}
	if !utf8.ValidRune(r) {
		return utf8.RuneError, true
	}
	return r, true
}

func hexDigit(c byte) int32 {
	switch {
	case '0' <= c && c <= '9':
		return int32(c - '0')
	case 'a' <= c && c <= 'f':
		return int32(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int32(c-'A') + 10
	}
	return -1
}
