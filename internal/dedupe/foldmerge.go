package dedupe

import (
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/record"
)

// What a fold does with a new record that matches a master customer
// (--on-match), like a CRM's import modes.
const (
	// OnMatchMerge merges it by the survivorship rules, as dedupe merges
	// any cluster.
	OnMatchMerge = "merge"
	// OnMatchUpdate overwrites the customer's values with its non-empty
	// ones (phones and e-mails are added, not replaced).
	OnMatchUpdate = "update"
	// OnMatchSkip leaves the customer as it is; the record is reported.
	OnMatchSkip = "skip"
)

// OnMatchModes lists the modes.
var OnMatchModes = []string{OnMatchMerge, OnMatchUpdate, OnMatchSkip}

// FieldChange is one value a fold changed in a master customer.
type FieldChange struct {
	Field, Before, After string
}

// Refs returns every name a record answers to in people's decisions: its
// id, its cluster_id, the ids it was merged from and its lineage.
func (s *Survivorship) Refs(r *record.Record) []string {
	var out []string
	if id := r.Values[record.ID]; id != "" {
		out = append(out, id)
	}
	if c := s.extraValue(r, ColumnClusterID); c != "" {
		out = append(out, c)
	}
	out = appendSplit(out, s.extraValue(r, ColumnMergedFrom), ";")
	out = appendSplit(out, r.Source, ";")
	if base := baseSource(r.Source); base != r.Source {
		out = appendSplit(out, base, ";") // however the path was typed
	}
	return out
}

// known reports whether the master records already hold r: its id or its
// row is in their lineage (the same export folded again).
func (s *Survivorship) known(masters []record.Record, r *record.Record) bool {
	ref := Ref(r)
	for i := range masters {
		if slices.Contains(s.Refs(&masters[i]), ref) {
			return true
		}
	}
	return false
}

// Current reports whether master record r is already what Merge would
// make of it alone under clusterID: written by dedupe (its cluster_id is
// clusterID) with every output column. It is then written as it is.
func (s *Survivorship) Current(r *record.Record, clusterID string) bool {
	i := s.inClusterCol // found once: this runs for every master customer
	return len(s.in.Extra) == len(s.out.Extra) && len(r.Extra) == len(s.out.Extra) &&
		i >= 0 && r.Extra[i] == clusterID
}

// Claims returns the claims column of a record in the output schema.
func (s *Survivorship) Claims(r *record.Record) string {
	if s.claimsCol < len(r.Extra) {
		return r.Extra[s.claimsCol]
	}
	return ""
}

// bookkeeping reports whether an output column is dedupe's own.
func (s *Survivorship) bookkeeping(x int) bool {
	return x == s.clusterCol || x == s.mergedCol || x == s.ownersCol || x == s.claimsCol || x == s.amountsCol
}

// Fold builds a master customer updated by the new records that matched
// it. masters are the cluster's master records, the first the one whose
// id and owner stay (more than one when a decision or a new record joined
// them); news are the new records, in input order. It returns the values
// that changed and, per new record, how it was taken (nil with
// OnMatchSkip), and fills the customer as it was (before) and as it is now
// (out).
//
// The owner never changes hands here: a new record naming another owner
// adds its claim (claims, owners) and assign settles the dispute by the
// policy. A new record that is a later copy of a master record (its id,
// or, without ids, its company, contact, phone and e-mail; or its row in
// the lineage) replaces that record's amounts: CRM exports carry running
// totals, so amounts are summed only across different records.
func (s *Survivorship) Fold(masters, news []record.Record, mode, clusterID string, before, out *record.Record) (changes []FieldChange, kinds []FoldKind) {
	s.Merge(masters[:1], clusterID, before)
	base := *before
	if len(masters) > 1 {
		s.Merge(masters, clusterID, &base)
	}
	base.Extra = slices.Clone(base.Extra)
	if mode == OnMatchSkip || len(news) == 0 {
		*out = base
		return diff(s, before, out), nil
	}
	entries, kinds := s.foldAmounts(masters, news)
	all := append(slices.Clone(masters), news...)
	counted := make([]bool, len(all))
	for i := range all {
		counted[i] = i < len(masters) || kinds[i-len(masters)] == FoldAdded
	}
	s.merge(all, clusterID, out, counted)
	if len(s.sums) > 0 {
		s.setSums(entries, out)
		out.Extra[s.amountsCol] = writeEntries(entries)
	}
	if mode == OnMatchUpdate {
		vals := base.Values
		extra := slices.Clone(base.Extra)
		for i := range news {
			n := &news[i]
			for f, v := range n.Values {
				switch field := record.Field(f); {
				case v == "" || field == record.ID || field == record.Owner || field == record.ClaimedAt:
				case field == record.Phone || field == record.Email:
					vals[f] = strings.Join(appendSplit(appendSplit(nil, v, ";"), vals[f], ";"), ";")
				default:
					vals[f] = v
				}
			}
			for x := range s.in.Extra {
				if x < len(n.Extra) && n.Extra[x] != "" && !s.bookkeeping(x) {
					extra[x] = n.Extra[x]
				}
			}
		}
		// Values from the update, lineage and claims from the merge; the
		// update's values stand for the whole customer, so no per-record
		// amounts are kept.
		owner, claimed := out.Values[record.Owner], out.Values[record.ClaimedAt]
		out.Values = vals
		out.Values[record.Owner], out.Values[record.ClaimedAt] = owner, claimed
		for x := range extra {
			if !s.bookkeeping(x) {
				out.Extra[x] = extra[x]
			}
		}
		out.Extra[s.amountsCol] = ""
	}
	m := &masters[0]
	if id := m.Values[record.ID]; id != "" {
		out.Values[record.ID] = id
	}
	if owner := before.Values[record.Owner]; owner != "" {
		// The customer's owner and claim date stay: a new claim, even the
		// owner's own, does not restart the protection period.
		out.Values[record.Owner] = owner
		out.Values[record.ClaimedAt] = before.Values[record.ClaimedAt]
		owners := appendSplit(nil, owner, ";")
		out.Extra[s.ownersCol] = strings.Join(appendSplit(owners, out.Extra[s.ownersCol], ";"), ";")
	}
	return diff(s, before, out), kinds
}

// diff lists the values that differ, bookkeeping columns left out.
func diff(s *Survivorship, before, after *record.Record) []FieldChange {
	var out []FieldChange
	for f := range record.NumFields {
		if before.Values[f] != after.Values[f] {
			out = append(out, FieldChange{record.Field(f).String(), before.Values[f], after.Values[f]})
		}
	}
	for x, name := range s.out.Extra {
		if s.bookkeeping(x) {
			continue
		}
		b, a := "", ""
		if x < len(before.Extra) {
			b = before.Extra[x]
		}
		if x < len(after.Extra) {
			a = after.Extra[x]
		}
		if a != b {
			out = append(out, FieldChange{name, b, a})
		}
	}
	return out
}
