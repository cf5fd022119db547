package similar

import "strings"

// chineseTitles follow a surname or full name (王总, 李经理, 张伟先生).
// Longer titles come first so 总经理 is stripped whole.
var chineseTitles = [...]string{
	"总经理", "董事长", "先生", "女士", "小姐", "老板", "经理", "老师", "老总",
	"董事", "主任", "总监", "部长", "主管", "医生", "律师", "教授", "博士",
	"会计", "厂长", "店长", "院长", "校长", "处长", "科长", "局长", "书记",
	"助理", "秘书", "太太", "夫人", "阿姨", "师傅",
}

// titleEnds holds the last character of every chineseTitles entry, so most
// names skip the title scan after one lookup.
const titleEnds = "理长生士姐板师总事任监管授生师计记书理秘太人姨傅"

// shortTitles are one-character forms of address (王总, 王工 for an
// engineer, 王董, 王姐). A given name can end in these characters, so they
// are stripped only when a bare surname is left.
const shortTitles = "总工董姐哥"

// compoundSurnames are the two-character surnames; any other name's
// surname is its first character.
var compoundSurnames = [...]string{
	"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒",
	"夏侯", "公孙", "尉迟", "长孙", "宇文", "端木", "独孤", "南宫", "西门",
	"轩辕", "呼延", "澹台", "公冶", "太叔", "申屠", "闻人", "万俟", "钟离",
	"宗政", "濮阳", "淳于", "单于", "赫连", "第五", "百里", "东郭", "拓跋",
	"左丘", "司空", "鲜于", "闾丘", "公羊", "乐正", "漆雕", "巫马", "公西",
	"司寇", "呼延",
}

// compoundFirsts holds the first character of every compound surname.
const compoundFirsts = "欧司诸上东皇令慕夏公尉长宇端独南西轩呼澹太申闻万钟宗濮淳单赫第百拓左鲜闾乐漆巫"

// commonSurnames lets 老王 and 小李 be read as a surname with a familiar
// prefix rather than a two-character given name.
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

// stripChineseTitles removes trailing titles and a 老/小 prefix, then finds
// the surname.
func (p *personName) stripChineseTitles() {
	rs := p.text()
	for {
		rest, ok := cutChineseTitle(rs)
		if !ok {
			break
		}
		rs = rest
	}
	if len(rs) == 2 && (rs[0] == '老' || rs[0] == '小') && strings.ContainsRune(commonSurnames, rs[1]) {
		rs = rs[1:]
	}
	// rs is a window of text(); move it to the front so text() stays valid.
	copy(p.text(), rs)
	if p.long != nil {
		p.long = p.long[:len(rs)]
	}
	p.n = len(rs)
	p.surname = surnameLen(rs)
}

// cutChineseTitle removes one trailing title. A title alone (先生, 老板)
// names nobody, so it leaves nothing.
func cutChineseTitle(rs []rune) ([]rune, bool) {
	n := len(rs)
	if n == 0 {
		return rs, false
	}
	if strings.ContainsRune(titleEnds, rs[n-1]) {
		for _, title := range chineseTitles {
			if rest, ok := cutRunesSuffix(rs, title); ok {
				return rest, true
			}
		}
	}
	if n >= 2 && strings.ContainsRune(shortTitles, rs[n-1]) && surnameLen(rs[:n-1]) == n-1 {
		return rs[:n-1], true
	}
	return rs, false
}

// surnameLen is the length of the surname at the start of a Chinese name.
func surnameLen(rs []rune) int {
	if len(rs) >= 2 && strings.ContainsRune(compoundFirsts, rs[0]) {
		for _, c := range compoundSurnames {
			if _, ok := cutRunesPrefix(rs, c); ok {
				return 2
			}
		}
	}
	return min(len(rs), 1)
}

func compareChineseNames(a, b *personName) NameLevel {
	ta, tb := a.text(), b.text()
	if !runesEqual(ta[:a.surname], tb[:b.surname]) {
		return NameDifferent
	}
	if a.surname == len(ta) || b.surname == len(tb) {
		return NamePartial // 马老板 vs 马艳: the surname is all we know
	}
	ga, gb := ta[a.surname:], tb[b.surname:]
	if len(ga) != len(gb) {
		return NameDifferent
	}
	diff := -1
	for i := range ga {
		if ga[i] != gb[i] {
			if diff >= 0 {
				return NameDifferent
			}
			diff = i
		}
	}
	if diff < 0 {
		return NameSame
	}
	if homophones(ga[diff], gb[diff]) {
		return NameSimilar
	}
	return NameDifferent
}

// homophoneGroups are name characters that share a pinyin reading (tones
// aside), the substitutions a pinyin input method produces: 陈桦 typed for
// 陈华, 石健国 for 石建国.
var homophoneGroups = [...]string{
	"华桦骅铧化", "建健键剑坚", "伟玮炜韦纬维唯薇", "丽莉俐利立力励", "明铭鸣名",
	"军君俊峻骏钧均", "静婧靖晶菁精京敬", "芳方舫", "玲琳林霖凌灵", "文雯闻",
	"红虹宏鸿洪弘", "杰洁婕捷", "峰锋丰枫风凤", "志智治至致", "平萍苹",
	"燕艳雁彦妍", "斌彬滨宾冰兵", "婷亭庭廷霆", "辉晖徽", "慧惠卉会",
	"琪淇祺琦奇其齐麒", "磊蕾雷", "鹏朋彭", "颖莹盈滢", "云芸韵昀",
	"佳嘉家", "宇雨羽语禹", "玉钰毓煜昱育", "敏民闽", "晓小筱", "勇永咏泳",
	"刚钢纲", "梅玫媚", "东冬", "浩昊皓灏", "欣心馨新鑫昕", "怡仪宜艺",
	"毅益逸奕轶亿", "思斯丝", "国帼", "涛韬", "强蔷", "秀绣", "英瑛樱鹰",
	"娟鹃", "霞侠", "凯恺铠楷", "龙隆", "飞菲非", "波博柏", "月悦越岳",
	"涵晗含寒韩", "萱轩宣", "瑞睿锐", "泽则", "梓子紫", "荣蓉容融", "振震镇",
	"帆凡繁", "琴勤芹", "彤桐童", "航杭", "俊骏", "兰岚蓝", "青清卿", "秋球",
	"春纯淳", "伦仑", "亮靓", "成城诚程", "新欣", "雪薛", "阳洋扬杨",
	"晨辰臣尘", "婉琬", "倩茜", "桂贵", "德得", "宁凝", "山珊杉", "源元园圆远",
}

func homophones(x, y rune) bool {
	for _, g := range homophoneGroups {
		if strings.ContainsRune(g, x) && strings.ContainsRune(g, y) {
			return true
		}
	}
	return false
}

func cutRunesSuffix(rs []rune, s string) ([]rune, bool) {
	i := len(rs)
	for k := len(s); k > 0; {
		r, size := lastRune(s[:k])
		i--
		if i < 0 || rs[i] != r {
			return rs, false
		}
		k -= size
	}
	return rs[:i], true
}

func cutRunesPrefix(rs []rune, s string) ([]rune, bool) {
	i := 0
	for _, r := range s {
		if i == len(rs) || rs[i] != r {
			return rs, false
		}
		i++
	}
	return rs[i:], true
}
