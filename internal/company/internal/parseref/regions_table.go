package parseref

// provinces are the 34 provincial-level divisions by short name.
var provinces = []string{
	"北京", "天津", "上海", "重庆",
	"河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
	"山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
	"甘肃", "青海", "台湾",
	"内蒙古", "广西", "西藏", "宁夏", "新疆",
	"香港", "澳门",
}

// provinceFullNames are the official names that are not short name + form.
var provinceFullNames = map[string]string{
	"广西壮族自治区":    "广西",
	"宁夏回族自治区":    "宁夏",
	"新疆维吾尔自治区":   "新疆",
	"香港特别行政区":    "香港",
	"澳门特别行政区":    "澳门",
	"中国香港":       "香港",
	"中国澳门":       "澳门",
	"中国台湾":       "台湾",
	"台湾省":        "台湾",
	"内蒙古自治区":     "内蒙古",
	"西藏自治区":      "西藏",
	"延边朝鲜族自治州":   "延边",
	"恩施土家族苗族自治州": "恩施",
	"湘西土家族苗族自治州": "湘西",
}

// prefecturesByProvince are the prefecture-level cities by province (short
// names), so a record in 深圳 and one in 广东 can be told to agree.
var prefecturesByProvince = []struct {
	province string
	cities   []string
}{
	{"河北", []string{"石家庄", "唐山", "秦皇岛", "邯郸", "邢台", "保定", "张家口", "承德", "沧州", "廊坊", "衡水"}},
	{"山西", []string{"太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁"}},
	{"内蒙古", []string{"呼和浩特", "包头", "乌海", "赤峰", "通辽", "鄂尔多斯", "呼伦贝尔", "巴彦淖尔", "乌兰察布"}},
	{"辽宁", []string{"沈阳", "大连", "鞍山", "抚顺", "本溪", "丹东", "锦州", "营口", "阜新", "辽阳", "盘锦", "铁岭", "朝阳", "葫芦岛"}},
	{"吉林", []string{"长春", "四平", "辽源", "通化", "白山", "松原", "白城"}},
	{"黑龙江", []string{"哈尔滨", "齐齐哈尔", "鸡西", "鹤岗", "双鸭山", "大庆", "伊春", "佳木斯", "七台河", "牡丹江", "黑河", "绥化"}},
	{"江苏", []string{"南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁"}},
	{"浙江", []string{"杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水"}},
	{"安徽", []string{"合肥", "芜湖", "蚌埠", "淮南", "马鞍山", "淮北", "铜陵", "安庆", "黄山", "滁州", "阜阳", "宿州", "六安", "亳州", "池州", "宣城"}},
	{"福建", []string{"福州", "厦门", "莆田", "三明", "泉州", "漳州", "南平", "龙岩", "宁德"}},
	{"江西", []string{"南昌", "景德镇", "萍乡", "九江", "新余", "鹰潭", "赣州", "吉安", "宜春", "抚州", "上饶"}},
	{"山东", []string{"济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽"}},
	{"河南", []string{"郑州", "开封", "洛阳", "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河", "三门峡", "南阳", "商丘", "信阳", "周口", "驻马店", "济源"}},
	{"湖北", []string{"武汉", "黄石", "十堰", "宜昌", "襄阳", "鄂州", "荆门", "孝感", "荆州", "黄冈", "咸宁", "随州"}},
	{"湖南", []string{"长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州", "永州", "怀化", "娄底"}},
	{"广东", []string{"广州", "韶关", "深圳", "珠海", "汕头", "佛山", "江门", "湛江", "茂名", "肇庆", "惠州", "梅州", "汕尾", "河源", "阳江", "清远", "东莞", "中山", "潮州", "揭阳", "云浮"}},
	{"广西", []string{"南宁", "柳州", "桂林", "梧州", "北海", "防城港", "钦州", "贵港", "玉林", "百色", "贺州", "河池", "来宾", "崇左"}},
	{"海南", []string{"海口", "三亚", "三沙", "儋州"}},
	{"四川", []string{"成都", "自贡", "攀枝花", "泸州", "德阳", "绵阳", "广元", "遂宁", "内江", "乐山", "南充", "眉山", "宜宾", "广安", "达州", "雅安", "巴中", "资阳"}},
	{"贵州", []string{"贵阳", "六盘水", "遵义", "安顺", "毕节", "铜仁"}},
	{"云南", []string{"昆明", "曲靖", "玉溪", "保山", "昭通", "丽江", "普洱", "临沧"}},
	{"西藏", []string{"拉萨", "日喀则", "昌都", "林芝", "山南", "那曲"}},
	{"陕西", []string{"西安", "铜川", "宝鸡", "咸阳", "渭南", "延安", "汉中", "榆林", "安康", "商洛"}},
	{"甘肃", []string{"兰州", "嘉峪关", "金昌", "白银", "天水", "武威", "张掖", "平凉", "酒泉", "庆阳", "定西", "陇南"}},
	{"青海", []string{"西宁", "海东"}},
	{"宁夏", []string{"银川", "石嘴山", "吴忠", "固原", "中卫"}},
	{"新疆", []string{"乌鲁木齐", "克拉玛依", "吐鲁番", "哈密"}},
}

// prefecturesWithForm are the prefectures, leagues and autonomous
// prefectures that are not cities. Their short names are everyday words or
// brands (阿里巴巴, 红河卷烟, 大理石), so they count as a region only when
// written with their form: 阿里地区, 红河州, 兴安盟.
var prefecturesWithForm = []string{
	"兴安", "锡林郭勒", "阿拉善", "延边", "大兴安岭", "恩施", "湘西", "阿坝", "甘孜", "凉山",
	"黔西南", "黔东南", "黔南", "楚雄", "红河", "文山", "西双版纳", "大理", "德宏", "怒江",
	"迪庆", "阿里", "临夏", "甘南", "海北", "黄南", "果洛", "玉树", "海西", "昌吉", "博尔塔拉",
	"巴音郭楞", "阿克苏", "克孜勒苏", "喀什", "和田", "伊犁", "塔城", "阿勒泰",
}

// pinyinRegions are the spellings English names use for the provinces and
// the cities most often seen in them: "… (Shanghai) Co., Ltd.".
var pinyinRegions = []string{
	"beijing", "tianjin", "shanghai", "chongqing", "hebei", "shanxi", "shaanxi", "liaoning",
	"jilin", "heilongjiang", "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi", "shandong",
	"henan", "hubei", "hunan", "guangdong", "hainan", "sichuan", "guizhou", "yunnan",
	"gansu", "qinghai", "taiwan", "inner mongolia", "guangxi", "tibet", "xizang", "ningxia",
	"xinjiang", "hong kong", "hongkong", "macau", "macao",
	"shenzhen", "guangzhou", "hangzhou", "nanjing", "suzhou", "wuhan", "chengdu", "xian",
	"dongguan", "foshan", "xiamen", "qingdao", "dalian", "ningbo", "wuxi", "changsha",
	"zhengzhou", "jinan", "shenyang", "harbin", "changchun", "hefei", "fuzhou", "kunming",
	"nanning", "nanchang", "guiyang", "lanzhou", "taiyuan", "shijiazhuang", "hohhot",
	"urumqi", "zhuhai", "zhongshan", "huizhou", "shantou", "wenzhou", "jiaxing", "shaoxing",
	"jinhua", "taizhou", "changzhou", "nantong", "yangzhou", "xuzhou", "yantai", "weifang",
	"zibo", "tangshan", "baoding", "luoyang", "haikou", "sanya", "lhasa", "xining", "yinchuan",
}
