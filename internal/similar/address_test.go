package similar

import "testing"

func TestAddressKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"1106-1108 W. 63rd Street", "1106-1108 w 63rd st"},
		{"1106–1108 W 63rd St", "1106-1108 w 63rd st"},
		{"8358 Sunset Blvd.", "8358 sunset blvd"},
		{"8358 sunset blv. west", "8358 sunset blvd w"},
		{"12 Wallaby Place, Unit 3", "12 wallaby pl unit 3"},
		{"Apt #4, 12 Wallaby Pl", "unit 4 12 wallaby pl"},
		{"12 Main St #200", "12 main st ste 200"},
		{"Suite 200, 12 Main Street", "ste 200 12 main st"},
		{"No. 5 Main Avenue", "5 main ave"},
		{"5 No Name Road", "5 no name rd"},
		{"3rd Floor, 100 N. Circuit Rd", "3rd fl 100 n cct rd"},
		{"O'Connell Street 9", "oconnell st 9"},
		{"Ｎｏ．１２ Ｍａｉｎ Ｓｔ", "12 main st"},
		{"12 main st", "12 main st"},
		// Chinese: province and prefecture dropped, district kept.
		{"广东省深圳市宝安区友谊路116号", "宝安区友谊路116号"},
		{"广东省 深圳市 宝安区 友谊路 116 号", "宝安区友谊路116号"},
		{"中国广东深圳市宝安区友谊路116号", "宝安区友谊路116号"},
		{"宝安区友谊路１１６号", "宝安区友谊路116号"},
		{"上海市浦东新区世纪大道100号A座12楼", "浦东新区世纪大道100号a座12楼"},
		{"上海浦东新区世纪大道100号", "浦东新区世纪大道100号"},
		{"北京市朝阳区建国路88号", "朝阳区建国路88号"},
		{"北京路123号", "北京路123号"}, // a street named after a city stays
		{"湖南路8号", "湖南路8号"},
		{"广西壮族自治区南宁市青秀区民族大道1号", "青秀区民族大道1号"},
		{"江苏省苏州市昆山市玉山镇人民路8号", "玉山镇人民路8号"},
		{"吉林省延边朝鲜族自治州延吉市光明街5号", "光明街5号"},
		{"深圳市华强北市场路1号", "华强北市场路1号"}, // 市场 is a market, not a city
		{"深圳市", "深圳市"}, // never stripped to nothing
		{"深圳市南山区深南大道9988号", "南山区深南大道9988号"},
		{"浙江省杭州市西湖区文三路 90 号 2 栋 301 室", "西湖区文三路90号2栋301室"},
	} {
		if got := AddressKey(tc.in); got != tc.want {
			t.Errorf("AddressKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if k := AddressKey(tc.want); k != tc.want {
			t.Errorf("AddressKey(%q) = %q: a key must be its own key", tc.want, k)
		}
	}
}

func TestAddressKeyCleanKeyDoesNotAllocate(t *testing.T) {
	for _, k := range []string{"1106-1108 w 63rd st", "宝安区友谊路116号3栋201室"} {
		if n := testing.AllocsPerRun(20, func() { AddressKey(k) }); n != 0 {
			t.Errorf("AddressKey(%q) allocates %.0f times", k, n)
		}
	}
}

