package assign

import (
	"slices"
	"strings"
)

// labelAliases folds the tier and grade labels classify writes in either
// language to one key, so a policy written with 高 also applies to "high".
var labelAliases = map[string]string{
	"高": "high", "high": "high",
	"中": "medium", "medium": "medium",
	"低": "low", "low": "low",
	"重要": "key", "key": "key",
	"一般": "regular", "regular": "regular",
	"潜力": "potential", "potential": "potential",
}

// canonicalLabel is the lookup key of a tier or grade label. It does not
// allocate for labels that are already lower case.
func canonicalLabel(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if c, ok := labelAliases[s]; ok {
		return c
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
