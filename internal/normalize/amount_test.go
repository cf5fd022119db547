package normalize

import "testing"

func TestAmount(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"empty", "", "", true},
		{"plain", "12345", "12345", true},
		{"yen with grouping", "¥12,345.00", "12345", true},
		{"full-width yen", "￥1,234.50", "1234.5", true},
		{"yuan suffix", "12345元", "12345", true},
		{"wan", "1.2万", "12000", true},
		{"wan yuan", "1.2万元", "12000", true},
		{"yi", "3亿", "300000000", true},
		{"qian", "1.5千", "1500", true},
		{"qian wan", "2千万", "20000000", true},
		{"small wan", "0.0001万", "1", true},
		{"rmb prefix", "RMB 100", "100", true},
		{"cny prefix no space", "CNY100", "100", true},
		{"lower-case code", "usd 5", "5", true},
		{"dollar", "$1,200.99", "1200.99", true},
		{"us dollar sign", "US$1,200", "1200", true},
		{"usd prefix", "USD 5", "5", true},
		{"usd suffix", "100 USD", "100", true},
		{"accounting negative", "(1,234.00)", "-1234", true},
		{"full-width parentheses", "（1,234.00）", "-1234", true},
		{"minus before symbol", "-¥50", "-50", true},
		{"minus after symbol", "¥-50", "-50", true},
		{"unicode minus", "−50", "-50", true},
		{"plus", "+50", "50", true},
		{"exponent", "1.23E+5", "123000", true},
		{"negative exponent", "1.5e-3", "0.0015", true},
		{"space grouping", "12 345", "12345", true},
		{"full-width digits", "１２，３４５．６", "12345.6", true},
		{"zero", "0", "0", true},
		{"zero with decimals", "0.00", "0", true},
		{"negative zero", "-0.00", "0", true},
		{"leading zeros", "007.50", "7.5", true},
		{"leading point", ".5", "0.5", true},
		{"trailing point", "5.", "5", true},
		{"exact beyond float64", "12345678901234567.89", "12345678901234567.89", true},
		{"no float rounding", "0.1", "0.1", true},
		{"long fraction kept", "¥0.30000000000000004", "0.30000000000000004", true},
		{"canonical negative", "-1234.5", "-1234.5", true},
		{"european ambiguous", "1.234,56", "1.234,56", false},
		{"comma decimal", "12,5", "12,5", false},
		{"bad grouping", "1,2345", "1,2345", false},
		{"negotiable", "面议", "面议", false},
		{"range", "100-200", "100-200", false},
		{"two numbers", "100/200", "100/200", false},
		{"approximately", "约100元", "约100元", false},
		{"sign inside parentheses", "(-100)", "(-100)", false},
		{"double sign", "--5", "--5", false},
		{"exponent with grouping", "1,234E2", "1,234E2", false},
		{"dangling exponent", "1e", "1e", false},
		{"huge exponent", "1E+999", "1E+999", false},
		{"just a currency", "¥", "¥", false},
		{"raw kept with cleanup", " 面议\u3000 ", "面议", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Amount(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Amount(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
			if again, ok2 := Amount(got); again != got || ok2 != ok {
				t.Errorf("Amount not idempotent: Amount(%q) = %q, %v", got, again, ok2)
			}
		})
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"empty", "", "", true},
		{"plain", "12", "12", true},
		{"times", "12次", "12", true},
		{"orders with space", "12 单", "12", true},
		{"grouping", "1,200", "1200", true},
		{"full-width", "１２", "12", true},
		{"whole decimal", "3.0", "3", true},
		{"zero", "0", "0", true},
		{"leading zeros", "007", "7", true},
		{"wan", "1.2万", "12000", true},
		{"fraction", "3.5", "3.5", false},
		{"negative", "-1", "-1", false},
		{"text", "abc", "abc", false},
		{"currency is not a count", "12元", "12元", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Count(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Count(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
			if again, ok2 := Count(got); again != got || ok2 != ok {
				t.Errorf("Count not idempotent: Count(%q) = %q, %v", got, again, ok2)
			}
		})
	}
}

func TestAmountCanonicalDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"12345", "-1234.5", "0"} {
		if n := testing.AllocsPerRun(100, func() { Amount(s); Count("12") }); n != 0 {
			t.Errorf("Amount(%q) allocated %v times, want 0", s, n)
		}
	}
}
