package similar

import "testing"

// Keys parsed once compare as keys parsed per comparison, on every pair of
// the test addresses (Chinese, English, units, ranges, districts).
func TestParsedAddressKeysCompareAsKeys(t *testing.T) {
	var keys []string
	for _, p := range seedAddressPairs {
		keys = append(keys, AddressKey(p[0]), AddressKey(p[1]))
	}
	keys = append(keys, "1106-1108 w 63rd st", "1108 w 63rd st", "000 main st", "12a main st", "12b main st",
		"宝安区友谊路116号3栋201室", "宝安区友谊路116号3栋2楼201室", "南山区友谊路116号", "玉山镇人民路8号", "人民路8号",
		"ste 200 12 main st", "12 main st ste 201", "", "深圳市")
	parsed := 0
	for _, a := range keys {
		pa := ParseAddressKey(a)
		if pa != "" {
			parsed++
		}
		f, l := HouseNumberRange(a)
		if pf, pl := ParsedHouseNumberRange(a, pa); pf != f || pl != l {
			t.Errorf("%q: house numbers %q-%q parsed once, %q-%q per call", a, pf, pl, f, l)
		}
		for _, b := range keys {
			want := CompareAddressKeys(a, b)
			if got := CompareParsedAddressKeys(a, pa, b, ParseAddressKey(b)); got != want {
				t.Errorf("%q vs %q: parsed once %v, per comparison %v", a, b, got, want)
			}
		}
	}
	if parsed < len(keys)-2 {
		t.Errorf("only %d of %d keys parsed once", parsed, len(keys))
	}
}
