package dedupe

import (
	"strconv"

	"github.com/crmkit/crmkit/internal/company"
	"github.com/crmkit/crmkit/internal/record"
)

// ExactGroups groups records that share a phone number, an e-mail address
// or a company core name exactly, as a CRM's 查重 does: assign uses it to
// find the customers several reps claim in input that was not deduped. It
// returns each record's group number; groups are numbered in order of
// their first record.
func ExactGroups(recs *record.Store) []int {
	n := recs.Len()
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
	first := map[string]int32{}
	join := func(key string, i int32) {
		if j, ok := first[key]; ok {
			a, b := find(i), find(j)
			if a != b {
				parent[max(a, b)] = min(a, b) // the earlier record stays root
			}
			return
		}
		first[key] = i
	}
	var r record.Record
	for i := range n {
		recs.Get(i, &r)
		for _, ph := range phoneKeys(r.Values[record.Phone]) {
			join("p"+strconv.FormatUint(ph.value, 10), int32(i))
		}
		for _, e := range emailKeys(r.Values[record.Email]) {
			join("e"+e, int32(i))
		}
		if c := r.Values[record.Company]; c != "" && !IsPlaceholder(c) {
			if core := companyCore(c); core != "" {
				join("c"+core, int32(i))
			}
		}
	}
	groups := make([]int, n)
	number := map[int32]int{}
	for i := range n {
		root := find(int32(i))
		g, ok := number[root]
		if !ok {
			g = len(number)
			number[root] = g
		}
		groups[i] = g
	}
	return groups
}

// companyCore is a company's exact-match key: its core and its region, so
// 深圳华强电子 and 北京华强电子 stay two customers.
func companyCore(name string) string {
	c := company.Parse(name)
	if c.Core == "" {
		return ""
	}
	return c.Core + "@" + c.Region
}
