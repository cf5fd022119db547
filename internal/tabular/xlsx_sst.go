package tabular

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// sharedStrings is the workbook's shared string table: Excel stores each
// distinct text once and cells refer to it by index. All strings live in one
// string, so a cell's value is a substring: no allocation per cell.
type sharedStrings struct {
	text string
	ends []uint32 // string i is text[ends[i-1]:ends[i]]
	// long marks strings over Excel's 32,767-character cell limit (cut to
	// the limit); cells using them get a row problem.
	long map[int]bool
}

func (s *sharedStrings) at(i int) (string, bool) {
	if i < 0 || i >= len(s.ends) {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.text[start:s.ends[i]], true
}

// Limits on the shared string table, which a small compressed file can
// make huge (a gigabyte of empty <si/> compresses 51 times, under the
// zip-bomb ratio). A cell refers to a string in at least 16 bytes of sheet
// XML, so a table holding more strings than the sheets have room for
// serves no cell; the byte limit is far beyond any customer list.
const (
	minSharedStringsCap = 1 << 16
	maxSharedStrings    = 1 << 26
	maxSharedTextBytes  = 1 << 30
)

// sharedStringsCap is how many shared strings sheets of sheetBytes (their
// XML, uncompressed) can use.
func sharedStringsCap(sheetBytes uint64) int {
	return int(min(max(sheetBytes/16, minSharedStringsCap), maxSharedStrings))
}

// errTooManySharedStrings says the table is larger than the sheets can use.
var errTooManySharedStrings = errors.New("the shared string table (xl/sharedStrings.xml) is larger than the sheets can use")

// readSharedStrings streams xl/sharedStrings.xml. Rich text is concatenated
// run by run; phonetic guides (<rPh>, the furigana/pinyin Excel can attach)
// are not part of the value and are dropped.
func readSharedStrings(r io.Reader, sizeHint uint64, maxStrings int) (*sharedStrings, error) {
	sc := newXMLScanner(r, sizeHint)
	var (
		all  strings.Builder // String() hands over its buffer without a copy
		ends []uint32
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
		if len(ends) >= maxStrings {
			return nil, fmt.Errorf("%w: more than %d strings", errTooManySharedStrings, maxStrings)
		}
		if all.Len()+len(v) > maxSharedTextBytes {
			return nil, fmt.Errorf("%w: more than %s of text", errTooManySharedStrings, byteSize(maxSharedTextBytes))
		}
		all.Write(v)
		ends = append(ends, uint32(all.Len()))
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
