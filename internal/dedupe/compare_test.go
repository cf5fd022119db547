package dedupe

import (
	"slices"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func rec(kv ...string) record.Record {
	var r record.Record
	for i := 0; i+1 < len(kv); i += 2 {
		f, ok := record.FieldByName(kv[i])
		if !ok {
			panic("no field " + kv[i])
		}
		r.Values[f] = kv[i+1]
	}
	return r
}

func prof(kv ...string) profile {
	r := rec(kv...)
	return newProfile(&r, nil, nil)
}

// matcherOf is the default matcher of a file with no extra columns, and
// the profiles of recs under it.
func matcherOf(t *testing.T, recs []record.Record) (*Matcher, []profile) {
	t.Helper()
	var schema record.Schema
	m, err := NewMatcher(DefaultConfig(), &schema)
	if err != nil {
		t.Fatal(err)
	}
	profs := make([]profile, len(recs))
	for i := range recs {
		profs[i] = newProfile(&recs[i], m.rules, m.web)
	}
	return m, profs
}

// comparatorAt is the index of the comparator of a field in m.
func comparatorAt(t *testing.T, m *Matcher, name string) int {
	t.Helper()
	i := slices.IndexFunc(m.comparators, func(c comparator) bool { return c.name == name })
	if i < 0 {
		t.Fatalf("no %s comparator", name)
	}
	return i
}

func TestCompareCompany(t *testing.T) {
	for _, c := range []struct {
		a, b         string
		cityA, cityB string
		want         Level
	}{
		{"深圳市华强电子有限公司", "华强电子(深圳)有限公司", "", "", Same},
		{"深圳市华强电子有限公司", "华强电子有限责任公司", "", "", Same},
		{"深圳华强电子有限公司", "北京华强电子有限公司", "", "", Conflict},
		{"华强电子有限公司", "华强电子有限公司", "深圳市", "北京", Conflict},
		{"广东翠建电子商务公司", "佛山市翠建电子商务有限责任公司", "", "", Same},
		{"华为技术有限公司", "华为终端有限公司", "", "", Different},
		{"华强电子有限公司", "华强电子销售有限公司", "", "", Different},
		{"华强电子有限公司", "华强控股有限公司", "", "", Different},
		{"乐辰服饰有限责任公司", "乐晨服饰有限责任公司", "", "", Similar},
		{"乐辰服饰有限责任公司", "乐晨服饰有限责任公司", "广州", "杭州", Conflict},
		{"Acme Robotics, Inc.", "ACME ROBOTICS LLC", "", "", Same},
		{"Acme Robotics Inc", "Acme Robotcs Inc", "", "", Similar},
		{"ciboulette", "ciboulette restaurant", "", "", Partial},
		// A name written with abbreviations is the long name with words
		// left out or added: partial evidence, as "ciboulette" /
		// "ciboulette restaurant" is, not a different company.
		{"McNair Acad Ctr", "McNair Academy Center, Ronald E.", "", "", Partial},
		{"El Valor - Young Scholars Dev. Ins", "Young Scholars Developmental Institute", "", "", Partial},
		{"Acme Robotics", "Globex Trading", "", "", Different},
		{"华为技术有限公司", "Huawei Technologies Co., Ltd.", "", "", Missing},
		{"", "Acme", "", "", Missing},
	} {
		a := prof("company", c.a, "city", c.cityA)
		b := prof("company", c.b, "city", c.cityB)
		if got := compareCompany(&a, &b); got != c.want {
			t.Errorf("company %q (%s) vs %q (%s) = %v, want %v", c.a, c.cityA, c.b, c.cityB, got, c.want)
		}
		if got := compareCompany(&b, &a); got != c.want {
			t.Errorf("company %q vs %q reversed = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

func TestComparePhone(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Level
	}{
		{"+8613800138000", "+8613800138000", Same},
		{"+8613800138000;+862155406867", "+862155406867", Same},
		{"+8613800138000", "13800138000", Same}, // import kept one as given
		{"310/246-1501", "310-246-1501", Same},  // both kept as given
		{"+13122461501", "246-1501", Partial},   // local number without area code
		{"+8613800138000", "+8613900139000", Different},
		{"+8613800138000 ext. 8001", "+8613800138000", Same},
		{"", "+8613800138000", Missing},
	} {
		a, b := prof("phone", c.a), prof("phone", c.b)
		if got := comparePhone(&a, &b); got != c.want {
			t.Errorf("phone %q vs %q = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := comparePhone(&b, &a); got != c.want {
			t.Errorf("phone %q vs %q reversed = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

func TestCompareEmail(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Level
	}{
		{"zhouxuan@lechenfs.cn", "zhouxuan@lechenfs.cn", Same},
		{"a@x.com;zhouxuan@lechenfs.cn", "zhouxuan@lechenfs.cn", Same},
		{"hannah88powers@gmail.com", "hannah88powers@gmial.com", Similar},
		{"zhouxuan@lechenfs.cn", "zhouxuan@163.com", Partial},
		{"info@acme.com", "info@globex.com", Different},
		{"li@acme.com", "wang@acme.com", Different},
		{"", "li@acme.com", Missing},
	} {
		a, b := prof("email", c.a), prof("email", c.b)
		if got := compareEmail(&a, &b); got != c.want {
			t.Errorf("email %q vs %q = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestCompareCity(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Level
	}{
		{"深圳市", "深圳", Same},
		{"深圳", "广东省", Partial},
		{"深圳", "北京", Different},
		{"new york", "New York City", Same},
		{"los angeles", "hollywood", Different},
		{"marsden", "marsdne", Similar}, // a typo
		{"london", "lodnon", Similar},
		{"paris", "perth", Different},
		{"york", "cork", Different}, // too short to call a typo
		{"", "北京", Missing},
	} {
		a, b := prof("city", c.a), prof("city", c.b)
		if got := compareCity(&a, &b); got != c.want {
			t.Errorf("city %q vs %q = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestCompareKinds(t *testing.T) {
	for _, c := range []struct {
		kind, a, b string
		want       Level
	}{
		{"exact", "2119", "2119", Same},
		{"exact", "2119", "2191", Different},
		{"date", "1956-04-09", "1956-04-09", Same},
		{"date", "1956-04-09", "1956-04-08", Similar},
		{"date", "1956-04-09", "1956-09-04", Similar},
		{"date", "1956-04-09", "1965-11-30", Different},
		{"fuzzy", "mitchell", "mitchel", Similar},
		{"fuzzy", "mitchell", "harley", Different},
		{"tokens", "a b c", "c b a", Same},
		{"tokens", "a b c", "a b d", Similar},
		{"tokens", "a b c d", "a x y z", Partial},
		{"tokens", "a b", "x y", Different},
	} {
		a, b := c.a, c.b
		if c.kind == "tokens" {
			a, b = tokenSet(a), tokenSet(b)
		}
		if got := kindCompare(c.kind)(a, b); got != c.want {
			t.Errorf("%s %q vs %q = %v, want %v", c.kind, c.a, c.b, got, c.want)
		}
	}
}

func TestParseFieldRules(t *testing.T) {
	rules, err := ParseFieldRules([]string{"birth_date=date, postcode=exact", "soc_sec_id=exact:10"})
	if err != nil {
		t.Fatal(err)
	}
	want := []FieldRule{{"birth_date", "date", 0}, {"postcode", "exact", 0}, {"soc_sec_id", "exact", 10}}
	if len(rules) != len(want) {
		t.Fatalf("got %v, want %v", rules, want)
	}
	for i := range want {
		if rules[i] != want[i] {
			t.Errorf("rule %d = %v, want %v", i, rules[i], want[i])
		}
	}
	for _, bad := range []string{"birth_date", "x=magic", "x=exact:-1", "x=exact:abc", "=exact"} {
		if _, err := ParseFieldRules([]string{bad}); err == nil {
			t.Errorf("ParseFieldRules(%q) accepted", bad)
		}
	}
}

func TestWithinEdits(t *testing.T) {
	for _, c := range []struct {
		a, b string
		k    int
		want bool
	}{
		{"hannah88powers@gmail.com", "hannah88powers@gmial.com", 2, true},
		{"hannah88powers@gmail.com", "hannah88opowersc@m", 2, false},
		{"abc", "abc", 0, true},
		{"abc", "abd", 0, false},
		{"abc", "abcd", 1, true},
		{"", "ab", 2, true},
		{"", "abc", 2, false},
		{"kitten", "sitting", 2, false},
		{"kitten", "sitting", 3, true},
	} {
		if got := withinEdits(c.a, c.b, c.k); got != c.want {
			t.Errorf("withinEdits(%q, %q, %d) = %v, want %v", c.a, c.b, c.k, got, c.want)
		}
		if got := withinEdits(c.b, c.a, c.k); got != c.want {
			t.Errorf("withinEdits(%q, %q, %d) = %v, want %v", c.b, c.a, c.k, got, c.want)
		}
	}
}

// Placeholders are not values: two records both saying N/A agree on
// nothing.
func TestPlaceholdersDoNotMatch(t *testing.T) {
	a := prof("company", "无", "email", "N/A", "name", "-")
	b := prof("company", "无", "email", "N/A", "name", "-")
	if l := compareEmail(&a, &b); l != Missing {
		t.Errorf("email N/A vs N/A = %v, want missing", l)
	}
	if l := compareCompany(&a, &b); l != Missing {
		t.Errorf("company 无 vs 无 = %v, want missing", l)
	}
	if l := compareName(&a, &b); l != Missing {
		t.Errorf("name - vs - = %v, want missing", l)
	}
	var k keyHasher
	if keys := a.keys(&k, nil, nil); len(keys) != 0 {
		t.Errorf("placeholders made %d block keys", len(keys))
	}
}

func TestSubsidiaryIsNotSimilar(t *testing.T) {
	a := prof("company", "Chavez & Moore Marine Ltd.")
	b := prof("company", "Chavez & Moore Marine Sales Inc.")
	if l := compareCompany(&a, &b); l >= Similar {
		t.Errorf("Marine vs Marine Sales = %v, want at most partial", l)
	}
}

// A bracketed city is the record's city, as 华强电子(深圳) is in 深圳: "Acme
// Corp (NYC)" is Acme Corp in New York, not in Boston.
func TestBracketedCity(t *testing.T) {
	nyc := prof("company", "Acme Corp (NYC)")
	ny := prof("company", "Acme Corp", "city", "New York")
	boston := prof("company", "Acme Corp", "city", "Boston")
	usa := prof("company", "Acme Corp (USA)")
	if got := compareCompany(&nyc, &ny); got != Same {
		t.Errorf("company Acme Corp (NYC) vs Acme Corp = %v, want same", got)
	}
	if got := compareCity(&nyc, &ny); got != Same {
		t.Errorf("city of Acme Corp (NYC) vs New York = %v, want same", got)
	}
	if got := compareCity(&nyc, &boston); got != Different {
		t.Errorf("city of Acme Corp (NYC) vs Boston = %v, want different", got)
	}
	if got := compareCompany(&usa, &boston); got != Same {
		t.Errorf("company Acme Corp (USA) vs Acme Corp = %v, want same", got)
	}
	if got := compareCity(&usa, &boston); got != Missing {
		t.Errorf("city of Acme Corp (USA) vs Boston = %v, want missing", got)
	}
}

// Traditional and simplified Chinese compare equal; the values are kept.
func TestTraditionalEqualsSimplified(t *testing.T) {
	a := prof("company", "深圳市華強電子有限公司", "name", "張偉", "city", "廣州")
	b := prof("company", "深圳市华强电子有限公司", "name", "张伟", "city", "广州市")
	if got := compareCompany(&a, &b); got != Same {
		t.Errorf("company 華強電子 vs 华强电子 = %v, want same", got)
	}
	if got := compareName(&a, &b); got != Same {
		t.Errorf("name 張偉 vs 张伟 = %v, want same", got)
	}
	if got := compareCity(&a, &b); got != Same {
		t.Errorf("city 廣州 vs 广州市 = %v, want same", got)
	}
}

// Accented and folded spellings of one company or person compare as the
// same; the values themselves are not changed.
func TestCompareAccentsFolded(t *testing.T) {
	for _, c := range [][2]string{
		{"Société Générale S.A.", "Societe Generale"},
		{"Schröder Technik A/S", "Schroeder Technik A/S"},
		{"Müller GmbH", "Mueller GmbH"},
	} {
		a, b := prof("company", c[0]), prof("company", c[1])
		if got := compareCompany(&a, &b); got != Same {
			t.Errorf("company %q vs %q = %v, want Same", c[0], c[1], got)
		}
	}
	a, b := prof("name", "Tommy Jørgensen"), prof("name", "Tommy Joergensen")
	if got := compareName(&a, &b); got != Same {
		t.Errorf("name Jørgensen vs Joergensen = %v, want Same", got)
	}
}

// A nickname in the first-name column is the same given name.
func TestNamePartNicknames(t *testing.T) {
	cmp := namePartCompare(0, 1)
	for _, c := range []struct {
		a, b string
		want Level
	}{
		{"bob", "robert", Similar}, {"bill", "william", Similar}, {"peggy", "margaret", Similar},
		{"bob", "william", Different},
	} {
		da, db := profileData{fields: []string{c.a, "smith"}}, profileData{fields: []string{c.b, "smith"}}
		a, b := da.pack(), db.pack()
		if got := cmp(&a, &b); got != c.want {
			t.Errorf("given %q vs %q = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
