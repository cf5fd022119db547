package sample

// brandChars make Chinese brand names (字号) of two or three characters:
// 华强, 鑫泰, 恒达. Every character has a different pinyin syllable so that
// brand + industry pinyin, used for company e-mail domains, never collide
// (tables_test checks this); each typo character is outside the table, so a
// typo never turns one company's name into another real one.
var brandChars = []hanzi{
	{"百", "bai", "柏"}, {"邦", "bang", "帮"},
	{"宝", "bao", "保"}, {"贝", "bei", "倍"}, {"本", "ben", "苯"}, {"博", "bo", "搏"},
	{"彩", "cai", "采"}, {"灿", "can", "璨"}, {"昌", "chang", "长"}, {"超", "chao", "潮"},
	{"辰", "chen", "晨"}, {"诚", "cheng", "城"}, {"驰", "chi", "池"}, {"创", "chuang", "闯"},
	{"春", "chun", "纯"}, {"聪", "cong", "葱"}, {"翠", "cui", "萃"}, {"达", "da", "大"},
	{"岱", "dai", "黛"}, {"道", "dao", "稻"}, {"德", "de", "得"}, {"鼎", "ding", "顶"},
	{"东", "dong", "冬"}, {"多", "duo", "朵"}, {"发", "fa", "法"}, {"帆", "fan", "凡"},
	{"方", "fang", "芳"}, {"飞", "fei", "菲"}, {"丰", "feng", "风"}, {"福", "fu", "富"},
	{"高", "gao", "膏"}, {"格", "ge", "阁"}, {"冠", "guan", "观"}, {"光", "guang", "广"},
	{"贵", "gui", "桂"}, {"国", "guo", "果"}, {"海", "hai", "嗨"}, {"瀚", "han", "翰"},
	{"航", "hang", "杭"}, {"浩", "hao", "皓"}, {"和", "he", "合"}, {"恒", "heng", "衡"},
	{"宏", "hong", "红"}, {"华", "hua", "化"}, {"环", "huan", "欢"}, {"辉", "hui", "徽"},
	{"吉", "ji", "集"}, {"嘉", "jia", "佳"}, {"建", "jian", "剑"}, {"江", "jiang", "将"},
	{"捷", "jie", "杰"}, {"金", "jin", "锦"}, {"晶", "jing", "精"}, {"久", "jiu", "玖"},
	{"巨", "ju", "聚"}, {"骏", "jun", "俊"}, {"凯", "kai", "铠"}, {"康", "kang", "抗"},
	{"科", "ke", "可"}, {"坤", "kun", "昆"}, {"蓝", "lan", "兰"}, {"朗", "lang", "郎"},
	{"乐", "le", "勒"}, {"立", "li", "力"}, {"联", "lian", "连"}, {"亮", "liang", "良"},
	{"林", "lin", "霖"}, {"凌", "ling", "灵"}, {"隆", "long", "龙"}, {"路", "lu", "璐"},
	{"伦", "lun", "轮"}, {"洛", "luo", "络"}, {"茂", "mao", "贸"}, {"美", "mei", "镁"},
	{"盟", "meng", "萌"}, {"明", "ming", "铭"}, {"沐", "mu", "木"}, {"纳", "na", "娜"},
	{"南", "nan", "楠"}, {"能", "neng", "嫩"}, {"诺", "nuo", "挪"},
	{"派", "pai", "湃"}, {"鹏", "peng", "朋"}, {"品", "pin", "拼"}, {"平", "ping", "萍"},
	{"普", "pu", "浦"}, {"启", "qi", "奇"}, {"乾", "qian", "谦"}, {"强", "qiang", "墙"},
	{"勤", "qin", "琴"}, {"青", "qing", "清"}, {"泉", "quan", "全"}, {"荣", "rong", "容"},
	{"瑞", "rui", "锐"}, {"润", "run", "闰"}, {"森", "sen", "琛"}, {"山", "shan", "珊"},
	{"尚", "shang", "上"}, {"盛", "sheng", "胜"}, {"世", "shi", "仕"}, {"顺", "shun", "舜"},
	{"思", "si", "斯"}, {"松", "song", "嵩"}, {"泰", "tai", "太"}, {"天", "tian", "添"},
	{"通", "tong", "同"}, {"拓", "tuo", "托"}, {"万", "wan", "湾"}, {"威", "wei", "微"},
	{"文", "wen", "闻"}, {"沃", "wo", "卧"}, {"祥", "xiang", "翔"}, {"鑫", "xin", "新"},
	{"星", "xing", "兴"}, {"旭", "xu", "叙"}, {"轩", "xuan", "宣"}, {"雅", "ya", "亚"},
	{"阳", "yang", "扬"}, {"耀", "yao", "曜"}, {"亿", "yi", "艺"}, {"银", "yin", "寅"},
	{"英", "ying", "鹰"}, {"永", "yong", "咏"}, {"优", "you", "友"}, {"宇", "yu", "羽"},
	{"源", "yuan", "元"}, {"悦", "yue", "越"}, {"云", "yun", "芸"}, {"泽", "ze", "择"},
	{"展", "zhan", "站"}, {"兆", "zhao", "照"}, {"臻", "zhen", "真"}, {"正", "zheng", "政"},
	{"智", "zhi", "志"}, {"中", "zhong", "众"}, {"洲", "zhou", "州"}, {"卓", "zhuo", "灼"},
	{"紫", "zi", "子"}, {"尊", "zun", "遵"},
}

