package tabular

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// feedByField is quoteScan.feed as it was written first, one search for
// the delimiter a field: the reference the counting one must match.
func (q *quoteScan) feedByField(p, delim []byte, line int) {
	for i := 0; i < len(p); {
		switch q.state {
		case scanFieldStart:
			if p[i] == '"' {
				q.state, q.openCol, q.openLine = scanQuoted, q.columns, line
				i++
				continue
			}
			q.state = scanUnquoted
		case scanUnquoted:
			j := bytes.Index(p[i:], delim)
			if j < 0 {
				return
			}
			i += j + len(delim)
			q.columns++
			q.state = scanFieldStart
		case scanQuoted:
			j := bytes.IndexByte(p[i:], '"')
			if j < 0 {
				return
			}
			i += j + 1
			q.state = scanQuoteInQuoted
		case scanQuoteInQuoted:
			if p[i] == '"' {
				q.state = scanQuoted
				i++
				continue
			}
			q.state = scanUnquoted
		}
	}
}

// checkQuoteScan feeds pieces both ways, from every state, and fails when
// the scans end apart.
func checkQuoteScan(t *testing.T, pieces []string, delim string) {
	t.Helper()
	for state := scanFieldStart; state <= scanQuoteInQuoted; state++ {
		var got, want quoteScan
		got.reset()
		got.state = state
		want = got
		for line, p := range pieces {
			got.feed([]byte(p), []byte(delim), line+1)
			want.feedByField([]byte(p), []byte(delim), line+1)
			if got != want {
				t.Fatalf("pieces %q (delimiter %q, from state %d): after %q the scan is %+v, want %+v",
					pieces, delim, state, p, got, want)
			}
		}
	}
}

func TestQuoteScanCountsAsFieldByField(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	bits := []string{"a", "中文", ",", ";", "\t", "；", `"`, `""`, "\n", "\r\n", " ", "\xef\xbc", "\x9b"}
	for range 100000 {
		delim := []string{",", ";", "\t", "；"}[rng.IntN(4)]
		var pieces []string
		for range 1 + rng.IntN(3) {
			var b strings.Builder
			for range rng.IntN(12) {
				b.WriteString(bits[rng.IntN(len(bits))])
			}
			pieces = append(pieces, b.String())
		}
		checkQuoteScan(t, pieces, delim)
	}
}

func FuzzQuoteScan(f *testing.F) {
	for _, s := range []string{"a,b\n", `a,"b,c",d`, `x"y,"z"""`, "；\"；", `"a""b",`} {
		f.Add(s, "|", byte(','))
	}
	f.Fuzz(func(t *testing.T, text, cut string, delim byte) {
		d := string(rune(delim))
		if !validCSVDelimiter(rune(delim)) {
			d = "；"
		}
		checkQuoteScan(t, strings.Split(text, cut), d)
	})
}
