package ingest

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestDetectHeader(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
		o    record.Overrides
		want int
	}{
		{"first row", [][]string{{"客户名称", "手机", "负责人"}, {"华强电子", "13812345678", "张伟"}}, nil, 0},
		{"below title and export date", [][]string{
			{"客户名单", "", ""},
			{"导出时间：2025-03-04", "", ""},
			{"客户名称", "手机", "负责人"},
			{"华强电子", "13812345678", "张伟"},
		}, nil, 2},
		{"english export", [][]string{{"Account Report"}, {"Account Name", "Phone", "Account Owner"}, {"Acme", "4155550100", "Jane"}}, nil, 1},
		{"unknown headers: widest first row", [][]string{{"清单"}, {"甲", "乙", "丙"}, {"1", "2", "3"}}, nil, 1},
		{"override makes a header known", [][]string{{"备忘"}, {"甲", "乙"}, {"x", "y"}}, record.Overrides{record.HeaderKey("乙"): "company"}, 1},
		{"a data value that looks like a header word loses to the header", [][]string{
			{"公司", "电话", "销售", "备注"},
			{"销售", "138", "张伟", ""},
		}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectHeader(tt.rows, tt.o); got != tt.want {
				t.Errorf("detectHeader = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestNormalizeList(t *testing.T) {
	tests := map[string]string{
		"重点客户":          "重点客户",
		"重点,VIP":        "重点;VIP",
		" 重点 ， VIP；重点 ": "重点;VIP",
		"a|b、c":         "a;b;c",
		"":              "",
	}
	for in, want := range tests {
		if got := normalizeList(in); got != want {
			t.Errorf("normalizeList(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJoinUnique(t *testing.T) {
	if got := joinUnique("+8613812345678", "+8613812345678;+8610123"); got != "+8613812345678;+8610123" {
		t.Errorf("joinUnique = %q", got)
	}
}
