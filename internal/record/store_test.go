package record

import (
	"strings"
	"testing"
)

func TestStoreRoundTrip(t *testing.T) {
	var s Store
	var a, b Record
	a.Values[ID] = "C001"
	a.Values[Company] = "深圳市华强电子有限公司"
	a.Values[Notes] = strings.Repeat("长备注", 100)
	a.Extra = []string{"wx_1", ""}
	a.Source = "a.csv:2"
	b.Values[Phone] = "+8613800138000"
	b.Source = "b.xlsx:客户:9"
	s.Add(&a)
	s.Add(&b)
	if s.Len() != 2 {
		t.Fatalf("Len = %d", s.Len())
	}
	var got Record
	for i, want := range []*Record{&a, &b} {
		s.Get(i, &got)
		if got.Values != want.Values || got.Source != want.Source || len(got.Extra) != len(want.Extra) {
			t.Fatalf("record %d: got %+v, want %+v", i, got, *want)
		}
		for j := range want.Extra {
			if got.Extra[j] != want.Extra[j] {
				t.Errorf("record %d extra %d = %q, want %q", i, j, got.Extra[j], want.Extra[j])
			}
		}
	}
}
