package normalize

import "sync"

// memo is a bounded, goroutine-safe cache for results that are expensive to
// compute and often repeat in one file (a company switchboard number on many
// rows). It keeps two generations: when the current one is full it becomes
// the old one and the previous old one is dropped, so memory stays below
// 2×limit entries without any per-entry bookkeeping.
type memo[K comparable, V any] struct {
	mu    sync.RWMutex
	limit int
	cur   map[K]V
	old   map[K]V
}

func newMemo[K comparable, V any](limit int) *memo[K, V] {
	return &memo[K, V]{limit: limit, cur: make(map[K]V)}
}

func (m *memo[K, V]) get(key K) (V, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if v, ok := m.cur[key]; ok {
		return v, true
	}
	v, ok := m.old[key]
	return v, ok
}

func (m *memo[K, V]) put(key K, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.cur) >= m.limit {
		m.old, m.cur = m.cur, make(map[K]V, m.limit)
	}
	m.cur[key] = v
}

// len reports how many entries are held, for tests of the bound.
func (m *memo[K, V]) len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.cur) + len(m.old)
}
