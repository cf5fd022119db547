package normalize

import (
	"fmt"
	"sync"
	"testing"
)

// TestNormalizeConcurrently runs the importer's situation: parallel workers
// sharing the phone caches. Run with -race.
func TestNormalizeConcurrently(t *testing.T) {
	resetMobileRanges()
	inputs := make([]string, 0, 400)
	for i := range 200 {
		inputs = append(inputs, fmt.Sprintf("1%d%09d", 3+i%7, i*7919), fmt.Sprintf("010-%08d", 10000000+i))
	}
	want := make([]string, len(inputs))
	for i, s := range inputs {
		want[i], _ = slowPhoneNumber(Structured(s), "CN")
		if want[i] == "" {
			want[i] = Text(s)
		}
	}
	resetMobileRanges()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range inputs {
				j := (i + w*50) % len(inputs)
				if got, _ := Phone(inputs[j], "CN"); got != want[j] {
					t.Errorf("Phone(%q) = %q, want %q", inputs[j], got, want[j])
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkText(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"clean", "深圳市腾讯计算机系统有限公司"},
		{"dirty", "  深圳市腾讯\u3000计算机系统有限公司（ＡＢＣ） "},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Text(bc.in)
			}
		})
	}
}

func BenchmarkPhone(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"e164", "+8613812345678"},
		{"mobile", "13812345678"},
		{"mobile_spaced", "+86 138 1234 5678"},
		{"landline_memo", "010-12345678"},
		{"us_memo", "(415) 555-2671"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			Phone(bc.in, "CN")
			b.ReportAllocs()
			for b.Loop() {
				Phone(bc.in, "CN")
			}
		})
	}
	b.Run("landline_library", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			slowPhoneNumber(fmt.Sprintf("010-%08d", 10000000+i%80000000), "CN")
			i++
		}
	})
}

func BenchmarkDate(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"iso", "2025-03-04"},
		{"iso_time", "2025-03-04 14:30:00"},
		{"slashes", "2025/3/4"},
		{"chinese", "2025年3月4日"},
		{"rfc3339", "2025-03-04T14:30:00+08:00"},
		{"english", "Mar 4, 2025"},
		{"serial", "45720"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Date(bc.in, DateAuto)
			}
		})
	}
}

func BenchmarkAmount(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"canonical", "12345.5"},
		{"yen", "¥12,345.00"},
		{"wan", "1.2万元"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Amount(bc.in)
			}
		})
	}
}

func BenchmarkCount(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"canonical", "12"},
		{"unit", "1,200次"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Count(bc.in)
			}
		})
	}
}

func BenchmarkEmail(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"clean", "zhang.san@example.com"},
		{"upper", "Zhang.San@Example.COM"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Email(bc.in)
			}
		})
	}
}
