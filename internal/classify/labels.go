package classify

// Labels name classes in one language. Every list is in report order:
// the best or earliest class first.
type Labels struct {
	ABC       []string // A, B, C (the same in both languages)
	Tier      []string // value tiers matching ABC: 高 中 低 / high medium low
	Segment   []string // the eight RFM segments
	Lifecycle []string // 潜在 新客户 活跃 忠实 沉默 流失预警 流失
	Grade     []string // 重要 一般 潜力
}

var labelsZH = Labels{
	ABC:       []string{"A", "B", "C"},
	Tier:      []string{"高", "中", "低"},
	Segment:   []string{"重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户", "一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户"},
	Lifecycle: []string{"潜在", "新客户", "活跃", "忠实", "沉默", "流失预警", "流失"},
	Grade:     []string{"重要", "一般", "潜力"},
}

var labelsEN = Labels{
	ABC:  []string{"A", "B", "C"},
	Tier: []string{"high", "medium", "low"},
	// The eight R/F/M cells named as English CRM tools name RFM segments
	// (Champions … Hibernating): high R, F and M are Champions; big
	// spenders who bought once recently are Potential Loyalists; frequent
	// big spenders gone quiet are Can't Lose Them; a lapsed big spender is
	// At Risk; frequent recent small spenders are Loyal; a recent small
	// first-timer is Promising; frequent small spenders gone quiet Need
	// Attention; the rest are Hibernating.
	Segment: []string{"Champions", "Potential Loyalists", "Can't Lose Them", "At Risk",
		"Loyal", "Promising", "Need Attention", "Hibernating"},
	Lifecycle: []string{"Prospect", "New", "Active", "Loyal", "Dormant", "At risk", "Churned"},
	Grade:     []string{"key", "regular", "potential"},
}

// LabelsENBefore are the English segment and lifecycle labels of crmkit
// before issue 19 (key value … regular win-back; prospect … churned), so a
// file classified by an earlier version still reports by class.
var LabelsENBefore = Labels{
	Segment:   []string{"key value", "key development", "key retention", "key win-back", "regular value", "regular development", "regular retention", "regular win-back"},
	Lifecycle: []string{"prospect", "new", "active", "loyal", "silent", "at risk", "churned"},
}

// LabelsFor returns the labels of lang ("zh" or "en"; anything else is zh).
func LabelsFor(lang string) Labels {
	if lang == "en" {
		return labelsEN
	}
	return labelsZH
}

// Indexes into Labels lists.
const (
	SegmentKeyValue = iota
	SegmentKeyDevelopment
	SegmentKeyRetention
	SegmentKeyWinBack
	SegmentRegularValue
	SegmentRegularDevelopment
	SegmentRegularRetention
	SegmentRegularWinBack
)

const (
	LifecycleProspect = iota
	LifecycleNew
	LifecycleActive
	LifecycleLoyal
	LifecycleSilent
	LifecycleAtRisk
	LifecycleChurned
)

const (
	GradeKey = iota
	GradeRegular
	GradePotential
)

// Columns are the columns classify adds, in order, before any custom rule
// column.
var Columns = []string{"abc_class", "value_tier", "rfm_r", "rfm_f", "rfm_m", "rfm_segment", "lifecycle", "grade"}
