package tabular

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/crmkit/crmkit/internal/errs"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func csvGBKBytes(s string) string {
	out, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return out
}

func csvUTF16Bytes(s string, bigEndian bool) string {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

func TestDetectEncoding(t *testing.T) {
	const chinese = "客户名称,联系人,手机\n深圳市腾飞科技有限公司,张伟,13812345678\n"
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("name,city\nHans Müller,Zürich\n")
	mixed := strings.Repeat(chinese, 50) + csvGBKBytes("北京华信商贸有限公司,王芳\n")
	tests := []struct {
		name     string
		sample   string
		complete bool
		want     string // encoding name, or "error: <substring>"
		bomLen   int
	}{
		{"empty", "", true, "utf-8", 0},
		{"ascii", "name,phone\nAcme,123\n", true, "utf-8", 0},
		{"utf-8 chinese", chinese, true, "utf-8", 0},
		{"utf-8 bom", "\uFEFF" + chinese, true, "utf-8-bom", 3},
		{"utf-16le bom", "\xff\xfe" + csvUTF16Bytes(chinese, false), true, "utf-16le", 2},
		{"utf-16be bom", "\xfe\xff" + csvUTF16Bytes(chinese, true), true, "utf-16be", 2},
		{"utf-16le no bom", csvUTF16Bytes("name\tphone\r\nAcme\t123\r\n", false), true, "utf-16le", 0},
		{"utf-16be no bom", csvUTF16Bytes("name\tphone\r\nAcme\t123\r\n", true), true, "utf-16be", 0},
		{"utf-16le no bom, mostly chinese", csvUTF16Bytes(chinese, false), true, "utf-16le", 0},
		{"gbk", csvGBKBytes(chinese), true, "gb18030", 0},
		{"gbk cut mid-character", csvGBKBytes(chinese)[:len(csvGBKBytes("客户名称,联系人,手机\n深"))+1], false, "gb18030", 0},
		{"utf-8 cut mid-character", chinese[:len("客户名称,联系人,手机\n深")+1], false, "utf-8", 0},
		{"utf-8 cut at the real end of the file", "客户" + "名"[:1], true, "error: neither UTF-8 nor GB18030", 0},
		{"utf-8 with one gbk cell", mixed, true, "utf-8", 0},
		{"latin-1", latin1, true, "error: neither UTF-8 nor GB18030 (first unreadable byte at 16)", 0},
		{"nul byte", "name,phone\nAcme,\x00\x00\x01\x02\x03", true, "error: binary data at byte 16", 0},
		{"short binary is not utf-16", "a,b\n\x00\x01", true, "error: binary data at byte 4", 0},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", true, "error: binary data at byte 8", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc, err := detectEncoding("f.csv", []byte(tt.sample), tt.complete)
			if want, ok := strings.CutPrefix(tt.want, "error: "); ok {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("err = %v, want one containing %q (got encoding %q)", err, want, enc.name)
				}
				if errs.IsUsage(err) || errs.HintOf(err) == "" {
					t.Errorf("want a data error with a hint, got %#v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if enc.name != tt.want || enc.bomLen != tt.bomLen {
				t.Errorf("got %q (BOM %d), want %q (BOM %d)", enc.name, enc.bomLen, tt.want, tt.bomLen)
			}
		})
	}
}

func TestNamedEncoding(t *testing.T) {
	tests := []struct {
		name   string
		sample string
		want   string
		bomLen int
	}{
		{"utf-8", "a", "utf-8", 0},
		{"UTF8", "a", "utf-8", 0},
		{"utf-8", "\uFEFFa", "utf-8-bom", 3},
		{"utf-8-bom", "a", "utf-8", 0},
		{"GBK", "a", "gbk", 0},
		{"gb2312", "a", "gb2312", 0},
		{"gb18030", "a", "gb18030", 0},
		{"big5", "a", "big5", 0},
		{"utf-16", "a\x00", "utf-16le", 0},
		{"utf-16", "\xfe\xff\x00a", "utf-16be", 2},
		{"utf-16", "\xff\xfea\x00", "utf-16le", 2},
		{"utf-16le", "\xff\xfea\x00", "utf-16le", 2},
		{"utf-16be", "\x00a", "utf-16be", 0},
		{"latin1", "a", "latin1", 0},
		{"iso-8859-1", "a", "latin1", 0},
		{"windows-1252", "a", "windows-1252", 0},
		{"shift_jis", "a", "shift_jis", 0},
		{" Shift-JIS ", "a", "shift_jis", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.want, func(t *testing.T) {
			enc, err := namedEncoding(tt.name, []byte(tt.sample))
			if err != nil {
				t.Fatal(err)
			}
			if enc.name != tt.want || enc.bomLen != tt.bomLen {
				t.Errorf("got %q (BOM %d), want %q (BOM %d)", enc.name, enc.bomLen, tt.want, tt.bomLen)
			}
			if (enc.decoder == nil) != strings.HasPrefix(tt.want, "utf-8") {
				t.Errorf("decoder = %v for %q", enc.decoder, tt.want)
			}
		})
	}
}

func TestNamedEncodingUnknown(t *testing.T) {
	_, err := namedEncoding("klingon", nil)
	if !errs.IsUsage(err) {
		t.Fatalf("err = %v, want a usage error", err)
	}
	hint := errs.HintOf(err)
	for _, name := range []string{"utf-8", "gbk", "gb18030", "big5", "utf-16le", "latin1", "windows-1252", "shift_jis"} {
		if !strings.Contains(hint, name) {
			t.Errorf("hint %q does not list %s", hint, name)
		}
	}
}

func TestDecodedFixtureEncodings(t *testing.T) {
	// Every named decoder must turn its own encoding back into the text.
	const text = "name,city\nAcme,Zürich\n"
	tests := []struct {
		name string
		data string
	}{
		{"latin1", func() string { s, _ := charmap.ISO8859_1.NewEncoder().String(text); return s }()},
		{"gbk", csvGBKBytes("客户名称,城市\n腾飞,深圳\n")},
		{"utf-16be", "\xfe\xff" + csvUTF16Bytes(text, true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := csvReadRows(t, csvOpenBytes(t, "x.csv", []byte(tt.data), Options{Encoding: tt.name}))
			if len(rows) != 2 || len(rows[1].Cells) != 2 || rows[1].Problem != "" {
				t.Fatalf("rows = %+v", rows)
			}
			if c := rows[1].Cells[1]; c != "Zürich" && c != "深圳" {
				t.Errorf("city = %q", c)
			}
		})
	}
}
