package report

import (
	"math"
	"strconv"
)

// Unit says what a number measures, which decides how it is written: people
// read "12.3%" and "1,234.50", programs read 0.123 and 1234.50.
type Unit uint8

const (
	UnitNone  Unit = iota // not a number
	UnitCount             // a whole number of customers or rows
	UnitMoney             // an amount, two decimals
	UnitShare             // a fraction of a whole
	UnitScore             // an average RFM score
)

// Value is one cell. A numeric cell has IsNum set and its Unit; a text cell
// has Text. The zero Value is an empty cell: "-" in a numeric column for
// people, empty in CSV/TSV, null in JSON.
type Value struct {
	Text  string
	Num   float64
	IsNum bool
	Unit  Unit
}

// Text returns a text cell.
func Text(s string) Value { return Value{Text: s} }

// Count returns a whole-number cell.
func Count(n int) Value { return Value{Num: float64(n), IsNum: true, Unit: UnitCount} }

// Money returns an amount cell.
func Money(x float64) Value { return number(x, UnitMoney) }

// Share returns part/whole as a fraction, or an empty cell when whole is 0
// (a share of nothing is not 0%).
func Share(part, whole float64) Value {
	if whole == 0 {
		return Value{}
	}
	return number(part/whole, UnitShare)
}

// Score returns an average score cell.
func Score(x float64) Value { return number(x, UnitScore) }

// number keeps NaN and ±Inf out of tables: JSON cannot carry them and no
// report figure should be one.
func number(x float64, u Unit) Value {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return Value{}
	}
	return Value{Num: x, IsNum: true, Unit: u}
}

// machineNumber writes a number for CSV, TSV and JSON: no grouping, shares
// as fractions, rounded so that every format shows the same figure.
func machineNumber(v Value) string {
	switch v.Unit {
	case UnitCount:
		return strconv.FormatFloat(clean(math.Round(v.Num)), 'f', 0, 64)
	case UnitMoney:
		return strconv.FormatFloat(clean(round(v.Num, 2)), 'f', 2, 64)
	case UnitShare:
		return strconv.FormatFloat(clean(round(v.Num, 4)), 'f', -1, 64)
	case UnitScore:
		return strconv.FormatFloat(clean(round(v.Num, 2)), 'f', -1, 64)
	}
	return strconv.FormatFloat(clean(v.Num), 'f', -1, 64)
}

// humanNumber writes a number for tables, Markdown and HTML.
func humanNumber(v Value) string {
	switch v.Unit {
	case UnitCount:
		return group(strconv.FormatFloat(clean(math.Round(v.Num)), 'f', 0, 64))
	case UnitMoney:
		return group(strconv.FormatFloat(clean(round(v.Num, 2)), 'f', 2, 64))
	case UnitShare:
		return strconv.FormatFloat(clean(round(v.Num*100, 1)), 'f', 1, 64) + "%"
	case UnitScore:
		return strconv.FormatFloat(clean(round(v.Num, 1)), 'f', 1, 64)
	}
	return strconv.FormatFloat(clean(v.Num), 'f', -1, 64)
}

func round(x float64, decimals int) float64 {
	p := math.Pow10(decimals)
	return math.Round(x*p) / p
}

// clean turns -0 into 0 so a rounded tiny refund never prints as "-0.00".
func clean(x float64) float64 {
	if x == 0 {
		return 0
	}
	return x
}

// group inserts thousands separators into a plain decimal number.
func group(s string) string {
	start := 0
	if s != "" && s[0] == '-' {
		start = 1
	}
	end := len(s)
	for i := start; i < len(s); i++ {
		if s[i] == '.' {
			end = i
			break
		}
	}
	digits := end - start
	if digits <= 3 {
		return s
	}
	out := make([]byte, 0, len(s)+digits/3)
	out = append(out, s[:start]...)
	for i := start; i < end; i++ {
		if i > start && (end-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(append(out, s[end:]...))
}
