package similar

import "testing"

func BenchmarkJaroWinkler(b *testing.B) {
	for _, bc := range []struct{ name, a, b string }{
		{"name", "jonathan", "johnathan"},
		{"company", "acme robotics", "acme robotcs"},
		{"chinese", "深圳市华强电子", "深圳市华強电子"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				JaroWinkler(bc.a, bc.b)
			}
		})
	}
}

func BenchmarkEditRatio(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		EditRatio("华为技术有限公司", "华为终端有限公司")
	}
}

func BenchmarkBigramDice(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		BigramDice("acme robotics", "acme robotcs")
	}
}

func BenchmarkTokenSimilarity(b *testing.B) {
	for _, bc := range []struct{ name, a, b string }{
		{"english", "acme robotics inc", "robotics acme"},
		{"chinese", "华强 电子", "华强电子 深圳"},
	} {
		ta, tb := Tokens(bc.a), Tokens(bc.b)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				TokenSimilarity(ta, tb)
			}
		})
	}
}

func BenchmarkTokens(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Tokens("Acme Robotics (Shanghai) Co., Ltd.")
	}
}

func BenchmarkPersonName(b *testing.B) {
	for _, bc := range []struct{ name, a, b string }{
		{"chinese", "张伟先生", "张伟"},
		{"chinese_homophone", "石健国", "石建国"},
		{"english", "Smith, John", "Jon Smith"},
		{"english_different", "John Smith", "Jane Smith"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				PersonName(bc.a, bc.b)
			}
		})
	}
}

func BenchmarkAddress(b *testing.B) {
	for _, bc := range []struct{ name, a, b string }{
		{"english", "1106-1108 W. 63rd Street", "1108 W 63rd St, Suite 200"},
		{"chinese", "广东省深圳市宝安区友谊路116号", "宝安区友谊路116号3栋201室"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Address(bc.a, bc.b)
			}
		})
		ka, kb := AddressKey(bc.a), AddressKey(bc.b)
		b.Run(bc.name+"_keys", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				CompareAddressKeys(ka, kb)
			}
		})
	}
}

func BenchmarkAddressKey(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"english", "1106-1108 W. 63rd Street"},
		{"chinese", "广东省深圳市宝安区友谊路116号"},
		{"clean_key", "宝安区友谊路116号3栋201室"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				AddressKey(bc.in)
			}
		})
	}
}

// BenchmarkPersonNameDifferent compares English names of different people,
// parsed ahead as dedupe does: most pairs scored are such.
func BenchmarkPersonNameDifferent(b *testing.B) {
	names := []string{"kenneth ruiz", "jennifer walker", "mary ann jones", "robert smith", "bob smyth", "david lee", "susan clark", "michael brown"}
	parsed := make([]string, len(names))
	for i, n := range names {
		parsed[i] = ParsePersonName(n)
	}
	for b.Loop() {
		for i := range names {
			for j := range names {
				PersonNameParsed(names[i], parsed[i], names[j], parsed[j])
			}
		}
	}
}
