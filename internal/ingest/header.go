package ingest

import (
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// headerScanRows is how many leading rows may hold titles, notes and blank
// lines before the header row.
const headerScanRows = 30

// detectHeader picks the header row among the first rows of a table.
// Exports often start with a title ("客户名单 2025年3月"), an export date or
// a blank line; the header is the row that names the most known columns.
// When no row names a known column, it is the first row as wide as the
// widest row, since title rows are narrower than the table.
func detectHeader(rows [][]string, o record.Overrides) int {
	best, bestScore := -1, 0
	for i, r := range rows {
		score := 0
		for _, c := range r {
			if record.Known(c) || (c != "" && o.Has(c)) || strings.TrimSpace(c) == record.SourceColumn {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		return best
	}
	widest := 0
	for _, r := range rows {
		widest = max(widest, nonEmpty(r))
	}
	for i, r := range rows {
		if nonEmpty(r) == widest {
			return i
		}
	}
	return 0
}

func nonEmpty(r []string) int {
	n := 0
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// trimTrailingEmpty drops empty cells at the end of a row.
func trimTrailingEmpty(r []string) []string {
	for len(r) > 0 && strings.TrimSpace(r[len(r)-1]) == "" {
		r = r[:len(r)-1]
	}
	return r
}
