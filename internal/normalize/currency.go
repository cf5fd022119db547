package normalize

import (
	"math/big"
	"strings"
)

// ScaleAmount multiplies a normalized amount by 10^exp exactly: a value
// from a 成交金额（万元） column, 1.5, is 15000 yuan.
func ScaleAmount(v string, exp int) (string, bool) {
	if exp == 0 || v == "" {
		return v, true
	}
	var d decimal
	neg := strings.HasPrefix(v, "-")
	if !parseNumber(strings.TrimPrefix(v, "-"), &d) {
		return v, false
	}
	d.neg = neg
	d.exp += exp
	return d.text()
}

// ConvertAmount multiplies a normalized amount by an exchange rate (a plain
// decimal such as 7.1) exactly, rounding the result half away from zero to
// cents.
func ConvertAmount(v, rate string) (string, bool) {
	if v == "" {
		return "", true
	}
	a, ok1 := new(big.Rat).SetString(v)
	r, ok2 := new(big.Rat).SetString(rate)
	if !ok1 || !ok2 {
		return v, false
	}
	out, ok := Amount(a.Mul(a, r).FloatString(2))
	return out, ok
}

// ValidRate reports whether s is an exchange rate crmkit can use: a
// positive plain decimal.
func ValidRate(s string) bool {
	r, ok := new(big.Rat).SetString(s)
	return ok && r.Sign() > 0 && !strings.ContainsAny(s, "/eE")
}

// CurrencyCode normalizes a currency as written in a currency column or a
// --rates setting (usd, US$, 美元, ¥) to its ISO 4217 code; "" for an
// empty value. Unknown three-letter codes are kept, upper-cased.
func CurrencyCode(s string) string {
	return currencyCode(strings.TrimSpace(Structured(s)))
}
