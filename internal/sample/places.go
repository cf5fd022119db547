package sample

// cityZH is a Chinese city with what must agree with it in a record: its
// province, districts, telephone area code (and how many digits local
// numbers have there, per libphonenumber), and postcode prefix.
type cityZH struct {
	province  string // full name: 广东省, 北京市
	short     string // province without 省/市/自治区: 广东, 北京
	city      string // 深圳市
	cityShort string // 深圳
	slug      string // pinyin, for branch e-mail domains
	districts []string
	area      string // 0755
	local     int    // digits of a local number
	post      string // first four postcode digits
	weight    float64
	region    int // index into regionsZH (sales territory)
}

// regionsZH are the sales regions reps are organized by (华南, 华东, …).
var regionsZH = []string{"华南", "华东", "华北", "华中", "西南", "西北", "东北"}

// citiesZH, weighted by how many business customers a national sales team
// would have there.
var citiesZH = []cityZH{
	{"北京市", "北京", "北京市", "北京", "beijing", []string{"朝阳区", "海淀区", "东城区", "丰台区"}, "010", 8, "1000", 10, 2},
	{"上海市", "上海", "上海市", "上海", "shanghai", []string{"浦东新区", "徐汇区", "闵行区", "静安区"}, "021", 8, "2000", 10, 1},
	{"天津市", "天津", "天津市", "天津", "tianjin", []string{"和平区", "滨海新区", "南开区"}, "022", 8, "3000", 3, 2},
	{"重庆市", "重庆", "重庆市", "重庆", "chongqing", []string{"渝中区", "江北区", "九龙坡区"}, "023", 8, "4000", 3, 4},
	{"广东省", "广东", "广州市", "广州", "guangzhou", []string{"天河区", "越秀区", "番禺区", "白云区"}, "020", 8, "5100", 8, 0},
	{"广东省", "广东", "深圳市", "深圳", "shenzhen", []string{"南山区", "福田区", "宝安区", "龙岗区"}, "0755", 8, "5180", 10, 0},
	{"广东省", "广东", "东莞市", "东莞", "dongguan", []string{"南城街道", "长安镇", "虎门镇", "松山湖"}, "0769", 8, "5230", 5, 0},
	{"广东省", "广东", "佛山市", "佛山", "foshan", []string{"禅城区", "南海区", "顺德区"}, "0757", 8, "5280", 4, 0},
	{"广东省", "广东", "珠海市", "珠海", "zhuhai", []string{"香洲区", "金湾区"}, "0756", 7, "5190", 2, 0},
	{"广东省", "广东", "惠州市", "惠州", "huizhou", []string{"惠城区", "惠阳区"}, "0752", 7, "5160", 2, 0},
	{"广东省", "广东", "中山市", "中山", "zhongshan", []string{"石岐街道", "火炬开发区"}, "0760", 8, "5284", 2, 0},
	{"浙江省", "浙江", "杭州市", "杭州", "hangzhou", []string{"西湖区", "滨江区", "余杭区", "拱墅区"}, "0571", 8, "3100", 6, 1},
	{"浙江省", "浙江", "宁波市", "宁波", "ningbo", []string{"鄞州区", "海曙区", "北仑区"}, "0574", 8, "3150", 3, 1},
	{"浙江省", "浙江", "温州市", "温州", "wenzhou", []string{"鹿城区", "瓯海区"}, "0577", 8, "3250", 2.5, 1},
	{"浙江省", "浙江", "金华市", "金华", "jinhua", []string{"婺城区", "金东区", "义乌市"}, "0579", 8, "3210", 1.5, 1},
	{"江苏省", "江苏", "南京市", "南京", "nanjing", []string{"鼓楼区", "玄武区", "江宁区", "建邺区"}, "025", 8, "2100", 4, 1},
	{"江苏省", "江苏", "苏州市", "苏州", "suzhou", []string{"工业园区", "姑苏区", "吴中区", "昆山市"}, "0512", 8, "2150", 5, 1},
	{"江苏省", "江苏", "无锡市", "无锡", "wuxi", []string{"梁溪区", "滨湖区", "新吴区"}, "0510", 8, "2140", 3, 1},
	{"江苏省", "江苏", "常州市", "常州", "changzhou", []string{"天宁区", "武进区"}, "0519", 8, "2130", 2, 1},
	{"福建省", "福建", "福州市", "福州", "fuzhou", []string{"鼓楼区", "仓山区"}, "0591", 8, "3500", 2, 0},
	{"福建省", "福建", "厦门市", "厦门", "xiamen", []string{"思明区", "湖里区", "集美区"}, "0592", 7, "3610", 3, 0},
	{"福建省", "福建", "泉州市", "泉州", "quanzhou", []string{"丰泽区", "晋江市"}, "0595", 8, "3620", 2, 0},
	{"山东省", "山东", "济南市", "济南", "jinan", []string{"历下区", "市中区", "槐荫区"}, "0531", 8, "2500", 2.5, 1},
	{"山东省", "山东", "青岛市", "青岛", "qingdao", []string{"市南区", "崂山区", "黄岛区"}, "0532", 8, "2660", 3, 1},
	{"山东省", "山东", "烟台市", "烟台", "yantai", []string{"芝罘区", "莱山区"}, "0535", 7, "2640", 1, 1},
	{"河南省", "河南", "郑州市", "郑州", "zhengzhou", []string{"金水区", "二七区", "中原区"}, "0371", 8, "4500", 3, 3},
	{"湖北省", "湖北", "武汉市", "武汉", "wuhan", []string{"江汉区", "洪山区", "武昌区", "东西湖区"}, "027", 8, "4300", 4, 3},
	{"湖南省", "湖南", "长沙市", "长沙", "changsha", []string{"岳麓区", "芙蓉区", "雨花区"}, "0731", 8, "4100", 3, 3},
	{"四川省", "四川", "成都市", "成都", "chengdu", []string{"武侯区", "锦江区", "高新区", "双流区"}, "028", 8, "6100", 5, 4},
	{"陕西省", "陕西", "西安市", "西安", "xian", []string{"雁塔区", "碑林区", "未央区"}, "029", 8, "7100", 3, 5},
	{"辽宁省", "辽宁", "沈阳市", "沈阳", "shenyang", []string{"和平区", "沈河区", "浑南区"}, "024", 8, "1100", 2, 6},
	{"辽宁省", "辽宁", "大连市", "大连", "dalian", []string{"中山区", "沙河口区", "甘井子区"}, "0411", 8, "1160", 2, 6},
	{"吉林省", "吉林", "长春市", "长春", "changchun", []string{"朝阳区", "南关区"}, "0431", 8, "1300", 1.2, 6},
	{"黑龙江省", "黑龙江", "哈尔滨市", "哈尔滨", "haerbin", []string{"南岗区", "道里区"}, "0451", 8, "1500", 1.2, 6},
	{"河北省", "河北", "石家庄市", "石家庄", "shijiazhuang", []string{"长安区", "桥西区"}, "0311", 8, "0500", 1.5, 2},
	{"山西省", "山西", "太原市", "太原", "taiyuan", []string{"小店区", "迎泽区"}, "0351", 7, "0300", 1, 2},
	{"内蒙古自治区", "内蒙古", "呼和浩特市", "呼和浩特", "huhehaote", []string{"新城区", "赛罕区"}, "0471", 7, "0100", 0.7, 2},
	{"安徽省", "安徽", "合肥市", "合肥", "hefei", []string{"蜀山区", "包河区", "庐阳区"}, "0551", 8, "2300", 2.5, 1},
	{"江西省", "江西", "南昌市", "南昌", "nanchang", []string{"东湖区", "红谷滩区"}, "0791", 8, "3300", 1.5, 3},
	{"广西壮族自治区", "广西", "南宁市", "南宁", "nanning", []string{"青秀区", "兴宁区"}, "0771", 7, "5300", 1.2, 0},
	{"海南省", "海南", "海口市", "海口", "haikou", []string{"龙华区", "美兰区"}, "0898", 8, "5701", 0.8, 0},
	{"贵州省", "贵州", "贵阳市", "贵阳", "guiyang", []string{"观山湖区", "南明区"}, "0851", 8, "5500", 1, 4},
	{"云南省", "云南", "昆明市", "昆明", "kunming", []string{"五华区", "盘龙区"}, "0871", 8, "6500", 1.2, 4},
	{"西藏自治区", "西藏", "拉萨市", "拉萨", "lasa", []string{"城关区"}, "0891", 7, "8500", 0.2, 4},
	{"甘肃省", "甘肃", "兰州市", "兰州", "lanzhou", []string{"城关区", "七里河区"}, "0931", 7, "7300", 0.6, 5},
	{"青海省", "青海", "西宁市", "西宁", "xining", []string{"城中区", "城西区"}, "0971", 7, "8100", 0.3, 5},
	{"宁夏回族自治区", "宁夏", "银川市", "银川", "yinchuan", []string{"兴庆区", "金凤区"}, "0951", 7, "7500", 0.3, 5},
	{"新疆维吾尔自治区", "新疆", "乌鲁木齐市", "乌鲁木齐", "wulumuqi", []string{"天山区", "沙依巴克区"}, "0991", 7, "8300", 0.5, 5},
}

