package record

import (
	"strings"
	"unicode"
)

// synonyms lists the headers that CRM exports and hand-kept sheets use for
// each canonical field. Keys are compared after HeaderKey, so case, spaces,
// underscores, hyphens, full-width forms and "(必填)" markers do not matter.
var synonyms = map[Field][]string{
	ID: {"account number", "数据id", "id", "customer id", "客户编号", "客户id", "编号", "客户编码", "客户代码", "account id",
		"record id", "company id", "customer no", "customer number", "客户号", "contact id", "lead id"},
	Company: {"company / account", "公司名", "客户公司名称", "company", "company name", "account name", "account", "organization", "organisation",
		"organization name", "客户名称", "公司名称", "企业名称", "单位名称", "公司", "客户", "单位",
		"客户全称", "公司全称", "企业", "客户公司", "所属公司", "associated company", "associated company name"},
	Name: {"contact person", "联系人名称", "name", "contact", "contact name", "full name", "联系人", "姓名", "联系人姓名",
		"客户联系人", "主联系人", "primary contact"},
	Phone: {"main phone", "business phone", "company phone", "phone no", "mobile no", "联系人手机号", "公司电话", "客户电话", "phone", "mobile", "tel", "telephone", "phone number", "mobile phone", "mobile number",
		"cell", "cell phone", "手机", "手机号", "手机号码", "电话", "联系电话", "联系方式",
		"电话号码", "座机", "移动电话", "联系人电话", "联系人手机", "mobile phone number",
		"备用手机", "备用电话", "其他电话", "办公电话", "work phone", "other phone"},
	Email: {"email 1", "work email", "business email", "联系邮箱", "企业邮箱", "email", "e-mail", "email address", "mail", "邮箱", "电子邮件", "电子邮箱", "邮件",
		"邮箱地址", "联系人邮箱"},
	Address: {"mailing address", "billing address", "shipping street", "所在地址", "地址信息", "街道地址", "address", "street", "street address", "billing street", "mailing street",
		"地址", "详细地址", "联系地址", "公司地址", "通讯地址", "办公地址"},
	Province: {"mailing state/province", "mailing state", "mailing province", "shipping state/province", "省份/直辖市", "所属省份", "province", "state", "state/province", "state/region", "billing state",
		"billing state/province", "billing province", "省份", "省", "所在省份", "省/直辖市", "所在省"},
	City: {"shipping city", "城市名称", "所属城市", "city", "billing city", "mailing city", "城市", "市", "所在城市", "所在市"},
	Postcode: {"mailing zip/postal code", "mailing zip", "mailing postal code", "mailing code", "zip/postal code", "billing postal code", "shipping zip/postal code", "邮政编号", "postcode", "zip", "zip code", "postal code", "billing zip", "billing zip/postal code",
		"billing code", "邮编", "邮政编码"},
	Industry:     {"行业分类", "行业类别", "industry", "行业", "所属行业", "行业类型"},
	Source:       {"获客渠道", "客户渠道", "渠道来源", "source", "lead source", "original source", "客户来源", "来源", "线索来源", "来源渠道"},
	CustomerType: {"customer type", "type", "account type", "客户类型", "客户类别", "客户性质"},
	Owner: {"lead owner", "deal owner", "record owner", "hubspot owner", "owner name", "owner full name", "领取人", "认领人", "客户归属人", "跟进销售", "所属员工", "owner", "account owner", "contact owner", "company owner", "sales rep", "salesperson",
		"负责人", "客户经理", "销售", "归属销售", "销售负责人", "所属销售", "客户负责人", "跟进人",
		"业务员", "销售代表", "归属人", "所属人"},
	ClaimedAt: {"hubspot owner assigned date", "领用时间", "领用日期", "claimed at", "claim date", "assigned date", "owner assigned date", "领取时间", "认领时间", "分配时间",
		"领取日期", "认领日期", "分配日期"},
	LastContactAt: {"last engagement date", "last activity time (account)", "最近一次跟进时间", "最后一次跟进时间", "最后活动时间", "最近活动时间", "last contact", "last contacted", "last contact date", "last activity",
		"last activity date", "last activity time", "最后跟进时间", "最近联系时间",
		"最近跟进时间", "最后联系时间", "最后跟进日期", "最近跟进日期"},
	FirstPurchaseAt: {"first deal date", "首次下单时间", "首次下单日期", "首单日期", "first purchase", "first purchase date", "first order date", "首次购买时间",
		"首次成交时间", "首次购买日期", "首次成交日期", "首单时间"},
	LastPurchaseAt: {"recent deal close date", "last order", "最后成交日期", "最后购买日期", "最近下单时间", "最后下单时间", "最近下单日期", "最近一次成交时间", "last purchase", "last purchase date", "last order date", "最近购买时间",
		"最近成交时间", "最后成交时间", "最后购买时间", "最近购买日期", "最近成交日期"},
	PurchaseCount: {"下单次数", "购买单数", "purchases", "purchase count", "number of purchases", "orders", "order count",
		"number of orders", "购买次数", "订单数", "成交次数", "订单数量", "成交单数"},
	TotalRevenue: {"amount", "total spent", "lifetime revenue", "total sales", "金额", "成交额", "累计成交额", "累计订单金额", "订单总额", "订单金额", "消费总额", "累计销售额", "销售金额", "交易金额", "total revenue", "total spend", "lifetime value", "累计消费金额", "成交金额",
		"累计成交金额", "消费金额", "累计金额", "累计消费", "成交总额", "销售额"},
	Referrals: {"referrals", "referral count", "推荐人数", "转介绍", "转介绍人数", "转介绍数"},
	Tags:      {"tags", "tag", "labels", "标签", "客户标签"},
	Notes:     {"客户备注", "备注说明", "附注", "notes", "note", "description", "remarks", "comments", "备注", "说明", "备注信息"},
	BirthDate: {"birth date", "birthday", "date of birth", "dob", "生日", "出生日期"},
}

