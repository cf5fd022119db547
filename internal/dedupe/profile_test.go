package dedupe

import (
	"strings"
	"testing"
	"unsafe"
)

// A profile's strings are offsets into one packed string; values too long
// for 16-bit offsets are held whole and compare as any other.
func TestProfileLongValues(t *testing.T) {
	long := "12 " + strings.Repeat("harbour road ", 12000)
	p := prof("company", "Acme Trading Ltd", "name", "Anna Berg", "address", long, "city", "Oslo")
	if p.long == nil {
		t.Fatalf("a %d-byte blob kept in 16-bit offsets", len(p.blob))
	}
	if p.name() != "Anna Berg" || p.city() != "oslo" || p.house() != "12" {
		t.Errorf("name %q city %q house %q", p.name(), p.city(), p.house())
	}
	q := prof("company", "Acme Trading Ltd", "name", "Anna Berg", "address", long, "city", "Oslo")
	for _, c := range []struct {
		field string
		cmp   func(a, b *profile) Level
	}{{"address", compareAddress}, {"name", compareName}, {"company", compareCompany}, {"city", compareCity}} {
		if got := c.cmp(&p, &q); got != Same {
			t.Errorf("%s of a record and its copy = %v, want Same", c.field, got)
		}
	}
	short := prof("company", "Acme Trading Ltd", "name", "Anna Berg", "address", "12 Harbour Road", "city", "Oslo")
	if short.long != nil || short.name() != "Anna Berg" || short.house() != "12" {
		t.Errorf("short profile: long %v name %q house %q", short.long != nil, short.name(), short.house())
	}
}

// A profile is held per record through matching: at a million records
// every 8 bytes is 8 MB of peak memory (issue 16).
func TestProfileSize(t *testing.T) {
	if size := unsafe.Sizeof(profile{}); size > 160 {
		t.Errorf("profile is %d bytes, want at most 160", size)
	}
}
