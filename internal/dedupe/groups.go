package dedupe

import (
	"runtime"
	"sync"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/record"
)

// ExactGroups groups records that share a phone number, an e-mail address
// or a company name (core and region) exactly, as a CRM's 查重 does:
// assign uses it to find the customers several reps claim in input that
// was not deduped. It returns each record's group number; groups are
// numbered in order of their first record.
//
// Keys are 64-bit hashes: two different keys colliding would join two
// groups, which at a million records has a chance of about one in ten
// million.
func ExactGroups(recs *record.Store) []int {
	n := recs.Len()
	keys := exactKeys(recs)
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	first := make(map[uint64]int32, n)
	for i, ks := range keys {
		for _, k := range ks {
			j, ok := first[k]
			if !ok {
				first[k] = int32(i)
				continue
			}
			a, b := find(int32(i)), find(j)
			if a != b {
				parent[max(a, b)] = min(a, b) // the earlier record stays root
			}
		}
	}
	groups := make([]int, n)
	number := make([]int32, n) // root → group number + 1
	next := int32(0)
	for i := range n {
		root := find(int32(i))
		if number[root] == 0 {
			next++
			number[root] = next
		}
		groups[i] = int(number[root] - 1)
	}
	return groups
}

// exactKeys hashes every record's phones, e-mails and company key, on all
// cores (parsing company names is the costly part).
func exactKeys(recs *record.Store) [][]uint64 {
	n := recs.Len()
	keys := make([][]uint64, n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/4096+1))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Go(func() {
			var k keyHasher
			var r record.Record
			for i := lo; i < hi; i++ {
				recs.Get(i, &r)
				var ks []uint64
				for _, ph := range phoneKeys(r.Values[record.Phone]) {
					ks = append(ks, k.number('p', ph.value))
				}
				for _, e := range emailKeys(r.Values[record.Email]) {
					ks = append(ks, k.key('e', e))
				}
				if c := r.Values[record.Company]; c != "" && !IsPlaceholder(c) {
					if name := company.Parse(c); name.Core != "" {
						// Core and region: 深圳华强电子 and 北京华强电子 stay apart.
						ks = append(ks, k.key2('c', name.Core+"@", name.Region))
					}
				}
				keys[i] = ks
			}
		})
	}
	wg.Wait()
	return keys
}
