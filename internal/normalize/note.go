package normalize

import "strings"

var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n")

// Note is Text for free text that keeps its line breaks (notes, remarks):
// every line is cleaned as Text cleans it, CRLF and CR become LF, blank
// lines at the start and end are dropped and a run of blank lines becomes
// one. Note(Note(s)) == Note(s).
func Note(s string) string {
	if !strings.ContainsAny(s, "\r\n\u2028\u2029\u0085") {
		return Text(s)
	}
	s = lineBreaks.Replace(s)
	var b strings.Builder
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = Text(line)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}
