package dedupe

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestSecondCompanyColumnFromHeader(t *testing.T) {
	schema := &record.Schema{Extra: []string{"company_normalized", "Company (legal)", "公司名称(标准)", "Account Name Std",
		"Parent Company", "company_size", "normalized_phone", "Company Legal Form", "Registered Company Address",
		"Company Registered ID", "company_std_code", "公司注册地址"}}
	roles := DetectRoles(schema, nil)
	for col, want := range map[string]Role{
		"company_normalized": RoleCompany, "Company (legal)": RoleCompany, "公司名称(标准)": RoleCompany,
		"Account Name Std": RoleCompany,
		// A parent company is another customer; a size or a phone is not a name.
		"Parent Company": RoleNone, "company_size": RoleNone, "normalized_phone": RoleNone,
		// Facts about the company, not its name.
		"Company Legal Form": RoleNone, "Registered Company Address": RoleNone, "Company Registered ID": RoleNone,
		"company_std_code": RoleNone, "公司注册地址": RoleNone,
	} {
		if got := roleOf(roles, col); got.Role != want {
			t.Errorf("%s: role %q (%s), want %q", col, got.Role, got.Why, want)
		}
	}
}

// listSample is a column of n cells made by cell(i).
func listSample(n int, cells ...func(i int) string) []record.Record {
	var out []record.Record
	for i := range n {
		r := record.Record{}
		for _, c := range cells {
			r.Extra = append(r.Extra, c(i))
		}
		out = append(out, r)
	}
	return out
}

func TestListColumnsFromValues(t *testing.T) {
	schema := &record.Schema{Extra: []string{"coauthor", "class", "labels", "remarks", "contact"}}
	sample := listSample(60,
		// People: most met once or twice.
		func(i int) string {
			return fmt.Sprintf("JAN DE VRIES %d**ANNA SMIT %d**PIETER BAKKER %d", i, i/2, i+100)
		},
		// Classes: a few dozen codes, each on many rows.
		func(i int) string { return fmt.Sprintf("A%02dB**G%02dF", i%25, (i*7)%25) },
		// Labels: four of them.
		func(i int) string { return []string{"vip;key account", "new;lead", "vip", "partner;vip"}[i%4] },
		// Notes that happen to hold semicolons.
		func(i int) string {
			return fmt.Sprintf("called on monday about the renewal of contract %d and the discount they asked for; will call back next week", i)
		},
		// One value per cell.
		func(i int) string { return fmt.Sprintf("contact person %d", i) },
	)
	roles := DetectRoles(schema, sample)
	for col, want := range map[string]Role{
		"coauthor": RoleList, "class": RoleTags,
		"labels": RoleNone, "remarks": RoleNone, "contact": RoleNone,
	} {
		if got := roleOf(roles, col); got.Role != want {
			t.Errorf("%s: role %q (%s), want %q", col, got.Role, got.Why, want)
		}
	}
	// Twenty rows at least: a handful of lists says nothing.
	if got := roleOf(DetectRoles(schema, sample[:5]), "coauthor"); got.Role != RoleNone {
		t.Errorf("coauthor from 5 rows: %q, want none", got.Role)
	}
}

