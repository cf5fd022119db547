package record

import (
	"reflect"
	"strings"
	"testing"
)

func TestLookupSynonyms(t *testing.T) {
	tests := []struct {
		header string
		want   Field
	}{
		{"客户名称", Company},
		{"Account Name", Company},
		{"ACCOUNT  NAME", Company},
		{"ａｃｃｏｕｎｔ ｎａｍｅ", Company}, // full-width
		{"*客户名称(必填)", Company},
		{"客户名称（必填）", Company},
		{"E-mail", Email},
		{"Email Address", Email},
		{"邮箱：", Email},
		{"手机号", Phone},
		{"Phone Number", Phone},
		{"负责人", Owner},
		{"Account Owner", Owner},
		{"归属销售", Owner},
		{"最后跟进时间", LastContactAt},
		{"last_contact_at", LastContactAt},
		{"customer_type", CustomerType},
		{"Billing State/Province", Province},
		{"邮编", Postcode},
		{"生日", BirthDate},
		{"累计消费金额", TotalRevenue},
		{"推荐人数", Referrals},
		{"客户编号", ID},
		{"\ufeffid", ID},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.header)
		if !ok || got != tt.want {
			t.Errorf("Lookup(%q) = %v, %v; want %v", tt.header, got, ok, tt.want)
		}
	}
	for _, h := range []string{"WeChat", "微信", "Annual Revenue", "", "网址"} {
		if f, ok := Lookup(h); ok {
			t.Errorf("Lookup(%q) = %v; want no field", h, f)
		}
	}
}

func TestEveryFieldNameMapsToItself(t *testing.T) {
	for _, f := range Fields() {
		if got, ok := Lookup(f.String()); !ok || got != f {
			t.Errorf("Lookup(%q) = %v, %v", f.String(), got, ok)
		}
		if got, ok := FieldByName(f.String()); !ok || got != f {
			t.Errorf("FieldByName(%q) = %v, %v", f.String(), got, ok)
		}
	}
}

func TestMapHeader(t *testing.T) {
	o, err := ParseOverrides([]string{"WeChat=wechat, 客户=company", "备注2=notes"})
	if err != nil {
		t.Fatal(err)
	}
	header := []string{"客户编号", "客户", "手机", "电话", "联系人", "WeChat", "", "负责人", "销售", "Remark", "Remark", "_source"}
	m := MapHeader(header, o)
	type col struct {
		target Target
		field  Field
		extra  string
	}
	want := []col{
		{ToField, ID, ""},
		{ToField, Company, ""},
		{ToField, Phone, ""},
		{ToField, Phone, ""}, // multi-valued: both phone columns feed phone
		{ToField, Name, ""},
		{ToExtra, 0, "wechat"},
		{ToExtra, 0, "column_7"},
		{ToField, Owner, ""},
		{ToExtra, 0, "销售"}, // second owner column is kept, not lost
		{ToExtra, 0, "Remark"},
		{ToExtra, 0, "Remark_2"},
		{ToLineage, 0, ""},
	}
	var got []col
	for _, c := range m.Columns {
		got = append(got, col{c.Target, c.Field, c.Extra})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MapHeader:\n got %v\nwant %v", got, want)
	}
	if m.Mapped() != 6 {
		t.Errorf("Mapped() = %d, want 6", m.Mapped())
	}
}

func TestParseOverridesErrors(t *testing.T) {
	for _, bad := range []string{"WeChat", "=owner", "负责人="} {
		if _, err := ParseOverrides([]string{bad}); err == nil {
			t.Errorf("ParseOverrides(%q): want error", bad)
		}
	}
}

func TestSchemaRow(t *testing.T) {
	s := Schema{Extra: []string{"微信", "QQ"}}
	h := s.Header()
	if len(h) != NumFields+3 || h[0] != "id" || h[NumFields] != "微信" || h[len(h)-1] != SourceColumn {
		t.Fatalf("Header() = %v", h)
	}
	var r Record
	r.Values[Company] = "华强电子"
	r.Extra = []string{"wx1"}
	r.Source = "a.csv:3"
	row := s.Row(&r, nil)
	if row[Company] != "华强电子" || row[NumFields] != "wx1" || row[NumFields+1] != "" || row[len(row)-1] != "a.csv:3" {
		t.Errorf("Row() = %v", row)
	}
}

func FuzzHeaderKey(f *testing.F) {
	for _, s := range []string{"客户名称", "Account Name", "*邮箱(必填)", "ＥＭＡＩＬ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		k := HeaderKey(h)
		if HeaderKey(k) != k {
			t.Errorf("HeaderKey not idempotent: %q -> %q -> %q", h, k, HeaderKey(k))
		}
		fld, ok := Lookup(h)
		if ok {
			if fld2, ok2 := Lookup(k); !ok2 || fld2 != fld {
				t.Errorf("Lookup(%q)=%v but Lookup(key %q)=%v,%v", h, fld, k, fld2, ok2)
			}
		}
		MapHeader([]string{h, h, k}, Overrides{k: "x"})
	})
}

