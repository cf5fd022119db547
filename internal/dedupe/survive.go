package dedupe

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/record"
)

// Survivorship rules: how one value is chosen, or built, from the values
// a cluster's records hold for a field.
const (
	RuleSurvivor = "survivor" // the most complete record's value (then the next most complete's, …)
	RuleRecent   = "recent"   // the most recently active record's value
	RuleLongest  = "longest"  // the longest value; ties: the most frequent, then survivor order
	RuleCommon   = "common"   // the most frequent value (company: the same company, however written); ties: the longest, then survivor order
	RuleSum      = "sum"      // the sum of numbers
	RuleMin      = "min"      // the smallest (earliest date)
	RuleMax      = "max"      // the largest (latest date)
	RuleUnion    = "union"    // every distinct value, survivor's first
)

// SurvivorshipRules lists the rule names.
var SurvivorshipRules = []string{RuleSurvivor, RuleRecent, RuleLongest, RuleCommon, RuleSum, RuleMin, RuleMax, RuleUnion}

// defaultRules are the survivorship rules per canonical field. Fields not
// listed, and every unknown column, take RuleSurvivor. claimed_at is not a
// rule: it follows the owner.
var defaultRules = map[record.Field]string{
	record.Company:         RuleCommon,
	record.Name:            RuleCommon,
	record.Phone:           RuleUnion,
	record.Email:           RuleUnion,
	record.Address:         RuleLongest,
	record.Owner:           RuleRecent,
	record.LastContactAt:   RuleMax,
	record.FirstPurchaseAt: RuleMin,
	record.LastPurchaseAt:  RuleMax,
	record.PurchaseCount:   RuleSum,
	record.TotalRevenue:    RuleSum,
	record.Referrals:       RuleSum,
	record.Tags:            RuleUnion,
	record.Notes:           RuleUnion,
}

// Columns dedupe adds to its output (or keeps up to date when the input
// already has them, as when dedupe runs on its own output).
const (
	ColumnClusterID  = "cluster_id"
	ColumnMergedFrom = "merged_from"
	ColumnOwners     = "owners"
	// ColumnClaims keeps each merged record's ownership evidence, so that
	// assign can settle a dispute after the records became one:
	// owner|claimed_at|last_contact_at|last_purchase_at, one per record
	// with an owner, joined by ";".
	ColumnClaims = "claims"
	// ColumnRecordAmounts keeps, for a customer merged from several
	// records, each record's amounts (the fields summed): ref|key|
	// field=value,… one per record, joined by ";". ref is the record's
	// Ref, key a digest of its company, contact, phone and e-mail when it
	// has no id. A later fold can then replace one record's amounts with
	// its later copy's (CRM exports are snapshots) instead of adding them.
	ColumnRecordAmounts = "record_amounts"
)

// Survivorship merges a cluster's records into one.
type Survivorship struct {
	fields [record.NumFields]string
	extra  []string // per input extra column
	// Output columns, as indexes into the output schema's Extra.
	clusterCol, mergedCol, ownersCol, claimsCol, amountsCol int
	inClusterCol                                            int // the input's cluster_id column, -1 when none
	in, out                                                 record.Schema

	copies []bool // per record of the cluster being merged: an exact copy of an earlier one
	// pick's scratch, per record of the cluster: the value's key (company
	// core), how many non-empty values share it, its length in runes.
	pickKeys  []string
	pickCount []int
	pickLen   []int
	pickFirst []int // per position in survivor order
	sums      []sumField
	// sumOrder lists sums by name, as record_amounts writes them; nil
	// when two share a name (an entry then keeps the last, see entryOf).
	sumOrder []int

	// Fold statistics (see SnapshotWarning).
	foldMatched, foldAtLeast, foldReplaced, foldAdded int

	// SumFallbacks counts merged values that could not be added up (a
	// value was not a number) and were joined instead.
	SumFallbacks int
	// Capped counts merged cells cut at Excel's 32,767-character limit.
	Capped int
	// Copies counts records that were exact copies of another record of
	// their cluster (same id and values): merged, but their amounts are
	// counted once.
	Copies int
	// CurrencyMixed counts merged amounts kept apart per currency
	// (currency.go); currencyCol is the input's currency column or -1.
	CurrencyMixed int
	currencyCol   int
}

