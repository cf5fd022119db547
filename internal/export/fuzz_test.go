package export

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/record"
)

// FuzzCSVEscape: whatever a cell holds, a CSV reader gets it back, behind
// one quote exactly when a spreadsheet would have run it.
func FuzzCSVEscape(f *testing.F) {
	for _, s := range []string{hyperlink, "-5", "+86138", "@x", "\tx", "\rx", "a,b", `"q"`, "", "张三"} {
		f.Add(s, s)
	}
	cols := []Column{{"notes", record.KindText}, {"total_revenue", record.KindAmount}}
	f.Fuzz(func(t *testing.T, text, amount string) {
		var buf bytes.Buffer
		c, err := NewCSV(&buf, cols, ',', false, Options{Escape: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Write([]string{text, amount}); err != nil {
			t.Fatal(err)
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(rows) != 2 || len(rows[1]) != 2 {
			t.Fatalf("unreadable CSV for %q, %q: %v %q", text, amount, err, rows)
		}
		// encoding/csv reads \r\n inside a quoted field as \n.
		norm := func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
		_, isNumber := decimalNumber(amount)
		for i, v := range []string{text, amount} {
			want := v
			if looksLikeFormula(v) && !(i == 1 && isNumber) {
				want = "'" + v
			}
			if got := rows[1][i]; got != norm(want) {
				t.Errorf("column %d: %q came back as %q, want %q", i, v, got, norm(want))
			}
		}
	})
}

// FuzzSafeSheetName: any value becomes a name Excel accepts, unique.
func FuzzSafeSheetName(f *testing.F) {
	for _, s := range []string{"高", "History", "a/b", "'x'", strings.Repeat("客", 40), "", " ", "😀😀"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		taken := map[string]bool{}
		first := SafeSheetName(a, taken)
		second := SafeSheetName(b, taken)
		third := SafeSheetName(a, taken)
		for _, n := range []string{first, second, third} {
			if n == "" || strings.TrimSpace(n) == "" || utf16Len(n) > maxSheetName ||
				strings.ContainsAny(n, `[]:*?/\'`) || strings.EqualFold(n, "History") {
				t.Errorf("unsafe sheet name %q from %q / %q", n, a, b)
			}
			if utf8.ValidString(a) && utf8.ValidString(b) && !utf8.ValidString(n) {
				t.Errorf("sheet name %q is not valid UTF-8", n)
			}
		}
		if strings.EqualFold(first, second) || strings.EqualFold(first, third) || strings.EqualFold(second, third) {
			t.Errorf("names not unique: %q %q %q", first, second, third)
		}
	})
}

// FuzzCellValues: a value typed as a number or a date is one Excel keeps
// exactly (excelize writes at most 15 digits) and that reads back as the
// same figure or instant.
func FuzzCellValues(f *testing.F) {
	for _, s := range []string{"12345.5", "-5", "0.1", "2025-03-05 14:30:00", "2024-02-29", "9999-12-31 23:59:59", "1900-03-01 00:00:01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if x, ok := decimalNumber(s); ok {
			shown := strconv.FormatFloat(x, 'f', -1, 64)
			if significantDigits(shown) > maxExactDigits {
				t.Errorf("%q is written as %s: more than 15 digits", s, shown)
			}
			if want, _ := strconv.ParseFloat(s, 64); want != x || math.IsInf(x, 0) {
				t.Errorf("%q read as %v", s, x)
			}
		}
		serial, withTime, ok := dateSerial(s)
		if !ok {
			return
		}
		shown := strconv.FormatFloat(serial, 'f', -1, 64)
		if significantDigits(shown) > maxExactDigits {
			t.Errorf("%q is serial %s: more than 15 digits", s, shown)
		}
		// Read back as a reader does: round to the nearest second.
		secs := int64(math.Round(serial * 86400))
		back := time.Unix((secs/86400-excelEpochDays)*86400+secs%86400, 0).UTC()
		want := s[:10] + " 00:00:00"
		if withTime {
			want = s[:10] + " " + s[11:]
		}
		if got := back.Format(time.DateTime); got != want {
			t.Errorf("%q reads back as %s", s, got)
		}
	})
}

func significantDigits(s string) int {
	s = strings.TrimLeft(strings.NewReplacer("-", "", ".", "").Replace(s), "0")
	return len(strings.TrimRight(s, "0"))
}
