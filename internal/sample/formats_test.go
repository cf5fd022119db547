package sample

import (
	"regexp"
	"testing"
	"time"
)

func TestCivilDates(t *testing.T) {
	for d := daysFromCivil(1899, 12, 1); d < daysFromCivil(2101, 1, 1); d += 17 {
		y, m, dd := d.civil()
		if got := daysFromCivil(y, m, dd); got != d {
			t.Fatalf("day %d → %d-%d-%d → %d", d, y, m, dd, got)
		}
		want := time.Unix(int64(d)*86400, 0).UTC()
		if want.Year() != y || int(want.Month()) != m || want.Day() != dd {
			t.Fatalf("day %d: civil %d-%d-%d, time says %s", d, y, m, dd, want.Format("2006-01-02"))
		}
	}
}

func TestAppendDate(t *testing.T) {
	d := daysFromCivil(2025, 3, 4)
	tests := []struct {
		style dateStyle
		want  string
	}{
		{dISO, "2025-03-04"},
		{dSlash, "2025/3/4"},
		{dSlashPad, "2025/03/04"},
		{dChinese, "2025年3月4日"},
		{dDot, "2025.3.4"},
		{dCompact, "20250304"},
		{dNamed, "Mar 4, 2025"},
		{dExcel, "45720"}, // Excel: =DATE(2025,3,4) is 45720
	}
	for _, tt := range tests {
		if got := string(appendDate(nil, d, tt.style)); got != tt.want {
			t.Errorf("style %d: got %q, want %q", tt.style, got, tt.want)
		}
	}
	stamps := []struct {
		style dateStyle
		ts    timeStyle
		want  string
	}{
		{dISO, tMinutes, "2025-03-04 09:05"},
		{dISO, tSeconds, "2025-03-04 09:05:00"},
		{dISO, tISO, "2025-03-04T09:05:00"},
		{dSlash, tNone, "2025/3/4"},
		{dChinese, tMinutes, "2025年3月4日 09:05"},
		{dCompact, tSeconds, "20250304"},
	}
	for _, tt := range stamps {
		if got := string(appendStamp(nil, d, 9*60+5, tt.style, tt.ts)); got != tt.want {
			t.Errorf("stamp %d/%d: got %q, want %q", tt.style, tt.ts, got, tt.want)
		}
	}
}

func TestAppendAmount(t *testing.T) {
	tests := []struct {
		cents int64
		style amountStyle
		want  string
	}{
		{1234500, aPlain2, "12345.00"},
		{1234550, aPlain, "12345.5"},
		{1234500, aPlain, "12345"},
		{1234505, aPlain, "12345.05"},
		{123456789, aThousands2, "1,234,567.89"},
		{99900, aThousands2, "999.00"},
		{123456750, aThousands, "1,234,568"},
		{1234500, aYen, "¥12,345.00"},
		{1234500, aYenWide, "￥12,345.00"},
		{1234500, aYuan, "12345元"},
		{1234500, aWan, "1.23万"},
		{15000000, aWan, "15万"},
		{500000, aWan, "5000元"},
		{1234500, aRMB, "RMB 12,345.00"},
		{5, aPlain2, "0.05"},
	}
	for _, tt := range tests {
		if got := string(appendAmount(nil, tt.cents, tt.style)); got != tt.want {
			t.Errorf("%d cents style %d: got %q, want %q", tt.cents, tt.style, got, tt.want)
		}
	}
}

func TestAppendPhoneStylesParseBack(t *testing.T) {
	numbers := []struct {
		p    phone
		want string
	}{
		{phone{kind: phoneMobile, local: "13812345678"}, "+8613812345678"},
		{phone{kind: phoneLandline, area: "0755", local: "23456789"}, "+8675523456789"},
		{phone{kind: phoneLandline, area: "0351", local: "2345678"}, "+863512345678"},
		{phone{kind: phoneIntl, cc: "1", area: "415", local: "2345678"}, "+14152345678"},
		{phone{kind: phoneIntl, cc: "852", local: "21234567"}, "+85221234567"},
	}
	for _, n := range numbers {
		seen := map[string]bool{}
		for s := range numPhoneStyles {
			cell := string(appendPhone(nil, n.p, s))
			if seen[cell] && n.p.kind != phoneIntl {
				t.Errorf("%s: style %d repeats %q", n.want, s, cell)
			}
			seen[cell] = true
			if got, ok := e164(cell); !ok || got != n.want {
				t.Errorf("style %d wrote %q, which parses to %q (ok %v), want %s", s, cell, got, ok, n.want)
			}
		}
	}
}

func TestRecordIDs(t *testing.T) {
	tests := []struct {
		style idStyle
		re    string
	}{
		{idFxiaoke, `^KH\d{8}$`},
		{idSalesforce, `^0015g0{5}[0-9A-Za-z]{5}[A-Z0-5]{3}$`},
		{idHubSpot, `^[1-9]\d{9}$`},
		{idZoho, `^zcrm_5725767000000\d{6}$`},
		{idSheet, `^\d{5}$`},
		{idCanonical, `^C\d{8}$`},
	}
	for _, tt := range tests {
		m := newIDMaker(newRNG(1), tt.style, 20000)
		re := regexp.MustCompile(tt.re)
		seen := map[string]bool{}
		for i := range 20000 {
			id := string(m.appendID(nil, i))
			if !re.MatchString(id) || seen[id] {
				t.Fatalf("style %d row %d: id %q repeats or does not match %s", tt.style, i, id, tt.re)
			}
			seen[id] = true
		}
	}
	if got := string(newIDMaker(newRNG(1), idSheet, 10).appendID(nil, 41)); got != "00042" {
		t.Errorf("sheet id of row 41 = %q, want the running number 00042", got)
	}
}

func TestSalesforceChecksum(t *testing.T) {
	// Bit k of chunk c is set when character c*5+k is an uppercase letter.
	tests := []struct{ id, want string }{
		{"001000000000000", "AAA"},
		{"A01000000000000", "BAA"},
		{"00100000000000Z", "AAQ"},
		{"ABCDEabcdeFGHIJ", "5A5"},
	}
	for _, tt := range tests {
		got := string(appendSalesforceChecksum(nil, []byte(tt.id)))
		if got != tt.want {
			t.Errorf("checksum(%s) = %s, want %s", tt.id, got, tt.want)
		}
	}
}

func TestPermutationIsBijective(t *testing.T) {
	for _, m := range []uint64{1, 2, 10, 97, 1000, 4096} {
		p := newPermutation(newRNG(m), m)
		seen := make([]bool, m)
		for x := range m {
			y := p.at(x)
			if y >= m || seen[y] {
				t.Fatalf("m=%d: %d → %d repeats or is out of range", m, x, y)
			}
			seen[y] = true
		}
	}
}
