package normalize

import (
	"strings"
	"testing"
)

func TestPhone(t *testing.T) {
	tests := []struct {
		name, in, region, want string
		ok                     bool
	}{
		{"empty", "", "", "", true},
		{"blank", " \u3000 ", "", "", true},
		{"plain mobile", "13812345678", "", "+8613812345678", true},
		{"already e164", "+8613812345678", "CN", "+8613812345678", true},
		{"spaced mobile", "138 1234 5678", "", "+8613812345678", true},
		{"dashed mobile", "138-1234-5678", "", "+8613812345678", true},
		{"plus 86 spaced", "+86 138 1234 5678", "", "+8613812345678", true},
		{"0086 prefix", "0086 13812345678", "", "+8613812345678", true},
		{"bare 86 prefix", "86-13812345678", "", "+8613812345678", true},
		{"full-width digits", "１３８１２３４５６７８", "", "+8613812345678", true},
		{"full-width plus and dash", "＋８６－１３８１２３４５６７８", "", "+8613812345678", true},
		{"lower-case region", "13812345678", "cn", "+8613812345678", true},
		{"plus 86 with US region", "+86 138 1234 5678", "US", "+8613812345678", true},
		{"landline with area code", "010-12345678", "", "+861012345678", true},
		{"landline in parentheses", "(010)12345678", "", "+861012345678", true},
		{"full-width parentheses", "（０１０）１２３４５６７８", "", "+861012345678", true},
		{"shenzhen spaced", "0755-8888 8888", "", "+8675588888888", true},
		{"400 number", "400-800-8888", "", "+864008008888", true},
		{"dash extension", "010-12345678-8001", "", "+861012345678 ext. 8001", true},
		{"zhuan extension", "010-12345678转8001", "", "+861012345678 ext. 8001", true},
		{"fenji extension", "010-12345678 分机：8001", "", "+861012345678 ext. 8001", true},
		{"ext extension", "010-12345678 ext 8001", "", "+861012345678 ext. 8001", true},
		{"x extension", "010-12345678x8001", "", "+861012345678 ext. 8001", true},
		{"output with extension is stable", "+861012345678 ext. 8001", "", "+861012345678 ext. 8001", true},
		{"US with region", "(415) 555-2671", "US", "+14155552671", true},
		{"US international", "+1 (415) 555-0100", "US", "+14155550100", true},
		{"US international from CN", "+1 415 555 2671", "", "+14155552671", true},
		{"several with slash", "13812345678/13912345678", "", "+8613812345678;+8613912345678", true},
		{"several with chinese separators", "13812345678、010-12345678；13912345678，13712345678", "", "+8613812345678;+861012345678;+8613912345678;+8613712345678", true},
		{"several with newline", "13812345678\n13912345678", "", "+8613812345678;+8613912345678", true},
		{"several with pipe", "13812345678 | 13912345678", "", "+8613812345678;+8613912345678", true},
		{"duplicates removed", "13812345678; +86 138 1234 5678", "", "+8613812345678", true},
		{"empty pieces skipped", "13812345678;;", "", "+8613812345678", true},
		{"joined output is stable", "+8613812345678;+861012345678 ext. 8001", "", "+8613812345678;+861012345678 ext. 8001", true},
		{"number wrapped over two lines", "138 1234\n5678", "", "+8613812345678", true},
		{"too short", "1381234567", "", "1381234567", false},
		{"too long", "138123456789", "", "138123456789", false},
		{"invalid mobile range", "12012345678", "", "12012345678", false},
		{"local number without area code", "12345678", "", "12345678", false},
		{"text", "无", "", "无", false},
		{"one invalid spoils the cell", "13812345678/123", "", "13812345678/123", false},
		{"only separators", " ; / ", "", "; /", false},
		{"raw kept with text cleanup", " 138１２３ \n x ", "", "138123 x", false},
		{"mobile with dash group is a typo not an extension", "138-1234-5678-9", "", "138-1234-5678-9", false},
		{"mobile without plus is not US", "13812345678", "US", "13812345678", false},
		{"0086 is not the US international prefix", "0086 13812345678", "US", "0086 13812345678", false},
		{"unknown region", "13812345678", "XX", "13812345678", false},
		{"too many numbers in one cell", strings.Repeat("13812345678;", maxPhonesPerCell+1), "", strings.Repeat("13812345678;", maxPhonesPerCell+1), false},
		{"label before number", "手机：13812345678", "", "+8613812345678", true},
		{"english label", "Tel. +86 10 1234 5678", "", "+861012345678", true},
		{"name before number is not dropped", "张三 13812345678", "", "张三 13812345678", false},
		{"note after number is not dropped", "13812345678（张总）", "", "13812345678（张总）", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Phone(tt.in, tt.region)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Phone(%q, %q) = %q, %v; want %q, %v", tt.in, tt.region, got, ok, tt.want, tt.ok)
			}
			again, ok2 := Phone(got, tt.region)
			if again != got || ok2 != ok {
				t.Errorf("Phone not idempotent: Phone(%q) = %q, %v", got, again, ok2)
			}
		})
	}
}

func TestPhoneFastPathAllocations(t *testing.T) {
	Phone("13812345678", "") // learn the range first
	tests := []struct {
		in        string
		maxAllocs float64
	}{
		{"+8613812345678", 0},
		{"13812345678", 1},
		{"138 1234 5678", 1},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, func() { Phone(tt.in, "CN") }); n > tt.maxAllocs {
			t.Errorf("Phone(%q) allocated %v times, want <= %v", tt.in, n, tt.maxAllocs)
		}
	}
}

func TestMemoIsBounded(t *testing.T) {
	m := newMemo[string, int](4)
	for i := range 100 {
		m.put(string(rune('a'+i%26))+string(rune('0'+i/26)), i)
	}
	if n := m.len(); n > 8 {
		t.Errorf("memo holds %d entries, want at most 8", n)
	}
	m.put("k", 1)
	if v, ok := m.get("k"); !ok || v != 1 {
		t.Errorf("memo.get(k) = %v, %v; want 1, true", v, ok)
	}
}
