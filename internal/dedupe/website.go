package dedupe

import (
	"slices"
	"strings"
	"unicode"

	"github.com/crmkit/crmkit/internal/record"
)

// A company's website is evidence like a corporate e-mail domain: IBM with
// website ibm.com and International Business Machines with an address at
// ibm.com (or www.ibm.com as its website) are two names of one company.
// The domain counts as partial evidence (see compareCompany), never on its
// own: a group's companies share one website as they share a mailbox.
//
// Two different corporate websites are no evidence against a match: one
// company often runs several (acme.com and acme.de, a product site, the
// old domain after a rebrand), so the name, place and phone decide.

// websiteColumns returns the Extra indexes of the website columns of a
// schema: the "website" column import writes, and any other column whose
// header names a website (a second one keeps its header).
func websiteColumns(schema *record.Schema) []int {
	var out []int
	for i, h := range schema.Extra {
		if record.LookupRole(h) == record.RoleWebsite {
			out = append(out, i)
		}
	}
	return out
}

// websiteDomains appends the registrable domains of r's website cells
// (columns cols of Extra) to dst, skipping free-mail and hosting domains
// and those already in dst.
func websiteDomains(dst []string, r *record.Record, cols []int) []string {
	for _, c := range cols {
		if c >= len(r.Extra) || r.Extra[c] == "" {
			continue
		}
		for part := range strings.FieldsFuncSeq(r.Extra[c], func(r rune) bool {
			return r == ';' || r == ',' || r == '|' || unicode.IsSpace(r)
		}) {
			if d := websiteDomain(part); d != "" && !slices.Contains(dst, d) {
				dst = append(dst, d)
			}
		}
	}
	return dst
}

// websiteDomain is the registrable domain of a website as written —
// scheme, user, www., port, path, query and a final dot dropped, lower
// case, an internationalized name kept as written ("https://www.IBM.com/
// us-en" → "ibm.com", "shop.acme.co.uk:8080" → "acme.co.uk") — or "" when
// it is no website or a domain that is no company's own: a free-mail
// provider's or a hosting, social or marketplace site's (linkedin.com,
// facebook.com, wixsite.com, taobao.com …).
func websiteDomain(s string) string {
	host := strings.ToLower(strings.TrimSpace(s))
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	host = strings.TrimPrefix(host, "//")
	if i := strings.IndexAny(host, "/?#\\"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if i := strings.IndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	host = strings.TrimSuffix(host, ".")
	if !validHost(host) {
		return ""
	}
	if freeMail(host) {
		return ""
	}
	d := registrableDomain(host)
	if hostingDomains[d] || freeMail(d) {
		return ""
	}
	return d
}

// validHost reports a host name of two labels or more, each of letters,
// digits and hyphens, the last one not all digits (an IP address is no
// company's domain).
func validHost(host string) bool {
	if !strings.Contains(host, ".") {
		return false
	}
	labels := strings.Split(host, ".")
	for _, l := range labels {
		if l == "" {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	return strings.IndexFunc(tld, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0
}

// registrableDomain is the part of a host name its owner registered: the
// last two labels, or three under a country's second-level domain
// (acme.co.uk, acme.com.cn, acme.com.au, acme.co.jp).
func registrableDomain(host string) string {
	labels := strings.Split(host, ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 && secondLevels[labels[len(labels)-2]] {
		n = 3
	}
	if len(labels) <= n {
		return host
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// secondLevels are the labels countries register companies under
// (co.uk, com.cn, or.jp, gov.cn …).
var secondLevels = map[string]bool{
	"co": true, "com": true, "net": true, "org": true, "gov": true, "edu": true, "ac": true,
	"or": true, "ne": true, "go": true, "gob": true, "gouv": true, "mil": true, "ltd": true,
	"plc": true, "sch": true, "nhs": true, "biz": true, "info": true, "nom": true, "firm": true,
	"gen": true, "ind": true, "idv": true, "int": true, "asso": true,
}

// hostingDomains are sites whose pages many companies have — site
// builders, social networks, marketplaces, link shorteners — so a website
// there says nothing about which company a record is.
var hostingDomains = map[string]bool{
	"linkedin.com": true, "facebook.com": true, "fb.com": true, "instagram.com": true, "twitter.com": true,
	"x.com": true, "youtube.com": true, "tiktok.com": true, "pinterest.com": true, "yelp.com": true,
	"xing.com": true, "google.com": true, "goo.gl": true, "bit.ly": true, "linktr.ee": true,
	"wixsite.com": true, "wix.com": true, "squarespace.com": true, "wordpress.com": true, "blogspot.com": true,
	"weebly.com": true, "godaddysites.com": true, "business.site": true, "myshopify.com": true,
	"shopify.com": true, "webflow.io": true, "github.io": true, "netlify.app": true, "vercel.app": true,
	"herokuapp.com": true, "jimdo.com": true, "jimdosite.com": true, "strikingly.com": true, "carrd.co": true,
	"site123.me": true, "webnode.com": true, "amazon.com": true, "ebay.com": true, "etsy.com": true,
	"weibo.com": true, "weixin.qq.com": true, "taobao.com": true, "tmall.com": true, "jd.com": true,
	"1688.com": true, "alibaba.com": true, "aliexpress.com": true, "douyin.com": true, "xiaohongshu.com": true,
	"baidu.com": true, "t.cn": true, "dianping.com": true, "meituan.com": true,
}
