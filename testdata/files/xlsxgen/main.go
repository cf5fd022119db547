//go:build ignore

// Command xlsxgen writes the workbook fixtures testdata/files/xlsx-*.xlsx
// and xls-legacy.xls used by internal/tabular's tests. Run it from the
// repository root:
//
//	go run testdata/files/xlsxgen/main.go
//
// The LibreOffice fixtures need soffice (apt-get install -y
// libreoffice-calc-nogui); see README.md for the exact commands it runs.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	dir := flag.String("dir", "testdata/files", "where to write the fixtures")
	src := flag.String("src", "testdata/files/xlsxgen", "where the .fods sources are")
	flag.Parse()
	steps := []struct {
		name string
		make func(string) error
	}{
		{"xlsx-1904.xlsx", make1904},
		{"xlsx-merged.xlsx", makeMerged},
		{"xlsx-hidden.xlsx", makeHidden},
		{"xlsx-numeric-phone.xlsx", makeNumericPhone},
		{"xlsx-encrypted.xlsx", makeEncrypted},
	}
	for _, s := range steps {
		out := filepath.Join(*dir, s.name)
		if err := s.make(out); err != nil {
			log.Fatalf("%s: %v", s.name, err)
		}
		if err := os.Chmod(out, 0o644); err != nil { // excelize creates 0755 files
			log.Fatal(err)
		}
	}
	for _, c := range []struct{ source, format, out string }{
		{"customers.fods", "xlsx", "xlsx-libreoffice.xlsx"},
		{"customers.fods", "xls", "xls-legacy.xls"},
		{"formulas.fods", "xlsx", "xlsx-formula.xlsx"},
	} {
		if err := convert(filepath.Join(*src, c.source), c.format, filepath.Join(*dir, c.out)); err != nil {
			log.Fatalf("%s: %v", c.out, err)
		}
	}
	if err := truncate(filepath.Join(*dir, "xlsx-libreoffice.xlsx"), filepath.Join(*dir, "xlsx-truncated.xlsx")); err != nil {
		log.Fatal(err)
	}
}

// convert runs LibreOffice on a .fods source, with a private profile so it
// does not clash with a running LibreOffice.
func convert(source, format, out string) error {
	tmp, err := os.MkdirTemp("", "xlsxgen-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(tmp, "profile"),
		"--headless", "--convert-to", format, "--outdir", tmp, source)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return err
	}
	base := filepath.Base(source)
	data, err := os.ReadFile(filepath.Join(tmp, base[:len(base)-len(filepath.Ext(base))]+"."+format))
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

// truncate keeps the first 60% of a workbook: the zip directory at the end
// is lost, as when a download or copy stops early.
func truncate(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data[:len(data)*6/10], 0o644)
}

// serial is the Excel date serial of t in the 1900 or 1904 date system.
func serial(t time.Time, date1904 bool) float64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Sub(epoch).Hours() / 24
}

func day(y, m, d, hh, mm int) time.Time {
	return time.Date(y, time.Month(m), d, hh, mm, 0, 0, time.UTC)
}

func ptr[T any](v T) *T { return &v }

// setRow writes values from A<row> on.
func setRow(f *excelize.File, sheet string, row int, values ...any) error {
	cell, _ := excelize.CoordinatesToCellName(1, row)
	return f.SetSheetRow(sheet, cell, &values)
}

func style(f *excelize.File, s excelize.Style) int {
	id, err := f.NewStyle(&s)
	if err != nil {
		log.Fatal(err)
	}
	return id
}