// streetsZH are road names found in most Chinese cities.
var streetsZH = []string{
	"人民路", "中山路", "解放路", "建设路", "科技路", "工业大道", "高新路", "创业路", "长江路", "黄河路",
	"和平路", "新华路", "滨海大道", "环城路", "学府路", "文化路", "发展大道", "金融街", "光明路", "迎宾大道",
	"开发区大道", "商业街", "东风路", "胜利路", "青年路", "朝阳路", "友谊路", "振兴路", "园区一路", "园区二路",
}

// cityIntl is a city outside mainland China for English-named customers.
// Phone numbers there are always written with the country code, since
// crmkit parses phones with default region CN.
type cityIntl struct {
	city, state, stateAbbr, country string
	slug                            string
	cc                              string   // country calling code
	areas                           []string // area codes (may be empty)
	local                           int      // digits after the area code
	leads                           []string // allowed two-digit starts of the local part (not NANP), per libphonenumber
	zip                             func(r *rng) string
	weight                          float64
	streets                         []string
}

var usStreets = []string{"Main St", "Market St", "Oak Ave", "Maple Ave", "Park Blvd", "Broadway", "Mission St", "Elm St", "Lake Dr", "Pine St", "2nd Ave", "5th Ave", "Sunset Blvd", "Commerce Way", "Industrial Pkwy"}

