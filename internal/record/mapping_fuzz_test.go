package record

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzParseOverrides: --map specs parse into overrides keyed by header
// key with a non-empty target, deterministically; mapping any header with
// them keeps one column per header.
func FuzzParseOverrides(f *testing.F) {
	for _, s := range []string{"WeChat=wechat", "负责人=owner，Lead Status=tags", "x=_source", "a=", "=b", "a=b=c",
		"Phone=phnoe", "  , ,", "客户名称=company,客户名称=name"} {
		f.Add(s, "WeChat")
	}
	f.Fuzz(func(t *testing.T, spec, header string) {
		o, err := ParseOverrides([]string{spec})
		if err != nil {
			return
		}
		for k, v := range o {
			if v == "" || v != strings.TrimSpace(v) || k != HeaderKey(k) {
				t.Fatalf("%q: override %q → %q", spec, k, v)
			}
		}
		again, err := ParseOverrides([]string{spec})
		if err != nil || !reflect.DeepEqual(again, o) {
			t.Fatalf("%q: parsed twice differently", spec)
		}
		headers := []string{header, "客户名称", "手机", header}
		m := MapHeader(headers, o)
		if len(m.Columns) != len(headers) {
			t.Fatalf("%q: %d columns for %d headers", spec, len(m.Columns), len(headers))
		}
	})
}
