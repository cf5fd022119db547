package stage

import (
	"strconv"

	"github.com/crmkit/crmkit/internal/decision"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/record"
)

// Decided is what a decisions file means for one run: pairs of record
// indexes.
type Decided struct {
	Must, Cannot [][2]int
	Total        int // decisions in the file
	Matches      int // of which match
	Absent       int // decisions naming a record not in this run
}

// ResolveDecisions reads path and finds the records each decision names.
// A name is matched against every name a record answers to (id,
// cluster_id, merged_from, lineage), so a decision about two records keeps
// holding after they were merged into customers of a master.
func ResolveDecisions(path string, recs *record.Store, surv *dedupe.Survivorship) (*Decided, error) {
	d := &Decided{}
	if path == "" {
		return d, nil
	}
	f, err := decision.Read(path)
	if err != nil {
		return nil, err
	}
	d.Total = len(f.Decisions)
	if d.Total == 0 {
		return d, nil
	}
	named := map[string][]int{}
	for _, dec := range f.Decisions {
		named[dec.A], named[dec.B] = nil, nil
	}
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		for _, ref := range surv.Refs(&r) {
			if list, ok := named[ref]; ok && (len(list) == 0 || list[len(list)-1] != i) {
				named[ref] = append(list, i)
			}
		}
	}
	for _, dec := range f.Decisions {
		if dec.Match {
			d.Matches++
		}
		as, bs := named[dec.A], named[dec.B]
		if len(as) == 0 || len(bs) == 0 {
			d.Absent++
			continue
		}
		for _, a := range as {
			for _, b := range bs {
				if a == b {
					continue
				}
				if dec.Match {
					d.Must = append(d.Must, [2]int{a, b})
				} else {
					d.Cannot = append(d.Cannot, [2]int{a, b})
				}
			}
		}
	}
	return d, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