// NewSurvivorship builds the rules for the input schema: defaults, then
// "field=rule" overrides (canonical fields or unknown columns by header).
func NewSurvivorship(schema *record.Schema, overrides map[string]string) (*Survivorship, error) {
	s := &Survivorship{in: *schema, extra: make([]string, len(schema.Extra))}
	for f := range record.NumFields {
		s.fields[f] = RuleSurvivor
		if r, ok := defaultRules[record.Field(f)]; ok {
			s.fields[f] = r
		}
	}
	for i := range s.extra {
		s.extra[i] = RuleSurvivor
	}
	names := make([]string, 0, len(overrides))
	for k := range overrides {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, name := range names {
		rule := strings.ToLower(strings.TrimSpace(overrides[name]))
		if !slices.Contains(SurvivorshipRules, rule) {
			return nil, fmt.Errorf("survivorship %s=%s: unknown rule (rules: %s)", name, overrides[name], strings.Join(SurvivorshipRules, ", "))
		}
		if f, ok := record.FieldByName(name); ok {
			if f == record.ClaimedAt {
				return nil, fmt.Errorf("survivorship %s: claimed_at follows the owner and takes no rule", name)
			}
			if err := ruleFits(f, rule); err != nil {
				return nil, err
			}
			s.fields[f] = rule
		} else if i := slices.Index(schema.Extra, name); i >= 0 {
			s.extra[i] = rule
		} else {
			return nil, fmt.Errorf("survivorship %s=%s: no column %q in the input", name, rule, name)
		}
	}
	s.inClusterCol = slices.Index(schema.Extra, ColumnClusterID)
	s.currencyCol = slices.Index(schema.Extra, record.CurrencyColumn)
	s.out = record.Schema{Extra: slices.Clone(schema.Extra)}
	s.clusterCol = s.outColumn(ColumnClusterID)
	s.mergedCol = s.outColumn(ColumnMergedFrom)
	s.ownersCol = s.outColumn(ColumnOwners)
	s.claimsCol = s.outColumn(ColumnClaims)
	s.amountsCol = s.outColumn(ColumnRecordAmounts)
	for f := range record.NumFields {
		if s.fields[f] == RuleSum {
			s.sums = append(s.sums, sumField{name: record.Field(f).String(), field: record.Field(f), extra: -1})
		}
	}
	for x, rule := range s.extra {
		if rule == RuleSum {
			s.sums = append(s.sums, sumField{name: schema.Extra[x], field: -1, extra: x})
		}
	}
	s.sumOrder = sumsByName(s.sums)
	return s, nil
}

// sumsByName returns the indexes of sums in order of name, nil when a
// name is there twice.
func sumsByName(sums []sumField) []int {
	order := make([]int, len(sums))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(sums[a].name, sums[b].name) })
	for i := 1; i < len(order); i++ {
		if sums[order[i]].name == sums[order[i-1]].name {
			return nil
		}
	}
	return order
}

func (s *Survivorship) outColumn(name string) int {
	if i := slices.Index(s.out.Extra, name); i >= 0 {
		return i
	}
	s.out.Extra = append(s.out.Extra, name)
	return len(s.out.Extra) - 1
}

// ruleFits refuses rules that would destroy a field's values: adding up
// phone numbers, taking the "largest" of two e-mails.
func ruleFits(f record.Field, rule string) error {
	numeric := f.Kind() == record.KindAmount || f.Kind() == record.KindCount
	ordered := numeric || f.Kind() == record.KindDate
	switch {
	case rule == RuleSum && !numeric:
		return fmt.Errorf("survivorship %s=sum: %s is not a number (sum fits purchase_count, total_revenue, referrals)", f, f)
	case (rule == RuleMin || rule == RuleMax) && !ordered:
		return fmt.Errorf("survivorship %s=%s: %s is neither a date nor a number", f, rule, f)
	}
	return nil
}

// Schema is the output schema: the input's plus cluster_id, merged_from
// and owners.
func (s *Survivorship) Schema() *record.Schema { return &s.out }

