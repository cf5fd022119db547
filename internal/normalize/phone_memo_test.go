package normalize

import (
	"strings"
	"testing"
	"unsafe"
)

// TestPhoneMemoKeepsCopies: the memo outlives the records, and a cell's
// string may share a block of the reader's text with many other rows, so
// the number it is kept under must be a copy, not the cell.
func TestPhoneMemoKeepsCopies(t *testing.T) {
	text := strings.Repeat("x", 100) + "(415) 555-2672" + strings.Repeat("y", 100) // one block, as the reader's
	number := text[100 : 100+len("(415) 555-2672")]
	got, ok := phoneNumber(number, "US")
	if !ok || got != "+14155552672" {
		t.Fatalf("phoneNumber(%q) = %q, %v; want +14155552672, true", number, got, ok)
	}
	phoneMemo.mu.RLock()
	defer phoneMemo.mu.RUnlock()
	found := false
	for _, m := range []map[phoneKey]phoneResult{phoneMemo.cur, phoneMemo.old} {
		for k := range m {
			if k.number != number {
				continue
			}
			found = true
			block := uintptr(unsafe.Pointer(unsafe.StringData(text)))
			at := uintptr(unsafe.Pointer(unsafe.StringData(k.number)))
			if at >= block && at < block+uintptr(len(text)) {
				t.Errorf("the memo keeps %q as a slice of the cell's text", k.number)
			}
		}
	}
	if !found {
		t.Fatalf("%q went to the fast path, not the memo: pick another number", number)
	}
}