// trade is an industry word of a company name (电子 in 华强电子有限公司),
// its short code for e-mail domains, and the industry category it implies.
type trade struct {
	word, code string
	category   int // index into industries
}

// industries are the values of the industry column, Chinese and English
// (English from the Salesforce picklist where one fits).
var industries = []struct{ zh, en string }{
	{"电子/半导体", "Electronics"}, {"IT/互联网", "Technology"}, {"机械制造", "Machinery"},
	{"电气设备", "Engineering"}, {"能源环保", "Energy"}, {"通信", "Telecommunications"},
	{"医疗健康", "Healthcare"}, {"化工材料", "Chemicals"}, {"纺织服装", "Apparel"},
	{"食品饮料", "Food & Beverage"}, {"酒店餐饮", "Hospitality"}, {"农林牧渔", "Agriculture"},
	{"物流运输", "Transportation"}, {"建筑建材", "Construction"}, {"家居家电", "Retail"},
	{"汽车", "Automotive"}, {"包装印刷", "Manufacturing"}, {"文化传媒", "Media"},
	{"教育培训", "Education"}, {"咨询服务", "Consulting"}, {"批发零售", "Retail"},
	{"仪器仪表", "Manufacturing"}, {"金融", "Finance"}, {"房地产", "Real Estate"},
}

// tradesZH are the industry words ordinary companies use. Together with
// the brand they identify an ordinary company uniquely.
var tradesZH = []trade{
	{"电子", "dz", 0}, {"科技", "kj", 1}, {"信息技术", "xx", 1}, {"网络科技", "wl", 1},
	{"软件", "rj", 1}, {"机械", "jx", 2}, {"自动化设备", "zdh", 2}, {"电气", "dq", 3},
	{"新能源", "xny", 4}, {"光电", "gd", 0}, {"半导体", "bdt", 0}, {"通信", "tx", 5},
	{"医疗器械", "ylqx", 6}, {"生物科技", "swkj", 6}, {"医药", "yy", 6}, {"化工", "hg", 7},
	{"新材料", "xcl", 7}, {"塑胶", "sj", 7}, {"五金", "wj", 2}, {"模具", "mj", 2},
	{"纺织", "fz", 8}, {"服饰", "fs", 8}, {"食品", "sp", 9}, {"餐饮管理", "cy", 10},
	{"农业科技", "ny", 11}, {"物流", "wuliu", 12}, {"建筑工程", "jz", 13}, {"建材", "jc", 13},
	{"装饰工程", "zsgc", 13}, {"家具", "jiaju", 14}, {"环保科技", "hb", 4}, {"汽车配件", "qp", 15},
	{"包装", "bz", 16}, {"印刷", "ys", 16}, {"文化传媒", "whcm", 17}, {"广告", "gg", 17},
	{"教育科技", "jy", 18}, {"企业管理咨询", "zx", 19}, {"电子商务", "ds", 20}, {"仪器仪表", "yqyb", 21},
	{"照明", "zm", 3}, {"家电", "jd", 14},
}

// sistersZH[i] is the industry word of a sister company of a company whose
// word is tradesZH[i] (华为技术 vs 华为终端). The lists are parallel and
// disjoint from tradesZH, so a sister's name can never equal an ordinary
// company's name.
var sistersZH = []trade{
	{"控股", "kg", 22}, {"投资", "tz", 22}, {"实业", "sy", 20}, {"终端", "zd", 0},
	{"销售", "xs", 20}, {"商贸", "smao", 20}, {"技术服务", "jsfw", 1}, {"国际贸易", "gjmy", 20},
	{"供应链管理", "gyl", 12}, {"进出口", "jck", 20}, {"实业发展", "syfz", 20}, {"贸易", "my", 20},
	{"科技发展", "kjfz", 1}, {"智能装备", "zn", 2}, {"数字科技", "szkj", 1}, {"文化发展", "whfz", 17},
	{"投资管理", "tzgl", 22}, {"资产管理", "zcgl", 22}, {"置业", "zhiye", 23}, {"建设", "js", 13},
	{"产业发展", "cyfz", 22}, {"创新科技", "cxkj", 1}, {"智能科技", "znkj", 1}, {"物业管理", "wy", 23},
	{"酒店管理", "jdgl", 10}, {"人力资源", "hr", 19}, {"融资租赁", "rzzl", 22}, {"商业管理", "sygl", 19},
	{"健康产业", "jk", 6}, {"环境工程", "hjgc", 4}, {"能源科技", "nykj", 4}, {"精密制造", "jm", 2},
	{"工业技术", "gyjs", 2}, {"网络技术", "wljs", 1}, {"云计算", "yun", 1}, {"大数据", "bigdata", 1},
	{"信息咨询", "xxzx", 19}, {"品牌管理", "pp", 19}, {"传媒", "cm", 17}, {"农业发展", "nyfz", 11},
	{"电子科技", "dzkj", 0}, {"新能源科技", "xnykj", 4},
}

// subsidiariesZH extend a company's own name into a subsidiary's:
// 华强电子 → 华强电子销售. The subsidiary contains the parent's whole name,
// the hardest kind of distinct-but-similar company.
var subsidiariesZH = []struct{ word, code string }{
	{"销售", "sales"}, {"服务", "service"}, {"进出口", "trade"},
}

// Legal suffixes, most common first (weights in legalWeightsZH).
var legalZH = []string{"有限公司", "有限责任公司", "股份有限公司", "集团有限公司", ""}

var legalWeightsZH = cumulative([]float64{70, 10, 9, 4, 7})