var synonymIndex = buildSynonymIndex()

func buildSynonymIndex() map[string]Field {
	idx := make(map[string]Field)
	for f := range NumFields {
		field := Field(f)
		idx[HeaderKey(field.String())] = field
		for _, s := range synonyms[field] {
			k := HeaderKey(s)
			if prev, dup := idx[k]; dup && prev != field {
				panic("record: synonym " + s + " maps to both " + prev.String() + " and " + field.String())
			}
			idx[k] = field
		}
	}
	return idx
}

// NamePart is a column holding part of a person's name: English exports
// (HubSpot, Salesforce contacts) split it into first and last name.
type NamePart int

const (
	NoNamePart NamePart = iota
	FirstName
	LastName
)

var namePartIndex = map[string]NamePart{
	HeaderKey("first name"): FirstName, HeaderKey("given name"): FirstName, HeaderKey("名"): FirstName,
	HeaderKey("last name"): LastName, HeaderKey("surname"): LastName, HeaderKey("family name"): LastName,
	HeaderKey("姓"): LastName,
}

// LookupNamePart reports whether a header names part of a person's name.
func LookupNamePart(header string) NamePart { return namePartIndex[HeaderKey(header)] }

// Lookup returns the canonical field a header names, if any.
func Lookup(header string) (Field, bool) {
	f, ok := synonymIndex[HeaderKey(header)]
	return f, ok
}

// HeaderKey folds a header for comparison: full-width to half-width,
// lowercase, required-field markers ("*", "(必填)") removed, and spaces and
// punctuation dropped, so "E-mail", "ＥＭＡＩＬ " and "*邮箱(必填)" compare equal.
func HeaderKey(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	for _, r := range h {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		b.WriteRune(unicode.ToLower(r))
	}
	k := b.String()
	for _, marker := range []string{"(必填)", "(required)", "(选填)", "(optional)"} {
		k = strings.ReplaceAll(k, marker, "")
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '_' || r == '-' || r == '.' || r == ':' ||
			r == '/' || r == '：' || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, k)
}
