package report

import (
	"slices"
	"strings"
)

// topEntry is one customer kept for a top-N list.
type topEntry struct {
	cents     int64
	seq       int
	id        string
	company   string
	owner     string
	purchases int
	noRevenue bool
}

// before reports whether e ranks above o: more revenue, then earlier input.
func (e *topEntry) before(o *topEntry) bool {
	if e.cents != o.cents {
		return e.cents > o.cents
	}
	return e.seq < o.seq
}

// topList keeps the best n customers seen so far in a heap whose root is
// the worst of them, so a customer that does not make the list costs one
// comparison.
type topList struct {
	heap []topEntry
}

func (l *topList) offer(n int, c *Customer, cents int64, seq int) {
	if len(l.heap) == n {
		root := &l.heap[0]
		if cents <= root.cents {
			// Equal revenue: the earlier customer already listed ranks above.
			return
		}
	}
	e := topEntry{
		cents:     cents,
		seq:       seq,
		id:        strings.Clone(c.ID),
		company:   strings.Clone(c.Company),
		owner:     strings.Clone(c.Owner),
		purchases: c.Purchases,
		noRevenue: c.NoRevenue,
	}
	if len(l.heap) < n {
		l.heap = append(l.heap, e)
		l.up(len(l.heap) - 1)
		return
	}
	l.heap[0] = e
	l.down(0)
}

// worse orders the heap: the entry ranking lowest is at the root.
func (l *topList) worse(i, j int) bool { return l.heap[j].before(&l.heap[i]) }

func (l *topList) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !l.worse(i, parent) {
			return
		}
		l.heap[i], l.heap[parent] = l.heap[parent], l.heap[i]
		i = parent
	}
}

func (l *topList) down(i int) {
	for {
		child := 2*i + 1
		if child >= len(l.heap) {
			return
		}
		if right := child + 1; right < len(l.heap) && l.worse(right, child) {
			child = right
		}
		if !l.worse(child, i) {
			return
		}
		l.heap[i], l.heap[child] = l.heap[child], l.heap[i]
		i = child
	}
}

// ranked returns the kept customers best first.
func (l *topList) ranked() []topEntry {
	out := slices.Clone(l.heap)
	slices.SortFunc(out, func(a, b topEntry) int {
		switch {
		case a.seq == b.seq:
			return 0
		case a.before(&b):
			return -1
		}
		return 1
	})
	return out
}
