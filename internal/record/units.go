package record

import "strings"

// CurrencyColumn is the output column that holds an amount's currency
// (ISO 4217: USD, EUR) when it is not the base currency. It is written only
// when some input names another currency, in a value, a header or a
// currency column.
const CurrencyColumn = "currency"

// CountryColumn is the output column of a row's country (Country,
// Mailing Country, BillingCountry, Country/Region, 国家/地区), kept as
// written, so exports from several CRMs give one country column.
const CountryColumn = "country"

// CreatedColumn is the output column of the date the CRM created the
// record (HubSpot Create Date, Salesforce CreatedDate, 创建时间), an ISO
// date like the canonical dates.
const CreatedColumn = "created_at"

// WebsiteColumn is the output column of a company's website (Website,
// Website URL, Company Domain Name, 网址, 官网), kept as written; dedupe
// reads its domain as evidence, like a corporate e-mail domain.
const WebsiteColumn = "website"

// Role marks a preserved column whose values also steer how a row is read.
type Role int

const (
	NoRole Role = iota
	// RoleCountry: the row's country (Country, Mailing Country, 国家/地区)
	// is the region its phone numbers are read in.
	RoleCountry
	// RoleCurrency: the row's currency (Currency, 币种) is the currency of
	// its amounts.
	RoleCurrency
	// RoleCreated: when the CRM created the record, kept as created_at
	// and read as a date.
	RoleCreated
	// RoleWebsite: the company's website, kept as website; its domain is
	// evidence for dedupe.
	RoleWebsite
)

var roleHeaders = map[Role][]string{
	RoleCountry: {CountryColumn, "country/region", "country or region", "mailing country",
		"billing country", "shipping country", "country code", "国家", "国家/地区", "国家地区", "国家和地区",
		"所在国家", "所属国家", "国别", "国家或地区"},
	RoleCurrency: {CurrencyColumn, "currency code", "account currency", "opportunity currency",
		"currency iso code", "币种", "货币", "币别", "货币类型", "结算币种", "交易币种"},
	RoleCreated: {CreatedColumn, "create date", "created date", "created", "created on", "date created",
		"creation date", "created time", "created at", "创建时间", "创建日期"},
	RoleWebsite: {WebsiteColumn, "website url", "web site", "web site url", "company website", "company website url",
		"homepage", "home page", "url", "web", "www", "company domain name", "company domain", "domain name",
		"网址", "官网", "网站", "公司网址", "公司官网", "官方网站", "公司网站", "企业网址", "企业官网", "网站地址", "主页"},
}

var roleIndex = func() map[string]Role {
	idx := map[string]Role{}
	for role, hs := range roleHeaders {
		for _, h := range hs {
			idx[HeaderKey(h)] = role
		}
	}
	return idx
}()

// RoleHeaders returns the headers known for a country or currency column.
func RoleHeaders(r Role) []string { return append([]string(nil), roleHeaders[r]...) }

// LookupRole reports whether a header names a country or currency column.
func LookupRole(header string) Role { return roleIndex[HeaderKey(header)] }

// AmountUnit is what an amount column's header says about its values:
// 成交金额（万元） holds ten-thousands of yuan, Amount (USD) US dollars.
type AmountUnit struct {
	Exp      int    // the values are × 10^Exp: 4 for 万元
	Currency string // ISO 4217 code; "" when the header names none
}

// amountUnits are the units a header may give in brackets after an amount
// field's name, compared after HeaderKey.
var amountUnits = func() map[string]AmountUnit {
	u := map[string]AmountUnit{}
	add := func(unit AmountUnit, words ...string) {
		for _, w := range words {
			u[HeaderKey(w)] = unit
		}
	}
	add(AmountUnit{0, "CNY"}, "元", "rmb", "cny", "人民币", "人民币元", "¥", "￥", "元人民币", "单位:元", "单位元")
	add(AmountUnit{3, "CNY"}, "千元", "单位:千元")
	add(AmountUnit{4, "CNY"}, "万元", "万", "万元人民币", "人民币万元", "单位:万元", "单位万元")
	add(AmountUnit{6, "CNY"}, "百万元", "百万")
	add(AmountUnit{8, "CNY"}, "亿元", "亿")
	add(AmountUnit{0, "USD"}, "usd", "us$", "$", "美元", "美金", "dollars", "us dollars")
	add(AmountUnit{4, "USD"}, "万美元")
	add(AmountUnit{0, "HKD"}, "hkd", "hk$", "港元", "港币")
	add(AmountUnit{0, "EUR"}, "eur", "€", "欧元", "euro", "euros")
	add(AmountUnit{0, "GBP"}, "gbp", "£", "英镑")
	add(AmountUnit{0, "JPY"}, "jpy", "日元")
	return u
}()

// countUnits may follow a count field's name: 购买次数(次).
var countUnits = map[string]bool{"次": true, "单": true, "笔": true, "个": true, "人": true, "times": true}

// lookupWithUnit maps a header whose name is followed by a unit in
// brackets: 成交金额(元), 成交金额（万元）, Amount (USD), 购买次数(次).
func lookupWithUnit(h string) (Field, AmountUnit, bool) {
	k := HeaderKey(h)
	var open, closing string
	switch {
	case strings.HasSuffix(k, ")"):
		open, closing = "(", ")"
	case strings.HasSuffix(k, "]"):
		open, closing = "[", "]"
	case strings.HasSuffix(k, "】"):
		open, closing = "【", "】"
	default:
		return 0, AmountUnit{}, false
	}
	i := strings.LastIndex(k, open)
	if i <= 0 {
		return 0, AmountUnit{}, false
	}
	name, unit := k[:i], k[i+len(open):len(k)-len(closing)]
	f, ok := synonymIndex[name]
	if !ok {
		return 0, AmountUnit{}, false
	}
	switch f.Kind() {
	case KindAmount:
		if u, ok := amountUnits[unit]; ok {
			return f, u, true
		}
	case KindCount:
		if countUnits[unit] {
			return f, AmountUnit{}, true
		}
	}
	return 0, AmountUnit{}, false
}

// Known reports whether a header names a canonical field (with or without
// a unit), a name part, or a country or currency column: what makes a row
// look like a header.
func Known(header string) bool {
	if _, ok := Lookup(header); ok {
		return true
	}
	if _, _, ok := lookupWithUnit(header); ok {
		return true
	}
	return LookupRole(header) != NoRole || LookupNamePart(header) != NoNamePart
}