// Ref is how a record is named in dedupe's reports: its id, or where it
// came from when it has none (file[:sheet]:row, without the folder: the
// same record has one name however its path was typed).
func Ref(r *record.Record) string {
	if r.Values[record.ID] != "" {
		return r.Values[record.ID]
	}
	return baseSource(r.Source)
}

// baseSource drops the folders from each file[:sheet]:row of a lineage
// (neither a sheet name nor a file name holds a / or \).
func baseSource(src string) string {
	if !strings.ContainsAny(src, "/\\") {
		return src
	}
	parts := strings.Split(src, ";")
	for i, p := range parts {
		if j := strings.LastIndexAny(p, "/\\"); j >= 0 {
			parts[i] = p[j+1:]
		}
	}
	return strings.Join(parts, ";")
}

// Name is the name a record gives its customer: its existing cluster_id
// (it was merged before), else its Ref.
func (s *Survivorship) Name(r *record.Record) string {
	if i := s.inClusterCol; i >= 0 && i < len(r.Extra) && r.Extra[i] != "" {
		return r.Extra[i]
	}
	return Ref(r)
}

// ClusterIDs names every cluster by the smallest of its records' existing
// cluster_id or Ref, so the id does not depend on input order. A cluster
// holding master records takes the smallest of theirs: a master customer
// keeps its id. A name already taken gets a ~2, ~3… suffix: master
// customers choose first, then the others in order of name and lineage.
func (s *Survivorship) ClusterIDs(recs *record.Store, res *Result) []string {
	ids := make([]string, len(res.Clusters))
	first := make([]string, len(res.Clusters)) // smallest lineage, for ties
	res.m.parallel(len(res.Clusters), func(_, lo, hi int) {
		var r record.Record
		for ci := lo; ci < hi; ci++ {
			c := &res.Clusters[ci]
			best, src := "", ""
			for _, i := range c.Members {
				if i >= res.Master && c.Members[0] < res.Master {
					break // members are in order: master records first
				}
				recs.Get(i, &r)
				if v := s.Name(&r); best == "" || v < best {
					best = v
				}
				if src == "" || r.Source < src {
					src = r.Source
				}
			}
			ids[ci], first[ci] = best, src
		}
	})
	if allDistinct(ids) {
		return ids // no name is taken twice: no suffix, whatever the order
	}
	// Master customers choose first, in master order; the others in order
	// of name and lineage.
	order := make([]int, 0, len(ids))
	var others []int
	for ci := range ids {
		if res.Clusters[ci].Members[0] < res.Master {
			order = append(order, ci)
		} else {
			others = append(others, ci)
		}
	}
	slices.SortStableFunc(others, func(a, b int) int {
		if c := cmp.Compare(ids[a], ids[b]); c != 0 {
			return c
		}
		return cmp.Compare(first[a], first[b])
	})
	order = append(order, others...)
	taken := make(map[string]bool, len(ids))
	for _, ci := range order {
		base := ids[ci]
		id := base
		for n := 2; taken[id]; n++ {
			id = fmt.Sprintf("%s~%d", base, n)
		}
		taken[id] = true
		ids[ci] = id
	}
	return ids
}

// Merge builds the output record of a cluster from its records, given in
// input order.
func (s *Survivorship) Merge(recs []record.Record, clusterID string, out *record.Record) {
	s.merge(recs, clusterID, out, nil)
}

