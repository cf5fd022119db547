package export

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crmkit/crmkit/internal/record"
)

// benchCols are the canonical columns and the lineage column: 24 in all.
func benchCols() []Column {
	var cols []Column
	for _, f := range record.Fields() {
		cols = append(cols, Column{Name: f.String(), Kind: f.Kind()})
	}
	return append(cols, Column{Name: record.SourceColumn, Kind: record.KindText})
}

// benchRows are distinct realistic rows, cycled through: generating a row
// per write would measure the generator.
func benchRows(cols []Column, n int) [][]string {
	owners := []string{"张三", "李四", "王五", "赵六", "Alice Chen"}
	tiers := []string{"高", "中", "低"}
	rows := make([][]string, n)
	for i := range rows {
		row := make([]string, len(cols))
		for j, c := range cols {
			switch c.Name {
			case "id":
				row[j] = fmt.Sprintf("C%07d", i)
			case "company":
				row[j] = fmt.Sprintf("深圳市第%d科技有限公司", i)
			case "name":
				row[j] = owners[(i+1)%len(owners)] + "经理"
			case "phone":
				row[j] = fmt.Sprintf("+86138%08d", i)
			case "email":
				row[j] = fmt.Sprintf("user%d@example.com", i)
			case "address":
				row[j] = "广东省深圳市南山区科技园路1号"
			case "province", "city":
				row[j] = "广东"
			case "postcode":
				row[j] = "518000"
			case "owner":
				row[j] = owners[i%len(owners)]
			case "notes":
				if i%100 == 0 {
					row[j] = hyperlink
				} else {
					row[j] = "老客户，年底回访"
				}
			case "tags":
				row[j] = "VIP;华南"
			case record.SourceColumn:
				row[j] = fmt.Sprintf("crm.csv:%d", i+2)
			default:
				switch c.Kind {
				case record.KindDate:
					row[j] = fmt.Sprintf("2024-%02d-%02d", i%12+1, i%28+1)
					if c.Name == "last_contact_at" {
						row[j] += " 14:30:00"
					}
				case record.KindAmount:
					row[j] = fmt.Sprintf("%d.%02d", i*37%100000, i%100)
				case record.KindCount:
					row[j] = fmt.Sprint(i % 50)
				default:
					row[j] = tiers[i%len(tiers)]
				}
			}
		}
		rows[i] = row
	}
	return rows
}

// countingWriter counts what the export writes, without keeping it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// peakHeap samples the heap in use until stop is closed.
func peakHeap(stop <-chan struct{}, peak *atomic.Uint64) {
	var m runtime.MemStats
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		runtime.ReadMemStats(&m)
		if m.HeapInuse > peak.Load() {
			peak.Store(m.HeapInuse)
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

func benchmarkExport(b *testing.B, rowsPerOp int, opts Options) {
	cols := benchCols()
	rows := benchRows(cols, 1000)
	var peak atomic.Uint64
	stop := make(chan struct{})
	go peakHeap(stop, &peak)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	var out countingWriter
	for range b.N {
		out.n = 0
		x, err := NewXLSX(&out, cols, opts)
		if err != nil {
			b.Fatal(err)
		}
		for i := range rowsPerOp {
			if err := x.Write(rows[i%len(rows)]); err != nil {
				b.Fatal(err)
			}
		}
		if err := x.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	close(stop)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(out.n)/(1<<20), "file-MB")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rowsPerOp), "ns/row")
}

// BenchmarkXLSX1M is the acceptance benchmark: 1,000,000 rows × 24 columns
// into one sheet. Run it alone: go test -run=^$ -bench=XLSX1M -benchtime=1x
func BenchmarkXLSX1M(b *testing.B) {
	benchmarkExport(b, 1_000_000, Options{Escape: true})
}

// BenchmarkXLSXSplit1M splits the same rows by owner through the spool.
func BenchmarkXLSXSplit1M(b *testing.B) {
	benchmarkExport(b, 1_000_000, Options{Escape: true, SplitBy: "owner"})
}

// BenchmarkXLSXRows measures the per-row cost on a 100,000-row export.
func BenchmarkXLSXRows(b *testing.B) {
	benchmarkExport(b, 100_000, Options{Escape: true})
}

func BenchmarkCSVRow(b *testing.B) {
	cols := benchCols()
	rows := benchRows(cols, 1000)
	c, err := NewCSV(io.Discard, cols, ',', true, Options{Escape: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if err := c.Write(rows[i%len(rows)]); err != nil {
			b.Fatal(err)
		}
	}
	if err := c.Close(); err != nil {
		b.Fatal(err)
	}
}

// vmHWM is the process's peak resident memory, from Linux's /proc.
func vmHWM() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:"))
		}
	}
	return "?"
}

func TestMain(m *testing.M) {
	code := m.Run()
	if os.Getenv("EXPORT_BENCH_RSS") != "" {
		fmt.Fprintln(os.Stderr, "peak RSS:", vmHWM())
	}
	os.Exit(code)
}

// BenchmarkAppendEscaped escapes the text cells of a Chinese customer row.
func BenchmarkAppendEscaped(b *testing.B) {
	cells := []string{"深圳市腾云科技有限公司", "广东省深圳市南山区科技园南区高新南七道 18 号", "张三", "zhang.san@example.com", "华南大区 · 重点客户"}
	var buf []byte
	for b.Loop() {
		for _, c := range cells {
			buf = appendEscaped(buf[:0], c)
		}
	}
}
