package export

import (
	"github.com/crmkit/crmkit/internal/record"
)

// fixtureCols are canonical columns of every kind plus an unknown one.
var fixtureCols = []Column{
	{"id", record.KindCode},
	{"company", record.KindText},
	{"phone", record.KindPhone},
	{"email", record.KindEmail},
	{"owner", record.KindText},
	{"claimed_at", record.KindDate},
	{"last_contact_at", record.KindDate},
	{"purchase_count", record.KindCount},
	{"total_revenue", record.KindAmount},
	{"notes", record.KindText},
	{"value_tier", record.KindText},
}

const hyperlink = `=HYPERLINK("http://x","click")`

// fixtureRows cover leading zeros, E.164 phones, dates with and without a
// time, negative amounts, formula-looking text and empty cells.
var fixtureRows = [][]string{
	{"00123", "深圳市腾云科技有限公司", "+8613812345678", "zhang@example.com", "张三", "2025-03-04", "2025-03-05 14:30:00", "3", "12345.5", hyperlink, "高"},
	{"00456", "Acme Inc", "+14155550100", "bob@acme.com", "Bob", "2024-12-31", "", "0", "-5", "@SUM(A1:A2)", "中"},
	{"789", "北京星辰贸易有限公司（北京）", "", "", "李四", "", "2024-01-01 00:00:00", "12", "0.1", "+cmd|' /C calc'!A0", "低"},
	{"0001", "-负数开头的公司", "01088886666", "li@example.cn", "", "not a date", "2025-02-30", "x", "1.2万", "\ttab first", ""},
	{"A-9", "=1+2", "+8613800000000", "", "张三", "1899-12-31", "", "", "", "", "高"},
}
