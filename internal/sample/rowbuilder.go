package sample

// rowBuilder collects one row's cells in a single byte buffer; the row
// becomes one string and every cell a substring of it, so a row costs two
// allocations whatever its width.
type rowBuilder struct {
	buf   []byte
	start []int32
	end   []int32
}

func newRowBuilder(cells int) *rowBuilder {
	return &rowBuilder{buf: make([]byte, 0, 1024), start: make([]int32, cells), end: make([]int32, cells)}
}

func (b *rowBuilder) reset() {
	b.buf = b.buf[:0]
	for i := range b.start {
		b.start[i], b.end[i] = 0, 0
	}
}

// open and close mark where a cell's bytes start and end.
func (b *rowBuilder) open(cell int)  { b.start[cell] = int32(len(b.buf)) }
func (b *rowBuilder) close(cell int) { b.end[cell] = int32(len(b.buf)) }

// set writes a whole cell.
func (b *rowBuilder) set(cell int, s string) {
	b.open(cell)
	b.buf = append(b.buf, s...)
	b.close(cell)
}

// cells turns the buffer into the row, in column order given by layout
// (layout[col] = cell index). Cells never written are empty.
func (b *rowBuilder) cells(layout []int) []string {
	s := string(b.buf)
	row := make([]string, len(layout))
	for col, cell := range layout {
		row[col] = s[b.start[cell]:b.end[cell]]
	}
	return row
}
