package export

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The worksheet XML of a data sheet is written here rather than through
// excelize's StreamWriter, which boxes every cell, formats its reference
// through a string, escapes text through encoding/xml and keeps the whole
// sheet in a temporary file until the workbook is saved: three quarters of
// a large export's time. The cells come out as excelize writes them (the
// same types, styles and escaping, checked cell by cell against excelize in
// sheetxml_test.go), so readers see the same workbook.

const worksheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` +
	` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`

// appendWorksheetHead opens a worksheet: the frozen header row, the column
// widths, and sheetData.
func appendWorksheetHead(b []byte, selected bool, widths []float64) []byte {
	b = append(b, worksheetHead...)
	b = append(b, `<sheetViews><sheetView`...)
	if selected {
		b = append(b, ` tabSelected="1"`...)
	}
	b = append(b, ` workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`+
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`+
		`<sheetFormatPr defaultRowHeight="15"/>`...)
	if len(widths) > 0 {
		b = append(b, `<cols>`...)
		for i, w := range widths {
			b = append(b, `<col min="`...)
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, `" max="`...)
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, `" width="`...)
			b = strconv.AppendFloat(b, w, 'f', -1, 64)
			b = append(b, `" customWidth="1"/>`...)
		}
		b = append(b, `</cols>`...)
	}
	return append(b, `<sheetData>`...)
}

// appendWorksheetTail closes sheetData and sets the autofilter over ref.
func appendWorksheetTail(b []byte, ref string) []byte {
	b = append(b, `</sheetData><autoFilter ref="`...)
	b = append(b, ref...)
	return append(b, `"/></worksheet>`...)
}

// appendCellStart writes `<c r="B7"` and the style attribute.
func appendCellStart(b []byte, col, row string, style int) []byte {
	b = append(b, `<c r="`...)
	b = append(b, col...)
	b = append(b, row...)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	return b
}

// appendNumberCell writes a number cell as excelize's SetRow writes a
// float64: the shortest decimal, cut to Excel's 15 significant digits.
func appendNumberCell(b []byte, col, row string, style int, v float64) []byte {
	b = appendCellStart(b, col, row, style)
	b = append(b, `><v>`...)
	b = appendCellFloat(b, v)
	return append(b, `</v></c>`...)
}

// appendDecimalCell writes the number a canonical decimal string reads as.
// The string is written as it is when it is already the shortest form of
// its number (the usual case); otherwise through appendCellFloat.
func appendDecimalCell(b []byte, col, row string, style int, s string, v float64) []byte {
	if !shortestDecimal(s) {
		return appendNumberCell(b, col, row, style, v)
	}
	b = appendCellStart(b, col, row, style)
	b = append(b, `><v>`...)
	b = append(b, s...)
	return append(b, `</v></c>`...)
}

// appendTextCell writes an inline string cell as excelize's SetRow writes a
// string: cut to 32,767 UTF-16 units, then as appendFitText.
func appendTextCell(b []byte, col, row string, style int, s string) []byte {
	s, _ = fitCell(s)
	return appendFitText(b, col, row, style, s)
}

