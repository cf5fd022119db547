package company

import "testing"

func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"chinese", "深圳市华强电子有限公司"},
		{"chinese_paren", "华强电子（深圳）有限责任公司"},
		{"chinese_branch", "中国平安保险(集团)股份有限公司深圳分公司"},
		{"english", "The Acme Robotics Co., Ltd."},
		{"english_plain", "Globex Health Partners"},
		{"polish", "Kowalski Logistyka Sp. z o.o."},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Parse(bc.in)
			}
		})
	}
	// mix is the company column of generated samples (Chinese and English
	// dialects); one op parses one name.
	b.Run("mix", func(b *testing.B) {
		names := benchCompanies(b)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			_ = Parse(names[i])
			if i++; i == len(names) {
				i = 0
			}
		}
	})
}
