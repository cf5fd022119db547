package tabular

import "testing"

func TestBuiltinFormatKind(t *testing.T) {
	tests := []struct {
		id   int
		want valueKind
	}{
		{0, kindNumber}, {2, kindNumber}, {10, kindNumber}, {13, kindNumber},
		{14, kindDate}, {17, kindDate}, {22, kindDate},
		{18, kindTimeOnly}, {21, kindTimeOnly}, {45, kindTimeOnly}, {47, kindTimeOnly},
		{27, kindDate}, {31, kindDate}, {36, kindDate}, {50, kindDate}, {58, kindDate},
		{32, kindTimeOnly}, {35, kindTimeOnly}, {55, kindTimeOnly}, {56, kindTimeOnly},
		{37, kindNumber}, {44, kindNumber}, {48, kindNumber}, {49, kindNumber}, {59, kindNumber}, {164, kindNumber},
	}
	for _, tt := range tests {
		if got := builtinFormatKind(tt.id); got != tt.want {
			t.Errorf("builtinFormatKind(%d) = %d, want %d", tt.id, got, tt.want)
		}
	}
}

func TestCustomFormatKind(t *testing.T) {
	tests := []struct {
		code string
		want valueKind
	}{
		{`yyyy"年"m"月"d"日"`, kindDate},
		{`yyyy年m月d日`, kindDate},
		{`[$-804]yyyy/m/d h:mm`, kindDate},
		{`YYYY-MM-DD`, kindDate},
		{`mmm-yy`, kindDate},
		{`[$-F800]dddd, mmmm dd, yyyy`, kindDate},
		{`[DBNum1][$-804]m"月"d"日"`, kindDate},
		{`h:mm`, kindTimeOnly},
		{`h:mm AM/PM`, kindTimeOnly},
		{`[h]:mm:ss`, kindTimeOnly},
		{`mm:ss.0`, kindTimeOnly},
		{`上午/下午h"时"mm"分"`, kindTimeOnly},
		{`General`, kindNumber},
		{`"¥"#,##0.00`, kindNumber},
		{`[$¥-804]#,##0.00;[Red]-[$¥-804]#,##0.00`, kindNumber},
		{`#,##0.00 "元"`, kindNumber},
		{`0.00E+00`, kindNumber},
		{`0%`, kindNumber},
		{`_-* #,##0.00_-;\-* #,##0.00_-;_-* "-"??_-;_-@_-`, kindNumber},
		{`0 \d\a\y\s`, kindNumber},
		{`0"days"`, kindNumber},
		{`[Red][<=100]0;[Blue]0`, kindNumber},
		{`@`, kindNumber},
		{``, kindNumber},
		{`[h`, kindTimeOnly}, // unterminated bracket: read as elapsed hours
	}
	for _, tt := range tests {
		if got := customFormatKind(tt.code); got != tt.want {
			t.Errorf("customFormatKind(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
}
