package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// xmlScanner is a small pull parser for the SpreadsheetML parts crmkit
// streams (worksheets, shared strings). encoding/xml allocates for every
// token, which is most of the ~24 µs per row excelize's row iterator costs;
// this scanner works in place on one reused buffer and only understands
// what those parts contain: tags with attributes, character data with
// entities, CDATA, comments and processing instructions. A DTD is refused.
type xmlScanner struct {
	r        io.Reader
	buf      []byte
	pos, end int
	rerr     error // sticky read error; io.EOF at the end of the part
}

type tagKind uint8

const (
	startTag tagKind = iota + 1 // <name ...>
	endTag                      // </name>
	emptyTag                    // <name .../>
)

// xmlTag is one tag. name and attrs point into the scanner's buffer and are
// only valid until the next call on the scanner.
type xmlTag struct {
	kind  tagKind
	name  []byte // local name, namespace prefix removed
	attrs []byte // raw attribute text of a start or empty tag
}

func (t xmlTag) is(kind tagKind, local string) bool {
	return t.kind == kind && string(t.name) == local
}

// opens reports whether t is a start or empty tag named local.
func (t xmlTag) opens(local string) bool {
	return t.kind != endTag && string(t.name) == local
}

const (
	scanBufSize = 64 << 10
	// maxTagBytes bounds one tag with its attributes; real tags are tens of
	// bytes, so anything near this is a hostile file.
	maxTagBytes = 1 << 20
	// maxEntityBytes is the longest entity reference we decode (&#x10FFFF;).
	maxEntityBytes = 10
)

var (
	errMalformedXML = errors.New("malformed XML")
	errTagTooLong   = errors.New("malformed XML: a tag is longer than 1 MiB")
	errDTD          = errors.New("XML document type declarations are not allowed")
)

// newXMLScanner reads r; sizeHint, the part's size when known (else 0),
// keeps small parts from getting a full-size buffer.
func newXMLScanner(r io.Reader, sizeHint uint64) *xmlScanner {
	size := scanBufSize
	if sizeHint > 0 && sizeHint < scanBufSize {
		size = max(int(sizeHint)+16, 512)
	}
	return &xmlScanner{r: r, buf: make([]byte, size)}
}

// fill reads more input after buf[pos:end], moving the unread bytes to the
// front first and growing the buffer up to limit when it is full. It reports
// false when no more input can be had (end, read error, or limit reached).
func (s *xmlScanner) fill(limit int) bool {
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= limit {
			return false
		}
		nb := make([]byte, min(2*len(s.buf), limit))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for s.rerr == nil {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.rerr = err
		}
		if n > 0 {
			return true
		}
	}
	return false
}

// inputErr is the error to report when input ran out in the middle of
// something: the read error, or a malformed-XML error at a clean end.
func (s *xmlScanner) inputErr() error {
	if s.rerr == nil || s.rerr == io.EOF {
		return fmt.Errorf("%w: the part ends in the middle of the markup", errMalformedXML)
	}
	return s.rerr
}

// next skips character data and returns the next tag. It returns io.EOF
// at the end of the input.
func (s *xmlScanner) next() (xmlTag, error) {
	for {
		i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
		if i < 0 {
			s.pos = s.end
			if !s.fill(len(s.buf)) {
				if s.rerr == io.EOF || s.rerr == nil {
					return xmlTag{}, io.EOF
				}
				return xmlTag{}, s.rerr
			}
			continue
		}
		s.pos += i
		tag, err := s.markup(nil, 0)
		if err != nil || tag.kind != 0 {
			return tag, err
		}
	}
}

// markup consumes the markup at buf[pos] == '<'. Tags are returned;
// comments and processing instructions are skipped (kind 0). CDATA is
// skipped too, unless cdata is set: then its content is appended to *cdata,
// which is not let grow past limit bytes.
func (s *xmlScanner) markup(cdata *[]byte, limit int) (xmlTag, error) {
	if !s.ensure(2) {
		return xmlTag{}, s.inputErr()
	}
	switch s.buf[s.pos+1] {
	case '?':
		return xmlTag{}, s.skipPast("?>", nil, 0)
	case '!':
		switch {
		case s.hasPrefix("<!--"):
			return xmlTag{}, s.skipPast("-->", nil, 0)
		case s.hasPrefix("<![CDATA["):
			s.pos += len("<![CDATA[")
			return xmlTag{}, s.skipPast("]]>", cdata, limit)
		case s.ensure(9) && bytes.EqualFold(s.buf[s.pos:s.pos+9], []byte("<!DOCTYPE")):
			return xmlTag{}, errDTD
		}
		if !s.ensure(9) {
			return xmlTag{}, s.inputErr()
		}
		return xmlTag{}, fmt.Errorf("%w: unexpected %q", errMalformedXML, s.buf[s.pos:s.pos+9])
	case '/':
		end, err := s.tagEnd()
		if err != nil {
			return xmlTag{}, err
		}
		name := s.buf[s.pos+2 : end]
		for len(name) > 0 && isXMLSpace(name[len(name)-1]) {
			name = name[:len(name)-1]
		}
		s.pos = end + 1
		return xmlTag{kind: endTag, name: localName(name)}, nil
	}
	end, err := s.tagEnd()
	if err != nil {
		return xmlTag{}, err
	}
	body := s.buf[s.pos+1 : end]
	s.pos = end + 1
	kind := startTag
	if len(body) > 0 && body[len(body)-1] == '/' {
		kind = emptyTag
		body = body[:len(body)-1]
	}
	n := 0
	for n < len(body) && !isXMLSpace(body[n]) {
		n++
	}
	if n == 0 {
		return xmlTag{}, fmt.Errorf("%w: a tag without a name", errMalformedXML)
	}
	return xmlTag{kind: kind, name: localName(body[:n]), attrs: body[n:]}, nil
}

