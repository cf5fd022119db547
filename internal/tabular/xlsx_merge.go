package tabular

import (
	"errors"
	"fmt"
	"io"
	"slices"
)

const (
	// maxMergedRanges bounds the merge list held in memory per sheet.
	maxMergedRanges = 100_000
	// maxMergedCells bounds how many cells merges may fill, so a tiny file
	// merging A1:XFD1048576 cannot make a billion-cell output.
	maxMergedCells = 1 << 24
)

var (
	errTooManyMerges = fmt.Errorf("it has more than %d merged ranges", maxMergedRanges)
	errMergesTooBig  = fmt.Errorf("its merged cells cover more than %d cells", maxMergedCells)
)

// mergedRange is one merged block of cells: rows are 1-based sheet rows,
// columns 0-based.
type mergedRange struct {
	top, left, bottom, right int
	value                    string // the top-left cell's value, once read
}

// readMergedRanges pre-scans a worksheet part for its merge list, which
// Excel writes after all the rows. The rows are skipped with a byte search
// rather than parsed, so the pre-scan costs about one decompression of the
// part and no memory beyond the list.
func readMergedRanges(r io.Reader, sizeHint uint64) ([]mergedRange, error) {
	sc := newXMLScanner(r, sizeHint)
	var (
		ranges []mergedRange
		cells  int
	)
	for {
		tag, err := sc.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch {
		case tag.is(startTag, "sheetData"):
			// A "sheetData>" inside cell text would end the skip early;
			// that only makes the rest slower to scan, because "<" is
			// always escaped in text and no text can look like a
			// <mergeCell> tag.
			if err := sc.skipPast("sheetData>", nil, 0); err != nil {
				if errors.Is(err, errMalformedXML) {
					// No end to the rows: the row reader will report
					// where the sheet breaks off.
					return nil, nil
				}
				return nil, err
			}
		case tag.opens("mergeCell"):
			ref, _ := attrValue(tag.attrs, "ref")
			m, ok := parseRangeRef(ref)
			if !ok {
				continue // a broken reference merges nothing
			}
			if len(ranges) == maxMergedRanges {
				return nil, errTooManyMerges
			}
			if cells += (m.bottom - m.top + 1) * (m.right - m.left + 1); cells > maxMergedCells {
				return nil, errMergesTooBig
			}
			ranges = append(ranges, m)
		case tag.is(endTag, "mergeCells"):
			return sortRanges(ranges), nil
		}
	}
	return sortRanges(ranges), nil
}

func sortRanges(r []mergedRange) []mergedRange {
	slices.SortStableFunc(r, func(a, b mergedRange) int { return a.top - b.top })
	return r
}

// parseRangeRef parses "B3:B7" (or a lone "B3").
func parseRangeRef(ref string) (mergedRange, bool) {
	from, to := ref, ref
	for i := 0; i < len(ref); i++ {
		if ref[i] == ':' {
			from, to = ref[:i], ref[i+1:]
			break
		}
	}
	c1, r1, ok1 := parseCellRef([]byte(from))
	c2, r2, ok2 := parseCellRef([]byte(to))
	if !ok1 || !ok2 || c1 >= maxSheetColumns || c2 >= maxSheetColumns {
		return mergedRange{}, false
	}
	return mergedRange{top: min(r1, r2), left: min(c1, c2), bottom: max(r1, r2), right: max(c1, c2)}, true
}

// mergeFill gives every cell of a merged range its top-left value as the
// rows stream by. It needs rows in ascending order, which Excel requires.
type mergeFill struct {
	ranges []mergedRange // sorted by top row
	next   int           // first range not yet reached
	active []int         // ranges covering the current row
}

// apply fills row's merged cells, extending cells as needed.
func (m *mergeFill) apply(row int, cells []string) []string {
	for m.next < len(m.ranges) && m.ranges[m.next].top <= row {
		if m.ranges[m.next].bottom >= row {
			m.active = append(m.active, m.next)
		}
		m.next++
	}
	keep := m.active[:0]
	for _, i := range m.active {
		r := &m.ranges[i]
		if r.bottom < row {
			continue
		}
		keep = append(keep, i)
		if r.top == row && r.left < len(cells) {
			r.value = cells[r.left]
		}
		if r.value == "" {
			continue
		}
		// A merge reaching past the widest customer list (a title merged
		// across to XFD) fills only up to it: 16,384-cell rows are what
		// maxCustomerColumns keeps out.
		right := min(r.right, maxCustomerColumns-1)
		for len(cells) <= right {
			cells = append(cells, "")
		}
		for c := r.left; c <= right; c++ {
			cells[c] = r.value
		}
	}
	m.active = keep
	return cells
}
