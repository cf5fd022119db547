package dedupe

import (
	"cmp"
	"slices"
)

// Link is a scored pair of records (indexes into the input).
type Link struct {
	A, B   int
	Weight float64
}

// Score is the link's score in [0,1].
func (l Link) Score() float64 { return ScoreOf(l.Weight) }

// clusterer joins records into clusters with union-find, strongest links
// first, refusing any join across a cannot-link.
type clusterer struct {
	parent  []int32
	members [][]int32 // by root: every member
	cannot  map[int32][]int32
}

func newClusterer(n int, cannot map[int32][]int32) *clusterer {
	c := &clusterer{parent: make([]int32, n), members: make([][]int32, n), cannot: cannot}
	for i := range c.parent {
		c.parent[i] = int32(i)
	}
	return c
}

func (c *clusterer) find(x int32) int32 {
	for c.parent[x] != x {
		c.parent[x] = c.parent[c.parent[x]]
		x = c.parent[x]
	}
	return x
}

func (c *clusterer) group(root int32) []int32 {
	if c.members[root] == nil {
		return []int32{root}
	}
	return c.members[root]
}

// union joins the clusters of a and b. It reports false when they already
// are one, and blocked when a cannot-link runs between them.
func (c *clusterer) union(a, b int32) (joined, blocked bool) {
	ra, rb := c.find(a), c.find(b)
	if ra == rb {
		return false, false
	}
	ga, gb := c.group(ra), c.group(rb)
	if len(ga) > len(gb) {
		ra, rb, ga, gb = rb, ra, gb, ga
	}
	if len(c.cannot) > 0 {
		for _, x := range ga {
			for _, y := range c.cannot[x] {
				if c.find(y) == rb {
					return false, true
				}
			}
		}
	}
	// The smaller group joins the larger; the root stays the larger's.
	c.parent[ra] = rb
	c.members[rb] = append(gb, ga...)
	c.members[ra] = nil
	return true, false
}

// sortLinks orders links strongest first, ties by record order, so the
// clusters do not depend on the order pairs were scored in.
func sortLinks(links []Link) {
	slices.SortFunc(links, func(x, y Link) int {
		if c := cmp.Compare(y.Weight, x.Weight); c != 0 {
			return c
		}
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
}
