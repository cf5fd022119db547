package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

type collect struct {
	recs    []record.Record
	rejects []Reject
}

func (c *collect) Record(_ *Table, r *record.Record) error {
	cp := *r
	cp.Extra = append([]string(nil), r.Extra...)
	c.recs = append(c.recs, cp)
	return nil
}

func (c *collect) Reject(_ *Table, r Reject) error {
	c.rejects = append(c.rejects, r)
	return nil
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, workers int, opts Options, paths ...string) (*Input, Stats, *collect) {
	t.Helper()
	in, err := Open(paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	c := &collect{}
	st, err := in.Run(context.Background(), workers, c)
	if err != nil {
		t.Fatal(err)
	}
	return in, st, c
}

func TestRunNormalizesAndRejects(t *testing.T) {
	p := writeFile(t, "a.csv", "客户名单\n\n客户名称,手机,邮箱,最后跟进时间,累计消费金额,微信\n"+
		"深圳市华强电子有限公司, 138 1234 5678 ,Zhang@QQ.com,2025/3/4,\"¥12,345.00\",wx_1\n"+
		"短行,13812345678\n"+
		"Acme Inc.,+1 415 555 0100,bad-email,2025年3月4日,1.2万,,extra\n"+
		"无效,123,a@b.cn,明天,面议,\n")
	in, st, c := run(t, 2, Options{}, p)
	if st.In != 4 || st.Out != 2 || st.Rejected != 2 {
		t.Fatalf("stats in %d out %d rejected %d, want 4 = 2 + 2", st.In, st.Out, st.Rejected)
	}
	if got := in.Schema.Extra; len(got) != 1 || got[0] != "微信" {
		t.Errorf("Schema.Extra = %v", got)
	}
	r := c.recs[0]
	want := map[record.Field]string{
		record.Company: "深圳市华强电子有限公司", record.Phone: "+8613812345678", record.Email: "zhang@qq.com",
		record.LastContactAt: "2025-03-04", record.TotalRevenue: "12345",
	}
	for f, v := range want {
		if r.Values[f] != v {
			t.Errorf("%s = %q, want %q", f, r.Values[f], v)
		}
	}
	if r.Extra[0] != "wx_1" || r.Source != p+":4" {
		t.Errorf("extra %v source %q", r.Extra, r.Source)
	}
	bad := c.recs[1]
	if bad.Values[record.Phone] != "123" || bad.Values[record.LastContactAt] != "明天" || bad.Values[record.TotalRevenue] != "面议" {
		t.Errorf("invalid values must be kept as given: %v", bad.Values)
	}
	if st.Quality.Invalid[record.Phone] != 1 || st.Quality.Invalid[record.LastContactAt] != 1 || st.Quality.Invalid[record.TotalRevenue] != 1 {
		t.Errorf("quality = %+v", st.Quality.Invalid)
	}
	if len(c.rejects) != 2 || c.rejects[0].Line != 5 || !strings.Contains(c.rejects[0].Reason, "2 values but the header has 6") ||
		c.rejects[1].Line != 6 || !strings.Contains(c.rejects[1].Reason, "7 values") {
		t.Errorf("rejects = %+v", c.rejects)
	}
}

func TestRunIsOrderedWhateverTheWorkers(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,company,phone\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "C%06d,公司%d,1381234%04d\n", i, i, i)
	}
	p := writeFile(t, "many.csv", b.String())
	_, _, one := run(t, 1, Options{}, p)
	_, _, four := run(t, 4, Options{}, p)
	if len(one.recs) != 5000 || len(four.recs) != 5000 {
		t.Fatalf("got %d and %d records", len(one.recs), len(four.recs))
	}
	for i := range one.recs {
		if one.recs[i].Values != four.recs[i].Values || one.recs[i].Source != four.recs[i].Source {
			t.Fatalf("record %d differs between 1 and 4 workers", i)
		}
	}
}

func TestCanonicalRoundTripKeepsLineage(t *testing.T) {
	p := writeFile(t, "c.csv", "id,company,phone,_source\n1,华强,+8613812345678,orig.xlsx:客户:7\n")
	_, _, c := run(t, 1, Options{}, p)
	if c.recs[0].Source != "orig.xlsx:客户:7" {
		t.Errorf("lineage = %q, want the input's", c.recs[0].Source)
	}
}

func TestOpenEmptyAndHeaderOnly(t *testing.T) {
	empty := writeFile(t, "empty.csv", "")
	only := writeFile(t, "only.csv", "客户名称,手机\n")
	in, st, _ := run(t, 1, Options{}, empty, only)
	if st.In != 0 || in.Tables[0].HeaderLine != 0 || in.Tables[1].HeaderLine != 1 {
		t.Errorf("in=%d header lines %d %d", st.In, in.Tables[0].HeaderLine, in.Tables[1].HeaderLine)
	}
}

func TestMultiFileSchemaUnion(t *testing.T) {
	a := writeFile(t, "a.csv", "客户名称,微信\n甲,w1\n")
	b := writeFile(t, "b.csv", "Account Name,QQ,微信\nB Corp,123,w2\n")
	in, _, c := run(t, 1, Options{}, a, b)
	if strings.Join(in.Schema.Extra, ",") != "微信,QQ" {
		t.Fatalf("extra = %v", in.Schema.Extra)
	}
	if c.recs[1].Extra[0] != "w2" || c.recs[1].Extra[1] != "123" {
		t.Errorf("second file extras = %v", c.recs[1].Extra)
	}
}

