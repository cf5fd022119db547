package similar

import "testing"

func TestSameGivenName(t *testing.T) {
	for _, p := range [][2]string{
		{"bob", "robert"}, {"bill", "william"}, {"liz", "elizabeth"}, {"peggy", "margaret"},
		{"dick", "richard"}, {"kate", "katherine"}, {"mike", "michael"}, {"jim", "james"},
		{"bobby", "rob"}, {"al", "alfred"}, {"al", "alexander"},
	} {
		if !SameGivenName(p[0], p[1]) || !SameGivenName(p[1], p[0]) {
			t.Errorf("%s and %s should be one given name", p[0], p[1])
		}
	}
	for _, p := range [][2]string{{"bob", "william"}, {"alfred", "alexander"}, {"robert", "robert"}, {"zed", "zoe"}} {
		if SameGivenName(p[0], p[1]) {
			t.Errorf("%s and %s are not nickname and name", p[0], p[1])
		}
	}
	if n := len(nicknames()); n < 300 {
		t.Errorf("nickname table has %d names, want a few hundred", n)
	}
}

func TestPersonNameNicknames(t *testing.T) {
	if got := PersonName("Bob Smith", "Robert Smith"); got != NameSimilar {
		t.Errorf("Bob Smith vs Robert Smith = %v, want similar", got)
	}
	if got := PersonName("Peggy O'Brien", "Margaret O'Brien"); got != NameSimilar {
		t.Errorf("Peggy vs Margaret O'Brien = %v, want similar", got)
	}
	if got := PersonName("Bob Smith", "William Smith"); got != NameDifferent {
		t.Errorf("Bob Smith vs William Smith = %v, want different", got)
	}
}

// Every name of the nickname table passes the filter (it only ever
// skips names in no group), and the filter skips most other words.
func TestNicknameFilter(t *testing.T) {
	for name := range nicknames() {
		if !maybeNickname([]rune(name)) {
			t.Fatalf("%q is in the table but not in the filter", name)
		}
	}
	skipped := 0
	words := []string{"smith", "jones", "walker", "ruiz", "clark", "brown", "lee", "zhang", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor"}
	for _, w := range words {
		if _, ok := nicknames()[w]; !ok && !maybeNickname([]rune(w)) {
			skipped++
		}
	}
	if skipped < len(words)/2 {
		t.Errorf("the filter skips %d of %d surnames", skipped, len(words))
	}
}
