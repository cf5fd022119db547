package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cast"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/normalize"
)

// parseRates reads --rates 'USD=7.1,EUR=7.8' (or a YAML map under rates:):
// yuan per unit of each currency.
func parseRates(v any) (map[string]string, error) {
	specs := mapSpecs(v)
	if len(specs) == 0 {
		return nil, nil
	}
	rates := map[string]string{}
	for _, spec := range specs {
		for _, pair := range splitList(spec) {
			code, rate, ok := strings.Cut(pair, "=")
			code, rate = normalize.CurrencyCode(code), strings.TrimSpace(rate)
			if !ok || code == "" || !normalize.ValidRate(rate) {
				return nil, errs.Usagef("write --rates 'USD=7.1,EUR=7.8' (yuan per unit)", "--rates %q: expected CURRENCY=RATE with a positive rate", pair)
			}
			rates[code] = rate
		}
	}
	return rates, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseDateOrder reads auto, mdy or dmy.
func parseDateOrder(s string) (normalize.DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return normalize.DateAuto, nil
	case "mdy":
		return normalize.DateMDY, nil
	case "dmy":
		return normalize.DateDMY, nil
	}
	return 0, errs.Usagef("use auto, mdy or dmy", "--date-order %q is not a date order", s)
}

// inputSourceSettings reads the per-input region, date-order and no-header
// of pipeline.inputs[i].
func inputSourceSettings(i int, m map[string]any, src *ingest.Source) error {
	if r, ok := m["region"]; ok {
		region := strings.ToUpper(strings.TrimSpace(cast.ToString(r)))
		if !normalize.ValidRegion(region) {
			return errs.Usagef("use a two-letter country code such as CN, US, GB or HK", "pipeline.inputs[%d].region %q is not a phone region", i, cast.ToString(r))
		}
		src.Region = region
	}
	if d, ok := m["date-order"]; ok {
		order, err := parseDateOrder(cast.ToString(d))
		if err != nil {
			return errs.Usage(fmt.Errorf("pipeline.inputs[%d]: %w", i, err), "use auto, mdy or dmy")
		}
		src.DateOrder = &order
	}
	if b, ok := m["no-header"]; ok {
		src.NoHeader = cast.ToBool(b)
	}
	return nil
}
