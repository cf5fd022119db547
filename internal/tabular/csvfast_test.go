package tabular

import (
	"encoding/csv"
	"errors"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// csvReference reads text as csvTable's encoding/csv parser does: one
// record fed alone. ok=false when it reports an error.
func csvReference(text string, delim rune) (cells []string, empty, ok bool) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	cells, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, true, true
	}
	if err != nil {
		return nil, false, false
	}
	// The splitter hands over one record: what encoding/csv reads after
	// it would be another.
	if _, err := r.Read(); !errors.Is(err, io.EOF) {
		return nil, false, false
	}
	return cells, false, true
}

// checkFastParser fails when the fast parser reads text and encoding/csv
// reads it otherwise or not at all.
func checkFastParser(t *testing.T, text string, delim rune) bool {
	t.Helper()
	p := newCSVFastParser(delim)
	got, gotEmpty, ok := p.parse([]byte(text))
	if !ok {
		return false
	}
	want, wantEmpty, wantOK := csvReference(text, delim)
	if !wantOK || gotEmpty != wantEmpty || !slices.Equal(got, want) {
		t.Fatalf("record %q (delimiter %q): fast parser reads %q (empty %v); encoding/csv %q (empty %v, ok %v)",
			text, delim, got, gotEmpty, want, wantEmpty, wantOK)
	}
	// The cells' strings are kept by the caller: reading more records
	// must not change them.
	kept := slices.Clone(got)
	for range 3 {
		p.parse([]byte(text))
	}
	if !slices.Equal(kept, want) {
		t.Fatalf("record %q (delimiter %q): its cells became %q after more records were read, want %q", text, delim, kept, want)
	}
	return true
}

func TestCSVFastParserCases(t *testing.T) {
	tests := []struct {
		text string
		fast bool // read without encoding/csv
	}{
		{"a,b,c\n", true},
		{"a,b,c", true},
		{"\n", true},
		{",,\n", true},
		{"深圳,华强\n", true},
		{`"a,b",c` + "\n", true},
		{`"say ""hi""",x` + "\n", true},
		{`"two` + "\n" + `lines",x` + "\n", true},
		{`a,""` + "\n", true},
		{`"",""` + "\n", true},
		{`a,"b"` + "\n", true},
		{`"a",` + "\n", true},
		{"a,b\r\n", true},
		{`"two` + "\r\n" + `lines",x` + "\r\n", true},
		{"a\rb,c\n", false},                // a lone CR
		{"a,b\r", false},                   // CR at the end of the file
		{`a"b,c` + "\n", false},            // a bare quote: an error
		{`"a"b,c` + "\n", false},           // text after the closing quote: an error
		{`"a,b` + "\n", false},             // never closed
		{"a\nb\n", false},                  // two records
		{`"a"` + "\n" + `b` + "\n", false}, // two records
		{"", false},
	}
	for _, tt := range tests {
		if got := checkFastParser(t, tt.text, ','); got != tt.fast {
			t.Errorf("record %q: read by the fast parser %v, want %v", tt.text, got, tt.fast)
		}
	}
	if newCSVFastParser('；') != nil || newCSVFastParser('"') != nil {
		t.Error("a non-ASCII delimiter or a quote must go to encoding/csv")
	}
}

// TestCSVFastParserMatchesEncodingCSV reads random records made of the
// characters that matter (delimiters, quotes, line breaks, CR, spaces,
// Chinese text) both ways.
func TestCSVFastParserMatchesEncodingCSV(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"a", "b1", "中文", " ", ",", ";", "\t", `"`, `""`, "\n", "\r", "\r\n", "|", "é"}
	fast := 0
	for range 200000 {
		delim := []rune{',', ';', '\t', '|'}[rng.IntN(4)]
		var b strings.Builder
		writeRandomCSVRecord(&b, rng, pieces, delim, 1+rng.IntN(5))
		if rng.IntN(8) > 0 {
			b.WriteByte('\n')
		}
		if checkFastParser(t, b.String(), delim) {
			fast++
		}
	}
	if fast < 50000 {
		t.Errorf("fast parser read only %d of 200000 records", fast)
	}
}

// writeRandomCSVRecord writes fields fields made of random pieces, a third
// of them quoted (a quote piece in a quoted field mostly doubled), without
// the line break.
func writeRandomCSVRecord(b *strings.Builder, rng *rand.Rand, pieces []string, delim rune, fields int) {
	for f := range fields {
		if f > 0 {
			b.WriteRune(delim)
		}
		quoted := rng.IntN(3) == 0
		if quoted {
			b.WriteByte('"')
		}
		for range rng.IntN(4) {
			p := pieces[rng.IntN(len(pieces))]
			if quoted && p == `"` && rng.IntN(4) > 0 {
				p = `""`
			}
			b.WriteString(p)
		}
		if quoted {
			b.WriteByte('"')
		}
	}
}

func FuzzCSVFastParser(f *testing.F) {
	for _, s := range []string{"a,b\n", `"a""b",c` + "\n", `"x` + "\n" + `y",z`, "\n", `a"b`} {
		f.Add(s, byte(','))
	}
	f.Fuzz(func(t *testing.T, text string, delim byte) {
		if newCSVFastParser(rune(delim)) == nil || !validCSVDelimiter(rune(delim)) {
			return
		}
		checkFastParser(t, text, rune(delim))
	})
}