// appendFitText writes text fitCell has already cut: space-preserved when it starts or
// ends with white space, XML-escaped (newlines kept), and _xHHHH_ escaped.
func appendFitText(b []byte, col, row string, style int, s string) []byte {
	b = appendCellStart(b, col, row, style)
	b = append(b, ` t="inlineStr"><is><t`...)
	if s != "" && (isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	start := len(b)
	b = appendEscaped(b, s)
	if strings.Contains(s, "_x") {
		esc := bstrMarshal(string(b[start:]))
		b = append(b[:start], esc...)
	}
	return append(b, `</t></is></c>`...)
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// appendEscaped is encoding/xml's EscapeText with newlines left as they
// are, which is what excelize stores: quotes, ampersand, angle brackets,
// tab and carriage return as entities, and anything XML cannot hold (bad
// UTF-8, control characters) as U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		if c < utf8.RuneSelf {
			i++
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			case '\n':
				continue
			default:
				if c >= 0x20 {
					continue
				}
				esc = "\uFFFD"
			}
			b = append(b, s[last:i-1]...)
			b = append(b, esc...)
			last = i
			continue
		}
		// Three-byte runes from U+1000 to U+CFFF and U+E000 to U+EFFF (CJK
		// among them) are in XML's range: only their continuation bytes need
		// checking, without decoding the rune.
		if (c >= 0xE1 && c <= 0xEC || c == 0xEE) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		if inXMLRange(r) && !(r == utf8.RuneError && width == 1) {
			continue
		}
		b = append(b, s[last:i-width]...)
		b = append(b, "\uFFFD"...)
		last = i
	}
	return append(b, s[last:]...)
}

// inXMLRange is XML 1.0's Char production for runes from U+0080 up.
func inXMLRange(r rune) bool {
	return r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// fitCell cuts s to the runes that fit in a cell's 32,767 UTF-16 code
// units, reporting whether it had to.
func fitCell(s string) (string, bool) {
	if len(s) <= excelMaxCellRune {
		return s, false // no rune takes more UTF-16 units than UTF-8 bytes
	}
	t := truncateUTF16(s, excelMaxCellRune)
	return t, len(t) < len(s)
}

// Excel reads _xHHHH_ in a string as the character U+HHHH; excelize keeps
// such text literal by escaping its underscore as _x005F_.
var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal is excelize's escaping of _xHHHH_ sequences, step for step.
func bstrMarshal(s string) string {
	var out strings.Builder
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		out.WriteString(s[cursor:match[0]])
		sub := s[match[0]:match[1]]
		if sub == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`); err == nil {
					out.WriteString(sub + "x005F" + sub)
					continue
				}
			}
			out.WriteString(sub + "x005F_")
			continue
		}
		cursor = match[1]
		if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
			out.WriteString("_x005F" + sub)
			continue
		}
	}
	if cursor < l {
		out.WriteString(s[cursor:])
	}
	return out.String()
}

// appendCellFloat is excelize's formatCellFloat(v, -1, 64): the shortest
// decimal that reads back as v, with digits past the 15th significant one
// dropped (fraction) or zeroed (integer part).
func appendCellFloat(b []byte, v float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return b
	}
	str := b[start:]
	const maxPrec = 15
	decimal := -1
	for i, c := range str {
		if c == '.' {
			decimal = i
			break
		}
	}
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			cut := start + idx
			if b[cut-1] == '.' {
				cut--
			}
			return b[:cut]
		}
		if decimal < 0 {
			decimal = len(str)
		}
		for ; idx < decimal; idx++ {
			str[idx] = '0'
		}
		return b[:start+decimal]
	}
	return b
}

// shortestDecimal reports whether s, a decimal that decimalNumber took
// (at most 15 significant digits), is already what strconv would print for
// its value: no leading zeros, no trailing fraction zeros, no bare dot, not
// negative zero. Such a string is its number's shortest round-trip form.
func shortestDecimal(s string) bool {
	neg := s != "" && s[0] == '-'
	if neg {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	dot := strings.IndexByte(s, '.')
	intPart := s
	if dot >= 0 {
		intPart = s[:dot]
		frac := s[dot+1:]
		if frac == "" || frac[len(frac)-1] == '0' {
			return false
		}
	}
	switch {
	case intPart == "":
		return false
	case len(intPart) > 1 && intPart[0] == '0':
		return false
	case neg && intPart == "0" && dot < 0:
		return false // -0
	}
	// 'f' formatting writes no exponent, but a fraction below 1e-6 or an
	// integer above 1e21 is still safest through strconv.
	return len(intPart) <= 21 && (dot < 0 || len(s)-dot-1 <= 15)
}
