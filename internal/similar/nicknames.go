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

// nicknameFilter has a bit set for every name in nicknames, by
// nameBit: a token whose bit is clear is in no group, which most
// surnames show without a map look-up.
var nicknameFilter = sync.OnceValue(func() *[nicknameFilterBits / 64]uint64 {
	var f [nicknameFilterBits / 64]uint64
	for name := range nicknames() {
		b := nameBit([]rune(name))
		f[b/64] |= 1 << (b % 64)
	}
	return &f
})

const nicknameFilterBits = 1 << 13

// nameBit hashes a name's runes to a bit of nicknameFilter.
func nameBit(rs []rune) uint32 {
	h := uint32(2166136261)
	for _, r := range rs {
		h = (h ^ uint32(r)) * 16777619
	}
	return (h * 0x9E3779B1) >> (32 - 13)
}

// maybeNickname reports whether the name in rs may be in nicknames:
// false means it is in none of its groups.
func maybeNickname(rs []rune) bool {
	b := nameBit(rs)
	return nicknameFilter()[b/64]>>(b%64)&1 != 0
}

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
