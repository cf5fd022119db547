package tabular

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/crmkit/crmkit/internal/errs"
)

// textEncoding is how the bytes of a CSV file become UTF-8 text.
type textEncoding struct {
	name    string            // shown by `crmkit inspect`
	decoder encoding.Encoding // nil: the bytes are UTF-8 already
	bomLen  int               // bytes of byte-order mark to skip
	// retryHint names the --encoding to suggest when a row does not decode.
	retryHint string
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

var (
	encUTF8    = textEncoding{name: "utf-8", retryHint: "gbk"}
	encUTF8BOM = textEncoding{name: "utf-8-bom", bomLen: 3, retryHint: "gbk"}
	encUTF16LE = textEncoding{name: "utf-16le", decoder: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), retryHint: "utf-8"}
	encUTF16BE = textEncoding{name: "utf-16be", decoder: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), retryHint: "utf-8"}
	encGB18030 = textEncoding{name: "gb18030", decoder: simplifiedchinese.GB18030, retryHint: "utf-8"}
)

// encodingNames lists what --encoding accepts, in the order shown in the
// usage error. Aliases map to the same decoder; GBK and GB2312 are read with
// the GB18030 decoder, which is a strict superset of both.
var encodingNames = []struct {
	names   []string
	name    string
	decoder encoding.Encoding
}{
	{[]string{"utf-8", "utf8"}, "utf-8", nil},
	{[]string{"utf-8-bom", "utf8-bom"}, "utf-8-bom", nil},
	{[]string{"gbk", "cp936"}, "gbk", simplifiedchinese.GB18030},
	{[]string{"gb2312"}, "gb2312", simplifiedchinese.GB18030},
	{[]string{"gb18030"}, "gb18030", simplifiedchinese.GB18030},
	{[]string{"big5"}, "big5", traditionalchinese.Big5},
	{[]string{"utf-16", "utf16"}, "utf-16", nil}, // endianness from the BOM
	{[]string{"utf-16le", "utf16le"}, "utf-16le", encUTF16LE.decoder},
	{[]string{"utf-16be", "utf16be"}, "utf-16be", encUTF16BE.decoder},
	{[]string{"latin1", "latin-1", "iso-8859-1", "iso8859-1"}, "latin1", charmap.ISO8859_1},
	{[]string{"windows-1252", "cp1252"}, "windows-1252", charmap.Windows1252},
	{[]string{"shift_jis", "shift-jis", "sjis"}, "shift_jis", japanese.ShiftJIS},
}

// namedEncoding resolves an --encoding value. The BOM in sample, if it
// matches the named encoding, is skipped so it never pollutes the first
// header cell.
func namedEncoding(name string, sample []byte) (textEncoding, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, e := range encodingNames {
		for _, n := range e.names {
			if n != key {
				continue
			}
			switch e.name {
			case "utf-8", "utf-8-bom":
				if bytes.HasPrefix(sample, bomUTF8) {
					return encUTF8BOM, nil
				}
				return encUTF8, nil
			case "utf-16":
				if bytes.HasPrefix(sample, bomUTF16BE) {
					return withBOM(encUTF16BE), nil
				}
				if bytes.HasPrefix(sample, bomUTF16LE) {
					return withBOM(encUTF16LE), nil
				}
				return encUTF16LE, nil // Windows writes little-endian
			case "utf-16le":
				if bytes.HasPrefix(sample, bomUTF16LE) {
					return withBOM(encUTF16LE), nil
				}
				return encUTF16LE, nil
			case "utf-16be":
				if bytes.HasPrefix(sample, bomUTF16BE) {
					return withBOM(encUTF16BE), nil
				}
				return encUTF16BE, nil
			}
			return textEncoding{name: e.name, decoder: e.decoder, retryHint: "utf-8"}, nil
		}
	}
	var known []string
	for _, e := range encodingNames {
		known = append(known, e.name)
	}
	return textEncoding{}, errs.Usagef("use one of: "+strings.Join(known, ", "),
		"unknown encoding %q", name)
}

func withBOM(e textEncoding) textEncoding {
	e.bomLen = 2
	return e
}

