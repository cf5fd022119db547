package tabular

import (
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

const benchRows = 100_000

// writeBenchWorkbook writes a CRM-export-shaped sheet with excelize's
// StreamWriter: text, numeric phones, amounts and date cells.
func writeBenchWorkbook(tb testing.TB, path string, rows int) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 22})
	if err != nil {
		tb.Fatal(err)
	}
	header := []any{"客户编号", "客户名称", "联系人", "手机", "邮箱", "负责人", "最后跟进时间", "累计消费金额", "购买次数", "备注"}
	if err := sw.SetRow("A1", header); err != nil {
		tb.Fatal(err)
	}
	owners := []string{"张伟", "李娜", "王芳", "刘洋"}
	base := time.Date(2024, 1, 1, 9, 30, 0, 0, time.UTC)
	for r := 2; r <= rows+1; r++ {
		row := []any{
			fmt.Sprintf("%06d", r),
			fmt.Sprintf("深圳市第%d科技有限公司", r),
			"王小明",
			13800000000 + r,
			fmt.Sprintf("user%d@example.com", r),
			owners[r%len(owners)],
			excelize.Cell{StyleID: date, Value: base.Add(time.Duration(r) * time.Minute)},
			float64(r%100000) + 0.5,
			r % 50,
			"季度回访",
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}

func BenchmarkXLSXRead(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	writeBenchWorkbook(b, path, benchRows)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tables, err := openXLSX(path, path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := tables[0].Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		tables[0].Close()
		if n != benchRows+1 {
			b.Fatalf("read %d rows, want %d", n, benchRows+1)
		}
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkExcelizeRows is the baseline: excelize's own streaming row
// iterator on the same file, without types.
func BenchmarkExcelizeRows(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	writeBenchWorkbook(b, path, benchRows)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f, err := excelize.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
		}
		rows.Close()
		f.Close()
	}
	b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkAppendNumber(b *testing.B) {
	for _, v := range []string{"13812345678", "12345.5", "1.3812345678E10", "0.30000000000000004"} {
		b.Run(v, func(b *testing.B) {
			in, dst := []byte(v), make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				dst = appendNumber(dst[:0], in)
			}
		})
	}
}
