package dedupe

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

func TestWebsiteDomain(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ibm.com", "ibm.com"},
		{"https://www.IBM.com/us-en?lnk=hm", "ibm.com"},
		{"http://ibm.com:8080/", "ibm.com"},
		{"www.ibm.com.", "ibm.com"},
		{"//ibm.com/contact", "ibm.com"},
		{"shop.acme.co.uk", "acme.co.uk"},
		{"https://www.huawei.com.cn/cn/", "huawei.com.cn"},
		{"acme.com.au", "acme.com.au"},
		{"www.münchen-bau.de", "münchen-bau.de"},
		// No company's own domain.
		{"https://www.linkedin.com/company/ibm", ""},
		{"facebook.com/acme", ""},
		{"acme.wixsite.com/home", ""},
		{"sites.google.com/view/acme", ""},
		{"acme.github.io", ""},
		{"shop123.taobao.com", ""},
		{"gmail.com", ""},
		{"mp.weixin.qq.com/s/abc", ""},
		// No website.
		{"", ""}, {"N/A", ""}, {"-", ""}, {"Acme Inc", ""}, {"localhost", ""},
		{"http://192.168.0.1/", ""}, {"acme..com", ""}, {"acme_corp.com", ""},
	} {
		if got := websiteDomain(c.in); got != c.want {
			t.Errorf("websiteDomain(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWebsiteColumns(t *testing.T) {
	schema := &record.Schema{Extra: []string{"Job Title", "website", "Company Domain Name", "country", "官网"}}
	got := websiteColumns(schema)
	if want := []int{1, 2, 4}; len(got) != len(want) || got[0] != 1 || got[1] != 2 || got[2] != 4 {
		t.Errorf("websiteColumns = %v, want %v", got, want)
	}
}

// A website is evidence like a corporate e-mail domain: two names of one
// company sharing it compare as partial; a hosting or social site, or two
// different websites, say nothing.
func TestCompanyWebsiteEvidence(t *testing.T) {
	web := []int{0}
	profileWith := func(company, email, website string) profile {
		r := rec("company", company, "email", email)
		r.Extra = []string{website}
		return newProfile(&r, nil, web)
	}
	for _, c := range []struct {
		a, mailA, webA string
		b, mailB, webB string
		want           Level
	}{
		// Website on one, e-mail on the other; both websites.
		{"IBM", "", "https://www.ibm.com/us-en", "International Business Machines", "jane.doe@ibm.com", "", Partial},
		{"IBM", "", "www.ibm.com", "International Business Machines", "", "ibm.com", Partial},
		// A mailbox at a subdomain is the company's domain.
		{"IBM", "", "ibm.com", "International Business Machines", "jane@us.ibm.com", "", Partial},
		{"华为技术有限公司", "", "www.huawei.com", "Huawei Technologies", "a@huawei.com", "", Partial},
		// No evidence: social and hosting sites, free mail, different sites.
		{"IBM", "", "linkedin.com/company/ibm", "International Business Machines", "", "https://www.linkedin.com/company/ibm", Different},
		{"IBM", "", "gmail.com", "International Business Machines", "ibm@gmail.com", "", Different},
		{"Acme Corp", "", "acme.wixsite.com", "Globex Inc", "", "globex.wixsite.com", Different},
		{"IBM", "", "ibm.com", "International Business Machines", "", "ibm.co.uk", Different},
		// Two websites never split one name: subsidiaries and country sites.
		{"Acme Corp", "", "acme.com", "Acme Corporation", "", "acme.de", Same},
	} {
		a, b := profileWith(c.a, c.mailA, c.webA), profileWith(c.b, c.mailB, c.webB)
		if got := compareCompany(&a, &b); got != c.want {
			t.Errorf("company %q <%s> %s vs %q <%s> %s = %v, want %v", c.a, c.mailA, c.webA, c.b, c.mailB, c.webB, got, c.want)
		}
	}
}
