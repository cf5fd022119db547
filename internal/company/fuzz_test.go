package company

import (
	"testing"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/normalize"
)

var seedNames = []string{
	"深圳市华强电子有限公司", "华强电子(深圳)有限公司", "华强电子（深圳）有限责任公司",
	"北京银行", "深圳市有限公司", "中国平安保险(集团)股份有限公司深圳分公司",
	"The Acme Robotics Co., Ltd.", "Acme Robotics (Shanghai) Co., Ltd.", "Smith & Co.",
	"ＡＢＣ（深圳）有限公司", "深圳市北京华强有限公司", "有限公司深圳分公司", "(深圳)", "分公司",
	"Shanghai Trading Co Branch", "深圳市场调研有限公司", "华强电子深圳", "the the inc",
}

func FuzzParse(f *testing.F) {
	for _, s := range seedNames {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Parse(s)
		if n.Raw != s {
			t.Fatalf("Raw = %q, want %q", n.Raw, s)
		}
		if !utf8.ValidString(n.Core) || !utf8.ValidString(n.Brand) {
			t.Fatalf("Parse(%q) gave invalid UTF-8: %+v", s, n)
		}
		if again := Parse(n.Core).Core; again != n.Core {
			t.Fatalf("Parse(%q).Core = %q, but Parse(%q).Core = %q", s, n.Core, n.Core, again)
		}
		if n.Core == "" && foldPlain(normalize.Structured(s)) != "" {
			t.Fatalf("Parse(%q) has an empty Core", s)
		}
		if len(n.Brand) > len(n.Core) {
			t.Fatalf("Brand %q longer than Core %q", n.Brand, n.Core)
		}
	})
}