// make1904 is a workbook in the 1904 date system (old Mac Excel), where
// serial 0 is 1904-01-01.
func make1904(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)}); err != nil {
		return err
	}
	const sh = "客户"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	date := style(f, excelize.Style{NumFmt: 14})
	stamp := style(f, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm")})
	if err := setRow(f, sh, 1, "客户编号", "客户名称", "负责人", "首次购买时间", "最后跟进时间"); err != nil {
		return err
	}
	rows := []struct {
		id, name, owner string
		first, last     time.Time
	}{
		{"C001", "广州天河电子有限公司", "张伟", day(2023, 11, 20, 0, 0), day(2025, 3, 4, 14, 30)},
		{"C002", "Pacific Rim Imports LLC", "李娜", day(1904, 1, 2, 0, 0), day(2024, 12, 31, 9, 5)},
	}
	for i, r := range rows {
		n := i + 2
		if err := setRow(f, sh, n, r.id, r.name, r.owner, serial(r.first, true), serial(r.last, true)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, fmt.Sprintf("D%d", n), fmt.Sprintf("D%d", n), date); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, fmt.Sprintf("E%d", n), fmt.Sprintf("E%d", n), stamp); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// makeMerged is a hand-kept sheet: a title merged across the columns above
// the header, each owner merged down over their customers, and a note
// merged over two rows (F5's own "待回访" is hidden by the merge in Excel).
func makeMerged(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "重点客户"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	date := style(f, excelize.Style{NumFmt: 14})
	if err := setRow(f, sh, 1, "2025年重点客户名单（华南区）"); err != nil {
		return err
	}
	if err := setRow(f, sh, 2, "负责人", "客户名称", "联系人", "手机", "最后跟进时间", "备注"); err != nil {
		return err
	}
	data := [][]any{
		{"张伟", "深圳市华星科技有限公司", "王小明", 13812345678, serial(day(2025, 3, 4, 0, 0), false), "年度框架合同"},
		{nil, "东莞市恒通物流有限公司", "刘洋", 13912345678, serial(day(2025, 2, 18, 0, 0), false), "重点跟进"},
		{nil, "佛山市美达家具厂", "陈静", 13712345678, serial(day(2025, 1, 9, 0, 0), false), "待回访"},
		{"李娜", "广州天河电子有限公司", "赵磊", 13612345678, serial(day(2024, 12, 1, 0, 0), false), nil},
		{nil, "珠海港湾贸易有限公司", "孙丽", 13512345678, serial(day(2024, 11, 11, 0, 0), false), nil},
	}
	for i, r := range data {
		if err := setRow(f, sh, i+3, r...); err != nil {
			return err
		}
	}
	// Row 8 exists only as formatting under 李娜's merged cell: a blank row.
	if err := f.SetCellStyle(sh, "E3", "E8", date); err != nil {
		return err
	}
	for _, m := range [][2]string{{"A1", "F1"}, {"A3", "A5"}, {"A6", "A8"}, {"F4", "F5"}} {
		if err := f.MergeCell(sh, m[0], m[1]); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// makeHidden has a hidden first sheet, two visible ones and a "very
// hidden" one (only VBA can show it).
func makeHidden(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "隐藏表"); err != nil {
		return err
	}
	for _, name := range []string{"客户名单", "历史", "配置"} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	sheets := []struct {
		name string
		rows [][]any
	}{
		{"隐藏表", [][]any{{"客户名称", "手机"}, {"内部测试客户", 13000000000}}},
		{"客户名单", [][]any{{"客户名称", "联系人", "手机"}, {"苏州工业园区创新科技有限公司", "周杰", 13812340001}}},
		{"历史", [][]any{{"客户名称", "联系人", "手机"}, {"无锡太湖纺织有限公司", "吴芳", 13812340002}}},
		{"配置", [][]any{{"key", "value"}, {"region", "CN"}}},
	}
	for _, sh := range sheets {
		for i, r := range sh.rows {
			if err := setRow(f, sh.name, i+1, r...); err != nil {
				return err
			}
		}
	}
	f.SetActiveSheet(1)
	if err := f.SetSheetVisible("隐藏表", false); err != nil {
		return err
	}
	if err := f.SetSheetVisible("配置", false, true); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// makeNumericPhone stores what sales admins type as numbers: phones and
// ids as number cells, amounts with a currency format, dates with Chinese
// formats, plus rich text, booleans, a time of day and a percentage.
func makeNumericPhone(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "客户名单"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	yuan := style(f, excelize.Style{CustomNumFmt: ptr(`"¥"#,##0.00`)})
	cnDate := style(f, excelize.Style{CustomNumFmt: ptr(`yyyy"年"m"月"d"日"`)})
	builtinCN := style(f, excelize.Style{NumFmt: 31}) // yyyy"年"m"月"d"日" in zh-CN Excel
	stamp := style(f, excelize.Style{NumFmt: 22})
	clock := style(f, excelize.Style{CustomNumFmt: ptr("h:mm")})
	pct := style(f, excelize.Style{NumFmt: 10})
	header := []any{"客户编号", "客户名称", "手机", "累计消费金额", "首次购买时间", "最后跟进时间", "备注", "是否VIP", "跟进时刻", "折扣率"}
	if err := setRow(f, sh, 1, header...); err != nil {
		return err
	}
	rows := [][]any{
		{"00123", "上海明达实业有限公司", 13812345678, 12345.5, serial(day(2025, 3, 4, 0, 0), false),
			serial(day(2025, 3, 4, 14, 30), false), nil, true, 14.5 / 24, 0.15},
		{"00124", "Beijing Sunrise Co., Ltd.", 8613912345678, 1e20, serial(day(2024, 2, 29, 0, 0), false),
			serial(day(2024, 12, 31, 9, 5), false), "Key account", false, 9.0 / 24, 0.1 + 0.2},
		{2025000123, "成都天府软件园有限公司", 13900001111, 0.5, nil, nil, nil, nil, nil, 1},
	}
	for i, r := range rows {
		if err := setRow(f, sh, i+2, r...); err != nil {
			return err
		}
	}
	for col, id := range map[string]int{"D": yuan, "F": stamp, "I": clock, "J": pct} {
		if err := f.SetCellStyle(sh, col+"2", col+"4", id); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "E2", "E2", cnDate); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "E3", "E3", builtinCN); err != nil {
		return err
	}
	runs := []excelize.RichTextRun{
		{Text: "重要", Font: &excelize.Font{Bold: true, Color: "FF0000"}},
		{Text: "客户，季度回访"},
	}
	if err := f.SetCellRichText(sh, "G2", runs); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// makeEncrypted is a password-protected workbook (password "crmkit"):
// Office wraps the encrypted package in an OLE2 compound file.
func makeEncrypted(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := setRow(f, "Sheet1", 1, "客户名称", "手机"); err != nil {
		return err
	}
	if err := setRow(f, "Sheet1", 2, "保密客户有限公司", "13800000000"); err != nil {
		return err
	}
	return f.SaveAs(path, excelize.Options{Password: "crmkit"})
}
