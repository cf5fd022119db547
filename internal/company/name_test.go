package company

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in                          string
		core, brand, region, suffix string
		branch                      bool
	}{
		// One company written four ways.
		{"深圳市华强电子有限公司", "华强电子", "华强", "深圳", "有限公司", false},
		{"华强电子(深圳)有限公司", "华强电子", "华强", "深圳", "有限公司", false},
		{"华强电子（深圳）有限责任公司", "华强电子", "华强", "深圳", "有限责任公司", false},
		{"深圳华强电子有限公司", "华强电子", "华强", "深圳", "有限公司", false},
		// Same core, other city: the caller keeps them apart by Region.
		{"北京华强电子有限公司", "华强电子", "华强", "北京", "有限公司", false},
		// Same brand, different businesses.
		{"华为技术有限公司", "华为技术", "华为", "", "有限公司", false},
		{"华为终端有限公司", "华为终端", "华为", "", "有限公司", false},
		// A district in the middle is part of the name.
		{"上海浦东发展银行股份有限公司", "浦东发展银行", "浦东", "上海", "股份有限公司", false},
		// The region stays when only an industry or institution word remains.
		{"北京银行", "北京银行", "北京", "北京", "", false},
		{"北京银行股份有限公司", "北京银行", "北京", "北京", "股份有限公司", false},
		{"深圳市有限公司", "深圳", "深圳", "深圳", "有限公司", false},
		{"深圳市电子有限公司", "深圳电子", "深圳", "深圳", "有限公司", false},
		{"深圳大学", "深圳大学", "深圳", "深圳", "", false},
		{"广东省深圳市华强电子有限公司", "华强电子", "华强", "广东", "有限公司", false},
		{"广西壮族自治区桂林旅游有限公司", "桂林旅游", "桂林", "广西", "有限公司", false},
		// Group and holding words; legal forms outrank them in Suffix.
		{"华强(集团)有限公司", "华强", "华强", "", "有限公司", false},
		{"华强集团", "华强", "华强", "", "集团", false},
		{"华强集团股份有限公司", "华强", "华强", "", "股份有限公司", false},
		{"华润控股有限公司", "华润", "华润", "", "有限公司", false},
		{"华润控股", "华润", "华润", "", "控股", false},
		{"有限公司", "有限公司", "有限公司", "", "", false},
		// Branches keep the parent's name; the branch's city is the Region.
		{"中国平安保险(集团)股份有限公司深圳分公司", "中国平安保险", "中国平安", "深圳", "股份有限公司", true},
		{"华强电子有限公司南山分公司", "华强电子", "华强", "", "有限公司", true},
		{"华强电子深圳分公司", "华强电子", "华强", "深圳", "分公司", true},
		{"招商银行深圳分行", "招商银行", "招商", "深圳", "分公司", true},
		{"华为技术(中国)有限公司", "华为技术", "华为", "", "有限公司", false},
		// English.
		{"Acme Robotics, Inc.", "acme robotics", "acme robotics", "", "inc", false},
		{"ACME ROBOTICS INC", "acme robotics", "acme robotics", "", "inc", false},
		{"Acme Robotics Incorporated", "acme robotics", "acme robotics", "", "inc", false},
		{"The Acme Robotics Co., Ltd.", "acme robotics", "acme robotics", "", "ltd", false},
		{"Acme Robotics (Shanghai) Co., Ltd.", "acme robotics", "acme robotics", "shanghai", "ltd", false},
		{"Globex Corporation", "globex", "globex", "", "corp", false},
		{"Globex Trading Company", "globex trading", "globex", "", "co", false},
		{"Johnson & Johnson", "johnson and johnson", "johnson and johnson", "", "", false},
		{"Smith & Co.", "smith", "smith", "", "co", false},
		{"  Acme   Robotics  GmbH ", "acme robotics", "acme robotics", "", "gmbh", false},
		{"Acme Robotics Ltd, Shanghai Branch", "acme robotics", "acme robotics", "shanghai", "ltd", true},
		{"Shenzhen Huaqiang Electronics Co., Ltd.", "huaqiang electronics", "huaqiang electronics", "shenzhen", "ltd", false},
		{"Bank of China", "bank of china", "bank of china", "", "", false},
		// A bracketed English city is the Region, a bracketed country is
		// dropped, like 华强电子(深圳) and (中国); other brackets stay.
		{"Acme Corp (NYC)", "acme", "acme", "new york", "corp", false},
		{"Acme Corp (San Francisco)", "acme", "acme", "san francisco", "corp", false},
		{"Acme Corp (U.S.A.)", "acme", "acme", "", "corp", false},
		{"Acme Ltd (UK)", "acme", "acme", "", "ltd", false},
		{"Acme (Europe) Ltd", "acme europe", "acme europe", "", "ltd", false},
		// Full-width letters, digits and brackets.
		{"ＡＢＣ（深圳）有限公司", "abc", "abc", "深圳", "有限公司", false},
		{"华强１号电子有限公司", "华强1号电子", "华强1号", "", "有限公司", false},
		// Words that start with a region form, and brands that start with a
		// non-city prefecture's short name.
		{"深圳市场调研有限公司", "市场调研", "市场调研", "深圳", "有限公司", false},
		{"杭州阿里巴巴(中国)网络技术有限公司", "阿里巴巴网络技术", "阿里巴巴", "杭州", "有限公司", false},
		{"阿里地区旅游有限公司", "阿里旅游", "阿里", "阿里", "有限公司", false},
		{"吉林省吉林市华强有限公司", "华强", "华强", "吉林", "有限公司", false},
		// Only a parenthesized region: Core must not be empty.
		{"(深圳)", "深圳", "深圳", "深圳", "", false},
		{"AT&T Inc.", "at and t", "at and t", "", "inc", false},
		{"McDonald's Corp", "mcdonalds", "mcdonalds", "", "corp", false},
		// Nothing to strip, and nothing at all.
		{"华强", "华强", "华强", "", "", false},
		{"", "", "", "", "", false},
	}
	for _, tt := range tests {
		got := Parse(tt.in)
		want := Name{Raw: tt.in, Core: tt.core, Brand: tt.brand, Region: tt.region, Suffix: tt.suffix, Branch: tt.branch}
		if got != want {
			t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.in, got, want)
		}
	}
}