func TestMapTargetTypo(t *testing.T) {
	_, err := ParseOverrides([]string{"WeChat=phnoe"})
	if err == nil || !strings.Contains(err.Error(), "did you mean phone?") {
		t.Errorf("typo target: err = %v, want a did-you-mean for phone", err)
	}
	for _, ok := range []string{"WeChat=wechat", "客户=company", "X=负责人", "Y=_source", "Z=微信号"} {
		if _, err := ParseOverrides([]string{ok}); err != nil {
			t.Errorf("ParseOverrides(%q): %v", ok, err)
		}
	}
}

func TestNameParts(t *testing.T) {
	m := MapHeader([]string{"First Name", "Last Name", "Email"}, nil)
	if m.Columns[0].NamePart != FirstName || m.Columns[1].NamePart != LastName || m.Columns[0].Target != ToExtra {
		t.Errorf("name parts not marked: %+v", m.Columns)
	}
	if m.Columns[2].NamePart != NoNamePart {
		t.Errorf("email marked as a name part")
	}
}

func TestExtraNamesAreUnique(t *testing.T) {
	m := MapHeader([]string{"name", "X", "X", "X_2", "name", "_source"}, nil)
	var got []string
	for _, c := range m.Columns {
		if c.Target == ToExtra {
			got = append(got, c.Extra)
		}
	}
	if want := []string{"X", "X_3", "X_2", "name_2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("extra names = %v, want %v", got, want)
	}
}

func TestMapTargetsNotTypos(t *testing.T) {
	for _, ok := range []string{"W=date", "W=site", "W=code"} {
		if _, err := ParseOverrides([]string{ok}); err != nil {
			t.Errorf("ParseOverrides(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"W=phnoe", "W=emial", "W=compnay", "W=ownr"} {
		if _, err := ParseOverrides([]string{bad}); err == nil {
			t.Errorf("ParseOverrides(%q): want a did-you-mean error", bad)
		}
	}
}

func TestMapTargetSuggestsTheField(t *testing.T) {
	_, err := ParseOverrides([]string{"Umsatz=revenue"})
	if err == nil || !strings.Contains(err.Error(), "did you mean total_revenue?") {
		t.Fatalf("--map Umsatz=revenue: err = %v, want a suggestion of total_revenue", err)
	}
	o, err := ParseOverrides([]string{"Umsatz=keep:revenue,WeChat=wechat"})
	if err != nil {
		t.Fatal(err)
	}
	m := MapHeader([]string{"Umsatz", "WeChat"}, o)
	if c := m.Columns[0]; c.Target != ToExtra || c.Extra != "revenue" {
		t.Errorf("keep:revenue mapped to %+v", c)
	}
	if c := m.Columns[1]; c.Target != ToExtra || c.Extra != "wechat" {
		t.Errorf("wechat mapped to %+v", c)
	}
}

// Header variants of real Salesforce, HubSpot, Zoho and 纷享销客 exports.
func TestExportHeaderVariants(t *testing.T) {
	for h, want := range map[string]Field{
		"Mailing State/Province": Province, "Mailing Zip/Postal Code": Postcode, "Mailing Street": Address,
		"Zip/Postal Code": Postcode, "Lead Owner": Owner, "Company / Account": Company, "Account Number": ID,
		"Recent Deal Close Date": LastPurchaseAt, "HubSpot Owner": Owner, "Last Engagement Date": LastContactAt,
		"领取人": Owner, "最后成交日期": LastPurchaseAt, "最后跟进时间": LastContactAt, "领用时间": ClaimedAt,
		"Amount": TotalRevenue, "订单金额": TotalRevenue, "Mailing Code": Postcode, "Mobile No": Phone,
	} {
		if got, ok := Lookup(h); !ok || got != want {
			t.Errorf("Lookup(%q) = %v, %v; want %v", h, got, ok, want)
		}
	}
	m := MapHeader([]string{"成交金额(元)", "成交金额（万元）", "Amount (USD)", "购买次数(次)", "Mailing Country", "币种"}, nil)
	type col struct {
		f    Field
		unit AmountUnit
	}
	for i, want := range []col{{TotalRevenue, AmountUnit{0, "CNY"}}} {
		if c := m.Columns[i]; c.Target != ToField || c.Field != want.f || c.Unit != want.unit {
			t.Errorf("column %d = %+v", i, c)
		}
	}
	// One total_revenue column wins; the others are kept (duplicate of total_revenue).
	if c := m.Columns[1]; c.Target != ToExtra {
		t.Errorf("second amount column = %+v", c)
	}
	for i, want := range []AmountUnit{{4, "CNY"}, {0, "USD"}} {
		if _, u, ok := lookupWithUnit(m.Columns[i+1].Header); !ok || u != want {
			t.Errorf("unit of %q = %+v, want %+v", m.Columns[i+1].Header, u, want)
		}
	}
	if c := m.Columns[3]; c.Target != ToField || c.Field != PurchaseCount {
		t.Errorf("购买次数(次) = %+v", c)
	}
	if c := m.Columns[4]; c.Role != RoleCountry || c.Extra != CountryColumn {
		t.Errorf("Mailing Country = %+v", c)
	}
	if c := m.Columns[5]; c.Role != RoleCurrency || c.Extra != CurrencyColumn {
		t.Errorf("币种 = %+v", c)
	}
}
