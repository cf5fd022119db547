package ingest

import (
	"context"
	"runtime"
	"strings"
	"testing"
)

// Wide rows (16,000 cells, nearly all empty) move between the reader and
// the workers in batches bounded by bytes, not only by row count.
func TestBatchesBoundedByBytes(t *testing.T) {
	var b strings.Builder
	b.WriteString("客户名称,联系人,手机\n")
	tail := strings.Repeat(",", 16_000)
	for i := range 3000 {
		b.WriteString("华强电子,张伟,1380013" + strings.Repeat("0", 4-len(itoa(i))) + itoa(i) + tail + "\n")
	}
	path := writeFile(t, "wide.csv", b.String())
	in, err := Open([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	st, err := in.Run(context.Background(), 2, &collect{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if st.Out != 3000 {
		t.Fatalf("out %d, want 3000", st.Out)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d MB for a %d MB file", alloc>>20, b.Len()>>20)
	if alloc > 400<<20 {
		t.Errorf("allocated %d MB reading a %d MB file of wide rows, want at most 400 MB", alloc>>20, b.Len()>>20)
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

// A table whose rows are nearly all rejected stops, naming the reason.
func TestTooManyRejectsStop(t *testing.T) {
	var b strings.Builder
	b.WriteString("客户名称,联系人,手机\n华强电子,张伟,13800138000\n")
	for range maxRejectedRows + 5 {
		b.WriteString("x\n")
	}
	in, err := Open([]string{writeFile(t, "bad.csv", b.String())}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	c := &collect{}
	_, err = in.Run(context.Background(), 2, c)
	if err == nil || !strings.Contains(err.Error(), "10001 of the first 10002 rows (up to line 10003) are rejected") ||
		!strings.Contains(err.Error(), "row has 1 values but the header has 3 columns") {
		t.Fatalf("error = %v", err)
	}
	if len(c.rejects) != maxRejectedRows+1 {
		t.Errorf("%d rejects handed on, want the run stopped at %d", len(c.rejects), maxRejectedRows+1)
	}
}