// merge is Merge; counted, when given, says per record whether its amounts
// count (a record already folded into the master does not count twice).
func (s *Survivorship) merge(recs []record.Record, clusterID string, out *record.Record, counted []bool) {
	var order []int
	if len(recs) == 1 {
		order = []int{0} // most clusters: nothing to rank
	} else {
		members := make([]int, len(recs))
		for i := range members {
			members[i] = i
		}
		order = survivorOrder(recs, members)
	}
	s.markCopies(recs)
	for i, ok := range counted {
		if !ok {
			s.copies[i] = true
		}
	}
	*out = record.Record{Extra: make([]string, len(s.out.Extra))}
	ownerFrom := -1
	amountCurrency, currencySet := "", false
	for f := range record.NumFields {
		if record.Field(f) == record.ClaimedAt {
			continue
		}
		get := func(i int) string { return recs[i].Values[f] }
		if s.currencyCol >= 0 && s.fields[f] == RuleSum && record.Field(f).Kind() == record.KindAmount {
			out.Values[f], amountCurrency, _ = s.sumByCurrency(order, recs, get)
			currencySet = true
			continue
		}
		v, from := s.pick(s.fields[f], record.Field(f), order, recs, get)
		out.Values[f] = v
		if record.Field(f) == record.Owner {
			ownerFrom = from
		}
	}
	if ownerFrom >= 0 {
		out.Values[record.ClaimedAt] = recs[ownerFrom].Values[record.ClaimedAt]
	} else {
		out.Values[record.ClaimedAt], _ = s.pick(RuleMin, record.ClaimedAt, order, recs, func(i int) string { return recs[i].Values[record.ClaimedAt] })
	}
	for x, rule := range s.extra {
		get := func(i int) string {
			if x < len(recs[i].Extra) {
				return recs[i].Extra[x]
			}
			return ""
		}
		switch x {
		case s.mergedCol, s.ownersCol, s.claimsCol:
			rule = RuleUnion
		case s.amountsCol:
			continue // built below
		}
		out.Extra[x], _ = s.pick(rule, -1, order, recs, get)
		if x == s.currencyCol && currencySet {
			out.Extra[x] = amountCurrency // the currency of the merged amount
		}
	}
	var sources, refs, owners, claims []string
	for i := range recs {
		if prior := s.extraValue(&recs[i], ColumnClaims); prior != "" {
			claims = appendSplit(claims, prior, ";")
		} else if c := claimOf(&recs[i]); c != "" {
			claims = appendSplit(claims, c, ";")
		}
		sources = appendSplit(sources, recs[i].Source, ";")
		// A record merged before lists its ids in merged_from; its own
		// Ref is then one of them, or its joined lineage.
		if prior := s.extraValue(&recs[i], ColumnMergedFrom); prior != "" {
			refs = appendSplit(refs, prior, ";")
		} else {
			refs = appendSplit(refs, Ref(&recs[i]), ";")
		}
	}
	for _, i := range order {
		owners = appendSplit(owners, recs[i].Values[record.Owner], ";")
		owners = appendSplit(owners, s.extraValue(&recs[i], ColumnOwners), ";")
	}
	if o := out.Values[record.Owner]; o != "" { // the owner chosen comes first
		owners = append([]string{o}, slices.DeleteFunc(owners, func(x string) bool { return x == o })...)
	}
	out.Source = strings.Join(sources, ";")
	out.Extra[s.clusterCol] = clusterID
	if len(refs) > 1 {
		out.Extra[s.mergedCol] = strings.Join(refs, ";")
	}
	out.Extra[s.ownersCol] = strings.Join(owners, ";")
	out.Extra[s.claimsCol] = strings.Join(claims, ";")
	out.Extra[s.amountsCol] = ""
	if len(s.sums) > 0 && (len(recs) > 1 || s.extraValue(&recs[0], ColumnRecordAmounts) != "") {
		out.Extra[s.amountsCol] = s.recordAmounts(recs)
	}
}

// recordAmounts writes the record_amounts cell of a cluster: each
// counted record's amounts. Records that carry no entries from an
// earlier merge, the usual case, are written straight from their values
// (writeOwnEntries); otherwise through the entries.
func (s *Survivorship) recordAmounts(recs []record.Record) string {
	if s.sumOrder != nil && s.ownEntriesOnly(recs) {
		return s.writeOwnEntries(recs)
	}
	var entries []amountEntry
	for i := range recs {
		if !s.copies[i] {
			entries = s.appendEntries(entries, &recs[i])
		}
	}
	return writeEntries(entries)
}

// ownEntriesOnly reports whether every record's amounts entry is its own
// (entryOf): none keeps entries or a merged_from list of an earlier merge.
func (s *Survivorship) ownEntriesOnly(recs []record.Record) bool {
	for i := range recs {
		if s.extraValue(&recs[i], ColumnRecordAmounts) != "" || strings.Contains(s.extraValue(&recs[i], ColumnMergedFrom), ";") {
			return false
		}
	}
	return true
}

