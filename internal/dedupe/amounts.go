package dedupe

import (
	"fmt"
	"hash/fnv"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/record"
)

// sumField is a field the survivorship adds up: a canonical field or an
// extra column.
type sumField struct {
	name  string
	field record.Field // -1 for an extra column
	extra int          // -1 for a canonical field
}

func (f *sumField) get(r *record.Record) string {
	if f.extra >= 0 {
		if f.extra < len(r.Extra) {
			return r.Extra[f.extra]
		}
		return ""
	}
	return r.Values[f.field]
}

// amountEntry is one source record's amounts in a customer: what a later
// copy of that record replaces.
type amountEntry struct {
	ref, key string
	refs     []string // a block merged before amounts were kept: every ref it answers to
	vals     map[string]string
}

// recordKey is a digest of what makes a record recognisably the same in a
// later export without ids: its company (however written), contact, phones
// and e-mails. "" for a record with an id.
func recordKey(r *record.Record) string {
	if r.Values[record.ID] != "" {
		return ""
	}
	core := company.Parse(r.Values[record.Company]).Core
	if core == "" {
		core = r.Values[record.Company]
	}
	h := fnv.New64a()
	for _, v := range []string{core, r.Values[record.Name], r.Values[record.Phone], r.Values[record.Email]} {
		h.Write([]byte(v))
		h.Write([]byte{0})
	}
	return strconv.FormatUint(h.Sum64(), 16)
}

// entryOf is a record's own amounts.
func (s *Survivorship) entryOf(r *record.Record) amountEntry {
	e := amountEntry{ref: Ref(r), key: recordKey(r), vals: map[string]string{}}
	for i := range s.sums {
		if v := s.sums[i].get(r); v != "" {
			e.vals[s.sums[i].name] = v
		}
	}
	return e
}

// appendEntries adds the amounts r stands for: the entries it keeps from
// an earlier merge, one block when it was merged before amounts were kept
// (matched by any of its ids), else its own.
func (s *Survivorship) appendEntries(entries []amountEntry, r *record.Record) []amountEntry {
	if kept := s.extraValue(r, ColumnRecordAmounts); kept != "" {
		return append(entries, readEntries(kept)...)
	}
	e := s.entryOf(r)
	if merged := s.extraValue(r, ColumnMergedFrom); strings.Contains(merged, ";") {
		e.ref, e.key = "", ""
		e.refs = appendSplit(nil, merged, ";")
	}
	return append(entries, e)
}

// matches reports whether new record r, its ref and key given, is a later
// copy of the record e stands for.
func (e *amountEntry) matches(ref, key string) bool {
	if e.refs != nil {
		for _, x := range e.refs {
			if x == ref {
				return true
			}
		}
		return false
	}
	return ref != "" && e.ref == ref || key != "" && e.key == key
}

var entryCleaner = strings.NewReplacer("|", " ", ";", " ", ",", " ", "=", " ")

func writeEntries(entries []amountEntry) string {
	if len(entries) < 2 {
		return ""
	}
	var b strings.Builder
	for i, e := range entries {
		if i > 0 {
			b.WriteByte(';')
		}
		ref := e.ref
		if e.refs != nil {
			ref = strings.Join(e.refs, " ") // a block: every ref, space separated
			b.WriteString("*")
		}
		b.WriteString(entryCleaner.Replace(ref))
		b.WriteByte('|')
		b.WriteString(e.key)
		b.WriteByte('|')
		names := make([]string, 0, len(e.vals))
		for n := range e.vals {
			names = append(names, n)
		}
		slices.Sort(names)
		for j, n := range names {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(entryCleaner.Replace(n))
			b.WriteByte('=')
			b.WriteString(entryCleaner.Replace(e.vals[n]))
		}
	}
	return b.String()
}

func readEntries(s string) []amountEntry {
	var out []amountEntry
	for item := range strings.SplitSeq(s, ";") {
		parts := strings.SplitN(item, "|", 3)
		if len(parts) != 3 {
			continue
		}
		e := amountEntry{ref: parts[0], key: parts[1], vals: map[string]string{}}
		if strings.HasPrefix(e.ref, "*") {
			e.refs = strings.Fields(e.ref[1:])
			e.ref = ""
		}
		for kv := range strings.SplitSeq(parts[2], ",") {
			if k, v, ok := strings.Cut(kv, "="); ok && k != "" {
				e.vals[k] = v
			}
		}
		out = append(out, e)
	}
	return out
}

// How a fold took a new record that matched a master customer.
type FoldKind uint8

