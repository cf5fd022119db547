package dedupe

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// Two records have one digest when their values are the same, whatever
// their lineage; a value changed, moved to the next field, cut at another
// place or longer by a byte gives another.
func TestRecordDigestTellsCopies(t *testing.T) {
	base := func() record.Record {
		var r record.Record
		r.Values[record.Company] = "深圳市华强电子有限公司"
		r.Values[record.Name] = "张伟"
		r.Values[record.Phone] = "+8613800000001"
		r.Values[record.Notes] = "先打电话 再发邮件"
		r.Extra = []string{"wx_1", ""}
		r.Source = "a.csv:2"
		return r
	}
	a, b := base(), base()
	b.Source = "b.csv:9"
	if recordDigest(&a) != recordDigest(&b) {
		t.Fatal("a copy from another file has another digest")
	}
	variants := map[string]func(r *record.Record){
		"value changed": func(r *record.Record) { r.Values[record.Phone] = "+8613800000002" },
		"value moved":   func(r *record.Record) { r.Values[record.Email], r.Values[record.Phone] = r.Values[record.Phone], "" },
		"cut elsewhere": func(r *record.Record) {
			r.Values[record.Company], r.Values[record.Name] = "深圳市华强电子有限公司张", "伟"
		},
		"one byte longer":   func(r *record.Record) { r.Values[record.Phone] += "0" },
		"trailing zero":     func(r *record.Record) { r.Values[record.Phone] += "\x00" },
		"extra value":       func(r *record.Record) { r.Extra[1] = "x" },
		"one extra more":    func(r *record.Record) { r.Extra = append(r.Extra, "") },
		"eight-byte change": func(r *record.Record) { r.Values[record.Notes] = "先打电话 再发邮件!" },
	}
	seen := map[uint64]string{recordDigest(&a): "base"}
	for name, change := range variants {
		r := base()
		change(&r)
		d := recordDigest(&r)
		if other, ok := seen[d]; ok {
			t.Errorf("%s: the digest of %s", name, other)
		}
		seen[d] = name
	}
}
