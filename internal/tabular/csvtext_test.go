package tabular

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestCSVTextStringsNeverChange hands csvText many records through one
// reused buffer, as the splitter does, across several blocks and past the
// size shared in a block: every string handed out must still read as it
// did, whatever was copied after it.
func TestCSVTextStringsNeverChange(t *testing.T) {
	var text csvText
	var buf []byte
	var got, want []string
	for i := 0; len(want) < 20 || i < 4*csvTextSlab/100; i++ {
		n := []int{0, 1, 37, 99, 1000, csvTextMaxShared, csvTextMaxShared + 1}[i%7]
		buf = buf[:0]
		for len(buf) < n {
			buf = fmt.Appendf(buf, "%d,深圳;", i)
		}
		buf = buf[:n]
		s := text.string(buf)
		got = append(got, s)
		want = append(want, string(buf))
		for j := range buf {
			buf[j] = 'X' // the splitter's buffer is overwritten by the next record
		}
		if i%500 == 0 {
			runtime.GC() // a block must live while any string of it does
		}
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("string %d (of %d) changed: %.40q…, want %.40q…", i, len(got), got[i], want[i])
		}
	}
}

// TestCSVTableKeptCellsUnchanged keeps the cells of every row, as a sink
// may, while a file of several blocks of text is read: plain, quoted,
// escaped and CRLF records, and records too long to share a block. The
// cells kept from the first rows must be unchanged at the end, and every
// row what encoding/csv reads from the whole file.
func TestCSVTableKeptCellsUnchanged(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,company,note\r\n")
	for i := 0; b.Len() < 5*csvTextSlab; i++ {
		switch {
		case i%500 == 3:
			fmt.Fprintf(&b, "C%d,%s,long\r\n", i, strings.Repeat("长", csvTextMaxShared/3+i%7))
		case i%4 == 0:
			fmt.Fprintf(&b, "C%d,深圳市腾飞科技有限公司%d,plain\r\n", i, i)
		case i%4 == 1:
			fmt.Fprintf(&b, "C%d,\"Acme, Inc. %d\",quoted\r\n", i, i)
		case i%4 == 2:
			fmt.Fprintf(&b, "C%d,\"Say \"\"%d\"\"\",\"two\r\nlines\"\r\n", i, i)
		default:
			fmt.Fprintf(&b, "C%d,,\r\n", i)
		}
	}
	data := []byte(b.String())

	want, err := csvReadAllReference(data)
	if err != nil {
		t.Fatal(err)
	}
	tb := csvOpenBytes(t, "kept.csv", data, Options{})
	var kept, copies [][]string
	for {
		r, err := tb.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if r.Problem != "" {
			t.Fatalf("line %d: %s", r.Line, r.Problem)
		}
		kept = append(kept, slices.Clone(r.Cells)) // the strings themselves, not copies
		copies = append(copies, cloneStrings(r.Cells))
		if len(kept)%1000 == 0 {
			runtime.GC()
		}
	}
	if len(kept) != len(want) {
		t.Fatalf("read %d rows, encoding/csv reads %d", len(kept), len(want))
	}
	for i := range kept {
		if !slices.Equal(kept[i], copies[i]) {
			t.Fatalf("row %d changed after later rows were read: %q, was %q", i+1, kept[i], copies[i])
		}
		if !slices.Equal(kept[i], want[i]) {
			t.Fatalf("row %d = %q, encoding/csv reads %q", i+1, kept[i], want[i])
		}
	}
}

// csvReadAllReference reads a whole file with encoding/csv.
func csvReadAllReference(data []byte) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	return r.ReadAll()
}

func cloneStrings(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.Clone(c)
	}
	return out
}