// TestParseIsIdempotent pins the property the fuzz target checks on the
// table's own inputs.
func TestParseIsIdempotent(t *testing.T) {
	for _, s := range seedNames {
		core := Parse(s).Core
		if again := Parse(core).Core; again != core {
			t.Errorf("Parse(%q).Core = %q, but Parse(%q).Core = %q", s, core, core, again)
		}
	}
}

func TestParseCleanChineseNameDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { _ = Parse("深圳市华强电子有限公司") })
	if allocs != 0 {
		t.Errorf("Parse allocates %.0f times on a clean Chinese name, want 0", allocs)
	}
}

func TestRegionTable(t *testing.T) {
	if len(provinces) != 34 {
		t.Errorf("provinces has %d entries, want the 34 provincial-level divisions", len(provinces))
	}
	seen := map[string]bool{}
	for _, p := range append(append([]string{}, provinces...), prefectures...) {
		if seen[p] {
			t.Errorf("region %q listed twice", p)
		}
		seen[p] = true
	}
	for spelling, want := range map[string]string{
		"深圳": "深圳", "深圳市": "深圳", "广东省": "广东", "新疆维吾尔自治区": "新疆",
		"香港特别行政区": "香港", "hong kong": "hong kong", "浦东": "",
	} {
		got, ok := regionName(spelling)
		if got != want || ok != (want != "") {
			t.Errorf("regionName(%q) = %q, %v; want %q", spelling, got, ok, want)
		}
	}
}

func TestSameArea(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"深圳", "深圳", true},
		{"深圳", "广东", true},
		{"广东", "佛山", true},
		{"深圳", "北京", false},
		{"广东", "浙江", false},
		{"深圳", "杭州", false},
		{"", "北京", true},
		{"shanghai", "shanghai", true},
		{"shanghai", "beijing", false},
	} {
		if got := SameArea(c.a, c.b); got != c.want {
			t.Errorf("SameArea(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := SameArea(c.b, c.a); got != c.want {
			t.Errorf("SameArea(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
	for in, want := range map[string]string{"深圳市": "深圳", "广东省": "广东", "Shenzhen": "shenzhen", "上海": "上海"} {
		if got, ok := Region(in); !ok || got != want {
			t.Errorf("Region(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := Region("new york"); ok {
		t.Error(`Region("new york") is not a Chinese region`)
	}
}

func TestDutchForms(t *testing.T) {
	for in, want := range map[string]string{
		"Akzo Nobel N. V.":                   "akzo nobel",
		"* AKZO NOBEL N.V.,":                 "akzo nobel",
		"N.V. PHILIPS' GLOEILAMPENFABRIEKEN": "philips gloeilampenfabrieken",
		"D S M IP Assets B.V.":               "dsm ip assets",
		"PT Astra International":             "astra international",
	} {
		if got := Parse(in).Core; got != want {
			t.Errorf("Parse(%q).Core = %q, want %q", in, got, want)
		}
	}
}
