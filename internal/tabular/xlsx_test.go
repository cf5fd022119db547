package tabular

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func fixture(name string) string { return filepath.Join("..", "..", "testdata", "files", name) }

func TestXLSXFixtures(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		opts  Options
		sheet string
		d1904 bool
		want  []gotRow
	}{
		{
			name: "LibreOffice: dates, numeric phones, ids with leading zeros, entities, blank row skipped",
			file: "xlsx-libreoffice.xlsx", sheet: "客户名单",
			want: []gotRow{
				{1, []string{"客户编号", "客户名称", "联系人", "手机", "邮箱", "负责人", "最后跟进时间", "首次购买时间", "累计消费金额", "购买次数"}, ""},
				{2, []string{"00123", "深圳市华星科技有限公司", "王小明", "13812345678", "wangxm@huaxing.cn", "张伟", "2025-03-04 14:30:00", "2023-11-20", "12345.5", "7"}, ""},
				{3, []string{"00124", "Acme Trading Ltd.", "John Smith", "8613912345678", "john.smith@acme.com", "李娜", "2024-12-31 09:05:00", "2020-02-29", "980000", "15"}, ""},
				{4, []string{"00125", "杭州绿源农业发展有限公司", "陈静", "0571-88886666", "", "", "2025-01-15"}, ""},
				{6, []string{"00126", "北京&上海 <联合> 贸易公司", `赵"老板"`, "13700001111", "", "", "", "", "0.5"}, ""},
			},
		},
		{
			name: "1904 date system", file: "xlsx-1904.xlsx", sheet: "客户", d1904: true,
			want: []gotRow{
				{1, []string{"客户编号", "客户名称", "负责人", "首次购买时间", "最后跟进时间"}, ""},
				{2, []string{"C001", "广州天河电子有限公司", "张伟", "2023-11-20", "2025-03-04 14:30:00"}, ""},
				{3, []string{"C002", "Pacific Rim Imports LLC", "李娜", "1904-01-02", "2024-12-31 09:05:00"}, ""},
			},
		},
		{
			name: "merged title and owners filled; blank row under a merge skipped", file: "xlsx-merged.xlsx", sheet: "重点客户",
			want: []gotRow{
				{1, slices.Repeat([]string{"2025年重点客户名单（华南区）"}, 6), ""},
				{2, []string{"负责人", "客户名称", "联系人", "手机", "最后跟进时间", "备注"}, ""},
				{3, []string{"张伟", "深圳市华星科技有限公司", "王小明", "13812345678", "2025-03-04", "年度框架合同"}, ""},
				{4, []string{"张伟", "东莞市恒通物流有限公司", "刘洋", "13912345678", "2025-02-18", "重点跟进"}, ""},
				{5, []string{"张伟", "佛山市美达家具厂", "陈静", "13712345678", "2025-01-09", "重点跟进"}, ""},
				{6, []string{"李娜", "广州天河电子有限公司", "赵磊", "13612345678", "2024-12-01"}, ""},
				{7, []string{"李娜", "珠海港湾贸易有限公司", "孙丽", "13512345678", "2024-11-11"}, ""},
			},
		},
		{
			name: "numbers as stored, currency and Chinese date formats, rich text, booleans, time, percent",
			file: "xlsx-numeric-phone.xlsx", sheet: "客户名单",
			want: []gotRow{
				{1, []string{"客户编号", "客户名称", "手机", "累计消费金额", "首次购买时间", "最后跟进时间", "备注", "是否VIP", "跟进时刻", "折扣率"}, ""},
				{2, []string{"00123", "上海明达实业有限公司", "13812345678", "12345.5", "2025-03-04", "2025-03-04 14:30:00", "重要客户，季度回访", "TRUE", "14:30:00", "0.15"}, ""},
				{3, []string{"00124", "Beijing Sunrise Co., Ltd.", "8613912345678", "100000000000000000000", "2024-02-29", "2024-12-31 09:05:00", "Key account", "FALSE", "09:00:00", "0.3"}, ""},
				{4, []string{"2025000123", "成都天府软件园有限公司", "13900001111", "0.5", "", "", "", "", "", "1"}, ""},
			},
		},
		{
			name: "formulas give their cached values, typed", file: "xlsx-formula.xlsx", sheet: "汇总",
			want: []gotRow{
				{1, []string{"客户名称", "单价", "数量", "累计消费金额", "等级", "大客户", "单均", "负责人", "到期日", "标签"}, ""},
				{2, []string{"深圳市华星科技有限公司", "1234.5", "12", "14814", "A", "TRUE", "1234.5", "张伟", "2025-04-03", "VIP-A"}, ""},
				{3, []string{"Acme Trading Ltd.", "0.1", "0", "0.3", "B", "FALSE", "#DIV/0!", "#N/A", "1904-01-01", "VIP-B"}, ""},
			},
		},
		{
			name: "default skips the hidden first sheet", file: "xlsx-hidden.xlsx", sheet: "客户名单",
			want: []gotRow{
				{1, []string{"客户名称", "联系人", "手机"}, ""},
				{2, []string{"苏州工业园区创新科技有限公司", "周杰", "13812340001"}, ""},
			},
		},
		{
			name: "a hidden sheet is read when named", file: "xlsx-hidden.xlsx", opts: Options{Sheet: "隐藏表"}, sheet: "隐藏表",
			want: []gotRow{
				{1, []string{"客户名称", "手机"}, ""},
				{2, []string{"内部测试客户", "13000000000"}, ""},
			},
		},
		{
			name: "a very hidden sheet is read when named, ignoring case", file: "xlsx-hidden.xlsx", opts: Options{Sheet: "配置"}, sheet: "配置",
			want: []gotRow{
				{1, []string{"key", "value"}, ""},
				{2, []string{"region", "CN"}, ""},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := fixture(tt.file)
			tables, err := Open(path, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(tables) != 1 {
				t.Fatalf("got %d tables, want 1", len(tables))
			}
			defer tables[0].Close()
			want := Info{Path: path, Format: "xlsx", Sheet: tt.sheet, Date1904: tt.d1904}
			if got := tables[0].Info(); got != want {
				t.Errorf("Info() = %+v, want %+v", got, want)
			}
			got, err := readAll(t, tables[0])
			if err != nil {
				t.Fatal(err)
			}
			diffRows(t, got, tt.want)
		})
	}
}

