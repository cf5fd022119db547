package cli

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/errs"
)

// outOfRange lists the settings (config file or CRMKIT_* variables) whose
// value is a number no setting can hold: past float64 (1e400), or an
// integer past int64 (99999999999999999999). Read as is they became 0,
// -2^63 or "not a number", and the message named those instead.
func outOfRange(v *viper.Viper) []string {
	var problems []string
	keys := v.AllKeys()
	slices.Sort(keys)
	for _, k := range keys {
		if p := numberOutOfRange(v.Get(k), uint64Settings[k]); p != "" {
			problems = append(problems, fmt.Sprintf("%s: %s is out of range (no setting takes a number this large)", k, p))
		}
	}
	return problems
}

// uint64Settings are read as unsigned 64-bit numbers; every other number
// fits an int64.
var uint64Settings = map[string]bool{"seed": true}

// numberOutOfRange returns the value as written when it is a number out of
// range, else "".
func numberOutOfRange(x any, unsigned bool) string {
	switch x := x.(type) {
	case string:
		s := strings.TrimSpace(x)
		if _, err := strconv.ParseFloat(s, 64); errors.Is(err, strconv.ErrRange) {
			return s
		}
		if _, err := strconv.ParseInt(s, 10, 64); errors.Is(err, strconv.ErrRange) {
			if _, err := strconv.ParseUint(s, 10, 64); err != nil || !unsigned {
				return s
			}
		}
	case float64:
		limit := float64(math.MaxInt64)
		if unsigned {
			limit = math.MaxUint64
		}
		if math.IsInf(x, 0) || math.IsNaN(x) || math.Abs(x) >= limit {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
	case float32:
		return numberOutOfRange(float64(x), unsigned)
	case uint64:
		if x > math.MaxInt64 && !unsigned {
			return strconv.FormatUint(x, 10)
		}
	case []any:
		for _, e := range x {
			if p := numberOutOfRange(e, unsigned); p != "" {
				return p
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if p := numberOutOfRange(x[k], unsigned); p != "" {
				return p
			}
		}
	}
	return ""
}

// checkNumbers fails on settings out of range; where names them.
func checkNumbers(v *viper.Viper, where string) error {
	if p := outOfRange(v); len(p) > 0 {
		return errs.Usagef("write a number in range; `crmkit config init -` prints every setting with its default", "%s%s", where, strings.Join(p, "; "))
	}
	return nil
}
