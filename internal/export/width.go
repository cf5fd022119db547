package export

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

const (
	widthSampleRows = 1000 // rows measured for column widths
	minColWidth     = 8
	maxColWidth     = 60
	widthPadding    = 2 // room for the autofilter button
)

// displayWidth counts columns as a terminal or Excel lays text out: CJK and
// full-width characters take two. East Asian ambiguous characters are
// narrow whatever the locale, so that widths do not depend on who exports.
var displayWidth = &runewidth.Condition{EastAsianWidth: false}

// widthMeter measures the header and the first widthSampleRows rows of a
// sheet; only measuring is done per row, no row is kept.
type widthMeter struct {
	max  []int
	rows int
}

func newWidthMeter(cols []Column) *widthMeter {
	m := &widthMeter{max: make([]int, len(cols))}
	for i, c := range cols {
		m.max[i] = textWidth(c.Name)
	}
	return m
}

// observe measures a row of cell values as written; done reports that the
// sample is complete.
func (m *widthMeter) observe(cells []string) {
	if m.done() {
		return
	}
	m.rows++
	for i, s := range cells {
		if len(s) <= m.max[i]/2 { // cannot be wider: at most 2 columns per byte
			continue
		}
		if w := textWidth(s); w > m.max[i] {
			m.max[i] = w
		}
	}
}

func (m *widthMeter) done() bool { return m.rows >= widthSampleRows }

// widths returns Excel column widths, clamped to [minColWidth, maxColWidth].
func (m *widthMeter) widths() []float64 {
	out := make([]float64, len(m.max))
	for i, w := range m.max {
		out[i] = float64(min(max(w+widthPadding, minColWidth), maxColWidth))
	}
	return out
}

// textWidth is the width of the longest line of s.
func textWidth(s string) int {
	w := 0
	for s != "" {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		w = max(w, displayWidth.StringWidth(line))
	}
	return w
}
