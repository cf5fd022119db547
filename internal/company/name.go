package company

import "github.com/crmkit/crmkit/internal/normalize"

// Name is a company name taken apart for matching.
type Name struct {
	Raw string // as given
	// Core is the distinctive part: brand and business words with the legal
	// form, region and punctuation removed, width and case folded.
	// 深圳市华强电子有限公司 → 华强电子; "Acme Robotics, Inc." → "acme robotics".
	Core string
	// Brand is Core without trailing industry or generic words (华为技术 →
	// 华为, "globex trading" → "globex"); it is meant for blocking.
	Brand string
	// Region is a province or prefecture-level city found as a prefix, in
	// parentheses or before a branch marker: 深圳市, 深圳 and (深圳) all give
	// 深圳; "(Shanghai)" gives "shanghai".
	Region string
	// Suffix is the legal form found: 有限公司, 股份有限公司, 集团, inc, ltd, …
	// A proper legal form wins over 集团/控股, which win over 分公司.
	Suffix string
	// Branch reports a branch office: 分公司, 分店, 分行, 支行, "branch".
	Branch bool
}

// Parse takes s apart. It never fails: a name with nothing to strip comes
// back with Core equal to its folded form. Core is a fixed point, so
// Parse(Parse(s).Core).Core == Parse(s).Core.
func Parse(s string) Name {
	var f findings
	core := joinInitials(fold(dropSeat(s), &f))
	if core == "" {
		// Everything sat in dropped parentheses, as in "(深圳)": keep it
		// rather than return an empty Core.
		core = foldPlain(normalize.Structured(s))
	}
	// Each pass strips at most one branch marker, legal form and region; a
	// stripped piece may uncover another (…集团股份有限公司), so repeat until
	// nothing changes. Every change shortens core, so this terminates.
	for {
		next := joinInitials(stripOnce(core, &f))
		if len(next) == len(core) {
			break
		}
		core = next
	}
	return Name{
		Raw:    s,
		Core:   core,
		Brand:  brand(core),
		Region: f.region(),
		Suffix: f.suffix(),
		Branch: f.branch,
	}
}

// findings collects what stripping removed, from where.
type findings struct {
	branch       bool
	branchRegion string // 深圳 in …有限公司深圳分公司: where this record lives
	parenRegion  string // (深圳)
	prefixRegion string // 深圳市…
	legal        string
	legalRank    int
}

func (f *findings) region() string {
	switch {
	case f.branchRegion != "":
		return f.branchRegion
	case f.parenRegion != "":
		return f.parenRegion
	}
	return f.prefixRegion
}

func (f *findings) suffix() string {
	if f.legal == "" && f.branch {
		return "分公司"
	}
	return f.legal
}

// Legal form ranks: a lower rank describes the entity better.
const (
	rankForm = iota + 1
	rankGroup
	rankHolding
)

func (f *findings) noteLegal(form string, rank int) {
	if f.legal == "" || rank < f.legalRank {
		f.legal, f.legalRank = form, rank
	}
}

func stripOnce(s string, f *findings) string {
	s = stripBranch(s, f)
	s = stripLegal(s, f)
	return stripRegionPrefix(s, f)
}
