package similar

import (
	"strings"
	"testing"
)

// provinceLenLinear is provinceLen as it was written: every province
// tested in turn.
func provinceLenLinear(s []byte) int {
	for _, p := range provinces {
		if hasPrefix(s, p) {
			return provinceFormLen(s, p)
		}
	}
	return 0
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

// parseAddressKeyList is ParseAddressKey as it was written: the parts
// gathered in a slice, the output made to size.
func parseAddressKeyList(key string) string {
	if key == "" || len(key) > 255 {
		return ""
	}
	var p addressParts
	p.parse(key)
	parts := []string{p.number.lo, p.number.hi, p.number.suffix}
	parts = append(parts, p.street[:p.nstreet]...)
	parts = append(parts, p.units[:p.nunits]...)
	parts = append(parts, p.districts[:p.ndistricts]...)
	parts = append(parts, p.towns[:p.ntowns]...)
	out := make([]byte, 0, 5+2*len(parts))
	flags := byte(0)
	if p.chinese {
		flags = 1
	}
	out = append(out, flags, byte(p.nstreet), byte(p.nunits), byte(p.ndistricts), byte(p.ntowns))
	for _, s := range parts {
		i := strings.Index(key, s)
		if i < 0 {
			return ""
		}
		out = append(out, byte(i), byte(len(s)))
	}
	return string(out)
}

// ParseAddressKey on the stack writes what it wrote before: Chinese and
// English addresses with many streets, units and districts, past 255
// bytes, with invalid bytes.
func TestParseAddressKeyAsList(t *testing.T) {
	pieces := []string{
		"广东省", "深圳市", "南山区", "宝安区", "西乡街道", "科技园", "深南大道", "10000号", "3栋", "501室", "A座", "12楼",
		"内蒙古自治区", "呼和浩特市", "香港特别行政区", "澳門", "台灣", "镇", "乡", "村", "1106-1108", "W", "63rd", "St",
		"Apt", "5B", "Suite", "200", "Unit", "7", "Floor", "3", "Building", "C", "Room", "1204", "Shenzhen", "Nanshan District",
		"Ave", "Road", "No.", "#", ",", " ", "\xff", "Straße", "İstanbul", "😀",
	}
	rng := uint64(7)
	next := func() uint64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
	for range 20_000 {
		var b strings.Builder
		for range int(next() % 40) {
			b.WriteString(pieces[next()%uint64(len(pieces))])
			if next()%2 == 0 {
				b.WriteByte(' ')
			}
		}
		key := AddressKey(b.String())
		if got, want := ParseAddressKey(key), parseAddressKeyList(key); got != want {
			t.Fatalf("ParseAddressKey(%q) = %q, want %q", key, got, want)
		}
	}
}
