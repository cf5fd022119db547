package ingest

import (
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// A row converted with --rates is in yuan: its currency column is emptied
// even though the input's currency column said USD.
func TestConvertedAmountIsYuan(t *testing.T) {
	p := writeFile(t, "c.csv", "Account Name,Phone,Total Revenue,Currency\nAcme,13812345678,1000,USD\nBeta,13912345678,500,EUR\nGamma,13712345678,,USD\n")
	in, _, c := run(t, 1, Options{Rates: map[string]string{"USD": "7.1"}}, p)
	cur := -1
	for i, e := range in.Schema.Extra {
		if e == record.CurrencyColumn {
			cur = i
		}
	}
	if cur < 0 {
		t.Fatalf("no currency column in %v", in.Schema.Extra)
	}
	got := []string{}
	for _, r := range c.recs {
		got = append(got, r.Values[record.TotalRevenue]+" "+r.Extra[cur])
	}
	if want := "7100 |500 EUR| USD"; strings.Join(got, "|") != want {
		t.Errorf("amounts = %q, want %q", strings.Join(got, "|"), want)
	}
}

// A currency named by a value far below the first rows still gets the
// currency column when the table has an amount column.
func TestCurrencyColumnFromLaterValue(t *testing.T) {
	var b strings.Builder
	b.WriteString("客户名称,手机,累计成交金额\n")
	for i := range 500 {
		b.WriteString("公司" + strings.Repeat("甲", i%7+1) + ",13812345678,100\n")
	}
	b.WriteString("美国公司,13812345678,USD 1000\n")
	p := writeFile(t, "late.csv", b.String())
	in, st, c := run(t, 1, Options{}, p)
	if len(in.Schema.Extra) != 1 || in.Schema.Extra[0] != record.CurrencyColumn || st.Quality.OtherCurrency != 0 {
		t.Fatalf("extra = %v, other currency = %d", in.Schema.Extra, st.Quality.OtherCurrency)
	}
	last := c.recs[len(c.recs)-1]
	if last.Values[record.TotalRevenue] != "1000" || last.Extra[0] != "USD" {
		t.Errorf("last = %q %q", last.Values[record.TotalRevenue], last.Extra[0])
	}
}
