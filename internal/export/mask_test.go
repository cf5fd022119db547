package export

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestMask(t *testing.T) {
	tests := []struct {
		in   string
		kind record.Kind
		want string
	}{
		{"13812345678", record.KindPhone, "138****5678"},
		{"+8613812345678", record.KindPhone, "+86138****5678"},
		{"+14155550100", record.KindPhone, "+1415***0100"},
		{"+85291234567", record.KindPhone, "+852912*4567"},
		{"+8613812345678;+8613900001111", record.KindPhone, "+86138****5678;+86139****1111"},
		{"1234567", record.KindPhone, "12***67"},
		{"138-1234 ext", record.KindPhone, "1**********t"},
		{"zhang@example.com", record.KindEmail, "z***@example.com"},
		{"张@例子.中国", record.KindEmail, "张***@例子.中国"},
		{"a@x.com;bob@y.org", record.KindEmail, "a***@x.com;b***@y.org"},
		{"@nolocal", record.KindEmail, "@******l"},
		{"张三丰", record.KindText, "张*丰"},
		{"张三", record.KindText, "张*"},
		{"张", record.KindText, "*"},
		{"Acme Inc", record.KindText, "A******c"},
		{"", record.KindPhone, ""},
		{"", record.KindText, ""},
	}
	for _, tt := range tests {
		if got := mask(tt.in, tt.kind); got != tt.want {
			t.Errorf("mask(%q, %v) = %q, want %q", tt.in, tt.kind, got, tt.want)
		}
	}
}

func TestCountryCodeLen(t *testing.T) {
	tests := []struct {
		digits string
		want   int
	}{
		{"8613812345678", 2}, {"14155550100", 1}, {"79161234567", 1},
		{"85291234567", 3}, {"886912345678", 3}, {"4420794601", 2}, {"12", 0},
	}
	for _, tt := range tests {
		if got := countryCodeLen(tt.digits); got != tt.want {
			t.Errorf("countryCodeLen(%q) = %d, want %d", tt.digits, got, tt.want)
		}
	}
}
