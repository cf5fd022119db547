package sample

import (
	"github.com/crmkit/crmkit/internal/record"
)

// slot is what a column holds: a canonical field, or slotPhone2, a second
// phone column (纷享销客 has 手机 and 电话) that maps to canonical phone too.
type slot int

const (
	slotPhone2 = slot(record.NumFields)
	numSlots   = int(slotPhone2) + 1
)

func (s slot) field() record.Field {
	if s == slotPhone2 {
		return record.Phone
	}
	return record.Field(s)
}

type column struct {
	header string
	slot   slot
}

// idStyle is how a CRM writes its record ids.
type idStyle uint8

const (
	idFxiaoke    idStyle = iota // KH00012345
	idSalesforce                // 0015g00000AbCdEAAZ (18-char, with checksum)
	idHubSpot                   // 5120473916
	idZoho                      // zcrm_5725767000000123456
	idSheet                     // 000123: a hand-kept sheet's running number
	idCanonical                 // C00012345
)

// dialect is an export format: its columns, in its column order, and the
// formats its system writes when nobody has touched the file ("house"
// formats). Messy noise departs from these.
type dialect struct {
	name    string
	columns []column
	ids     idStyle

	date      dateStyle // purchase dates and birthdays
	stamp     dateStyle // claim and follow-up time stamps
	stampTime timeStyle
	amount    amountStyle
	phone     phoneStyle

	provinceShort bool // 广东 rather than 广东省 (and CA rather than California)
	cityShort     bool // 深圳 rather than 深圳市

	// handKept: a sheet typed by hand; every cell may be in any format.
	handKept bool
	// mixedRows: rows pasted from several sources; each row has its own formats.
	mixedRows bool
	// canonical: crmkit's own output: E.164 phones, lowercase e-mails.
	canonical bool
}

func cols(pairs ...any) []column {
	out := make([]column, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		var s slot
		switch v := pairs[i+1].(type) {
		case record.Field:
			s = slot(v)
		case slot:
			s = v
		}
		out = append(out, column{pairs[i].(string), s})
	}
	return out
}

var fxiaokeColumns = cols(
	"客户编号", record.ID, "客户名称", record.Company, "联系人", record.Name, "手机", record.Phone,
	"电话", slotPhone2, "邮箱", record.Email, "详细地址", record.Address, "省份", record.Province,
	"城市", record.City, "邮编", record.Postcode, "行业", record.Industry, "客户来源", record.Source,
	"客户类型", record.CustomerType, "负责人", record.Owner, "领取时间", record.ClaimedAt,
	"最后跟进时间", record.LastContactAt, "首次成交时间", record.FirstPurchaseAt,
	"最近成交时间", record.LastPurchaseAt, "成交次数", record.PurchaseCount,
	"累计成交金额", record.TotalRevenue, "转介绍人数", record.Referrals, "标签", record.Tags,
	"备注", record.Notes, "生日", record.BirthDate,
)