// writeOwnEntries is writeEntries of every record's entryOf (copies left
// out), without building the entries: the amounts go out in name order
// (sumOrder) as read.
func (s *Survivorship) writeOwnEntries(recs []record.Record) string {
	n := 0
	for i := range recs {
		if !s.copies[i] {
			n++
		}
	}
	if n < 2 {
		return ""
	}
	var b strings.Builder
	first := true
	for i := range recs {
		if s.copies[i] {
			continue
		}
		r := &recs[i]
		if !first {
			b.WriteByte(';')
		}
		first = false
		b.WriteString(entryCleaner.Replace(Ref(r)))
		b.WriteByte('|')
		b.WriteString(recordKey(r))
		b.WriteByte('|')
		comma := false
		for _, k := range s.sumOrder {
			f := &s.sums[k]
			v := f.get(r)
			if v == "" {
				continue
			}
			if comma {
				b.WriteByte(',')
			}
			comma = true
			b.WriteString(entryCleaner.Replace(f.name))
			b.WriteByte('=')
			b.WriteString(entryCleaner.Replace(v))
		}
	}
	return b.String()
}

func (s *Survivorship) extraValue(r *record.Record, col string) string {
	i := slices.Index(s.in.Extra, col)
	if i < 0 || i >= len(r.Extra) {
		return ""
	}
	return r.Extra[i]
}

// claimOf writes a record's ownership evidence for the claims column, ""
// when it names no owner. A | or ; inside an owner's name would break the
// list; they become spaces.
func claimOf(r *record.Record) string {
	owner := r.Values[record.Owner]
	if owner == "" {
		return ""
	}
	owner = claimSeparators.Replace(owner)
	return strings.Join([]string{owner, r.Values[record.ClaimedAt], r.Values[record.LastContactAt], r.Values[record.LastPurchaseAt]}, "|")
}

var claimSeparators = strings.NewReplacer("|", " ", ";", " ")

func appendSplit(list []string, v, sep string) []string {
	for part := range strings.SplitSeq(v, sep) {
		if part = strings.TrimSpace(part); part != "" && !slices.Contains(list, part) {
			list = append(list, part)
		}
	}
	return list
}

// markCopies finds the records that repeat an earlier one exactly (the
// same export read twice): they have an id, and every value but the
// lineage is equal. Their amounts must not be added again.
func (s *Survivorship) markCopies(recs []record.Record) {
	s.copies = slices.Grow(s.copies[:0], len(recs))[:len(recs)]
	for i := range recs {
		s.copies[i] = false
		if recs[i].Values[record.ID] == "" {
			continue
		}
		for j := range i {
			if !s.copies[j] && recs[j].Values == recs[i].Values && slices.Equal(recs[j].Extra, recs[i].Extra) {
				s.copies[i] = true
				s.Copies++
				break
			}
		}
	}
}

// survivorOrder ranks a cluster's records: most complete first, then most
// recently active, then input order.
func survivorOrder(recs []record.Record, members []int) []int {
	order := slices.Clone(members)
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(filled(&recs[b]), filled(&recs[a])); c != 0 {
			return c
		}
		return cmp.Compare(recency(&recs[b]), recency(&recs[a]))
	})
	return order
}

func filled(r *record.Record) int {
	n := 0
	for _, v := range r.Values {
		if v != "" {
			n++
		}
	}
	return n
}

// recency is the latest activity date of a record; ISO dates compare as
// strings.
func recency(r *record.Record) string {
	return max(r.Values[record.LastContactAt], r.Values[record.LastPurchaseAt], r.Values[record.ClaimedAt])
}

