package normalize

import "testing"

func TestEmail(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"empty", "", "", true},
		{"clean", "zhang.san@example.com", "zhang.san@example.com", true},
		{"trim and lower", "  Zhang.San@Example.COM ", "zhang.san@example.com", true},
		{"full-width", "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zhang@example.com", true},
		{"mailto", "mailto:a@b.cn", "a@b.cn", true},
		{"angle brackets", "<a@b.cn>", "a@b.cn", true},
		{"angle brackets and mailto", "<MAILTO:a@b.cn>", "a@b.cn", true},
		{"plus and subdomain", "sales+crm@mail.example.com.cn", "sales+crm@mail.example.com.cn", true},
		{"idn domain", "用户@例子.中国", "用户@例子.中国", true},
		{"several", "a@b.cn; c@d.com", "a@b.cn;c@d.com", true},
		{"several with chinese separators", "a@b.cn，c@d.com、e@f.org；g@h.net", "a@b.cn;c@d.com;e@f.org;g@h.net", true},
		{"several with slash and newline", "a@b.cn/c@d.com\ne@f.org", "a@b.cn;c@d.com;e@f.org", true},
		{"duplicates removed", "a@b.cn, A@B.CN", "a@b.cn", true},
		{"no at", "example.com", "example.com", false},
		{"two ats", "a@b@c.com", "a@b@c.com", false},
		{"empty local", "@b.com", "@b.com", false},
		{"no dot in domain", "a@localhost", "a@localhost", false},
		{"empty label", "a@b..com", "a@b..com", false},
		{"trailing dot", "a@b.com.", "a@b.com.", false},
		{"hyphen edge", "a@-b.com", "a@-b.com", false},
		{"numeric tld", "a@1.2.3.4", "a@1.2.3.4", false},
		{"double dot local", "a..b@c.com", "a..b@c.com", false},
		{"display name", "Zhang <z@b.com>", "Zhang <z@b.com>", false},
		{"one bad spoils the cell", "a@b.cn; nope", "a@b.cn; nope", false},
		{"raw keeps case", " Not An Email ", "Not An Email", false},
		{"only separators", ";;", ";;", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Email(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Email(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
			if again, ok2 := Email(got); again != got || ok2 != ok {
				t.Errorf("Email not idempotent: Email(%q) = %q, %v", got, again, ok2)
			}
		})
	}
}

func TestEmailCleanDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Email("zhang.san@example.com") }); n != 0 {
		t.Errorf("Email allocated %v times, want 0", n)
	}
}