var dialects = []*dialect{
	{
		name: "fxiaoke", columns: fxiaokeColumns, ids: idFxiaoke,
		date: dISO, stamp: dISO, stampTime: tMinutes, amount: aPlain2, phone: pDigits,
	},
	{
		name: "salesforce", ids: idSalesforce,
		columns: cols(
			"Account ID", record.ID, "Account Name", record.Company, "Account Owner", record.Owner,
			"Type", record.CustomerType, "Industry", record.Industry, "Contact Name", record.Name,
			"Phone", record.Phone, "Mobile", slotPhone2, "Email", record.Email,
			"Billing Street", record.Address, "Billing City", record.City,
			"Billing State/Province", record.Province, "Billing Zip/Postal Code", record.Postcode,
			"Lead Source", record.Source, "Owner Assigned Date", record.ClaimedAt,
			"Last Activity", record.LastContactAt, "First Purchase Date", record.FirstPurchaseAt,
			"Last Purchase Date", record.LastPurchaseAt, "Number of Orders", record.PurchaseCount,
			"Total Revenue", record.TotalRevenue, "Referrals", record.Referrals, "Tags", record.Tags,
			"Description", record.Notes, "Birthdate", record.BirthDate,
		),
		date: dSlash, stamp: dSlash, stampTime: tMinutes, amount: aThousands2, phone: pDigits,
		provinceShort: true,
	},
	{
		name: "hubspot", ids: idHubSpot,
		columns: cols(
			"Record ID", record.ID, "Company name", record.Company, "Company owner", record.Owner,
			"Primary contact", record.Name, "Phone Number", record.Phone, "Email", record.Email,
			"Street Address", record.Address, "City", record.City, "State/Region", record.Province,
			"Postal Code", record.Postcode, "Industry", record.Industry, "Type", record.CustomerType,
			"Original Source", record.Source, "Owner assigned date", record.ClaimedAt,
			"Last Activity Date", record.LastContactAt, "First Order Date", record.FirstPurchaseAt,
			"Last Order Date", record.LastPurchaseAt, "Number of Orders", record.PurchaseCount,
			"Total Revenue", record.TotalRevenue, "Referral Count", record.Referrals,
			"Tags", record.Tags, "Notes", record.Notes, "Date of birth", record.BirthDate,
		),
		date: dISO, stamp: dISO, stampTime: tMinutes, amount: aPlain, phone: pPlusSpaced,
	},
	{
		name: "zoho", ids: idZoho,
		columns: cols(
			"Record Id", record.ID, "Account Name", record.Company, "Contact Name", record.Name,
			"Phone", record.Phone, "Email", record.Email, "Account Owner", record.Owner,
			"Account Type", record.CustomerType, "Industry", record.Industry, "Lead Source", record.Source,
			"Billing Street", record.Address, "Billing City", record.City, "Billing State", record.Province,
			"Billing Code", record.Postcode, "Assigned Date", record.ClaimedAt,
			"Last Activity Time", record.LastContactAt, "First Purchase Date", record.FirstPurchaseAt,
			"Last Purchase Date", record.LastPurchaseAt, "Order Count", record.PurchaseCount,
			"Total Revenue", record.TotalRevenue, "Referrals", record.Referrals, "Tag", record.Tags,
			"Description", record.Notes, "Date of Birth", record.BirthDate,
		),
		date: dISO, stamp: dISO, stampTime: tSeconds, amount: aPlain2, phone: pDashed,
	},
	{
		name: "sheet", ids: idSheet,
		columns: cols(
			"编号", record.ID, "公司名称", record.Company, "姓名", record.Name, "电话", record.Phone,
			"销售", record.Owner, "邮箱", record.Email, "省", record.Province, "市", record.City,
			"地址", record.Address, "邮编", record.Postcode, "所属行业", record.Industry,
			"来源", record.Source, "客户类型", record.CustomerType, "分配时间", record.ClaimedAt,
			"最近联系时间", record.LastContactAt, "首次购买时间", record.FirstPurchaseAt,
			"最近购买时间", record.LastPurchaseAt, "购买次数", record.PurchaseCount,
			"成交金额", record.TotalRevenue, "推荐人数", record.Referrals, "标签", record.Tags,
			"备注", record.Notes, "生日", record.BirthDate,
		),
		date: dSlash, stamp: dSlash, stampTime: tNone, amount: aYuan, phone: pDigits,
		provinceShort: true, cityShort: true, handKept: true,
	},
	{
		name: "mixed", columns: fxiaokeColumns, ids: idFxiaoke,
		date: dISO, stamp: dISO, stampTime: tMinutes, amount: aPlain2, phone: pDigits,
		mixedRows: true,
	},
	{
		name: "canonical", ids: idCanonical,
		columns: func() []column {
			out := make([]column, record.NumFields)
			for f := range record.NumFields {
				out[f] = column{record.Field(f).String(), slot(f)}
			}
			return out
		}(),
		date: dISO, stamp: dISO, stampTime: tSeconds, amount: aPlain, phone: pPlusCompact,
		canonical: true,
	},
}

func dialectByName(name string) *dialect {
	for _, d := range dialects {
		if d.name == name {
			return d
		}
	}
	return nil
}

// Dialects returns the names Config.Dialect accepts.
func Dialects() []string {
	out := make([]string, len(dialects))
	for i, d := range dialects {
		out[i] = d.name
	}
	return out
}

// HeaderFields maps every header any dialect writes to the canonical field
// it holds, so the importer's header mapping can be tested against it.
// Extra columns (Config.Extra) are deliberately not in it.
var HeaderFields = headerFields()

func headerFields() map[string]string {
	m := make(map[string]string)
	for _, d := range dialects {
		for _, c := range d.columns {
			m[c.header] = c.slot.field().String()
		}
	}
	return m
}
