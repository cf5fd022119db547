package dedupe

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// writeOwnEntries writes what writeEntries writes of the records'
// entries, on generated clusters with and without ids, amounts, an extra
// summed column, separators in values and exact copies.
func TestWriteOwnEntriesMatchesEntries(t *testing.T) {
	schema := &record.Schema{Extra: []string{"deals", "region"}}
	s, err := NewSurvivorship(schema, map[string]string{"deals": RuleSum})
	if err != nil {
		t.Fatal(err)
	}
	if s.sumOrder == nil {
		t.Fatal("no sum order")
	}
	r := rand.New(rand.NewPCG(11, 12))
	pick := func(vals ...string) string { return vals[r.IntN(len(vals))] }
	for range 20000 {
		recs := make([]record.Record, 1+r.IntN(5))
		for i := range recs {
			if i > 0 && r.IntN(4) == 0 {
				recs[i] = recs[r.IntN(i)]
				recs[i].Extra = append([]string(nil), recs[i].Extra...)
				continue
			}
			rec := &recs[i]
			rec.Values[record.ID] = pick("", "C1", "C2", "a|b;c")
			rec.Values[record.Company] = pick("", "Acme Corp", "华强电子有限公司")
			rec.Values[record.Name] = pick("", "John Smith")
			rec.Values[record.TotalRevenue] = pick("", "10", "2.5", "1,000=x")
			rec.Values[record.PurchaseCount] = pick("", "3")
			rec.Source = "f.csv:" + strconv.Itoa(i+2)
			rec.Extra = []string{pick("", "4", "7"), pick("", "north")}
		}
		want := referenceAmounts(s, recs) // marks the copies writeOwnEntries skips
		if got := s.writeOwnEntries(recs); got != want {
			t.Fatalf("writeOwnEntries = %q, writeEntries %q", got, want)
		}
	}
}

func TestAllDistinct(t *testing.T) {
	for _, c := range []struct {
		ids  []string
		want bool
	}{
		{nil, true},
		{[]string{"a"}, true},
		{[]string{"a", "b", "c"}, true},
		{[]string{"a", "b", "a"}, false},
		{[]string{"a", "a"}, false},
		{[]string{"", "b", ""}, false},
	} {
		if got := allDistinct(c.ids); got != c.want {
			t.Errorf("allDistinct(%q) = %v, want %v", c.ids, got, c.want)
		}
	}
}

// recordAmounts, which writes records straight from their values only
// when none carries entries or a merged_from block of an earlier merge
// and no two sums share a name, writes what the entries path writes:
// records re-merged from an output (record_amounts kept, merged_from
// lists) and sums of one name included.
func TestRecordAmountsMatchesEntries(t *testing.T) {
	schema := &record.Schema{Extra: []string{"deals", ColumnRecordAmounts, ColumnMergedFrom}}
	s, err := NewSurvivorship(schema, map[string]string{"deals": RuleSum})
	if err != nil {
		t.Fatal(err)
	}
	// A second survivorship whose sums share a name: entryOf keeps the
	// last value of a name, so the straight path must not be taken.
	dup, err := NewSurvivorship(schema, map[string]string{"deals": RuleSum})
	if err != nil {
		t.Fatal(err)
	}
	dup.sums = append(dup.sums, sumField{name: "deals", field: record.TotalRevenue, extra: -1})
	dup.sumOrder = sumsByName(dup.sums)
	r := rand.New(rand.NewPCG(17, 18))
	pick := func(vals ...string) string { return vals[r.IntN(len(vals))] }
	for range 20000 {
		recs := make([]record.Record, 2+r.IntN(4))
		for i := range recs {
			rec := &recs[i]
			rec.Values[record.ID] = pick("", "C1", "C2")
			rec.Values[record.Company] = pick("", "Acme Corp")
			rec.Values[record.TotalRevenue] = pick("", "10", "2.5")
			rec.Values[record.PurchaseCount] = pick("", "3")
			rec.Source = "f.csv:" + strconv.Itoa(i+2)
			rec.Extra = []string{
				pick("", "4", "7"),
				pick("", "", "", "C1|k|total_revenue=5;C9||deals=2"),
				pick("", "", "C1", "C1;C3", "C4;C5;C6"),
			}
		}
		for _, sv := range []*Survivorship{s, dup} {
			want := referenceAmounts(sv, recs) // marks the copies recordAmounts skips
			if got := sv.recordAmounts(recs); got != want {
				t.Fatalf("recordAmounts = %q, writeEntries %q (records %+v)", got, want, recs)
			}
		}
	}
}

// referenceAmounts is record_amounts as the entries and writeEntries build
// it, for the records of recs that are not exact copies (marked here).
func referenceAmounts(s *Survivorship, recs []record.Record) string {
	s.markCopies(recs)
	var entries []amountEntry
	for i := range recs {
		if !s.copies[i] {
			entries = s.appendEntries(entries, &recs[i])
		}
	}
	return writeEntries(entries)
}
