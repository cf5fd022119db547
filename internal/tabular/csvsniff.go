package tabular

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// delimiterCandidates are the delimiters sniffed, in order of preference
// when two score the same.
var delimiterCandidates = []rune{',', '\t', ';', '|'}

// csvSniffRecords is how many records of the sample are scored.
const csvSniffRecords = 50

// sniffDelimiter picks the delimiter of a table from the start of its
// (decoded) text. preferTab is set for .tsv/.tab names and UTF-16 files
// (Excel's "Unicode text" is tab-separated).
//
// Scoring: the sample is parsed with each candidate by the same CSV parser
// that reads the file, so quoted fields hide their delimiters and line
// breaks. Rows with fewer than two non-empty cells tell nothing — title
// rows ("客户名单 2025年3月", "客户名单,,,,,"), blank rows, single values — and
// are ignored. Among the other rows the most common field count m (ties: the
// larger m) is found; the candidate's score is the number of rows with
// exactly m fields. The right delimiter splits header and data rows the
// same way; a wrong one splits only the rows that happen to contain it
// (an address with a comma, a decimal comma) into varying counts. The
// highest score wins, then the larger m, then the order of
// delimiterCandidates; preferTab doubles the tab's score. With no score at
// all (a single column, an empty file) the default is the comma, or the tab
// when preferred.
func sniffDelimiter(sample []byte, complete bool, preferTab bool) rune {
	if !complete {
		// Drop the last, possibly cut line.
		if i := bytes.LastIndexByte(sample, '\n'); i >= 0 {
			sample = sample[:i+1]
		}
	}
	best, bestScore, bestWidth := ',', 0, 0
	if preferTab {
		best = '\t'
	}
	for _, d := range delimiterCandidates {
		score, width := delimiterScore(sample, d)
		if d == '\t' && preferTab {
			score *= 2
		}
		if score > bestScore || (score == bestScore && score > 0 && width > bestWidth) {
			best, bestScore, bestWidth = d, score, width
		}
	}
	return best
}

// delimiterScore returns how many sampled rows share the most common field
// count, and that count.
func delimiterScore(sample []byte, delim rune) (score, width int) {
	r := csv.NewReader(bytes.NewReader(sample))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = true // a sample is scored, not validated
	r.ReuseRecord = true
	counts := map[int]int{}
	for range csvSniffRecords {
		rec, err := r.Read()
		if err != nil && rec == nil {
			break
		}
		if csvNonEmptyCells(rec) < 2 {
			continue
		}
		counts[len(rec)]++
	}
	for w, n := range counts {
		if n > score || (n == score && w > width) {
			score, width = n, w
		}
	}
	return score, width
}

func csvNonEmptyCells(rec []string) int {
	n := 0
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}
