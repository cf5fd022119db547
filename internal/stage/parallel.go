package stage

import (
	"runtime"
	"sync"

	"github.com/crmkit/crmkit/internal/record"
)

// mapStore builds a new store from every record of recs, changed by fn,
// in order. The records are cut into one contiguous run per core, each
// run changed on its own goroutine into its own store, and the stores
// joined in order: the result is the one a single goroutine would build.
// fn(w, i, r) changes record i in r, on worker w of the count returned
// (fn must not keep r).
func mapStore(recs *record.Store, fn func(w, i int, r *record.Record)) (*record.Store, int) {
	n := recs.Len()
	workers := max(1, min(runtime.GOMAXPROCS(0), n/4096))
	parts := make([]record.Store, workers)
	var wg sync.WaitGroup
	for w := range parts {
		wg.Go(func() {
			var r record.Record
			for i := n * w / workers; i < n*(w+1)/workers; i++ {
				recs.Get(i, &r)
				fn(w, i, &r)
				parts[w].Add(&r)
			}
		})
	}
	wg.Wait()
	out := &record.Store{}
	for w := range parts {
		out.AddStore(&parts[w])
		parts[w] = record.Store{}
	}
	return out, workers
}

// layered reads the records of base, each changed by fill (when not nil)
// as it is read: a step whose changes are cheap to make again need not
// copy every record into a new store for the next step to read. fill sets
// only columns of its own (classify's): the canonical fields and the
// other columns, at the same index, read the same from base.
type layered struct {
	base *record.Store
	fill func(w, i int, r *record.Record) // called with w = 0 (see mapStore)
}

// Len is the number of records.
func (l layered) Len() int { return l.base.Len() }

// Get fills r with record i, changed by the layer. Not for concurrent use.
func (l layered) Get(i int, r *record.Record) {
	l.base.Get(i, r)
	if l.fill != nil {
		l.fill(0, i, r)
	}
}
