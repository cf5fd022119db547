package dedupe

import (
	"slices"
	"strings"
)

// sameCorporateDomain reports whether a and b have an e-mail address at
// one domain that is not a free-mail provider's: jane@ibm.com and
// bob@ibm.com work for one company, whatever each record calls it, while
// two gmail.com or qq.com addresses say nothing.
func sameCorporateDomain(a, b *profile) bool {
	for _, d := range a.mailDomains() {
		if slices.Contains(b.mailDomains(), d) {
			return true
		}
	}
	return false
}

// corporateDomains are the domains of emails that are not a free-mail
// provider's, found once per profile (sameCorporateDomain runs per pair).
func corporateDomains(emails []string) []string {
	var out []string
	for _, e := range emails {
		if d := mailDomain(e); d != "" && !freeMail(d) {
			// jane@us.ibm.com works at ibm.com, the website's domain.
			out = append(out, registrableDomain(d))
		}
	}
	return out
}

// mailDomain is the lowercase domain of an address, "" when it has none.
func mailDomain(addr string) string {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 || at == len(addr)-1 {
		return ""
	}
	d := strings.ToLower(strings.TrimSuffix(addr[at+1:], "."))
	if !strings.Contains(d, ".") {
		return ""
	}
	return d
}

// freeMail reports a consumer mailbox provider: the whole domain is one
// (mail.ru, web.de), or a label before the top-level domain names one
// (yahoo.co.uk, mail.163.com, hotmail.fr).
func freeMail(domain string) bool {
	if freeMailDomains[domain] {
		return true
	}
	// Every label but the last, without splitting into a slice: asked of
	// every record's e-mail domains.
	for rest := domain; ; {
		l, after, ok := strings.Cut(rest, ".")
		if !ok {
			return false
		}
		if freeMailLabels[l] {
			return true
		}
		rest = after
	}
}

// freeMailDomains are providers whose name alone is too common a word to
// match as a label.
var freeMailDomains = map[string]bool{
	"mail.ru": true, "mail.com": true, "web.de": true, "t-online.de": true, "freenet.de": true,
	"inbox.ru": true, "list.ru": true, "bk.ru": true, "email.com": true, "usa.net": true,
	"free.fr": true, "orange.fr": true, "laposte.net": true, "wanadoo.fr": true, "sfr.fr": true,
	"btinternet.com": true, "sky.com": true, "comcast.net": true, "verizon.net": true,
	"att.net": true, "sbcglobal.net": true, "cox.net": true, "earthlink.net": true,
	"tom.com": true, "21cn.com": true, "189.cn": true, "wo.cn": true, "hanmail.net": true,
}

// freeMailLabels name consumer providers in any country domain.
var freeMailLabels = map[string]bool{
	"gmail": true, "googlemail": true, "yahoo": true, "ymail": true, "rocketmail": true,
	"hotmail": true, "outlook": true, "live": true, "msn": true, "passport": true,
	"icloud": true, "me": true, "mac": true, "aol": true, "aim": true, "gmx": true,
	"yandex": true, "ya": true, "proton": true, "protonmail": true, "pm": true, "tutanota": true,
	"zoho": true, "zohomail": true, "fastmail": true, "hushmail": true, "mailinator": true,
	"qq": true, "163": true, "126": true, "sina": true, "sohu": true,
	"yeah": true, "foxmail": true, "139": true, "aliyun": true, "naver": true, "daum": true,
	"rediffmail": true, "libero": true, "rambler": true, "seznam": true, "wp": true, "o2": true,
	"interia": true, "onet": true,
}