// pick applies rule to the values get returns for the records in order,
// and says which record the value came from (-1 when it was built from
// several).
func (s *Survivorship) pick(rule string, f record.Field, order []int, recs []record.Record, get func(int) string) (string, int) {
	first := -1
	for _, i := range order {
		if get(i) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return "", -1
	}
	switch rule {
	case RuleRecent:
		best := first
		for _, i := range order {
			if get(i) != "" && recency(&recs[i]) > recency(&recs[best]) {
				best = i
			}
		}
		return get(best), best
	case RuleLongest, RuleCommon:
		if len(order) == 1 {
			return get(first), first
		}
		// Company names count as one when they name the same company
		// (深圳市华强电子有限公司 and 华强电子(深圳)有限公司); the longest of
		// the most frequent wins, so a typo met once does not. Each
		// member's key, count and length are found once.
		n := len(recs)
		s.pickKeys = slices.Grow(s.pickKeys[:0], n)[:n]
		s.pickCount = slices.Grow(s.pickCount[:0], n)[:n]
		s.pickLen = slices.Grow(s.pickLen[:0], n)[:n]
		keys, count, runes := s.pickKeys, s.pickCount, s.pickLen
		// The first member in order with each member's value: a company
		// written several ways is parsed once per way, and not at all when
		// written one way.
		s.pickFirst = slices.Grow(s.pickFirst[:0], n)[:n]
		firstOf, distinct := s.pickFirst, 0
		var seen map[string]int
		if len(order) > 32 {
			seen = make(map[string]int, len(order))
		}
		for x, i := range order {
			v := get(i)
			keys[i], count[i], runes[i] = v, 0, utf8.RuneCountInString(v)
			firstOf[x] = x
			if seen != nil {
				if y, ok := seen[v]; ok {
					firstOf[x] = y
				} else {
					seen[v] = x
				}
			} else if y := slices.IndexFunc(order[:x], func(j int) bool { return get(j) == v }); y >= 0 {
				firstOf[x] = y
			}
			if v != "" && firstOf[x] == x {
				distinct++
			}
		}
		if f == record.Company && distinct > 1 {
			for x, i := range order {
				switch {
				case runes[i] == 0:
				case firstOf[x] < x:
					keys[i] = keys[order[firstOf[x]]]
				default:
					if core := company.Parse(keys[i]).Core; core != "" {
						keys[i] = core
					}
				}
			}
		}
		countKeys(order, keys, runes, count)
		best := first
		for _, i := range order {
			if runes[i] == 0 { // no value
				continue
			}
			lv, lb := runes[i], runes[best]
			if rule == RuleLongest && lv != lb {
				if lv > lb {
					best = i
				}
				continue
			}
			cv, cb := count[i], count[best]
			if cv > cb || (rule == RuleCommon && cv == cb && lv > lb) {
				best = i
			}
		}
		return get(best), best
	case RuleMin, RuleMax:
		best := first
		for _, i := range order {
			v := get(i)
			if v == "" {
				continue
			}
			c := compareValues(v, get(best))
			if (rule == RuleMin && c < 0) || (rule == RuleMax && c > 0) {
				best = i
			}
		}
		return get(best), best
	case RuleSum:
		var vals []string
		for _, i := range order {
			if v := get(i); v != "" && !s.copies[i] {
				vals = append(vals, v)
			}
		}
		sum, ok := sumDecimals(vals)
		if !ok {
			s.SumFallbacks++
		}
		return sum, -1
	case RuleUnion:
		sep := ";"
		if f == record.Notes {
			sep = " | "
		}
		var vals []string
		for _, i := range order {
			vals = appendSplit(vals, get(i), sep)
		}
		// A placeholder (N/A, 无, /) next to real values is not a value.
		// (Copied only when there is one to drop: most lists have none.)
		if slices.ContainsFunc(vals, IsPlaceholder) {
			if real := slices.DeleteFunc(slices.Clone(vals), IsPlaceholder); len(real) > 0 {
				vals = real
			}
		}
		return capJoin(vals, sep, &s.Capped), -1
	}
	return get(first), first
}

// countKeys sets count[i], for each record i in order with a value
// (runes[i] > 0), to the number of such records whose key is keys[i].
func countKeys(order []int, keys []string, runes, count []int) {
	if len(order) <= 16 {
		for _, i := range order {
			if runes[i] == 0 {
				continue
			}
			for _, j := range order {
				if runes[j] > 0 && keys[j] == keys[i] {
					count[i]++
				}
			}
		}
		return
	}
	seen := make(map[string]int, len(order))
	for _, i := range order {
		if runes[i] > 0 {
			seen[keys[i]]++
		}
	}
	for _, i := range order {
		if runes[i] > 0 {
			count[i] = seen[keys[i]]
		}
	}
}

