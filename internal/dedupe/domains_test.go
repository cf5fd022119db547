package dedupe

import "testing"

// Two names of one company sharing a corporate e-mail domain are partial
// company evidence; a free-mail domain is no evidence.
func TestCompanyDomainEvidence(t *testing.T) {
	for _, c := range []struct {
		a, b, mailA, mailB string
		want               Level
	}{
		{"IBM", "International Business Machines", "jane.doe@ibm.com", "bob@IBM.com", Partial},
		{"IBM", "International Business Machines", "", "bob@ibm.com", Different},
		{"IBM", "International Business Machines", "jane@gmail.com", "bob@gmail.com", Different},
		{"Acme Corp", "Globex Inc", "a@qq.com", "b@qq.com", Different},
		{"Acme Corp", "Globex Inc", "a@yahoo.co.uk", "b@yahoo.co.uk", Different},
		{"Acme Corp", "Globex Inc", "a@mail.163.com", "b@mail.163.com", Different},
		{"Acme Corp", "Globex Inc", "a@web.de", "b@web.de", Different},
		{"华为技术有限公司", "Huawei Technologies", "a@huawei.com", "b@huawei.com", Partial},
		{"华为技术有限公司", "Huawei Technologies", "a@163.com", "b@163.com", Missing},
		// The same name stays the same; a domain never lifts a conflict.
		{"Acme Corp", "Acme Corporation", "a@acme.com", "b@acme.com", Same},
		{"深圳华强电子有限公司", "北京华强电子有限公司", "a@hq.cn", "b@hq.cn", Conflict},
	} {
		a, b := prof("company", c.a, "email", c.mailA), prof("company", c.b, "email", c.mailB)
		if got := compareCompany(&a, &b); got != c.want {
			t.Errorf("company %q <%s> vs %q <%s> = %v, want %v", c.a, c.mailA, c.b, c.mailB, got, c.want)
		}
	}
}
