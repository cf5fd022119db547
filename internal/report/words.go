package report

import (
	"fmt"

	"github.com/crmkit/crmkit/internal/classify"
)

// words holds everything a report says in one language.
type words struct {
	en     bool
	labels classify.Labels

	total        string // first cell of a totals row
	unclassified string // row of customers whose label is empty or unknown
	pool         string // owner row of customers nobody owns (公海)
	rejected     string // quality row of rows import rejected

	titleTiers, titleTop, titleOwners, titleLifecycle, titleRFM, titleQuality string
}

var wordsZH = words{
	labels:         classify.LabelsFor("zh"),
	total:          "合计",
	unclassified:   "(未分类)",
	pool:           "公海",
	rejected:       "(拒绝行)",
	titleTiers:     "价值层级汇总",
	titleTop:       "前 %d 名客户：%s",
	titleOwners:    "负责人 / 价值层级",
	titleLifecycle: "生命周期分布",
	titleRFM:       "RFM 客户分群（R、F、M 为平均分）",
	titleQuality:   "数据质量：%d 条记录，拒绝 %d 行",
}

var wordsEN = words{
	en:             true,
	labels:         classify.LabelsFor("en"),
	total:          "Total",
	unclassified:   "(unclassified)",
	pool:           "(unassigned pool)",
	rejected:       "(rejected rows)",
	titleTiers:     "Value tiers",
	titleTop:       "Top %d customers: %s",
	titleOwners:    "Owners by value tier",
	titleLifecycle: "Lifecycle stages",
	titleRFM:       "RFM segments (R, F, M: average scores)",
	titleQuality:   "Data quality: %d records, rejected rows: %d",
}

// wordsFor returns the words of lang; like classify, anything but "en" is zh.
func wordsFor(lang string) *words {
	if lang == "en" {
		return &wordsEN
	}
	return &wordsZH
}

// columnNames are the display headers of the fixed columns, by key: zh, en.
var columnNames = map[string][2]string{
	"abc_class":       {"ABC", "ABC"},
	"value_tier":      {"价值层级", "Value tier"},
	"customers":       {"客户数", "Customers"},
	"customer_share":  {"客户占比", "Share"},
	"revenue":         {"消费金额", "Revenue"},
	"revenue_share":   {"金额占比", "Revenue share"},
	"average_revenue": {"平均金额", "Avg revenue"},
	"owner":           {"负责人", "Owner"},
	"lifecycle":       {"生命周期", "Lifecycle"},
	"churn_warning":   {"流失风险", "Churn risk"},
	"rfm_segment":     {"RFM 分群", "RFM segment"},
	// R, F and M alone: the title says they are averages, and three
	// narrow columns keep the RFM table inside 80 columns.
	"average_r":    {"R", "R"},
	"average_f":    {"F", "F"},
	"average_m":    {"M", "M"},
	"rank":         {"排名", "Rank"},
	"id":           {"客户编号", "ID"},
	"company":      {"客户名称", "Company"},
	"purchases":    {"购买次数", "Purchases"},
	"field":        {"字段", "Field"},
	"filled":       {"已填", "Filled"},
	"missing":      {"缺失", "Missing"},
	"invalid":      {"无效", "Invalid"},
	"filled_share": {"填充率", "Fill rate"},
}

// col returns the fixed column key in w's language.
func (w *words) col(key string, numeric bool) Column {
	names := columnNames[key]
	name := names[0]
	if w.en {
		name = names[1]
	}
	return Column{Name: name, Key: key, Numeric: numeric}
}

// tierKey is the JSON key of value tier i in the owner matrix; the header is
// the tier label itself.
func tierKey(i int) string {
	if keys := wordsEN.labels.Tier; i < len(keys) {
		return keys[i]
	}
	return fmt.Sprintf("tier_%d", i+1)
}

const unclassifiedKey = "unclassified"
