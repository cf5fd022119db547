package dedupe

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func roleOf(roles []ColumnRole, col string) ColumnRole {
	for _, r := range roles {
		if r.Column == col {
			return r
		}
	}
	return ColumnRole{Column: col, Why: "absent"}
}

func TestDetectRolesFromHeaders(t *testing.T) {
	schema := &record.Schema{Extra: []string{"first_name", "Surname", "名", "姓", "soc_sec_id", "统一社会信用代码", "身份证号",
		"VAT number", "gender", "lead_status", "amount", "middle_name", "col7"}}
	roles := DetectRoles(schema, nil)
	for col, want := range map[string]Role{
		"first_name": RoleGiven, "Surname": RoleFamily, "名": RoleGiven, "姓": RoleFamily,
		"soc_sec_id": RoleCode, "统一社会信用代码": RoleCode, "身份证号": RoleCode, "VAT number": RoleCode,
		"middle_name": RoleMiddle,
		// Not identity: two records of one customer differ there.
		"gender": RoleNone, "lead_status": RoleNone, "amount": RoleNone, "col7": RoleNone,
		// Canonical fields.
		"company": RoleCompany, "birth_date": RoleBirth, "postcode": RolePostcode, "province": RoleRegion,
		"last_contact_at": RoleNone, "first_purchase_at": RoleNone, "owner": RoleNone, "industry": RoleNone,
		"source": RoleNone, "total_revenue": RoleNone, "id": RoleNone,
	} {
		if got := roleOf(roles, col); got.Role != want || got.Why == "absent" {
			t.Errorf("%s: role %q (%s), want %q", col, got.Role, got.Why, want)
		}
	}
}

func TestDetectRolesFromValues(t *testing.T) {
	schema := &record.Schema{Extra: []string{"col7", "col8"}}
	var sample []record.Record
	for _, v := range [][2]string{
		{"11010519491231002X", "2024-01-05"},
		{"440524188001010014", "2024-02-11"},
		{"91350100M000100Y43", "2023-12-30"},
		{"", "2024-03-01"},
		{"110105194912310021", ""},
		{"11010519491231002x", "2024-01-05"},
	} {
		sample = append(sample, record.Record{Extra: []string{v[0], v[1]}})
	}
	roles := DetectRoles(schema, sample)
	// Five filled codes, four pass a checksum (…0021 does not): a code column.
	if got := roleOf(roles, "col7"); got.Role != RoleCode || got.Why != "values" {
		t.Errorf("col7 (身份证号 and 统一社会信用代码 values): %+v, want a code from values", got)
	}
	if got := roleOf(roles, "col8"); got.Role != RoleNone {
		t.Errorf("col8 (event dates): %+v, want not compared", got)
	}
}

func TestIdentityCodeChecksums(t *testing.T) {
	for _, c := range []struct {
		code string
		want codeKind
	}{
		{"11010519491231002X", codeIDCard},
		{"440524188001010014", codeIDCard},
		{"110105194912310021", codeOther}, // wrong check digit
		{"91350100M000100Y43", codeCredit},
		{"91350100M000100Y44", codeOther},
		{"913501OOM000100Y43", codeOther}, // O is not a credit-code character
		{"1804974", codeOther},
	} {
		if got := classifyCode(normCode(c.code)); got != c.want {
			t.Errorf("classifyCode(%s) = %d, want %d", c.code, got, c.want)
		}
	}
	for _, c := range []struct {
		a, b string
		want Level
	}{
		{"11010519491231002X", "110105 19491231 002x", Same},
		{"11010519491231002X", "440524188001010014", Conflict}, // two valid cards: two people
		{"11010519491231002X", "110105194912310021", Similar},  // a typo fails the checksum: not a conflict
		{"1804974", "1804947", Similar},                        // swapped neighbours
		{"1804974", "6089216", Different},
	} {
		if got := compareCodes(normCode(c.a), normCode(c.b)); got != c.want {
			t.Errorf("compareCodes(%s, %s) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
