package tabular

import (
	"strings"
	"testing"
)

// A line longer than the reader's buffer comes to the splitter in pieces,
// and a delimiter of several bytes (；) can be cut between two of them. It
// is still a delimiter: the quoted field after it, line break and all, is
// one cell, not a broken quote rejecting two rows of a valid file.
func TestCSVMultiByteDelimiterAcrossPieces(t *testing.T) {
	const d = "；"
	for n := csvSampleBytes - 6; n < csvSampleBytes+2; n++ {
		long := strings.Repeat("x", n)
		data := "id" + d + "note" + d + "tail\n" +
			long + d + "\"multi\nline\"" + d + "z\n" +
			"2" + d + "b" + d + "c\n"
		rows := csvReadRows(t, csvOpenBytes(t, "t.csv", []byte(data), Options{Delimiter: '；'}))
		if len(rows) != 3 {
			t.Errorf("line of %d bytes before the delimiter: %d rows, want 3", n, len(rows))
			continue
		}
		for _, r := range rows {
			if r.Problem != "" || len(r.Cells) != 3 {
				t.Errorf("line of %d bytes before the delimiter: row on line %d: %d cells, problem %q",
					n, r.Line, len(r.Cells), r.Problem)
			}
		}
		if got := rows[1].Cells; len(got) == 3 && (got[0] != long || got[1] != "multi\nline" || got[2] != "z") {
			t.Errorf("line of %d bytes before the delimiter: cells %q", n, got[1:])
		}
	}
}
