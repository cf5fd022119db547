package sample

// hanzi is one Chinese character with its pinyin (for e-mail addresses and
// domains) and a same-sounding character a pinyin input method would offer
// by mistake (for one-character typos).
type hanzi struct {
	ch, py, typo string
}

// surnames are the common Chinese family names, most frequent first; the
// generator weights them by rank so 王, 李 and 张 dominate as in life.
var surnames = []hanzi{
	{"王", "wang", "汪"}, {"李", "li", "黎"}, {"张", "zhang", "章"}, {"刘", "liu", "柳"},
	{"陈", "chen", "程"}, {"杨", "yang", "阳"}, {"黄", "huang", "皇"}, {"赵", "zhao", "照"},
	{"吴", "wu", "武"}, {"周", "zhou", "洲"}, {"徐", "xu", "许"}, {"孙", "sun", "荪"},
	{"马", "ma", "玛"}, {"朱", "zhu", "珠"}, {"胡", "hu", "湖"}, {"郭", "guo", "国"},
	{"何", "he", "和"}, {"高", "gao", "郜"}, {"林", "lin", "琳"}, {"罗", "luo", "骆"},
	{"郑", "zheng", "正"}, {"梁", "liang", "良"}, {"谢", "xie", "解"}, {"宋", "song", "送"},
	{"唐", "tang", "汤"}, {"许", "xu", "徐"}, {"韩", "han", "寒"}, {"冯", "feng", "风"},
	{"邓", "deng", "登"}, {"曹", "cao", "草"}, {"彭", "peng", "鹏"}, {"曾", "zeng", "增"},
	{"肖", "xiao", "萧"}, {"田", "tian", "甜"}, {"董", "dong", "东"}, {"袁", "yuan", "元"},
	{"潘", "pan", "盘"}, {"于", "yu", "余"}, {"蒋", "jiang", "姜"}, {"蔡", "cai", "才"},
	{"余", "yu", "于"}, {"杜", "du", "渡"}, {"叶", "ye", "业"}, {"程", "cheng", "陈"},
	{"苏", "su", "素"}, {"魏", "wei", "卫"}, {"吕", "lv", "旅"}, {"丁", "ding", "顶"},
	{"任", "ren", "仁"}, {"沈", "shen", "审"}, {"姚", "yao", "瑶"}, {"卢", "lu", "芦"},
	{"姜", "jiang", "江"}, {"崔", "cui", "催"}, {"钟", "zhong", "忠"}, {"谭", "tan", "潭"},
	{"陆", "lu", "路"}, {"汪", "wang", "王"}, {"范", "fan", "凡"}, {"金", "jin", "今"},
	{"石", "shi", "时"}, {"廖", "liao", "了"}, {"贾", "jia", "甲"}, {"夏", "xia", "下"},
	{"韦", "wei", "伟"}, {"付", "fu", "傅"}, {"方", "fang", "芳"}, {"白", "bai", "百"},
	{"邹", "zou", "周"}, {"孟", "meng", "梦"}, {"熊", "xiong", "雄"}, {"秦", "qin", "琴"},
	{"邱", "qiu", "秋"}, {"江", "jiang", "姜"}, {"尹", "yin", "印"}, {"薛", "xue", "雪"},
	{"闫", "yan", "严"}, {"段", "duan", "断"}, {"雷", "lei", "蕾"}, {"侯", "hou", "候"},
	{"龙", "long", "隆"}, {"史", "shi", "施"}, {"陶", "tao", "桃"}, {"黎", "li", "李"},
	{"贺", "he", "何"}, {"顾", "gu", "古"}, {"毛", "mao", "茂"}, {"郝", "hao", "好"},
	{"龚", "gong", "宫"}, {"邵", "shao", "绍"}, {"万", "wan", "晚"}, {"钱", "qian", "前"},
	{"严", "yan", "颜"}, {"武", "wu", "吴"}, {"戴", "dai", "代"}, {"莫", "mo", "墨"},
	{"孔", "kong", "空"}, {"向", "xiang", "项"}, {"汤", "tang", "唐"}, {"欧阳", "ouyang", "欧杨"},
	{"司徒", "situ", "司途"}, {"上官", "shangguan", "尚官"},
}

