package report

import (
	"slices"
	"strings"
	"unicode"

	"github.com/jedib0t/go-pretty/v6/text"
)

// minTextWidth is the narrowest a text column is wrapped to: four Chinese
// characters or eight letters.
const minTextWidth = 8

// frameWidth is what the light box style adds to the column widths of an
// n-column table: a border or separator and two padding spaces per column,
// and the right border.
func frameWidth(n int) int { return 3*n + 1 }

// fitWidth wraps the cells of c so the table is at most width columns
// wide (width 0: unlimited), and wraps title to the table's inner width.
// Numeric headers give way first, as wrapping a header costs one line and
// never touches a number; then text columns, widest first. It reports
// false when even the narrowest layout is too wide.
func fitWidth(c *tableCells, numeric []bool, title string, width int) (string, bool) {
	n := len(numeric)
	natural := columnWidths(c)
	floor := make([]int, n)
	for i, h := range c.header {
		if numeric[i] {
			floor[i] = headerFloor(h)
		} else {
			floor[i] = minTextWidth
		}
	}
	c.eachBody(func(line []string) {
		for i, cell := range line {
			if numeric[i] {
				floor[i] = max(floor[i], longestLine(cell))
			}
		}
	})
	for i := range floor {
		floor[i] = min(floor[i], natural[i])
	}

	if width > 0 {
		widths := slices.Clone(natural)
		for excess := sum(widths) + frameWidth(n) - width; excess > 0; excess-- {
			i := nextToShrink(widths, floor, numeric)
			if i < 0 {
				break
			}
			widths[i]--
		}
		wrapCells(c, widths)
	}

	// Measure what go-pretty will draw: a wrapped column can come out
	// narrower than allowed.
	tableWidth := sum(columnWidths(c)) + frameWidth(n)
	if inner := tableWidth - 4; inner > 0 {
		title = wrapCell(title, inner)
	}
	return title, width <= 0 || tableWidth <= width
}

func columnWidths(c *tableCells) []int {
	widths := make([]int, len(c.header))
	c.each(func(line []string) {
		for i, cell := range line {
			widths[i] = max(widths[i], longestLine(cell))
		}
	})
	return widths
}

// headerFloor is the narrowest a numeric column's header may wrap to: an
// English word or two Chinese characters stay whole ("Customers", "平均"),
// a longer Chinese word may split once, in the middle ("客户\n占比").
func headerFloor(h string) int {
	floor := 1
	for _, word := range strings.Fields(h) {
		w := displayWidth(word)
		if w != len(word) && w > 4 { // Chinese, longer than two characters
			w = (w + 1) / 2
			w += w % 2
		}
		floor = max(floor, w)
	}
	return floor
}

// nextToShrink picks the column to narrow next: the widest numeric column
// above its floor, else the widest text column; -1 when none can shrink.
func nextToShrink(widths, floor []int, numeric []bool) int {
	for _, wantNumeric := range []bool{true, false} {
		best := -1
		for i, w := range widths {
			if numeric[i] == wantNumeric && w > floor[i] && (best < 0 || w > widths[best]) {
				best = i
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

func wrapCells(c *tableCells, widths []int) {
	c.each(func(line []string) {
		for i, cell := range line {
			line[i] = wrapCell(cell, widths[i])
		}
	})
}

// wrapCell breaks s into lines at most width display columns wide: at
// spaces where a word fits, inside a longer word otherwise (Chinese text
// has no spaces and may break between any two characters).
func wrapCell(s string, width int) string {
	if width <= 0 || longestLine(s) <= width {
		return s
	}
	var out strings.Builder
	for li, line := range strings.Split(s, "\n") {
		if li > 0 {
			out.WriteByte('\n')
		}
		lineWidth := 0
		for _, word := range strings.Fields(line) {
			ww := displayWidth(word)
			if lineWidth > 0 && lineWidth+1+ww <= width {
				out.WriteByte(' ')
				out.WriteString(word)
				lineWidth += 1 + ww
				continue
			}
			if lineWidth > 0 {
				out.WriteByte('\n')
			}
			chunks := splitWord(word, width)
			out.WriteString(strings.Join(chunks, "\n"))
			lineWidth = displayWidth(chunks[len(chunks)-1])
		}
	}
	return out.String()
}

// splitWord cuts word into as few chunks of at most width columns as
// possible, made as even as that count allows: "北京星河科\n技有限公司"
// rather than "北京星河科技\n有限公司" reads as one name broken in two.
func splitWord(word string, width int) []string {
	chunks := cutWord(word, width)
	if len(chunks) == 1 {
		return chunks
	}
	n := len(chunks)
	for even := (displayWidth(word) + n - 1) / n; even < width; even++ {
		if c := cutWord(word, even); len(c) == n {
			return c
		}
	}
	return chunks
}

// cutWord cuts word greedily into chunks of at most width columns; a
// character wider than width gets a chunk of its own.
func cutWord(word string, width int) []string {
	var chunks []string
	start, w := 0, 0
	for i, r := range word {
		rw := text.RuneWidth(r)
		if w > 0 && w+rw > width {
			chunks = append(chunks, word[start:i])
			start, w = i, 0
		}
		w += rw
	}
	return append(chunks, word[start:])
}

// displayWidth is the terminal width of s, East Asian wide characters
// counting two: the measure go-pretty pads with.
func displayWidth(s string) int { return text.StringWidthWithoutEscSequences(s) }

func longestLine(s string) int {
	longest := 0
	for line := range strings.SplitSeq(s, "\n") {
		longest = max(longest, displayWidth(line))
	}
	return longest
}

func sum(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

// sanitizeCells replaces control characters in cells with spaces: a
// company name carrying a newline or an escape sequence from a CRM export
// must not break the table or drive the terminal.
func sanitizeCells(c *tableCells) {
	c.each(func(line []string) {
		for i, cell := range line {
			if strings.IndexFunc(cell, unicode.IsControl) >= 0 {
				line[i] = strings.Map(func(r rune) rune {
					if unicode.IsControl(r) {
						return ' '
					}
					return r
				}, cell)
			}
		}
	})
}
