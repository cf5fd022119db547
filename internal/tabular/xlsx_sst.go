package tabular

import (
	"fmt"
	"io"
	"strings"
)

// sharedStrings is the workbook's shared string table: Excel stores each
// distinct text once and cells refer to it by index. All strings live in one
// string, so a cell's value is a substring: no allocation per cell.
type sharedStrings struct {
	text string
	ends []int // string i is text[ends[i-1]:ends[i]]
	// long marks strings over Excel's 32,767-character cell limit (cut to
	// the limit); cells using them get a row problem.
	long map[int]bool
}

func (s *sharedStrings) at(i int) (string, bool) {
	if i < 0 || i >= len(s.ends) {
		return "", false
	}
	start := 0
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.text[start:s.ends[i]], true
}

// readSharedStrings streams xl/sharedStrings.xml. Rich text is concatenated
// run by run; phonetic guides (<rPh>, the furigana/pinyin Excel can attach)
// are not part of the value and are dropped.
func readSharedStrings(r io.Reader, sizeHint uint64) (*sharedStrings, error) {
	sc := newXMLScanner(r, sizeHint)
	var (
		all  strings.Builder // String() hands over its buffer without a copy
		ends []int
		long map[int]bool
		one  []byte
	)
	for {
		tag, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch {
		case tag.is(startTag, "si"):
			if one, err = readRichText(sc, "si", one[:0]); err != nil {
				return nil, err
			}
		case tag.is(emptyTag, "si"):
			one = one[:0]
		default:
			continue
		}
		v, cut := tooLongForCell(unescapeXString(one))
		if cut {
			if long == nil {
				long = map[int]bool{}
			}
			long[len(ends)] = true
		}
		all.Write(v)
		ends = append(ends, all.Len())
	}
	return &sharedStrings{text: all.String(), ends: ends, long: long}, nil
}

// readRichText reads the text of a string item (<si> or <is>) up to its end
// tag named end, appending the <t> runs to dst.
func readRichText(sc *xmlScanner, end string, dst []byte) ([]byte, error) {
	phonetic := 0
	for {
		tag, err := sc.next()
		if err != nil {
			if err == io.EOF {
				err = fmt.Errorf("%w: <%s> is not closed", errMalformedXML, end)
			}
			return dst, err
		}
		switch {
		case tag.is(startTag, "t") && phonetic == 0:
			// Keep one byte past the limit so an over-long value is
			// still recognised as one.
			if len(dst) <= maxCellBytes {
				dst, _, err = sc.text(dst, maxCellBytes-len(dst)+1)
				if err != nil {
					return dst, err
				}
			}
		case tag.is(startTag, "rPh"):
			phonetic++
		case tag.is(endTag, "rPh") && phonetic > 0:
			phonetic--
		case tag.is(endTag, end):
			return dst, nil
		}
	}
}