// givenChars build one- and two-character given names.
var givenChars = []hanzi{
	{"伟", "wei", "玮"}, {"芳", "fang", "方"}, {"娜", "na", "纳"}, {"敏", "min", "民"},
	{"静", "jing", "晶"}, {"丽", "li", "莉"}, {"强", "qiang", "蔷"}, {"磊", "lei", "蕾"},
	{"军", "jun", "君"}, {"洋", "yang", "阳"}, {"勇", "yong", "永"}, {"艳", "yan", "燕"},
	{"杰", "jie", "洁"}, {"娟", "juan", "鹃"}, {"涛", "tao", "韬"}, {"明", "ming", "鸣"},
	{"超", "chao", "朝"}, {"秀", "xiu", "琇"}, {"霞", "xia", "侠"}, {"平", "ping", "萍"},
	{"刚", "gang", "钢"}, {"桂", "gui", "贵"}, {"英", "ying", "莹"}, {"华", "hua", "桦"},
	{"建", "jian", "健"}, {"文", "wen", "雯"}, {"辉", "hui", "晖"}, {"鹏", "peng", "朋"},
	{"宇", "yu", "雨"}, {"浩", "hao", "皓"}, {"婷", "ting", "亭"}, {"雪", "xue", "学"},
	{"琳", "lin", "林"}, {"斌", "bin", "彬"}, {"波", "bo", "博"}, {"晨", "chen", "辰"},
	{"峰", "feng", "锋"}, {"凯", "kai", "恺"}, {"欣", "xin", "馨"}, {"怡", "yi", "宜"},
	{"佳", "jia", "嘉"}, {"俊", "jun", "骏"}, {"慧", "hui", "惠"}, {"晓", "xiao", "小"},
	{"红", "hong", "虹"}, {"海", "hai", "嗨"}, {"梅", "mei", "媚"}, {"玲", "ling", "铃"},
	{"倩", "qian", "茜"}, {"颖", "ying", "莹"}, {"宁", "ning", "凝"}, {"志", "zhi", "智"},
	{"国", "guo", "帼"}, {"春", "chun", "椿"}, {"立", "li", "力"}, {"子", "zi", "梓"},
	{"思", "si", "丝"}, {"天", "tian", "田"}, {"一", "yi", "依"}, {"涵", "han", "晗"},
	{"轩", "xuan", "萱"}, {"泽", "ze", "择"}, {"瑶", "yao", "遥"}, {"琪", "qi", "祺"},
	{"帆", "fan", "凡"}, {"然", "ran", "冉"}, {"彤", "tong", "桐"}, {"丹", "dan", "旦"},
	{"亮", "liang", "良"}, {"东", "dong", "冬"}, {"云", "yun", "芸"}, {"飞", "fei", "菲"},
	{"玉", "yu", "钰"}, {"成", "cheng", "诚"}, {"秀英", "xiuying", "秀莹"}, {"桂英", "guiying", "桂莹"},
	{"建华", "jianhua", "建化"}, {"建国", "jianguo", "健国"}, {"志强", "zhiqiang", "智强"},
	{"海燕", "haiyan", "海艳"}, {"春梅", "chunmei", "春媚"}, {"子涵", "zihan", "梓涵"},
	{"一鸣", "yiming", "一明"}, {"思远", "siyuan", "思源"}, {"雨桐", "yutong", "雨彤"},
	{"嘉怡", "jiayi", "佳怡"}, {"晓东", "xiaodong", "小东"}, {"文杰", "wenjie", "文洁"},
}

// commonNames are the most frequent full names in China. They are drawn far
// more often than their share of surname × given-name combinations so that
// the same contact name shows up at many unrelated companies: a matcher
// must not merge two records on 张伟 alone.
var commonNames = []struct{ sur, given int }{
	{2, 0}, {0, 0}, {0, 1}, {1, 0}, {1, 2}, {2, 3}, {1, 4}, {0, 4}, {3, 0}, {0, 74},
	{2, 5}, {1, 74}, {0, 5}, {2, 4}, {1, 6}, {0, 3}, {0, 7}, {3, 9}, {1, 8}, {4, 12},
}

// titles replace a given name the way sales notes often record a contact:
// 张总, 王经理.
var titles = []string{"总", "经理", "先生", "女士", "工", "老板"}

// singleGivenChars is how many entries at the start of givenChars are one
// character; the rest are classic two-character given names.
const singleGivenChars = 74
