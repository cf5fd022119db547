package similar

import (
	"strings"
	"sync"
)

// nicknames maps a lower-case given name to the groups it belongs to.
var nicknames = sync.OnceValue(func() map[string][]uint16 {
	m := map[string][]uint16{}
	for i, line := range strings.Split(strings.TrimSpace(nicknameGroups), "\n") {
		for _, name := range strings.Fields(line) {
			if g := m[name]; len(g) == 0 || g[len(g)-1] != uint16(i) {
				m[name] = append(g, uint16(i))
			}
		}
	}
	return m
})

// SameGivenName reports two different spellings of one English given
// name: a nickname and its formal name (Bob and Robert, Peggy and
// Margaret, Bill and William), or two nicknames of one name (Bob and
// Robbie). Both must be lower case, as folded.
func SameGivenName(a, b string) bool {
	if a == b {
		return false
	}
	t := nicknames()
	return shareGroup(t[a], t[b])
}

// shareGroup reports whether two names' nickname groups meet.
func shareGroup(ga, gb []uint16) bool {
	for _, x := range ga {
		for _, y := range gb {
			if x == y {
				return true
			}
		}
	}
	return false
}
