package dedupe

import (
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// sumByCurrency adds a cluster's amounts per currency, since amounts in
// different currencies are never added up (issue 14 §7): with one currency
// the sum is plain and cur names that currency; with several, the sums are
// kept apart, yuan first ("5000;1000 USD"), cur lists the currencies and
// mixed is true. The currency column is import's: "" is yuan.
func (s *Survivorship) sumByCurrency(order []int, recs []record.Record, get func(int) string) (sum, cur string, mixed bool) {
	byCur := map[string][]string{}
	var curs []string
	for _, i := range order {
		v := get(i)
		if v == "" || s.copies[i] {
			continue
		}
		c := ""
		if s.currencyCol < len(recs[i].Extra) {
			c = recs[i].Extra[s.currencyCol]
		}
		if _, ok := byCur[c]; !ok {
			curs = append(curs, c)
		}
		byCur[c] = append(byCur[c], v)
	}
	slices.Sort(curs) // "" (yuan) first
	if len(curs) <= 1 {
		c := ""
		if len(curs) == 1 {
			c = curs[0]
		}
		total, ok := sumDecimals(byCur[c])
		if !ok {
			s.SumFallbacks++
		}
		return total, c, false
	}
	parts := make([]string, 0, len(curs))
	names := make([]string, 0, len(curs))
	for _, c := range curs {
		total, ok := sumDecimals(byCur[c])
		if !ok {
			s.SumFallbacks++
		}
		if c != "" {
			total += " " + c
			names = append(names, c)
		} else {
			names = append(names, "CNY")
		}
		parts = append(parts, total)
	}
	s.CurrencyMixed++
	return strings.Join(parts, ";"), strings.Join(names, ";"), true
}
