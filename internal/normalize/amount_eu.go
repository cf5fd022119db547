package normalize

import "strings"

// europeanNumber rewrites the number in an amount written the European
// ways into the plain form the amount parser reads, or returns ok=false:
//
//   - apostrophes group thousands (Swiss): CHF 1'000.50, 1’000.50;
//   - spaces group thousands (French, Nordic; also no-break and thin
//     spaces), the decimal is a comma or a dot: 1 000 000,00 €;
//   - dots group thousands and a comma is the decimal, when the value also
//     names a currency: €2.500.000,00, 1.234,56 EUR. A bare 1.234,56 stays
//     ambiguous outside a ;-separated file, as before.
//
// Only values the usual reading rejects get here, so no amount read today
// changes.
func europeanNumber(t string) (string, bool) {
	t = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ", "’", "'").Replace(t)
	first := strings.IndexFunc(t, func(r rune) bool { return r >= '0' && r <= '9' })
	last := strings.LastIndexFunc(t, func(r rune) bool { return r >= '0' && r <= '9' })
	if first < 0 {
		return "", false
	}
	head, core, tail := t[:first], t[first:last+1], t[last+1:]
	for i := 0; i < len(core); i++ {
		if c := core[i]; !isDigit(c) && c != '.' && c != ',' && c != '\'' && c != ' ' {
			return "", false
		}
	}
	named := strings.TrimSpace(strings.Trim(head, "+-−( ")) != "" || strings.TrimSpace(strings.Trim(tail, ") ")) != ""
	var grouping byte
	switch {
	case strings.Contains(core, "'"):
		grouping = '\''
	case strings.Contains(core, " "):
		grouping = ' '
	case named && strings.Contains(core, ".") && strings.Contains(core, ","):
		grouping = '.'
	default:
		return "", false
	}
	intPart, frac := core, ""
	if i := strings.LastIndexAny(core, ".,"); i >= 0 && core[i] != grouping {
		intPart, frac = core[:i], core[i+1:]
		if frac == "" || !allDigitsOrEmpty(frac) {
			return "", false
		}
	}
	groups := strings.Split(intPart, string(grouping))
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 || !allDigitsOrEmpty(groups[0]) {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigitsOrEmpty(g) {
			return "", false
		}
	}
	plain := strings.Join(groups, "")
	if frac != "" {
		plain += "." + frac
	}
	return strings.TrimRight(head, " ") + plain + strings.TrimLeft(tail, " "), true
}
