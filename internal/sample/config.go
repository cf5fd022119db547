package sample

import (
	"fmt"
	"strings"
	"time"

	"github.com/crmkit/crmkit/internal/errs"
)

// Config describes the sample to generate. The zero value of every field
// but N means "the default"; DupRate and Messy take a negative value for
// "none", since 0 already means "default".
type Config struct {
	N       int     // number of output rows, exactly
	Seed    uint64  // same Config, same Seed → byte-identical output
	DupRate float64 // share of entities (customers) with more than one row; 0 → 0.3, <0 → none
	// Dialect is the export format: fxiaoke (纷享销客, the default),
	// salesforce, hubspot, zoho, sheet (a hand-kept Chinese sheet), mixed
	// (fxiaoke headers, every row in its own formats), canonical.
	Dialect string
	Messy   float64   // 0..1 formatting noise; 0 → 0.5, <0 → none
	Lang    string    // company names: zh, en, mixed (default: ~70% Chinese)
	Reps    int       // sales reps owning customers; 0 → 20
	Extra   []string  // extra columns the importer does not know, e.g. 微信, QQ, 网址
	AsOf    time.Time // "today": every date is before it; zero → 2026-01-01 UTC

	// DupWindow is the most rows between an entity's first and last
	// record; 0 → min(N, 50000). Duplicates land at random distances up
	// to it, never next to each other when there is room.
	DupWindow int
	// HardNegatives is the share of companies that get a deliberately
	// similar but distinct company (same brand in another city, a sister
	// or a subsidiary); 0 → 0.04, <0 → none.
	HardNegatives float64
	// DisputeRate is the share of duplicated entities whose records name
	// different owners (撞单); 0 → 0.3, <0 → none.
	DisputeRate float64
}

// Defaults are applied by New; exported so the CLI can show them.
const (
	DefaultDupRate       = 0.3
	DefaultMessy         = 0.5
	DefaultReps          = 20
	DefaultDupWindow     = 50_000
	DefaultHardNegatives = 0.04
	DefaultDisputeRate   = 0.3
	// MaxReps bounds the roster so rep names stay unique.
	MaxReps = 2000
)

// DefaultAsOf is "today" for samples: fixed, so output never depends on
// the clock.
var DefaultAsOf = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// resolved is a validated Config with defaults applied.
type resolved struct {
	Config
	dialect *dialect
	zhShare float64 // probability a new company is Chinese
	asOf    day     // first day that is not in the past
}

func rate(v, def float64) float64 {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}

func (c Config) resolve() (*resolved, error) {
	const hint = "run `crmkit sample --help` for the accepted values"
	if c.N <= 0 {
		return nil, errs.Usagef("pass a positive number of rows, e.g. --n 1000", "number of rows must be positive, got %d", c.N)
	}
	r := &resolved{Config: c}
	r.DupRate = rate(c.DupRate, DefaultDupRate)
	r.Messy = rate(c.Messy, DefaultMessy)
	r.HardNegatives = rate(c.HardNegatives, DefaultHardNegatives)
	r.DisputeRate = rate(c.DisputeRate, DefaultDisputeRate)
	for _, p := range []struct {
		name string
		v    float64
	}{{"duplicate rate", r.DupRate}, {"messiness", r.Messy}, {"hard-negative rate", r.HardNegatives}, {"dispute rate", r.DisputeRate}} {
		if p.v > 1 || p.v != p.v {
			return nil, errs.Usagef("use a value between 0 and 1", "%s must be between 0 and 1, got %v", p.name, p.v)
		}
	}

	name := strings.ToLower(strings.TrimSpace(c.Dialect))
	if name == "" {
		name = "fxiaoke"
	}
	if r.dialect = dialectByName(name); r.dialect == nil {
		return nil, errs.Usagef("use one of: "+strings.Join(Dialects(), ", "), "unknown dialect %q", c.Dialect)
	}
	r.Dialect = name

	switch lang := strings.ToLower(strings.TrimSpace(c.Lang)); lang {
	case "", "mixed":
		r.Lang, r.zhShare = "mixed", 0.7
	case "zh":
		r.Lang, r.zhShare = lang, 1
	case "en":
		r.Lang, r.zhShare = lang, 0
	default:
		return nil, errs.Usagef("use zh, en or mixed", "unknown language %q", c.Lang)
	}

	switch {
	case c.Reps == 0:
		r.Reps = DefaultReps
	case c.Reps < 0 || c.Reps > MaxReps:
		return nil, errs.Usagef(fmt.Sprintf("use 1 to %d reps", MaxReps), "number of reps must be 1 to %d, got %d", MaxReps, c.Reps)
	}

	switch {
	case c.DupWindow == 0:
		r.DupWindow = min(c.N, DefaultDupWindow)
	case c.DupWindow < 0:
		return nil, errs.Usagef(hint, "duplicate window must be positive, got %d", c.DupWindow)
	}
	r.DupWindow = max(r.DupWindow, 3)

	seen := make(map[string]bool)
	for _, col := range r.dialect.columns {
		seen[col.header] = true
	}
	r.Extra = make([]string, len(c.Extra))
	for i, x := range c.Extra {
		x = strings.TrimSpace(x)
		if x == "" {
			return nil, errs.Usagef("give every extra column a name", "extra column %d has no name", i+1)
		}
		if seen[x] {
			return nil, errs.Usagef("pick another name for it", "extra column %q is already a column of the %s dialect", x, name)
		}
		seen[x] = true
		r.Extra[i] = x
	}

	if c.AsOf.IsZero() {
		r.AsOf = DefaultAsOf
	}
	r.asOf = dayOf(r.AsOf)
	return r, nil
}