// A totals row is part of the sheet, like its title: skipped and listed,
// not a rejection (so --strict passes) and not a customer.
func TestTotalsRowIsSkippedNotACustomer(t *testing.T) {
	p := writeFile(t, "t.csv", "客户名称,手机,累计消费金额\n华强,13812345678,100\n合计,,100\nTotal:,,100\n合计科技,13912345678,5\n")
	_, st, c := run(t, 1, Options{}, p)
	if st.In != 2 || st.Out != 2 || st.Rejected != 0 || len(c.rejects) != 0 {
		t.Fatalf("in %d out %d rejected %d, want 2 = 2 + 0", st.In, st.Out, st.Rejected)
	}
	if len(st.Totals) != 2 || st.Totals[0].Line != 3 || st.Totals[1].Line != 4 ||
		!strings.Contains(st.Totals[0].Reason, "totals row (合计)") || !strings.Contains(st.Totals[1].Reason, "totals row (Total)") {
		t.Errorf("totals = %+v", st.Totals)
	}
}

func TestNameFromFirstAndLast(t *testing.T) {
	p := writeFile(t, "h.csv", "First Name,Last Name,Email\nJohn,Smith,j@acme.com\n伟,张,z@a.cn\n,Lee,l@a.cn\n")
	in, _, c := run(t, 1, Options{}, p)
	want := []string{"John Smith", "张伟", "Lee"}
	for i, w := range want {
		if got := c.recs[i].Values[record.Name]; got != w {
			t.Errorf("row %d name = %q, want %q", i, got, w)
		}
	}
	if strings.Join(in.Schema.Extra, ",") != "First Name,Last Name" {
		t.Errorf("the parts must be kept too: extra = %v", in.Schema.Extra)
	}
}

func TestUnnamedLastColumnIsKept(t *testing.T) {
	p := writeFile(t, "u.csv", "客户名称,手机,\n甲公司,13812345678,VIP大客户\n乙公司,13912345678,普通\n丙公司,13712345678,\n")
	in, st, c := run(t, 1, Options{}, p)
	if st.Rejected != 0 || len(in.Schema.Extra) != 1 || in.Schema.Extra[0] != "column_3" || c.recs[0].Extra[0] != "VIP大客户" {
		t.Errorf("rejected %d, extra %v, first row extras %v", st.Rejected, in.Schema.Extra, c.recs[0].Extra)
	}
}

// cancelSink cancels the run at its first record, as Ctrl-C would.
type cancelSink struct {
	collect
	cancel context.CancelFunc
}

func (c *cancelSink) Record(t *Table, r *record.Record) error {
	c.cancel()
	return c.collect.Record(t, r)
}

func TestCancelMidRunStopsCleanly(t *testing.T) {
	var b strings.Builder
	b.WriteString("company,phone\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "公司%d,1381234%04d\n", i, i%10000)
	}
	p := writeFile(t, "big.csv", b.String())
	for _, workers := range []int{1, 2, 4} {
		in, err := Open([]string{p}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		_, err = in.Run(ctx, workers, &cancelSink{cancel: cancel})
		in.Close()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("workers %d: err = %v, want context.Canceled", workers, err)
		}
	}
}

// failSink fails at its first record, as a full disk would.
type failSink struct{ collect }

var errSinkFull = errors.New("disk full")

func (failSink) Record(*Table, *record.Record) error { return errSinkFull }

// The sink's error is what the run returns, not the cancellation it
// causes, even when more batches are queued.
func TestSinkErrorIsReturned(t *testing.T) {
	var b strings.Builder
	b.WriteString("company,phone\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "公司%d,1381234%04d\n", i, i%10000)
	}
	p := writeFile(t, "big.csv", b.String())
	for _, workers := range []int{1, 2, 4} {
		in, err := Open([]string{p}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = in.Run(context.Background(), workers, &failSink{})
		in.Close()
		if !errors.Is(err, errSinkFull) {
			t.Errorf("workers %d: err = %v, want the sink's error", workers, err)
		}
	}
}

// A trusted source (a master crmkit wrote) keeps E.164 phone lists as
// written; anything else is normalized as usual.
func TestTrustedSourceKeepsE164(t *testing.T) {
	p := writeFile(t, "master.csv", "company,phone\n甲,+8613800138001;+14155550100\n乙,138 0013 8002\n丙,+99912345678\n")
	for _, trusted := range []bool{false, true} {
		in, err := OpenSources([]Source{{Path: p, Trusted: trusted}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := &collect{}
		st, err := in.Run(context.Background(), 1, c)
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
		got := []string{c.recs[0].Values[record.Phone], c.recs[1].Values[record.Phone], c.recs[2].Values[record.Phone]}
		want := []string{"+8613800138001;+14155550100", "+8613800138002", "+99912345678"}
		if !slices.Equal(got, want) {
			t.Errorf("trusted=%v: phones %q, want %q", trusted, got, want)
		}
		// Only the untrusted read checks +999 (no such country code).
		if invalid := st.Quality.Invalid[record.Phone]; invalid != map[bool]int{false: 1, true: 0}[trusted] {
			t.Errorf("trusted=%v: %d invalid phones", trusted, invalid)
		}
	}
}
