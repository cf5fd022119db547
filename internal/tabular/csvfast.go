package tabular

import (
	"bytes"
	"unicode/utf8"
)

// csvFastParser reads the records the splitter cuts, in the common case,
// without encoding/csv: the splitter has already found where the record
// ends, so the parser's own line reading, its copy of the text through a
// bufio.Reader and its search for line breaks are work done twice. It reads
// a record exactly as encoding/csv would (LazyQuotes off, \r\n read as \n,
// fields slices of one string per record) or declines it: a carriage
// return not followed by a line break, a quote inside an unquoted field,
// anything after a closing quote but the delimiter or the end of the
// record, a line break outside quotes, an unclosed quote. Declined records go to encoding/csv, which reads them or
// reports the error it always reported. TestCSVFastParserMatchesEncodingCSV
// and FuzzCSVFastParser compare the two.
type csvFastParser struct {
	delim byte
	cells []string
	buf   []byte  // the fields unescaped, when one has "" or \r\n
	ends  []int   // start and end of each field, in the record or buf
	crlf  bool    // the record has \r\n line breaks
	text  csvText // the strings the cells are slices of
}

// newCSVFastParser returns nil for a delimiter it does not read (not
// ASCII, or a line break or quote, which encoding/csv refuses anyway).
func newCSVFastParser(delim rune) *csvFastParser {
	if delim >= utf8.RuneSelf || delim == '"' || delim == '\r' || delim == '\n' || delim == 0 {
		return nil
	}
	return &csvFastParser{delim: byte(delim)}
}

// parse reads one record (its text ends with a line break, or at the end
// of the file). empty says it is an empty line, which encoding/csv skips.
// The cells are valid until the next call; their strings are kept.
func (p *csvFastParser) parse(text []byte) (cells []string, empty, ok bool) {
	p.crlf = false
	if i := bytes.IndexByte(text, '\r'); i >= 0 {
		if !onlyCRLF(text[i:]) {
			return nil, false, false
		}
		p.crlf = true // Windows line breaks, which encoding/csv reads as \n
	}
	line := text
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	if len(line) == 0 {
		return nil, true, len(text) > 0
	}
	if bytes.IndexByte(line, '"') < 0 {
		return p.plain(line)
	}
	return p.quoted(line)
}

// plain splits a record without quotes: its fields are slices of one string.
func (p *csvFastParser) plain(line []byte) ([]string, bool, bool) {
	s := p.text.string(line)
	p.cells = p.cells[:0]
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case p.delim:
			p.cells = append(p.cells, s[start:i])
			start = i + 1
		case '\n':
			return nil, false, false // a line break outside quotes: not one record
		}
	}
	p.cells = append(p.cells, s[start:])
	return p.cells, false, true
}

// quoted reads a record with quotes. Its fields are slices of one string
// of the record's text, with the quotes around them left out; only a
// record with "" or a line break inside quotes is copied unescaped into
// buf first.
func (p *csvFastParser) quoted(line []byte) ([]string, bool, bool) {
	p.ends = p.ends[:0] // start and end of each field in line
	escaped := false
	for at := 0; ; {
		if at < len(line) && line[at] == '"' {
			// A quoted field: "" is a quote, a line break is text; it ends
			// at a quote followed by the delimiter or the end.
			start := at + 1
			end := start
			for {
				i := bytes.IndexByte(line[end:], '"')
				if i < 0 {
					return nil, false, false // never closed
				}
				end += i
				if end+1 < len(line) && line[end+1] == '"' {
					escaped = true
					end += 2
					continue
				}
				break
			}
			if p.crlf && bytes.IndexByte(line[start:end], '\r') >= 0 {
				escaped = true
			}
			p.ends = append(p.ends, start, end)
			at = end + 1
			switch {
			case at == len(line):
				return p.cut(line, escaped), false, true
			case line[at] != p.delim:
				return nil, false, false // text after the closing quote
			}
			at++
			continue
		}
		// An unquoted field, up to the delimiter; fields are short, so one
		// pass over the bytes beats a search for each of three.
		i := at
	field:
		for ; i < len(line); i++ {
			switch line[i] {
			case p.delim:
				break field
			case '"', '\n':
				return nil, false, false // a bare quote, or a line break outside quotes
			}
		}
		p.ends = append(p.ends, at, i)
		if i == len(line) {
			return p.cut(line, escaped), false, true
		}
		at = i + 1
	}
}

// cut makes the cells of the fields found in line, all slices of one
// string: of line itself, or when a field needs unescaping, of the fields
// written unescaped one after the other.
func (p *csvFastParser) cut(line []byte, escaped bool) []string {
	p.cells = p.cells[:0]
	if !escaped {
		s := p.text.string(line)
		for i := 0; i < len(p.ends); i += 2 {
			p.cells = append(p.cells, s[p.ends[i]:p.ends[i+1]])
		}
		return p.cells
	}
	p.buf = p.buf[:0]
	for i := 0; i < len(p.ends); i += 2 {
		start := len(p.buf)
		p.appendUnescaped(line[p.ends[i]:p.ends[i+1]])
		p.ends[i], p.ends[i+1] = start, len(p.buf)
	}
	s := p.text.string(p.buf)
	for i := 0; i < len(p.ends); i += 2 {
		p.cells = append(p.cells, s[p.ends[i]:p.ends[i+1]])
	}
	return p.cells
}

// appendUnescaped appends a field's text: "" read as a quote (only a
// quoted field has them), \r\n as \n (only inside quotes: parse checked).
func (p *csvFastParser) appendUnescaped(text []byte) {
	for {
		i := bytes.IndexAny(text, "\"\r")
		if i < 0 {
			p.buf = append(p.buf, text...)
			return
		}
		p.buf = append(p.buf, text[:i]...)
		p.buf = append(p.buf, text[i+1]) // the second quote, or the \n
		text = text[i+2:]
	}
}

// onlyCRLF reports whether every \r in text is followed by \n.
func onlyCRLF(text []byte) bool {
	for i := bytes.IndexByte(text, '\r'); i >= 0; {
		if i+1 == len(text) || text[i+1] != '\n' {
			return false
		}
		text = text[i+2:]
		i = bytes.IndexByte(text, '\r')
	}
	return true
}
