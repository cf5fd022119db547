package tabular

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// benchCSV is a customer export of n rows × 20 columns, about 250 bytes a
// row like the 1M-row imports crmkit is sized for.
func benchCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("客户编号,客户名称,联系人,手机,邮箱,地址,省份,城市,行业,客户来源,客户类型,负责人,领取时间,最后跟进时间,首次购买时间,最近购买时间,购买次数,累计消费金额,推荐人数,标签\r\n")
	for i := range n {
		fmt.Fprintf(&b, "C%07d,深圳市腾飞科技有限公司%d,张伟,138%08d,zhang%d@example.com,\"广东省深圳市南山区科技园路%d号, A座\",广东,深圳,软件,官网,终端用户,李娜,2024-03-0%d,2025-01-15 10:30:00,2023-05-01,2025-02-01,%d,%d.50,%d,VIP\r\n",
			i, i%1000, i, i, i%500, 1+i%9, i%50, i*13, i%5)
	}
	return b.Bytes()
}

func benchRead(b *testing.B, data []byte, opts Options) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tb, err := newCSVTable("bench.csv", bytes.NewReader(data), io.NopCloser(nil), opts)
		if err != nil {
			b.Fatal(err)
		}
		for {
			r, err := tb.Next()
			if err == io.EOF {
				break
			}
			if err != nil || r.Problem != "" {
				b.Fatal(err, r.Problem)
			}
		}
	}
}

func BenchmarkCSVTableUTF8(b *testing.B) {
	benchRead(b, benchCSV(20_000), Options{})
}

func BenchmarkCSVTableGB18030(b *testing.B) {
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes(benchCSV(20_000))
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, data, Options{})
}

// BenchmarkEncodingCSV is the bare parser, to see what the table adds.
func BenchmarkEncodingCSV(b *testing.B) {
	data := benchCSV(20_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		r.ReuseRecord = true
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCSVOpen is detection and sniffing on a full 64 KiB sample.
func BenchmarkCSVOpen(b *testing.B) {
	data := benchCSV(1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newCSVTable("bench.csv", bytes.NewReader(data), io.NopCloser(nil), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