const (
	// FoldAdded: a different record of the customer; its amounts are added.
	FoldAdded FoldKind = iota
	// FoldSeen: a copy of a master record with the same amounts (the same
	// export folded again); nothing is added.
	FoldSeen
	// FoldReplaced: a later copy of a master record (same id, or the same
	// company, contact, phone and e-mail without ids); its amounts replace
	// that record's, as a CRM export is a snapshot of running totals.
	FoldReplaced
)

// foldAmounts decides, for each new record, whether it is a later copy of
// one of the masters' records, and returns the customer's amounts as they
// are after the fold: one entry per source record. It counts, for the
// snapshot warning, the new records whose totals are at least those of the
// master record they copy (or, when none is recognised, of the master's
// largest record).
func (s *Survivorship) foldAmounts(masters, news []record.Record) ([]amountEntry, []FoldKind) {
	var entries []amountEntry
	for i := range masters {
		entries = s.appendEntries(entries, &masters[i])
	}
	kinds := make([]FoldKind, len(news))
	nm := len(entries) // new records are copies of master records, not of each other
	largest := map[string]string{}
	for _, e := range entries {
		if amountGreater(e.vals, largest) {
			largest = e.vals
		}
	}
	for j := range news {
		n := &news[j]
		mine := s.entryOf(n)
		k := slices.IndexFunc(entries[:nm], func(e amountEntry) bool { return e.matches(mine.ref, mine.key) })
		if k >= 0 {
			s.countSnapshot(mine.vals, entries[k].vals, true)
		} else {
			s.countSnapshot(mine.vals, largest, false)
		}
		switch {
		case k < 0 && s.known(masters, n):
			kinds[j] = FoldSeen // in the lineage, its amounts not kept apart
		case k < 0:
			entries = append(entries, mine)
		case entries[k].refs != nil || maps.Equal(entries[k].vals, mine.vals):
			kinds[j] = FoldSeen
		default:
			kinds[j] = FoldReplaced
			maps.Copy(entries[k].vals, mine.vals)
		}
	}
	return entries, kinds
}

// setSums writes the sums of the entries into out.
func (s *Survivorship) setSums(entries []amountEntry, out *record.Record) {
	for i := range s.sums {
		f := &s.sums[i]
		var vals []string
		for _, e := range entries {
			if v := e.vals[f.name]; v != "" {
				vals = append(vals, v)
			}
		}
		sum := ""
		if len(vals) > 0 {
			sum, _ = sumDecimals(vals)
		}
		if f.extra >= 0 {
			out.Extra[f.extra] = sum
		} else {
			out.Values[f.field] = sum
		}
	}
}

// snapshotFields are the running totals compared, the first both have.
var snapshotFields = []string{record.TotalRevenue.String(), record.PurchaseCount.String()}

// countSnapshot notes, for the snapshot warning, whether a new record's
// amounts are at least those of the master record it is compared with.
func (s *Survivorship) countSnapshot(mine, master map[string]string, copied bool) {
	if copied {
		s.foldReplaced++
	} else {
		s.foldAdded++
	}
	if c, ok := compareAmounts(mine, master); ok {
		s.foldMatched++
		if c >= 0 {
			s.foldAtLeast++
		}
	}
}

// compareAmounts compares the first running total both hold.
func compareAmounts(a, b map[string]string) (int, bool) {
	for _, f := range snapshotFields {
		x, okA := new(big.Rat).SetString(a[f])
		y, okB := new(big.Rat).SetString(b[f])
		if okA && okB {
			return x.Cmp(y), true
		}
	}
	return 0, false
}

func amountGreater(a, b map[string]string) bool {
	if len(b) == 0 {
		return len(a) > 0
	}
	c, ok := compareAmounts(a, b)
	return ok && c > 0
}

// SnapshotWarning says, when most new records that matched master
// customers carry totals equal to or above the master's, that the file
// looks like a snapshot of running totals and what the fold did; "" when
// it does not.
func (s *Survivorship) SnapshotWarning() string {
	if s.foldMatched < 2 || s.foldAtLeast*2 <= s.foldMatched {
		return ""
	}
	w := fmt.Sprintf("%d of %d records matching master customers carry totals equal to or above the master's: the file looks like a snapshot (running totals). "+
		"%d were copies of master records (same id, or the same company, contact, phone and e-mail) and replaced those records' amounts; ",
		s.foldAtLeast, s.foldMatched, s.foldReplaced)
	if s.foldAdded == 0 {
		return w + "no amounts were added twice"
	}
	return w + fmt.Sprintf("%d were taken as other records of the customer and their amounts added — if they are copies too, export the file with its id column (客户编号) or use --on-match update", s.foldAdded)
}
