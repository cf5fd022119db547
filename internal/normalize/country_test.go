package normalize

import "testing"

func TestCountryRegion(t *testing.T) {
	for in, want := range map[string]string{
		"United Kingdom": "GB", "UK": "GB", "GBR": "GB", "gb": "GB", "英国": "GB",
		"United States": "US", "USA": "US", "美国": "US", " united  states ": "US",
		"China": "CN", "中国": "CN", "中国大陆": "CN", "香港": "HK", "Hong Kong SAR China": "HK",
		"Germany": "DE", "德国": "DE", "Singapore": "SG", "新加坡": "SG", "台湾": "TW",
	} {
		if got, ok := CountryRegion(in); !ok || got != want {
			t.Errorf("CountryRegion(%q) = %q, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "Narnia", "华东", "N/A"} {
		if got, ok := CountryRegion(in); ok {
			t.Errorf("CountryRegion(%q) = %q; want none", in, got)
		}
	}
}

func TestAmountIn(t *testing.T) {
	for _, c := range []struct {
		in         string
		comma      bool
		value, cur string
		ok         bool
	}{
		{"USD 1000", false, "1000", "USD", true},
		{"$1,000.50", false, "1000.5", "USD", true},
		{"¥12,345.00", false, "12345", "CNY", true},
		{"12345元", false, "12345", "CNY", true},
		{"1.2万", false, "12000", "", true},
		{"EUR 99", false, "99", "EUR", true},
		{"$100元", false, "$100元", "", false},
		{"12345,50", true, "12345.5", "", true},
		{"1.234,56", true, "1234.56", "", true},
		{"0,99", true, "0.99", "", true},
		{"1.234", true, "1234", "", true},
		{"12.5", true, "12.5", "", true},
		{"€ 1.234,56", true, "1234.56", "EUR", true},
		{"12345,50", false, "12345,50", "", false},
	} {
		v, cur, ok := AmountIn(c.in, c.comma)
		if v != c.value || cur != c.cur || ok != c.ok {
			t.Errorf("AmountIn(%q, %v) = %q, %q, %v; want %q, %q, %v", c.in, c.comma, v, cur, ok, c.value, c.cur, c.ok)
		}
	}
}

func TestScaleAndConvert(t *testing.T) {
	if got, ok := ScaleAmount("1.5", 4); !ok || got != "15000" {
		t.Errorf("ScaleAmount(1.5, 4) = %q, %v", got, ok)
	}
	if got, ok := ScaleAmount("-0.25", 4); !ok || got != "-2500" {
		t.Errorf("ScaleAmount(-0.25, 4) = %q, %v", got, ok)
	}
	if got, ok := ConvertAmount("1000", "7.1"); !ok || got != "7100" {
		t.Errorf("ConvertAmount(1000, 7.1) = %q, %v", got, ok)
	}
	if got, ok := ConvertAmount("10.01", "7.123"); !ok || got != "71.3" {
		t.Errorf("ConvertAmount(10.01, 7.123) = %q, %v", got, ok)
	}
}

func TestPhoneNoted(t *testing.T) {
	for _, c := range []struct {
		in, region, e164, note string
		ok                     bool
	}{
		{"18117084408(微信同号)", "CN", "+8618117084408", "+8618117084408 微信同号", true},
		{"18117084408（微信同号）", "CN", "+8618117084408", "+8618117084408 微信同号", true},
		{"13812345678 同微信", "CN", "+8613812345678", "+8613812345678 同微信", true},
		{"(415) 555-0100 (office)", "US", "+14155550100", "+14155550100 office", true},
		{"13812345678", "CN", "+8613812345678", "", true},
		{"13812345678/13912345678(微信)", "CN", "+8613812345678;+8613912345678", "+8613912345678 微信", true},
		{"12345(微信)", "CN", "12345(微信)", "", false},
		{"张三 13812345678", "CN", "张三 13812345678", "", false},
	} {
		e, n, ok := PhoneNoted(c.in, c.region)
		if e != c.e164 || n != c.note || ok != c.ok {
			t.Errorf("PhoneNoted(%q) = %q, %q, %v; want %q, %q, %v", c.in, e, n, ok, c.e164, c.note, c.ok)
		}
	}
}

func TestNoteKeepsLineBreaks(t *testing.T) {
	for in, want := range map[string]string{
		"line one\nline  two":          "line one\nline two",
		"\r\n 第一行 \r\n\r\n\r\n第二行\r\n": "第一行\n\n第二行",
		"no  break ":                   "no break",
	} {
		got := Note(in)
		if got != want {
			t.Errorf("Note(%q) = %q, want %q", in, got, want)
		}
		if Note(got) != got {
			t.Errorf("Note not idempotent on %q", got)
		}
	}
}

func TestDateOrderEvidence(t *testing.T) {
	for in, want := range map[string]DateOrder{
		"11/20/2025": DateMDY, "20/11/2025": DateDMY, "12/1/2025": DateAuto, "2025-11-20": DateAuto,
		"5/5/2025": DateAuto, "": DateAuto, "Nov 20, 2025": DateAuto,
	} {
		if got := DateOrderEvidence(in); got != want {
			t.Errorf("DateOrderEvidence(%q) = %v, want %v", in, got, want)
		}
	}
	if !DateAmbiguous("12/1/2025") || DateAmbiguous("11/20/2025") || DateAmbiguous("5/5/2025") {
		t.Error("DateAmbiguous")
	}
}

func TestNANPShaped(t *testing.T) {
	for in, want := range map[string]bool{
		"(415) 555-0100": true, "415-555-0100": true, "1-415-555-0100": true, "650.253.0000": true,
		"+1 415 555 0100": false, // says its country itself
		"138-1234-5678":   false, "13812345678": false, "020 7946 0958": false, "(010) 6512-3456": false,
		"010-65123456": false,
	} {
		if got := NANPShaped(in); got != want {
			t.Errorf("NANPShaped(%q) = %v, want %v", in, got, want)
		}
	}
}

// European exports name the country in its own language.
func TestCountryRegionEndonyms(t *testing.T) {
	for in, want := range map[string]string{"Deutschland": "DE", "Schweiz": "CH", "España": "ES", "Polska": "PL",
		"Danmark": "DK", "Österreich": "AT", "Italia": "IT", "Česko": "CZ"} {
		if got, ok := CountryRegion(in); !ok || got != want {
			t.Errorf("CountryRegion(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
