package stats

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
)

type collectSink struct {
	c      *Collector
	schema *record.Schema
}

func (s collectSink) Record(_ *ingest.Table, r *record.Record) error {
	s.c.Add(s.schema, r)
	return nil
}
func (s collectSink) Reject(*ingest.Table, ingest.Reject) error { return nil }

func profile(t *testing.T, csv string) *Result {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := ingest.Open([]string{path}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	c := NewCollector(ColumnsOf(in, nil), 3)
	st, err := in.Run(context.Background(), 1, collectSink{c, &in.Schema})
	if err != nil {
		t.Fatal(err)
	}
	return c.Result(st.Quality.Invalid, st.Rejected)
}

const sample = `客户名称,手机,邮箱,负责人,微信
华强电子有限公司,13812345678,a@x.com,张三,wx1
华强电子有限公司,138 1234 5678,not-an-email,张三,
星河科技,12345,,李四,wx2
Acme,,b@y.com,张三,wx1
`

// TestProfile checks the counts a sales admin would make by hand.
func TestProfile(t *testing.T) {
	res := profile(t, sample)
	if res.Records != 4 || res.Rejected != 0 {
		t.Fatalf("records %d rejected %d", res.Records, res.Rejected)
	}
	by := map[string]Profile{}
	var names []string
	for _, p := range res.Columns {
		by[p.Name] = p
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "company,phone,email,owner,微信" {
		t.Fatalf("columns %s", got)
	}
	for _, tt := range []struct {
		col                       string
		header, role              string
		mapped                    bool
		filled, distinct, invalid int
		top                       string
	}{
		{"company", "客户名称", "company", true, 4, 3, 0, "华强电子有限公司 2,Acme 1,星河科技 1"},
		// 138 1234 5678 and 13812345678 are one number once normalized;
		// 12345 is kept as given and counted invalid.
		{"phone", "手机", "phone", true, 3, 2, 1, "+8613812345678 2,12345 1"},
		{"email", "邮箱", "email", true, 3, 3, 1, "a@x.com 1,b@y.com 1,not-an-email 1"},
		{"owner", "负责人", "", true, 4, 2, 0, "张三 3,李四 1"},
		{"微信", "微信", "", false, 3, 2, 0, "wx1 2,wx2 1"},
	} {
		p := by[tt.col]
		var top []string
		for _, v := range p.Top {
			top = append(top, v.Value+" "+itoa(v.Count))
		}
		if strings.Join(p.Headers, "|") != tt.header || p.Role != tt.role || p.Mapped != tt.mapped ||
			p.Filled != tt.filled || p.Distinct != tt.distinct || !p.DistinctExact || p.Invalid != tt.invalid || strings.Join(top, ",") != tt.top {
			t.Errorf("%s = headers %v role %q mapped %v filled %d distinct %d invalid %d top %v", tt.col, p.Headers, p.Role, p.Mapped, p.Filled, p.Distinct, p.Invalid, top)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestJSONIsData(t *testing.T) {
	var out bytes.Buffer
	if err := profile(t, sample).Write(&out, "json", 0); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Kind    string `json:"kind"`
		Records int    `json:"records"`
		Columns []struct {
			Column   string          `json:"column"`
			Field    *string         `json:"field"`
			Role     *string         `json:"role"`
			FillRate float64         `json:"fill_rate"`
			Top      []ValueCount    `json:"top_values"`
			Extra    json.RawMessage `json:"distinct"`
		} `json:"columns"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Kind != "stats" || doc.Records != 4 || len(doc.Columns) != 5 {
		t.Fatalf("%+v", doc)
	}
	wx := doc.Columns[4]
	if wx.Column != "微信" || wx.Field != nil || wx.Role != nil || wx.FillRate != 0.75 || string(wx.Extra) != "2" {
		t.Errorf("微信 column = %+v", wx)
	}
	if c := doc.Columns[0]; c.Field == nil || *c.Field != "company" || c.Role == nil || *c.Role != "company" || c.FillRate != 1 {
		t.Errorf("company column = %+v", c)
	}
}

func TestTable(t *testing.T) {
	var out bytes.Buffer
	if err := profile(t, sample).Write(&out, "csv", 0); err != nil {
		t.Fatal(err)
	}
	want := "column,field,role,filled,fill rate,distinct,invalid,top values\n" +
		"客户名称,company,company,4,1,3,0,华强电子有限公司 (2); Acme (1); 星河科技 (1)\n"
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("got\n%s", out.String())
	}
}

// TestManyDistinctValues: past TrackedValues a column's distinct count
// comes from hashes (still exact here), and it lists no top values.
func TestManyDistinctValues(t *testing.T) {
	cols := []Column{{Name: "company", Field: record.Company, Mapped: true, index: int(record.Company)}}
	c := NewCollector(cols, 5)
	var schema record.Schema
	n := TrackedValues + 1000
	for i := range n {
		var r record.Record
		r.Values[record.Company] = "公司" + itoa(i%(n-10))
		c.Add(&schema, &r)
	}
	p := c.Result([record.NumFields]int{}, 0).Columns[0]
	if p.DistinctExact || p.Distinct != n-10 || p.Top != nil || p.Filled != n {
		t.Errorf("distinct %d exact %v top %v filled %d", p.Distinct, p.DistinctExact, p.Top, p.Filled)
	}
}

// TestCountedValuesAreCopies: a record's strings may share a block of the
// reader's text with many other rows (ingest.Sink), so a value kept for
// the top list must be a copy, or the counts of a column would hold a
// block of text for every value they keep.
func TestCountedValuesAreCopies(t *testing.T) {
	cols := []Column{{Name: "city", Field: record.City, Mapped: true, index: int(record.City)}}
	c := NewCollector(cols, 5)
	var schema record.Schema
	text := strings.Repeat("深圳上海", 100) // one block, as the reader's
	for i := range 50 {
		var r record.Record
		r.Values[record.City] = text[:6+6*(i%3)]
		c.Add(&schema, &r)
	}
	p := c.Result([record.NumFields]int{}, 0).Columns[0]
	if p.Distinct != 3 || len(p.Top) != 3 || p.Top[0] != (ValueCount{"深圳", 17}) {
		t.Fatalf("distinct %d top %v, want 3 values, 深圳 17 times first", p.Distinct, p.Top)
	}
	block := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	for _, v := range p.Top {
		at := uintptr(unsafe.Pointer(unsafe.StringData(v.Value)))
		if at >= block && at < block+uintptr(len(text)) {
			t.Errorf("top value %q shares the record's text", v.Value)
		}
	}
}
