package tabular

import (
	"strings"
	"testing"
)

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		name      string
		sample    string
		complete  bool
		preferTab bool
		want      rune
	}{
		{"comma", "a,b,c\n1,2,3\n4,5,6\n", true, false, ','},
		{"semicolon with decimal commas", "name;amount\nAcme;1,5\nGlobex;2,75\n", true, false, ';'},
		{"tab with commas in addresses", "name\taddress\nA\t1 Main St, Springfield\nB\t2 Elm, Town, State\n", true, false, '\t'},
		{"pipe", "id|name\n1|Acme, Ltd\n2|Globex\n", true, false, '|'},
		{"title row alone on a line", "客户名单 2025年3月\n\n客户名称;联系人;手机\n腾飞;张伟;138\n华信;王芳;139\n", true, false, ';'},
		{"title row padded with commas", "客户名单,,,,,\n,,,,,\n客户名称;联系人;手机\n腾飞;张伟;138\n", true, false, ';'},
		{"title row and header only", "客户名单,,,,,\n客户名称;联系人;手机\n", true, false, ';'},
		{"quoted fields hide other delimiters", "a;b\n\"x,y,z\";\"1,2\"\n\"p,q\";\"r,s,t,u\"\n", true, false, ';'},
		{"quoted line breaks", "a,b\n\"line1\nline2;x;y\",c\n\"l;m\",d\n", true, false, ','},
		{"single column", "name\nAcme\nGlobex\n", true, false, ','},
		{"single column, tsv", "name\nAcme\nGlobex\n", true, true, '\t'},
		{"empty", "", true, false, ','},
		{"near tie without tsv bias", "a\tb,c\n1\t2,3\nx,y\n", true, false, ','},
		{"near tie with tsv bias", "a\tb,c\n1\t2,3\nx,y\n", true, true, '\t'},
		{"tsv name but comma content", "a,b,c\n1,2,3\n", true, true, ','},
		{"tie goes to the wider split", "a|b|c,d\n1|2|3,4\n", true, false, '|'},
		{"cut last line ignored", "a;b\n1;2\n3;4\n5,6,7,8,9", false, false, ';'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffDelimiter([]byte(tt.sample), tt.complete, tt.preferTab); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSniffOnlyFirstRecords(t *testing.T) {
	// Rows past the first csvSniffRecords must not outvote the header region.
	sample := strings.Repeat("a;b;c\n", csvSniffRecords) + strings.Repeat("x,y,z,w\n", 3*csvSniffRecords)
	if got := sniffDelimiter([]byte(sample), true, false); got != ';' {
		t.Errorf("got %q, want ';'", got)
	}
}

func TestSniffThroughTable(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		opts Options
		want rune
	}{
		{"tsv extension", "export.tsv", "name\nAcme\n", Options{}, '\t'},
		{"tab extension", "export.TAB", "name\nAcme\n", Options{}, '\t'},
		{"utf-16 prefers tab", "x.txt", "\xff\xfe" + csvUTF16Bytes("name\r\nAcme\r\n", false), Options{}, '\t'},
		{"override wins", "x.csv", "a,b\n1,2\n", Options{Delimiter: ';'}, ';'},
		{"full-width comma override", "x.csv", "a，b\n", Options{Delimiter: '，'}, '，'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := csvOpenBytes(t, tt.file, []byte(tt.data), tt.opts)
			if got := tb.Info().Delimiter; got != tt.want {
				t.Errorf("delimiter = %q, want %q", got, tt.want)
			}
		})
	}
}
