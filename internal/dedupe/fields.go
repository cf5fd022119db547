package dedupe

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/similar"
)

// FieldRule adds a comparator for a column, replaces the default one of a
// canonical field, or turns it off: "birth_date=date", "soc_sec_id=exact:10",
// "city=off". Weight is what agreement is worth in bits (0: the kind's
// default).
type FieldRule struct {
	Field  string
	Kind   string
	Weight float64
}

// FieldKinds are the comparator kinds a FieldRule may name.
var FieldKinds = []string{"exact", "fuzzy", "tokens", "name", "address", "date", "off"}

var kindWeights = map[string]float64{"exact": 6, "fuzzy": 5, "tokens": 5, "name": 4, "address": 4, "date": 5,
	// The kinds of the roles of extra columns (roles.go).
	"given": 4, "family": 5, "middle": 2, "code": 12, kindCompany: 4, kindList: 6, kindTags: 3}

// ParseFieldRules reads "field=kind[:weight]" specs; several may share one
// string, separated by commas.
func ParseFieldRules(specs []string) ([]FieldRule, error) {
	var out []FieldRule
	for _, spec := range specs {
		for part := range strings.SplitSeq(spec, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			field, kind, ok := strings.Cut(part, "=")
			field, kind = strings.TrimSpace(field), strings.ToLower(strings.TrimSpace(kind))
			if !ok || field == "" || kind == "" {
				return nil, fmt.Errorf("%q is not field=kind (kinds: %s)", part, strings.Join(FieldKinds, ", "))
			}
			r := FieldRule{Field: field}
			if k, w, ok := strings.Cut(kind, ":"); ok {
				weight, err := strconv.ParseFloat(w, 64)
				if err != nil || !(weight > 0 && weight <= 50) { // NaN too (issue 18, fuzzing)
					return nil, fmt.Errorf("%q: weight %q must be a number of bits between 0 and 50", part, w)
				}
				kind, r.Weight = k, weight
			}
			if !slices.Contains(FieldKinds, kind) {
				return nil, fmt.Errorf("%q: unknown kind %q (kinds: %s)", part, kind, strings.Join(FieldKinds, ", "))
			}
			r.Kind = kind
			out = append(out, r)
		}
	}
	return out, nil
}

// fieldRule is a FieldRule resolved against the input's columns.
type fieldRule struct {
	FieldRule
	field record.Field // when canonical
	extra int          // Schema.Extra index, or -1
	auto  bool         // given by the column's role, not by --fields
	// explicit: the user set the weight (kind:bits); it is not learned.
	explicit bool
}

func (fr *fieldRule) value(r *record.Record) string {
	if fr.extra < 0 {
		return r.Values[fr.field]
	}
	if fr.extra < len(r.Extra) {
		return r.Extra[fr.extra]
	}
	return ""
}

// resolveFields finds each rule's column. A column no input has is an
// error: a misspelt field would otherwise silently compare nothing.
func resolveFields(rules []FieldRule, schema *record.Schema) ([]fieldRule, error) {
	out := make([]fieldRule, 0, len(rules))
	for _, r := range rules {
		fr := fieldRule{FieldRule: r, extra: -1}
		if f, ok := record.FieldByName(r.Field); ok {
			fr.field = f
		} else if i := slices.Index(schema.Extra, r.Field); i >= 0 {
			fr.extra = i
		} else {
			cols := make([]string, 0, record.NumFields+len(schema.Extra))
			cols = append(cols, schema.Header()[:record.NumFields]...)
			return nil, fmt.Errorf("--fields %s=%s: no column %q in the input (columns: %s)",
				r.Field, r.Kind, r.Field, strings.Join(append(cols, schema.Extra...), ", "))
		}
		fr.explicit = fr.Weight != 0
		if fr.Weight == 0 {
			fr.Weight = kindWeights[fr.Kind]
		}
		out = append(out, fr)
	}
	return out, nil
}

// prepare turns a raw value into what the kind compares.
// A company column is compared by its core (legal form and region
// removed), whatever the kind.
func (fr *fieldRule) prepare(v string) string {
	v = strings.ToLower(similar.FoldAccents(strings.TrimSpace(v)))
	switch {
	case v == "":
		return ""
	case fr.extra < 0 && fr.field == record.Company:
		v = company.Parse(similar.FoldDigraphs(v)).Core
	}
	switch fr.Kind {
	case "address":
		return similar.AddressKey(v)
	case "tokens":
		return tokenSet(v)
	case "code":
		return normCode(v)
	case kindCompany:
		return companyCore(v)
	case kindList, kindTags:
		return listItems(v)
	case "given", "family", "middle":
		return similar.FoldHant(strings.Join(strings.Fields(v), " "))
	}
	return v
}

