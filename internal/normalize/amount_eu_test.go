package normalize

import "testing"

// European spreadsheets write amounts with dots or spaces for thousands, a
// comma for the decimal, apostrophes in Switzerland, and the currency
// before or after the number.
func TestAmountEuropean(t *testing.T) {
	tests := []struct {
		in, want, cur string
		ok            bool
	}{
		{"€2.500.000,00", "2500000", "EUR", true},
		{"2.500.000,50 EUR", "2500000.5", "EUR", true},
		{"1 000 000,00 €", "1000000", "EUR", true},
		{"1\u00a0000\u00a0000,25\u00a0€", "1000000.25", "EUR", true},
		{"1\u202f234,5 €", "1234.5", "EUR", true},
		{"CHF 1'000.50", "1000.5", "CHF", true},
		{"CHF 1’234’567.05", "1234567.05", "CHF", true},
		{"1'000", "1000", "", true},
		{"-1 000,00 €", "-1000", "EUR", true},
		{"SEK 12 500,00", "12500", "SEK", true},
		// still refused: no currency says the dots are thousands, groups
		// that are not thousands, two decimal marks.
		{"1.234,56", "1.234,56", "", false},
		{"€1.23,45", "€1.23,45", "", false},
		{"1'00.50", "1'00.50", "", false},
		{"1 000,00,00 €", "1 000,00,00 €", "", false},
	}
	for _, tt := range tests {
		got, cur, ok := AmountIn(tt.in, false)
		if got != tt.want || cur != tt.cur || ok != tt.ok {
			t.Errorf("AmountIn(%q) = %q, %q, %v; want %q, %q, %v", tt.in, got, cur, ok, tt.want, tt.cur, tt.ok)
		}
	}
}
