package sample

// Lead sources (客户来源), Chinese and English, most common first.
var (
	sourcesZH = []string{"展会", "官网", "转介绍", "电话营销", "地推", "百度推广", "老客户介绍", "网络推广",
		"招投标", "自主开发", "渠道合作", "抖音", "微信公众号", "阿里巴巴", "陌拜"}
	sourcesEN = []string{"Trade Show", "Web", "Referral", "Cold Call", "Partner", "Advertisement",
		"Email Campaign", "Social Media", "Purchased List", "Other"}
	sourceWeightsZH = cumulative([]float64{14, 12, 12, 10, 6, 6, 6, 5, 4, 8, 5, 3, 3, 3, 3})
	sourceWeightsEN = cumulative([]float64{14, 18, 14, 10, 8, 6, 8, 6, 4, 4})
)

// Customer types (客户类型) as CRMs offer them.
var (
	typesZH       = []string{"终端用户", "中间商", "代理商", "经销商", "渠道商", "合作伙伴", "潜在客户"}
	typesEN       = []string{"Customer - Direct", "Customer - Channel", "Reseller", "Distributor", "Channel Partner", "Partner", "Prospect"}
	typeWeights   = cumulative([]float64{50, 12, 10, 10, 6, 4, 8})
	prospectIndex = 6
)

// Tags and the separators people type between them.
var (
	tagsZH = []string{"重点客户", "VIP", "老客户", "新客户", "展会客户", "需回访", "价格敏感", "意向强",
		"已签约", "KA", "大客户", "战略合作", "待跟进", "样品已寄", "已报价", "竞品在用", "年度框架",
		"政府项目", "外贸", "月结"}
	tagsEN = []string{"VIP", "Key Account", "Hot Lead", "Renewal", "Trade Show", "Partner",
		"Price Sensitive", "Strategic", "Follow Up", "Churn Risk", "Enterprise", "SMB"}
	tagSepsZH = []string{",", "，", "、", ";", "；", " ", "|"}
	tagSepsEN = []string{";", ",", ", ", "|"}
)

// Notes as reps write them. A few hold commas, quotes or line breaks, which
// a CSV writer must quote and a reader must survive.
var (
	notesZH = []string{
		"客户对价格比较敏感，下次带报价单", "已发样品，等待测试结果", "需要开增值税专用发票",
		"约了下周上门拜访", "老板出差，月底再联系", "对接人是采购部", "年底有采购计划",
		"电话没人接，已发短信", "客户说\"再考虑一下\"", "竞争对手报价更低",
		"已签年度框架协议", "付款周期较长，注意回款", "关注售后服务", "要求提供案例",
		"预算已批，等走流程", "展会上交换的名片", "决策人是总经理", "需要技术交流",
		"电话未接通\n改天再打", "客户暂无需求", "已加微信", "发了产品目录",
	}
	notesEN = []string{
		"Sent quote, follow up next week", "Met at trade show", "Asked for a discount",
		"Decision maker is the CFO", "Budget approved for Q3", "Waiting on legal review",
		"Prefers email over phone", "Renewal due soon", "Said \"call me in March\"",
		"Evaluating a competitor", "No answer;\nleft voicemail", "Requested a demo",
	}
	// disputeNotesZH mention the other rep in a 撞单 record: {rep} is
	// replaced by a name.
	disputeNotesZH = []string{"该客户原由{rep}跟进", "展会重新对接，原负责人{rep}", "客户说之前{rep}联系过", "与{rep}撞单，待主管确认"}
	disputeNotesEN = []string{"Previously worked by {rep}", "Also contacted by {rep}", "Possible overlap with {rep}"}
)

// Markers people type into a phone or e-mail cell that holds no value.
var (
	invalidPhonesZH = []string{"无", "暂无", "-", "未知", "空号", "/"}
	invalidPhonesEN = []string{"N/A", "none", "-", "TBD", "unknown"}
	invalidEmails   = []string{"无", "-", "N/A", "没有"}
)

// Extra columns users ask for (Config.Extra) with values that make sense;
// unknown names get generic values.
var (
	jobTitlesZH = []string{"总经理", "采购经理", "技术总监", "销售总监", "财务", "老板", "采购", "行政主管", "工程师", "副总"}
	jobTitlesEN = []string{"CEO", "Purchasing Manager", "CTO", "Head of Sales", "Office Manager", "Engineer", "VP Operations", "Founder"}
	departments = []string{"采购部", "技术部", "总经办", "财务部", "行政部", "市场部"}
	levelsZH    = []string{"A", "B", "C", "重要", "一般"}
	yesNo       = []string{"是", "否"}
)
