package parseref

import "unicode/utf8"

// industryHan are trailing Chinese business words that describe what a
// company does rather than who it is. Longer words come first where one
// ends another (信息技术 before 技术).
var industryHan = []string{
	"信息技术", "电子商务", "网络科技", "新能源", "新材料", "房地产", "进出口", "供应链",
	"自动化", "互联网", "半导体", "微电子", "云计算",
	"科技", "技术", "电子", "贸易", "网络", "信息", "商贸", "实业", "物流", "终端", "投资",
	"咨询", "管理", "服务", "软件", "通信", "通讯", "设备", "机械", "工程", "建设", "建筑",
	"食品", "医药", "药业", "生物", "文化", "传媒", "广告", "教育", "环保", "能源", "材料",
	"化工", "电器", "电气", "汽车", "置业", "地产", "保险", "证券", "基金", "国际", "制造",
	"工业", "农业", "餐饮", "酒店", "智能", "数码", "光电", "照明", "包装", "印刷", "纺织",
	"服装", "服饰", "家具", "装饰", "装修", "设计", "建材", "钢铁", "五金", "塑料", "塑胶",
	"模具", "精密", "仪器", "器械", "医疗", "健康", "电力", "机电", "系统", "集成", "开发",
	"发展", "产业", "企业", "商业", "运输", "货运", "旅游", "娱乐", "数据", "光学", "控股",
	"集团", "股份", "农村",
}

// institutionHan are words that, after a city name, make the whole name
// (北京银行, 深圳大学): such a region is never stripped from Core.
var institutionHan = []string{
	"广播电视台", "人民政府", "研究院", "研究所", "图书馆", "博物馆", "电视台", "自来水",
	"供电局", "银行", "大学", "学院", "医院", "中学", "小学", "学校", "日报", "晚报", "机场",
	"地铁", "公交", "燃气", "水务", "海关", "商会", "协会", "政府",
}

// genericWords are English words that do not identify a company.
var genericWords = map[string]bool{
	"trading": true, "trade": true, "technology": true, "technologies": true, "tech": true,
	"group": true, "holdings": true, "holding": true, "international": true, "intl": true,
	"company": true, "industries": true, "industrial": true, "industry": true,
	"enterprises": true, "enterprise": true, "services": true, "service": true,
	"solutions": true, "systems": true, "global": true, "worldwide": true, "and": true,
	"partners": true, "ventures": true, "investments": true, "investment": true,
}

// institutionWords are the English counterparts of institutionHan.
var institutionWords = map[string]bool{
	"bank": true, "university": true, "hospital": true, "college": true, "school": true,
	"airport": true, "institute": true,
}

// brand cuts trailing industry words from a Core: 华为技术 → 华为,
// 浦东发展银行 → 浦东, "globex trading" → "globex". A Chinese brand keeps at
// least two characters and an English one at least one word; a Core that is
// nothing but such words is its own brand.
func brand(core string) string {
	b := core
	for {
		if rest, _, ok := cutGenericHan(b); ok && utf8.RuneCountInString(rest) >= 2 {
			b = rest
			continue
		}
		if rest, word := lastWord(b); rest != "" && genericWords[word] {
			b = rest
			continue
		}
		return b
	}
}