func TestCompareList(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Level
	}{
		{"Jan de Vries**Anna Smit", "anna  smit**jan de vries", Same},
		{"Jan de Vries**Anna Smit**Piet Bakker", "Anna Smit**Joop Zoet", Similar}, // half of the shorter list
		{"Jan de Vries**Anna Smit**Piet Bakker", "Anna Smit**Joop Zoet**Kees Riet", Partial},
		{"Jan de Vries**Anna Smit", "Joop Zoet**Kees Riet", Different},
		{"Jan de Vries;Anna Smit", "Anna Smit|Jan de Vries", Same},
		{"NONE**Jan de Vries", "NONE**Kees Riet", Different}, // a placeholder is no item
	} {
		x := listItems(strings.ToLower(c.a))
		y := listItems(strings.ToLower(c.b))
		if got := compareList(x, y); got != c.want {
			t.Errorf("compareList(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// companyLevel is the company comparator's level for two records of a
// file with a company_normalized column, and the matcher's comparators.
func companyLevel(t *testing.T, a, b [2]string) (Level, []string) {
	t.Helper()
	schema := &record.Schema{Extra: []string{"company_normalized"}}
	m, err := NewMatcher(DefaultConfig(), schema)
	if err != nil {
		t.Fatal(err)
	}
	p := func(v [2]string) profile {
		r := record.Record{Extra: []string{v[1]}}
		r.Values[record.Company] = v[0]
		return newProfile(&r, m.rules, m.web)
	}
	pa, pb := p(a), p(b)
	for _, ev := range m.explain(&pa, &pb) {
		if ev.Field == "company" {
			return ev.Level, m.Comparators()
		}
	}
	t.Fatal("no company comparator")
	return Missing, nil
}

func TestSecondCompanyColumnIsTheCompanyAgain(t *testing.T) {
	for _, c := range []struct {
		a, b [2]string
		want Level
	}{
		// The company's later name and its old one: one name word shared.
		{[2]string{"N.V. Philips' Gloeilampenfabrieken", "GLOEILAMPENFAB PHILIPS"},
			[2]string{"Koninklijke Philips Electronics N.V.", "ELECTRONICS KONINK PHILIPS"}, Partial},
		{[2]string{"Whirlpool Europe B.V.", "EURO WHIRLPOOL"}, [2]string{"Whirlpool International B.V.", "INTERNAT WHIRLPOOL"}, Partial},
		// A typo the normalized column has mended.
		{[2]string{"Akzo Nobel N.V.", "AKZO NOBEL"}, [2]string{"Akzo Nobell N. V.", "AKZO NOBEL"}, Same},
		// Only words that describe: two companies.
		{[2]string{"Shell Internationale Research Maatschappij B.V.", "INTERNAT MIJ RES SHELL"},
			[2]string{"Internationale Whirlpool B.V.", "INTERNAT WHIRLPOOL"}, Different},
		{[2]string{"Canon Europa N.V.", "CANON EUROPA"}, [2]string{"Sony Europa B.V.", "EUROPA SONY"}, Different},
		// A second column holding no name (a legal form, a word of reach)
		// says nothing.
		{[2]string{"Acme Robotics GmbH", "GmbH"}, [2]string{"Globex Instruments GmbH", "GmbH"}, Different},
		{[2]string{"Acme Robotics", "International"}, [2]string{"Globex Instruments", "International"}, Different},
		{[2]string{"ASML Netherlands B.V.", "ASML NETHERLANDS"},
			[2]string{"Hitachi Global Storage Technologies Netherlands B.V.", "GLOBAL HITACHI NETHERLANDS STORAGE TECHNOLOGIES"}, Different},
	} {
		got, comparators := companyLevel(t, c.a, c.b)
		if got != c.want {
			t.Errorf("%s / %s: company %v, want %v", c.a[0], c.b[0], got, c.want)
		}
		// One field: the name is not counted twice.
		if slices.Contains(comparators, "company_normalized") {
			t.Fatalf("company_normalized compared on its own: %v", comparators)
		}
	}
}

// A fit in which a list field's difference comes out as strong evidence
// against a match took the pairs that share items for the matches: not a
// model of matches.
func TestListSplitIsNotAModel(t *testing.T) {
	prior := listWeights(6)
	if !splitsOn(prior, weights{Same: 9, Similar: 8, Partial: 7, Different: -16}) {
		t.Error("a list whose difference is -16 bits: not a split")
	}
	if splitsOn(prior, weights{Same: 9, Similar: 8, Partial: 7, Different: -0.7}) {
		t.Error("a list whose difference is -0.7 bits: a split")
	}
	if splitsOn(weights{Same: 8, Different: -7}, weights{Same: 9, Different: -16}) {
		t.Error("a company's difference (hand-set -7 bits) learned at -16: a split")
	}
}

func TestCompanyWordSplitOrJoined(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Level
	}{
		{"Shell Internationale Research Maats-chappij B.V.", "Shell Internationale Research Maatschappij B.V.", Similar},
		{"GISTBROCADES N.V.", "Gist-Brocades N.V.", Similar},
		{"Konin Klijke Philips Electronics", "Koninklijke Philips Electronics", Similar},
		{"Acme Rob Otics", "Acme Robotics Inc", Similar},
		{"A B C Trading", "ABC Trading", Same}, // initials are joined when parsed
	} {
		a, b := prof("company", c.a), prof("company", c.b)
		if got := compareCompany(&a, &b); got != c.want {
			t.Errorf("compareCompany(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestSameLettersJoined(t *testing.T) {
	for _, c := range []struct {
		a, b []string
		want bool
	}{
		{[]string{"maats", "chappij"}, []string{"maatschappij"}, true},
		{[]string{"acme", "robotics"}, []string{"acme", "robo", "tix"}, false},
		{[]string{"acme", "robotics"}, []string{"acme", "robotics"}, false}, // equal: not this case
		{[]string{"a", "b", "c"}, []string{"ab", "c"}, false},               // initials
	} {
		if got := sameLettersJoined(c.a, c.b); got != c.want {
			t.Errorf("sameLettersJoined(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
