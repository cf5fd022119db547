package similar

import (
	"strings"
	"testing"
)

// provinceLenLinear is provinceLen as it was written: every province
// tested in turn.
func provinceLenLinear(s []byte) int {
	for _, p := range provinces {
		if !hasPrefix(s, p) {
			continue
		}
		rest := s[len(p):]
		switch {
		case hasPrefix(rest, "省"), hasPrefix(rest, "市"):
			return len(p) + len("省")
		case hasPrefix(rest, "特别行政区"):
			return len(p) + len("特别行政区")
		}
		if i := indexOf(rest, "自治区"); i >= 0 && len([]rune(string(rest[:i]))) <= 3 && allHan(rest[:i]) {
			return len(p) + i + len("自治区")
		}
		if startsWithAdminUnit(rest) {
			return len(p)
		}
		return 0
	}
	return 0
}

func indexOf(s []byte, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if string(s[i:i+len(sub)]) == sub {
			return i
		}
	}
	return -1
}

// provinceLen, looking up the provinces by first character, strips what
// testing every province stripped: each province with every ending, and
// strings that only start like one.
func TestProvinceLenByFirstCharacter(t *testing.T) {
	endings := []string{"", "省", "市", "特别行政区", "壮族自治区", "自治区", "深圳市", "浦东新区", "路", "x", "南昌县宝安区"}
	var inputs []string
	for _, p := range provinces {
		r := []rune(p)
		for _, e := range endings {
			inputs = append(inputs, p+e, string(r[:1])+e, string(r[:len(r)-1])+"x"+e)
		}
	}
	inputs = append(inputs, "", "中国", "abc", "\xe5")
	for _, in := range inputs {
		if got, want := provinceLen([]byte(in)), provinceLenLinear([]byte(in)); got != want {
			t.Errorf("provinceLen(%q) = %d, want %d", in, got, want)
		}
	}
}

// The rune tests are the strings.ContainsRune calls they replaced, on
// every rune of the Chinese blocks and the invalid-byte rune.
func TestAddressRuneSets(t *testing.T) {
	sets := []struct {
		is  func(rune) bool
		was string
	}{
		{isStreetRune, "路街道巷弄号"},
		{isAdminUnitRune, "市区县州盟"},
		{isNotCityRune, "区县旗路街道巷弄号镇乡村"},
	}
	for _, s := range sets {
		for r := rune(0); r <= 0x2FFFF; r++ {
			if got, want := s.is(r), strings.ContainsRune(s.was, r); got != want {
				t.Errorf("rune %q in %s: %v, want %v", r, s.was, got, want)
			}
		}
	}
}