// ensure makes at least n bytes available from pos, reading more as needed.
func (s *xmlScanner) ensure(n int) bool {
	for s.end-s.pos < n {
		if !s.fill(maxTagBytes) {
			return false
		}
	}
	return true
}

func (s *xmlScanner) hasPrefix(p string) bool {
	return s.ensure(len(p)) && string(s.buf[s.pos:s.pos+len(p)]) == p
}

// consume skips the literal markup p if the input continues with it; the
// fast path for the exact shapes common writers produce.
func (s *xmlScanner) consume(p string) bool {
	if s.hasPrefix(p) {
		s.pos += len(p)
		return true
	}
	return false
}

// tagEnd returns the index of the '>' closing the tag at pos, skipping
// quoted attribute values, which may contain '>'.
func (s *xmlScanner) tagEnd() (int, error) {
	var quote byte
	for off := 1; ; off++ {
		if s.pos+off >= s.end {
			if !s.fill(maxTagBytes) {
				if s.end-s.pos >= maxTagBytes {
					return 0, errTagTooLong
				}
				return 0, s.inputErr()
			}
		}
		c := s.buf[s.pos+off]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return s.pos + off, nil
		case c == '<':
			return 0, fmt.Errorf("%w: '<' inside a tag", errMalformedXML)
		}
	}
}

// skipPast moves past the next occurrence of term. Bytes before it are
// appended to *keep (when not nil), not letting it grow past limit; it never
// needs the whole skipped span in the buffer, so a huge comment costs no
// memory.
func (s *xmlScanner) skipPast(term string, keep *[]byte, limit int) error {
	for {
		window := s.buf[s.pos:s.end]
		if i := bytes.Index(window, []byte(term)); i >= 0 {
			if keep != nil {
				*keep = appendCapped(*keep, window[:i], limit)
			}
			s.pos += i + len(term)
			return nil
		}
		// Keep a possible partial terminator for the next round.
		consumed := max0(len(window) - (len(term) - 1))
		if keep != nil {
			*keep = appendCapped(*keep, window[:consumed], limit)
		}
		s.pos += consumed
		if !s.fill(len(s.buf)) {
			return s.inputErr()
		}
	}
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

// text appends the character data before the next tag to dst: entities
// decoded, CDATA included, line ends normalized to \n as XML requires. At
// most maxBytes are appended; over reports that the cap was reached, so a
// hostile multi-megabyte cell costs no more memory than a legal one.
func (s *xmlScanner) text(dst []byte, maxBytes int) (out []byte, over bool, err error) {
	start := len(dst)
	limit := start + maxBytes
	for {
		window := s.buf[s.pos:s.end]
		i := bytes.IndexByte(window, '<')
		data := window
		if i >= 0 {
			data = window[:i]
		} else if s.rerr == nil {
			// An entity or a \r\n pair may continue in the next read.
			data = window[:safeSplit(window)]
		}
		dst = appendCharData(dst, data, limit)
		s.pos += len(data)
		if i >= 0 {
			if !s.ensure(2) {
				return dst, len(dst) >= limit, s.inputErr()
			}
			if s.buf[s.pos+1] != '!' {
				// Reaching the cap means something may have been cut;
				// a value of exactly maxBytes counts as cut too, which
				// is safe as callers cap far above Excel's cell limit.
				return dst, len(dst) >= limit, nil
			}
			// A comment or CDATA inside text: consume it and go on.
			if _, err := s.markup(&dst, limit); err != nil {
				return dst, false, err
			}
			continue
		}
		if !s.fill(len(s.buf)) {
			if s.pos < s.end { // the held-back tail at the end of input
				dst = appendCharData(dst, s.buf[s.pos:s.end], limit)
				s.pos = s.end
			}
			return dst, false, s.inputErr()
		}
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// localName drops a namespace prefix: SpreadsheetML written by .NET tools
// often uses <x:row>, <x:c>.
func localName(name []byte) []byte {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}
