package export

import (
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestWidthMeter(t *testing.T) {
	cols := []Column{{"id", record.KindCode}, {"company", record.KindText}, {"notes", record.KindText}, {"x", record.KindText}}
	m := newWidthMeter(cols)
	m.observe([]string{"1", "深圳市腾云科技有限公司", "short\n" + strings.Repeat("x", 100), ""})
	got := m.widths()
	want := []float64{8, 24, 60, 8} // min 8; 11 CJK = 22 + 2; clamped at 60; empty column
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %s width = %v, want %v", cols[i].Name, got[i], want[i])
		}
	}
}

func TestWidthMeterStopsAfterSample(t *testing.T) {
	m := newWidthMeter([]Column{{"c", record.KindText}})
	for range widthSampleRows {
		m.observe([]string{"a"})
	}
	m.observe([]string{"this row is past the sample and is not measured"})
	if got := m.widths()[0]; got != minColWidth {
		t.Errorf("width = %v, want %v: rows past the sample must not count", got, minColWidth)
	}
}

func TestTextWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0}, {"abc", 3}, {"张三", 4}, {"ＡＢ", 4}, {"ab\n张三丰", 6}, {"“引号”", 6},
	}
	for _, tt := range tests {
		if got := textWidth(tt.in); got != tt.want {
			t.Errorf("textWidth(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
