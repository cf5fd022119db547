package dedupe

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestExactGroups(t *testing.T) {
	var s record.Store
	for _, kv := range [][]string{
		{"company", "深圳市华强电子有限公司", "phone", "+8613800138000"},
		{"company", "北京华强电子有限公司"},                      // same core, other city: apart
		{"company", "华强电子(深圳)有限公司"},                    // same core and city: with 0
		{"company", "无", "email", "a@b.cn"},            // placeholder company never groups
		{"company", "无", "email", "c@d.cn"},            //
		{"phone", "+8613800138000;+8613900139000"},     // shares 0's phone
		{"email", "a@b.cn", "phone", "+8613700137000"}, // shares 3's e-mail
	} {
		r := rec(kv...)
		s.Add(&r)
	}
	got := ExactGroups(&s)
	want := []int{0, 1, 0, 2, 3, 0, 2}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("groups = %v, want %v", got, want)
		}
	}
}
