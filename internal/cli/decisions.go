package cli

import (
	"github.com/crmkit/crmkit/internal/decision"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/record"
)

// decided is what a decisions file means for one run: pairs of record
// indexes.
type decided struct {
	must, cannot [][2]int
	total        int // decisions in the file
	matches      int // of which match
	absent       int // decisions naming a record not in this run
}

// resolveDecisions reads path and finds the records each decision names.
// A name is matched against every name a record answers to (id,
// cluster_id, merged_from, lineage), so a decision about two records keeps
// holding after they were merged into customers of a master.
func resolveDecisions(path string, recs *record.Store, surv *dedupe.Survivorship) (*decided, error) {
	d := &decided{}
	if path == "" {
		return d, nil
	}
	f, err := decision.Read(path)
	if err != nil {
		return nil, err
	}
	d.total = len(f.Decisions)
	if d.total == 0 {
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
			d.matches++
		}
		as, bs := named[dec.A], named[dec.B]
		if len(as) == 0 || len(bs) == 0 {
			d.absent++
			continue
		}
		for _, a := range as {
			for _, b := range bs {
				if a == b {
					continue
				}
				if dec.Match {
					d.must = append(d.must, [2]int{a, b})
				} else {
					d.cannot = append(d.cannot, [2]int{a, b})
				}
			}
		}
	}
	return d, nil
}
