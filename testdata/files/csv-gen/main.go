//go:build ignore

// Command csv-gen writes the csv-* fixtures in testdata/files: small
// customer lists saved the way Excel and CRMs save them. Run it from the
// repository root:
//
//	go run testdata/files/csv-gen/main.go
package main

import (
	"log"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const dir = "testdata/files"

func main() {
	// Chinese Excel, "CSV (逗号分隔)": GBK (code page 936), CRLF, no BOM;
	// values with a comma are quoted.
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(crlf(`客户名称,联系人,手机,邮箱,地址,负责人,最后跟进时间,累计消费金额
深圳市腾飞科技有限公司,张伟,13812345678,zhangwei@tengfei.cn,"广东省深圳市南山区科技园路1号,A座",李娜,2025/3/4,128000
北京华信商贸有限公司,王芳,13987654321,wangfang@huaxin.com,北京市朝阳区建国路88号,李娜,2025/2/18,56000.5
上海明远贸易有限公司,刘洋,021-62345678,,上海市静安区南京西路1266号,陈刚,2024/12/30,0
杭州云栖网络科技有限公司,陈静,15067891234,chenjing@yunqi.net,浙江省杭州市西湖区文三路,陈刚,2025/1/9,9800
广州粤海食品有限公司,赵磊,+86 135 0000 1111,zhaolei@yuehai-food.com,广州市天河区体育西路,李娜,2025/3/1,"1,200"
`))
	check(err)
	write("csv-gbk.csv", []byte(gbk))

	// Excel "CSV UTF-8": BOM, CRLF.
	write("csv-utf8-bom-crlf.csv", append([]byte("\uFEFF"), crlf(`Account Name,Contact Name,Mobile,Email,Mailing City,Account Owner,Last Activity Time,Total Revenue
Acme Trading Ltd,John Smith,+1 415 555 0100,john.smith@acme.com,San Francisco,Emily Chen,2025-03-04,12500.00
深圳市腾飞科技有限公司,张伟,138 1234 5678,zhangwei@tengfei.cn,深圳,李娜,2025-02-18,128000
"Globex, Inc.",Maria Garcia,+44 20 7946 0958,m.garcia@globex.co.uk,London,Emily Chen,2025-01-09,"8,400.00"
`)...))

	// Excel "Unicode text": UTF-16LE with BOM, tab-separated, CRLF.
	write("csv-utf16le-tab.txt", utf16le(crlf("客户名称\t联系人\t手机\t邮箱\t负责人\t累计消费金额\n"+
		"深圳市腾飞科技有限公司\t张伟\t13812345678\tzhangwei@tengfei.cn\t李娜\t128000\n"+
		"北京华信商贸有限公司\t王芳\t13987654321\twangfang@huaxin.com\t李娜\t56000.5\n"+
		"\"Acme \"\"Pro\"\" Ltd\"\tJohn Smith\t+1 415 555 0100\tjohn@acme.com\tEmily Chen\t12500\n")))

	// European Excel: semicolons, decimal commas.
	write("csv-semicolon.csv", []byte(`Name;Company;Phone;Email;City;Owner;Revenue
Hans Müller;Müller GmbH;+49 30 1234567;hans@mueller.de;Berlin;Anna Schmidt;1.234,50
Sophie Martin;Martin SARL;+33 1 23 45 67 89;sophie@martin.fr;Paris;Anna Schmidt;980,00
Luca Rossi;Rossi S.p.A.;+39 06 1234 5678;luca@rossi.it;Roma;Peter Wolf;12.000,00
`))

	// CRM notes with line breaks, commas and quotes inside quoted cells.
	write("csv-quoted-newlines.csv", []byte(`客户名称,联系人,备注,负责人
深圳市腾飞科技有限公司,张伟,"3月4日电话回访：
客户对报价满意，下周签合同","李娜"
"Acme Trading, Ltd",John Smith,"Asked for the ""Pro"" plan, call back Monday",Emily Chen
北京华信商贸有限公司,王芳,"第一行
第二行

第四行（中间有空行）",陈刚
`))

	// Hand-kept sheet saved as CSV: a title, an export note, a blank row.
	write("csv-title-rows.csv", []byte(crlf(`客户名单 2025年3月
导出人：李娜,,,,
,,,,
客户名称,联系人,手机,负责人,累计消费金额
深圳市腾飞科技有限公司,张伟,13812345678,李娜,128000
北京华信商贸有限公司,王芳,13987654321,李娜,56000.5
上海明远贸易有限公司,刘洋,021-62345678,陈刚,0
`)))

	// Rows with too many and too few fields (the caller rejects them).
	write("csv-ragged.csv", []byte(`company,contact,phone,owner
Acme Trading Ltd,John Smith,+1 415 555 0100,Emily Chen
Globex Inc,Maria Garcia,+44 20 7946 0958,Emily Chen,extra,cells
Initech LLC,Peter Gibbons
深圳市腾飞科技有限公司,张伟,13812345678,李娜
`))

	// Pipe-separated export from a reporting tool.
	write("csv-pipe.csv", []byte(`客户编号|客户名称|联系人|手机|客户类型|负责人
C0001|深圳市腾飞科技有限公司|张伟|13812345678|终端用户|李娜
C0002|北京华信商贸有限公司|王芳|13987654321|中间商|李娜
C0003|Acme Trading, Ltd|John Smith|+1 415 555 0100|终端用户|Emily Chen
`))
}

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

func utf16le(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func write(name string, data []byte) {
	check(os.WriteFile(filepath.Join(dir, name), data, 0o644))
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
