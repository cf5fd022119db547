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
	ABC:       []string{"A", "B", "C"},
	Tier:      []string{"high", "medium", "low"},
	Segment:   []string{"key value", "key development", "key retention", "key win-back", "regular value", "regular development", "regular retention", "regular win-back"},
	Lifecycle: []string{"prospect", "new", "active", "loyal", "silent", "at risk", "churned"},
	Grade:     []string{"key", "regular", "potential"},
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
