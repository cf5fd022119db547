package tabular

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// scanAll renders every tag and the text inside <t>/<v> elements, so the
// scanner can be checked against inputs split at every byte.
func scanAll(r io.Reader) (string, error) {
	sc := newXMLScanner(r, 0)
	var b strings.Builder
	for {
		tag, err := sc.next()
		if errors.Is(err, io.EOF) {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		switch tag.kind {
		case startTag:
			fmt.Fprintf(&b, "<%s%s>", tag.name, tag.attrs)
		case emptyTag:
			fmt.Fprintf(&b, "<%s%s/>", tag.name, tag.attrs)
		case endTag:
			fmt.Fprintf(&b, "</%s>", tag.name)
		}
		if tag.kind == startTag && (string(tag.name) == "t" || string(tag.name) == "v") {
			text, over, err := sc.text(nil, 16)
			if err != nil {
				return b.String(), err
			}
			fmt.Fprintf(&b, "[%s", text)
			if over {
				b.WriteString("…")
			}
			b.WriteString("]")
		}
	}
}

func TestXMLScanner(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"prolog, comments, processing instructions skipped",
			`<?xml version="1.0"?><!-- a > b --><a x="1"><?pi?><b/></a>`, `<a x="1"><b/></a>`},
		{"prefixes dropped, end tag spaces", `<x:row r="1"><x:c></x:c ></x:row>`, `<row r="1"><c></c></row>`},
		{"'>' inside a quoted attribute", `<c f='a>b' g="c>d"/>`, `<c f='a>b' g="c>d"/>`},
		{"entities and character references", `<t>&lt;&gt;&amp;&quot;&apos;&#20013;&#x6587;</t>`, `<t>[<>&"'中文]</t>`},
		{"bad references kept literally", `<t>&b &x; &#Z; &#;</t>`, `<t>[&b &x; &#Z; &#;]</t>`},
		{"CRLF and CR become LF", "<t>a\r\nb\rc</t>", "<t>[a\nb\nc]</t>"},
		{"CDATA and comments inside text", `<t>a<![CDATA[<&>]]>b<!-- x -->c</t>`, `<t>[a<&>bc]</t>`},
		{"text capped, the rest skipped", `<v>0123456789abcdefXYZ</v><v>1</v>`, `<v>[0123456789abcdef…]</v><v>[1]</v>`},
		{"surrogate reference replaced", `<t>&#xD800;</t>`, "<t>[\uFFFD]</t>"},
	}
	for _, tt := range tests {
		for _, split := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/one byte reads %v", tt.name, split), func(t *testing.T) {
				var r io.Reader = strings.NewReader(tt.in)
				if split {
					r = iotest.OneByteReader(r)
				}
				got, err := scanAll(r)
				if err != nil {
					t.Fatal(err)
				}
				if got != tt.want {
					t.Errorf("got  %s\nwant %s", got, tt.want)
				}
			})
		}
	}
}

func TestXMLScannerErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
	}{
		{"DTD", `<!DOCTYPE x><a/>`, errDTD},
		{"unterminated tag", `<a x="1"`, errMalformedXML},
		{"unterminated comment", `<a><!-- never ends`, errMalformedXML},
		{"'<' inside a tag", `<a <b>`, errMalformedXML},
		{"nameless tag", `< >`, errMalformedXML},
		{"text without an end", `<t>abc`, errMalformedXML},
		{"huge tag", `<a x="` + strings.Repeat("y", maxTagBytes) + `"/>`, errTagTooLong},
		{"read error", "", iotest.ErrTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r io.Reader = strings.NewReader(tt.in)
			if tt.want == iotest.ErrTimeout {
				r = iotest.TimeoutReader(strings.NewReader("<a>"))
				r.Read(make([]byte, 1)) // the next read fails
			}
			_, err := scanAll(r)
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestXMLAttrs(t *testing.T) {
	attrs := []byte(` r="B12"  s = '3' t="s" xml:space="preserve" broken`)
	var got []string
	it := xmlAttrs{rest: attrs}
	for {
		name, value, ok := it.next()
		if !ok {
			break
		}
		got = append(got, string(name)+"="+string(value))
	}
	if want := "r=B12 s=3 t=s xml:space=preserve"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	if v, ok := attrValue([]byte(` ref="A1&amp;"`), "ref"); !ok || v != "A1&" {
		t.Errorf("attrValue = %q, %v", v, ok)
	}
	if _, ok := attrValue(attrs, "space"); ok {
		t.Errorf("a prefixed attribute matched an unprefixed name")
	}
}

func TestParseCellRef(t *testing.T) {
	tests := []struct {
		ref      string
		col, row int
		ok       bool
	}{
		{"A1", 0, 1, true}, {"b12", 1, 12, true}, {"Z9", 25, 9, true}, {"AA1", 26, 1, true},
		{"XFD1048576", 16383, 1048576, true}, {"XFE1", 16384, 1, true},
		{"A0", 0, 0, false}, {"A1048577", 0, 0, false}, {"1A", 0, 0, false}, {"A", 0, 0, false},
		{"ABCD1", 0, 0, false}, {"", 0, 0, false}, {"A1B", 0, 0, false},
	}
	for _, tt := range tests {
		col, row, ok := parseCellRef([]byte(tt.ref))
		if col != tt.col || row != tt.row || ok != tt.ok {
			t.Errorf("parseCellRef(%q) = %d, %d, %v; want %d, %d, %v", tt.ref, col, row, ok, tt.col, tt.row, tt.ok)
		}
	}
	for col, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := columnName(col); got != want {
			t.Errorf("columnName(%d) = %q, want %q", col, got, want)
		}
	}
}