// tokenSet is the distinct words of v, sorted, joined by spaces: the form
// compareTokens walks without allocating.
func tokenSet(v string) string {
	t := similar.Tokens(v)
	slices.Sort(t)
	return strings.Join(slices.Compact(t), " ")
}

// ruleComparator builds the comparator of the i-th user rule, reading
// profile.fields()[i].
func ruleComparator(i int, fr fieldRule) comparator {
	cmp := kindCompare(fr.Kind)
	c := newComparator(fr.Field, func(a, b *profile) Level {
		x, y := a.fields()[i], b.fields()[i]
		if x == "" || y == "" {
			return Missing
		}
		return cmp(x, y)
	}, scaled(fr.Weight), fr.value)
	if fr.Kind == "code" {
		c.prior[Similar], c.prior[Different], c.prior[Conflict] = 0.4*fr.Weight, -0.3*fr.Weight, -fr.Weight
		c.weights = c.prior
	}
	if fr.Kind == kindList || fr.Kind == kindTags {
		c.prior = listWeights(fr.Weight)
		c.weights = c.prior
	}
	c.fixed = fr.explicit
	return c
}

func kindCompare(kind string) func(x, y string) Level {
	switch kind {
	case "fuzzy", "middle":
		return compareFuzzy
	case "tokens":
		return compareTokens
	case "name":
		return func(x, y string) Level { return nameLevel(similar.PersonName(x, y)) }
	case "address":
		return func(x, y string) Level { return addressLevel(similar.CompareAddressKeys(x, y)) }
	case "date":
		return compareDate
	case "code":
		return compareCodes
	case kindCompany:
		return compareCompanyCores
	case kindList, kindTags:
		return compareList
	}
	return func(x, y string) Level {
		if x == y {
			return Same
		}
		return Different
	}
}

func compareFuzzy(x, y string) Level {
	switch {
	case x == y:
		return Same
	case similar.EditRatio(x, y) >= 0.8 || similar.JaroWinkler(x, y) >= 0.92:
		return Similar
	}
	return Different
}

// compareTokens compares word sets (as tokenSet writes them), for
// list-like columns: co-authors, product lines, tags.
func compareTokens(x, y string) Level {
	na, nb, shared := sharedItems(x, y, " ")
	union := na + nb - shared
	switch {
	case na == 0 || nb == 0:
		return Missing
	case shared == na && shared == nb:
		return Same
	case shared*2 >= union:
		return Similar
	case shared > 0:
		return Partial
	}
	return Different
}

// sharedItems walks two sorted lists of distinct items joined by sep (as
// tokenSet and listItems write them), without allocating, and counts the
// items of each and the items both hold.
func sharedItems(x, y, sep string) (na, nb, shared int) {
	for x != "" || y != "" {
		switch {
		case x == "":
			_, y, _ = strings.Cut(y, sep)
			nb++
			continue
		case y == "":
			_, x, _ = strings.Cut(x, sep)
			na++
			continue
		}
		tx, restX, _ := strings.Cut(x, sep)
		ty, restY, _ := strings.Cut(y, sep)
		switch c := strings.Compare(tx, ty); {
		case c == 0:
			shared++
			na++
			nb++
			x, y = restX, restY
		case c < 0:
			na++
			x = restX
		default:
			nb++
			y = restY
		}
	}
	return na, nb, shared
}

// compareDate: a one-digit slip or a swapped day and month is similar.
func compareDate(x, y string) Level {
	if x == y {
		return Same
	}
	if len(x) == len(y) {
		diff := 0
		for i := 0; i < len(x); i++ {
			if x[i] != y[i] {
				diff++
			}
		}
		if diff == 1 {
			return Similar
		}
		if len(x) == 10 && x[:4] == y[:4] && x[5:7] == y[8:10] && x[8:10] == y[5:7] {
			return Similar
		}
	}
	if near, ok := withinAYear(x, y); ok && near {
		return Partial
	}
	return Different
}

func nameLevel(l similar.NameLevel) Level {
	switch l {
	case similar.NameSame:
		return Same
	case similar.NameSimilar:
		return Similar
	case similar.NamePartial:
		return Partial
	case similar.NameDifferent:
		return Different
	}
	return Missing
}

func addressLevel(l similar.AddressLevel) Level {
	switch l {
	case similar.AddressSame:
		return Same
	case similar.AddressSimilar:
		return Similar
	case similar.AddressPartial:
		return Partial
	case similar.AddressDifferent:
		return Different
	}
	return Missing
}