func zipUS(prefix string) func(r *rng) string {
	return func(r *rng) string { return prefix + string(rune('0'+r.intn(10))) + string(rune('0'+r.intn(10))) }
}

var citiesIntl = []cityIntl{
	{"San Francisco", "California", "CA", "United States", "sf", "1", []string{"415", "628"}, 7, nil, zipUS("941"), 8, usStreets},
	{"San Jose", "California", "CA", "United States", "sanjose", "1", []string{"408", "669"}, 7, nil, zipUS("951"), 4, usStreets},
	{"Los Angeles", "California", "CA", "United States", "la", "1", []string{"213", "310", "323"}, 7, nil, zipUS("900"), 6, usStreets},
	{"New York", "New York", "NY", "United States", "nyc", "1", []string{"212", "646", "917"}, 7, nil, zipUS("100"), 8, usStreets},
	{"Boston", "Massachusetts", "MA", "United States", "boston", "1", []string{"617", "857"}, 7, nil, zipUS("021"), 4, usStreets},
	{"Seattle", "Washington", "WA", "United States", "seattle", "1", []string{"206"}, 7, nil, zipUS("981"), 4, usStreets},
	{"Chicago", "Illinois", "IL", "United States", "chicago", "1", []string{"312", "773"}, 7, nil, zipUS("606"), 5, usStreets},
	{"Austin", "Texas", "TX", "United States", "austin", "1", []string{"512", "737"}, 7, nil, zipUS("787"), 4, usStreets},
	{"Dallas", "Texas", "TX", "United States", "dallas", "1", []string{"214", "469", "972"}, 7, nil, zipUS("752"), 3, usStreets},
	{"Denver", "Colorado", "CO", "United States", "denver", "1", []string{"303", "720"}, 7, nil, zipUS("802"), 3, usStreets},
	{"Atlanta", "Georgia", "GA", "United States", "atlanta", "1", []string{"404", "678"}, 7, nil, zipUS("303"), 3, usStreets},
	{"Miami", "Florida", "FL", "United States", "miami", "1", []string{"305", "786"}, 7, nil, zipUS("331"), 2, usStreets},
	{"Toronto", "Ontario", "ON", "Canada", "toronto", "1", []string{"416", "647"}, 7, nil,
		func(r *rng) string {
			return "M" + string(rune('0'+r.between(1, 9))) + string(rune('A'+r.intn(26))) + " " +
				string(rune('0'+r.intn(10))) + string(rune('A'+r.intn(26))) + string(rune('0'+r.intn(10)))
		}, 3, []string{"King St W", "Queen St W", "Bay St", "Yonge St", "Front St E"}},
	{"London", "England", "ENG", "United Kingdom", "london", "44", []string{"20"}, 8, twoDigit("3", "7", "8"),
		func(r *rng) string {
			return pick(r, []string{"EC1A", "EC2A", "W1T", "SE1", "N1", "E14"}) + " " +
				string(rune('0'+r.between(1, 9))) + string(rune('A'+r.intn(26))) + string(rune('A'+r.intn(26)))
		}, 4, []string{"High Street", "Old Street", "Oxford Street", "Baker Street", "King's Road"}},
	{"Singapore", "Singapore", "SG", "Singapore", "sg", "65", nil, 8, []string{"61", "62", "63", "64", "65", "81", "82", "83", "84", "85", "86", "87", "88", "91", "92", "93", "94", "95", "96", "97", "98"},
		func(r *rng) string {
			return "0" + string(rune('1'+r.intn(8))) + itoa3(r.intn(1000)) + string(rune('0'+r.intn(10)))
		},
		4, []string{"Robinson Road", "Orchard Road", "Raffles Place", "Anson Road", "Science Park Drive"}},
	{"Sydney", "New South Wales", "NSW", "Australia", "sydney", "61", []string{"2"}, 8, twoDigit("8", "9"),
		func(r *rng) string { return "20" + string(rune('0'+r.intn(10))) + string(rune('0'+r.intn(10))) },
		3, []string{"George Street", "Pitt Street", "Kent Street", "Clarence Street", "Elizabeth Street"}},
	{"Hong Kong", "Hong Kong", "HK", "Hong Kong", "hk", "852", nil, 8, []string{"21", "23", "24", "25", "26", "27", "28", "29", "61", "63", "64", "65", "69", "94", "96", "97"},
		func(r *rng) string { return "" }, 5, []string{"Queen's Road Central", "Nathan Road", "Des Voeux Road", "Hennessy Road", "Canton Road"}},
}

func itoa3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

// twoDigit lists every two-digit start beginning with one of firsts.
func twoDigit(firsts ...string) []string {
	var out []string
	for _, f := range firsts {
		for d := '0'; d <= '9'; d++ {
			out = append(out, f+string(d))
		}
	}
	return out
}