// notNumber reports a value big.Rat cannot read as a number because four
// digits and a '-' start it: an ISO date, the usual value compared.
func notNumber(s string) bool {
	return len(s) > 4 && s[4] == '-' && isDigits(s[:4])
}

// sumPlainDecimals is sumDecimals for plain decimals (-12, 3.50: at most
// 17 digits in all, 6 after the point), added exactly as integers;
// false for anything else, which big.Rat adds (sumBigDecimals). The
// same sums as sumBigDecimals, without its allocations.
func sumPlainDecimals(vals []string) (string, bool) {
	scale := 0
	for _, v := range vals {
		_, frac, ok := strings.Cut(strings.TrimPrefix(v, "-"), ".")
		if ok && len(frac) > scale {
			scale = len(frac)
		}
	}
	if scale > 6 {
		return "", false
	}
	var total int64
	for _, v := range vals {
		neg := strings.HasPrefix(v, "-")
		whole, frac, dot := strings.Cut(strings.TrimPrefix(v, "-"), ".")
		if whole == "" || len(whole)+scale > 17 || !isDigits(whole) || (dot && (frac == "" || !isDigits(frac))) {
			return "", false
		}
		var x int64
		for i := 0; i < len(whole); i++ {
			x = x*10 + int64(whole[i]-'0')
		}
		for i := 0; i < scale; i++ {
			x *= 10
			if i < len(frac) {
				x += int64(frac[i] - '0')
			}
		}
		if neg {
			x = -x
		}
		total += x
		if total > 1<<62 || total < -(1<<62) {
			return "", false
		}
	}
	neg := total < 0
	if neg {
		total = -total
	}
	digits := strconv.FormatInt(total, 10)
	if len(digits) <= scale {
		digits = strings.Repeat("0", scale-len(digits)+1) + digits
	}
	out := digits
	if scale > 0 {
		out = digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out, true
}

// compareValues orders numbers numerically and everything else (ISO dates
// included) as strings.
func compareValues(a, b string) int {
	if a == b {
		return 0
	}
	if notNumber(a) || notNumber(b) {
		return strings.Compare(a, b)
	}
	x, okA := new(big.Rat).SetString(a)
	y, okB := new(big.Rat).SetString(b)
	if okA && okB {
		return x.Cmp(y)
	}
	return strings.Compare(a, b)
}

// sumDecimals adds plain decimals exactly and writes the sum as import
// writes amounts (no trailing zeros: 300.50 + 99.5 = 400). When a value is
// not a number (import kept 面议 as given) the values are joined instead,
// so nothing is lost, and ok is false.
func sumDecimals(vals []string) (sum string, ok bool) {
	if len(vals) == 1 {
		return vals[0], true
	}
	if sum, ok := sumPlainDecimals(vals); ok {
		return sum, true
	}
	return sumBigDecimals(vals)
}

// sumBigDecimals adds any numbers big.Rat reads, exactly.
func sumBigDecimals(vals []string) (sum string, ok bool) {
	total := new(big.Rat)
	scale := 0
	for _, v := range vals {
		x, ok := new(big.Rat).SetString(v)
		if !ok || strings.ContainsAny(v, "eE/") {
			return strings.Join(vals, ";"), false
		}
		if _, frac, ok := strings.Cut(v, "."); ok {
			scale = max(scale, len(frac))
		}
		total.Add(total, x)
	}
	out := total.FloatString(scale)
	if strings.Contains(out, ".") {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	if out == "-0" {
		out = "0"
	}
	return out, true
}

// maxCell is the most characters a merged list cell keeps: Excel's cell
// limit. Forty merged records with long notes would otherwise make a cell
// no spreadsheet opens.
const maxCell = 32767

// capJoin joins vals with sep, dropping whole values past maxCell and
// saying how many were left out; *capped counts the cells cut.
func capJoin(vals []string, sep string, capped *int) string {
	n := 0
	for i, v := range vals {
		n += len([]rune(v)) + len(sep)
		if n > maxCell && i > 0 {
			*capped++
			return strings.Join(vals[:i], sep) + sep + fmt.Sprintf("…(%d more; see _source)", len(vals)-i)
		}
	}
	return strings.Join(vals, sep)
}