func TestXLSXAllSheets(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"xlsx-hidden.xlsx", []string{"客户名单", "历史"}}, // hidden and very hidden skipped
		{"xlsx-formula.xlsx", []string{"汇总", "负责人表"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tables, err := Open(fixture(tt.file), Options{AllSheets: true})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tab := range tables {
				names = append(names, tab.Info().Sheet)
				rows, err := readAll(t, tab)
				if err != nil || len(rows) == 0 {
					t.Errorf("sheet %s: %d rows, error %v", tab.Info().Sheet, len(rows), err)
				}
			}
			// Closing in any order releases the shared file once.
			for i := len(tables) - 1; i >= 0; i-- {
				if err := tables[i].Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}
			if !slices.Equal(names, tt.want) {
				t.Errorf("sheets %q, want %q", names, tt.want)
			}
		})
	}
}

func TestWorkbookSheets(t *testing.T) {
	got, err := WorkbookSheets(fixture("xlsx-hidden.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	want := []SheetInfo{{"隐藏表", true}, {"客户名单", false}, {"历史", false}, {"配置", true}}
	if !slices.Equal(got, want) {
		t.Errorf("WorkbookSheets = %v, want %v", got, want)
	}
}

func TestXLSXOpenErrors(t *testing.T) {
	tests := []struct {
		name, file string
		opts       Options
		msg, hint  string
		usage      bool
	}{
		{
			name: "unknown sheet", file: "xlsx-hidden.xlsx", opts: Options{Sheet: "客户"},
			msg:  `sheet "客户" not found in ` + fixture("xlsx-hidden.xlsx") + ` (sheets: 隐藏表[hidden], 客户名单, 历史, 配置[hidden])`,
			hint: "pass --sheet 客户名单, or --all-sheets", usage: true,
		},
		{
			name: "both sheet options", file: "xlsx-hidden.xlsx", opts: Options{Sheet: "历史", AllSheets: true},
			msg: "--sheet and --all-sheets cannot be used together", hint: "pass either --sheet or --all-sheets", usage: true,
		},
		{
			name: "legacy xls", file: "xls-legacy.xls",
			msg:  fixture("xls-legacy.xls") + " is a legacy Excel 97-2003 .xls workbook, which crmkit cannot read",
			hint: "open it in Excel or LibreOffice and save as .xlsx (or CSV UTF-8), or run: soffice --headless --convert-to xlsx FILE",
		},
		{
			name: "password-protected", file: "xlsx-encrypted.xlsx",
			msg:  fixture("xlsx-encrypted.xlsx") + " is password-protected",
			hint: "remove the password in Excel (File > Info > Protect Workbook) and save a copy",
		},
		{
			name: "truncated", file: "xlsx-truncated.xlsx",
			msg:  fixture("xlsx-truncated.xlsx") + " is not a readable .xlsx workbook (it is damaged or incomplete: zip: not a valid zip file)",
			hint: "open and re-save it in Excel, or export it as CSV",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(fixture(tt.file), tt.opts)
			checkErr(t, err, tt.msg, tt.hint, tt.usage)
		})
	}
}

func TestXLSXFromStdin(t *testing.T) {
	data, err := os.ReadFile(fixture("xlsx-hidden.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	tables, err := Open("-", Options{Stdin: bytes.NewReader(data), Sheet: "历史"})
	if err != nil {
		t.Fatal(err)
	}
	defer tables[0].Close()
	if info := tables[0].Info(); info.Path != "-" || info.Sheet != "历史" || info.Source() != "stdin:历史" {
		t.Errorf("Info() = %+v", info)
	}
	// The spooled copy is already removed; the open handle still reads it.
	got, err := readAll(t, tables[0])
	if err != nil {
		t.Fatal(err)
	}
	diffRows(t, got, []gotRow{
		{1, []string{"客户名称", "联系人", "手机"}, ""},
		{2, []string{"无锡太湖纺织有限公司", "吴芳", "13812340002"}, ""},
	})
}

func TestOLEFromStdin(t *testing.T) {
	data, err := os.ReadFile(fixture("xls-legacy.xls"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open("-", Options{Stdin: bytes.NewReader(data)})
	checkErr(t, err,
		"the workbook on stdin is a legacy Excel 97-2003 .xls or a password-protected workbook, which crmkit cannot read",
		hintLegacyXLS+"; if it has a password, "+hintPassword, false)
}

// The sheets of one workbook share its file and shared strings; reading
// them concurrently must be safe (go test -race).
func TestXLSXSheetsReadConcurrently(t *testing.T) {
	tables, err := Open(fixture("xlsx-formula.xlsx"), Options{AllSheets: true})
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]int, len(tables))
	done := make(chan struct{})
	for i, tab := range tables {
		go func() {
			defer func() { done <- struct{}{} }()
			defer tab.Close()
			rows, err := readAll(t, tab)
			if err != nil {
				t.Error(err)
			}
			counts[i] = len(rows)
		}()
	}
	for range tables {
		<-done
	}
	if !slices.Equal(counts, []int{3, 1}) {
		t.Errorf("rows per sheet %v, want [3 1]", counts)
	}
}
