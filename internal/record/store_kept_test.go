package record

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// A store kept for life gives back exactly what a store on the heap does,
// past the point where its blocks leave the heap, and its records stay
// the same through collections and later additions.
func TestStoreKeptForLifeReadsBackTheSame(t *testing.T) {
	var heap, kept Store
	kept.KeepForLife()
	var r Record
	n := 0
	for kept.Bytes() < 3*keptOnHeap {
		r = Record{}
		r.Values[ID] = fmt.Sprintf("C%07d", n)
		r.Values[Company] = strings.Repeat("深圳市华强电子有限公司", 1+n%7)
		r.Values[Notes] = strings.Repeat("x", n%300)
		r.Extra = []string{fmt.Sprint(n), ""}
		r.Source = fmt.Sprintf("in.csv:%d", n+2)
		heap.Add(&r)
		kept.Add(&r)
		n++
	}
	// One record larger than a block.
	r.Values[Notes] = strings.Repeat("长", arenaChunk)
	heap.Add(&r)
	kept.Add(&r)
	var first Record
	kept.Get(0, &first)
	firstID := strings.Clone(first.Values[ID])
	runtime.GC()
	if kept.Len() != heap.Len() {
		t.Fatalf("kept %d records, heap %d", kept.Len(), heap.Len())
	}
	var a, b Record
	for i := range heap.Len() {
		heap.Get(i, &a)
		kept.Get(i, &b)
		if a.Values != b.Values || a.Source != b.Source || strings.Join(a.Extra, "\x00") != strings.Join(b.Extra, "\x00") {
			t.Fatalf("record %d differs: %q vs %q", i, a.Values[ID], b.Values[ID])
		}
	}
	if first.Values[ID] != firstID {
		t.Fatalf("a string from Get changed: %q, was %q", first.Values[ID], firstID)
	}
}