func TestAddress(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want AddressLevel
	}{
		{"", "12 Main St", AddressMissing},
		{"...", "12 Main St", AddressMissing},
		{"12 Main St", "12 main street", AddressSame},
		{"广东省深圳市宝安区友谊路116号", "宝安区友谊路116号", AddressSame},

		// English.
		{"1106 W 63rd St", "1108 W. 63rd Street", AddressDifferent},
		{"1106-1108 W 63rd St", "1108 W. 63rd Street", AddressSimilar},
		{"1106-1108 W 63rd St", "1106 W. 63rd Street", AddressSimilar},
		{"1106-1108 W 63rd St", "1107 W 63rd St", AddressDifferent}, // only the ends
		{"12 wallaby place", "14 wallaby place", AddressDifferent},
		{"12 wallaby place", "12 walaby place", AddressSimilar},
		{"1900 W Van Buren St", "1900 W VanBuren", AddressSimilar},
		{"4040 N Lake Shore Drive", "4040 N Lakeshore Dr", AddressSimilar},
		{"5433 S 93rd Street", "5433 S 93th St", AddressSimilar},
		{"5433 S 93rd Street", "5433 S 39th St", AddressDifferent},
		{"8358 sunset blvd.", "8358 sunset blv. west", AddressSimilar},
		{"8358 Sunset Blvd", "8358 Sunset", AddressSame}, // the street type left out
		{"1020 W. Bryn Mawr", "1020 W Bryn Mawr Ave", AddressSame},
		{"1020 Bryn Mawr Ave", "1020 W Bryn Mawr Ave", AddressSimilar}, // N or S Bryn Mawr?
		{"1020 W Bryn Mawr Ave", "1020 W Bryn Maur Ave", AddressSimilar},
		{"12 Main St", "12 Main Ave", AddressPartial},
		{"941 E 132nd Pl", "941 E 132nd St", AddressPartial},
		{"3601 S Rhodes Ave", "3641 S Rhodes Ave", AddressPartial},
		{"3601 S Rhodes Ave", "3641 S Dorchester Ave", AddressDifferent},
		{"3601 S Rhodes Ave", "3614 S Rhodes Ave", AddressDifferent}, // two digits
		{"3601 S Rhodes Ave", "3603 S Rhodes Ave", AddressDifferent}, // next door
		{"12 Main St #200", "12 Main Ave #300", AddressDifferent},
		{"12 N Main St", "12 S Main St", AddressPartial}, // a near miss: the weights say what it is worth
		{"12 Main St", "12 Elm St", AddressDifferent},
		{"12 Main St", "Main St", AddressDifferent}, // a number one side lacks
		{"12 Main St Suite 200", "12 Main Street", AddressSimilar},
		{"12 Main St Suite 200", "12 Main St #300", AddressDifferent},
		{"12 Main St Suite 200", "Ste 200, 12 Main St", AddressSame},
		{"Unit 3/12 Wallaby Pl", "12 Wallaby Place", AddressSimilar},
		{"12a Wallaby Pl", "12b Wallaby Pl", AddressDifferent},
		{"12a Wallaby Pl", "12 Wallaby Pl", AddressSimilar},
		{"100 63rd St", "100 64th St", AddressDifferent},
		{"012 Main St", "12 Main St", AddressSame},
		{"3rd Floor, 100 N. Circuit Rd", "100 North Circuit Road", AddressSimilar},
		{"100 Main St 3rd Floor", "100 Main St, Level 4", AddressDifferent},

		// Chinese.
		{"广东省深圳市宝安区友谊路116号", "宝安区友谊路116号3栋201室", AddressSimilar},
		{"深圳市友谊路116号", "宝安区友谊路116号", AddressSimilar}, // district one side lacks
		{"宝安区友谊路116号", "南山区友谊路116号", AddressDifferent},
		{"宝安区友谊路116号", "宝安区友谊路118号", AddressDifferent},
		{"宝安区友谊路116-118号", "宝安区友谊路118号", AddressSimilar},
		{"宝安区友谊路116号", "宝安区人民路116号", AddressDifferent},
		{"宝安区西乡街道友谊路116号", "宝安区友谊路116号", AddressSimilar},
		{"西乡街道友谊路116号", "新安街道友谊路116号", AddressDifferent},
		{"宝安区友谊路116号3栋201室", "宝安区友谊路116号3栋202室", AddressDifferent},
		{"宝安区友谊路116号3栋201室", "宝安区友谊路116号3栋2楼201室", AddressSimilar},
		{"南山区深南大道9988号", "南山区深南大路9988号", AddressSimilar}, // one character in four
		{"上海市黄浦区南京东路1234弄5号", "黄浦区南京东路1234弄5号", AddressSame},
		{"上海市黄浦区南京东路1234弄5号", "黄浦区南京东路1234弄6号", AddressDifferent},
		{"宝安区友谊路116号", "116 Youyi Road", AddressMissing}, // no transliteration
		{"宝安区友谊路116号", "118 Youyi Road", AddressDifferent},
	} {
		got := checkSymmetric(t, "Address", Address, tc.a, tc.b)
		if got != tc.want {
			t.Errorf("Address(%q, %q) = %v, want %v (keys %q, %q)", tc.a, tc.b, got, tc.want, AddressKey(tc.a), AddressKey(tc.b))
		}
	}
}

func TestCompareAddressKeysDoesNotAllocate(t *testing.T) {
	for _, p := range [][2]string{
		{"1106-1108 w 63rd st", "1108 w 63rd st ste 200"},
		{"宝安区友谊路116号3栋201室", "西乡街道友谊路116号"},
	} {
		if n := testing.AllocsPerRun(20, func() { CompareAddressKeys(p[0], p[1]) }); n != 0 {
			t.Errorf("CompareAddressKeys(%q, %q) allocates %.0f times", p[0], p[1], n)
		}
	}
}

func TestHouseNumber(t *testing.T) {
	for _, tc := range []struct{ key, first, last string }{
		{"1106-1108 w 63rd st", "1106", "1108"},
		{"宝安区友谊路116号", "116", "116"},
		{"宝安区友谊路116-118号3栋", "116", "118"},
		{"黄浦区南京东路1234弄5号", "5", "5"},
		{"unit 4 12 wallaby pl", "12", "12"},
		{"unit 3/12 wallaby pl", "12", "12"},
		{"100 63rd st", "100", "100"},
		{"3rd fl 100 n cct rd", "100", "100"},
		{"63rd st", "", ""},
		{"12a main st", "12", "12"},
		{"宝安区友谊路", "", ""},
		{"", "", ""},
	} {
		if got := HouseNumber(tc.key); got != tc.first {
			t.Errorf("HouseNumber(%q) = %q, want %q", tc.key, got, tc.first)
		}
		if first, last := HouseNumberRange(tc.key); first != tc.first || last != tc.last {
			t.Errorf("HouseNumberRange(%q) = %q, %q, want %q, %q", tc.key, first, last, tc.first, tc.last)
		}
	}
}

func TestAddressLevelString(t *testing.T) {
	if got := AddressSimilar.String(); got != "similar" {
		t.Errorf("AddressSimilar.String() = %q", got)
	}
}