// detectEncoding decides the encoding from the first bytes of a file.
// complete says the sample is the whole file; otherwise it may end in the
// middle of a character, which must not count against an encoding.
func detectEncoding(path string, sample []byte, complete bool) (textEncoding, error) {
	switch {
	case bytes.HasPrefix(sample, bomUTF8):
		return encUTF8BOM, nil
	case bytes.HasPrefix(sample, bomUTF16LE):
		return withBOM(encUTF16LE), nil
	case bytes.HasPrefix(sample, bomUTF16BE):
		return withBOM(encUTF16BE), nil
	}
	if e, ok := utf16WithoutBOM(sample); ok {
		return e, nil
	}
	if i := bytes.IndexByte(sample, 0); i >= 0 {
		return textEncoding{}, csvBinaryError(path, fmt.Sprintf("at byte %d", i))
	}
	valid, invalid, firstInvalid := utf8Stats(sample, complete)
	// A UTF-8 file with a stray legacy-encoded cell is still UTF-8: the bad
	// rows are flagged one by one. Twenty valid multi-byte characters per
	// invalid sequence is far more than GBK text produces by chance (about
	// one in three GBK pairs happens to look like UTF-8).
	if invalid == 0 || valid >= 20*invalid {
		return encUTF8, nil
	}
	if looksLikeGB18030(sample, complete) {
		return encGB18030, nil
	}
	return textEncoding{}, errs.Dataf("pass --encoding, e.g. --encoding gbk or --encoding latin1",
		"cannot tell the text encoding of %s: it is neither UTF-8 nor GB18030 (first unreadable byte at %d)",
		path, firstInvalid)
}

func csvBinaryError(path, where string) error {
	return errs.Dataf("check that this is the file you meant; export the data as CSV or .xlsx",
		"%s does not look like a text table (binary data %s)", path, where)
}

// utf16WithoutBOM recognises UTF-16 saved without a byte-order mark by its
// NUL bytes: ASCII characters (delimiters, digits, line breaks) have a zero
// high byte, which lands on odd offsets in little-endian and even offsets in
// big-endian text. Binary files have NULs on both; a handful of NULs is
// too little evidence either way.
func utf16WithoutBOM(sample []byte) (textEncoding, bool) {
	pairs := len(sample) / 2
	if pairs < 2 {
		return textEncoding{}, false
	}
	var even, odd int
	for i := 0; i+1 < len(sample); i += 2 {
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd >= 4 && 8*odd >= pairs && 20*even <= odd:
		return encUTF16LE, true
	case even >= 4 && 8*even >= pairs && 20*odd <= even:
		return encUTF16BE, true
	}
	return textEncoding{}, false
}

// utf8Stats counts valid multi-byte characters and invalid sequences in s.
// An incomplete sequence at the end of an incomplete sample is ignored.
func utf8Stats(s []byte, complete bool) (valid, invalid, firstInvalid int) {
	firstInvalid = -1
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			if !complete && !utf8.FullRune(s[i:]) {
				break // cut by the sample boundary
			}
			if firstInvalid < 0 {
				firstInvalid = i
			}
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid, invalid, firstInvalid
}

// looksLikeGB18030 reports whether s is well-formed GB18030 that reads like
// everyday Chinese. Well-formedness alone is too weak: Latin-1 text such as
// "Müller" (FC 6C) is also a valid GBK pair. Everyday Chinese lives in the
// GB2312 block (both bytes A1–FE), while a Latin-1 accented letter followed
// by an ASCII letter lands outside it, so at least half of the multi-byte
// characters must be in that block.
func looksLikeGB18030(s []byte, complete bool) bool {
	var common, other int
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b < 0x80:
			i++
			continue
		case b == 0x80: // the euro sign in Windows code page 936
			other++
			i++
			continue
		case b == 0xFF:
			return false
		}
		if i+1 >= len(s) {
			return !complete && common > 0 && common >= other
		}
		b2 := s[i+1]
		switch {
		case b2 >= 0x30 && b2 <= 0x39: // four-byte sequence
			if i+3 >= len(s) {
				return !complete && common > 0 && common >= other
			}
			if s[i+2] < 0x81 || s[i+2] > 0xFE || s[i+3] < 0x30 || s[i+3] > 0x39 {
				return false
			}
			other++
			i += 4
		case b2 >= 0x40 && b2 <= 0xFE && b2 != 0x7F:
			if b >= 0xA1 && b2 >= 0xA1 {
				common++
			} else {
				other++
			}
			i += 2
		default:
			return false
		}
	}
	return common > 0 && common >= other
}
