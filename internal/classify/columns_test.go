package classify

import (
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// The class columns read back what Layout wrote, over an input's own
// columns and in any order.
func TestColumnsRoundTrip(t *testing.T) {
	in := &record.Schema{Extra: []string{"wechat", "value_tier"}}
	l := NewLayout(in, Columns)
	r := record.Record{Extra: []string{"wx", "旧"}}
	cls := Classes{ABC: "A", Tier: "高", R: 5, F: 4, M: 3, Segment: "重要价值客户", Lifecycle: "活跃", Grade: "重要"}
	cfg := DefaultConfig()
	cfg.AsOf = 20000
	cl, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	l.Fill(&r, cl.Fit(nil).Cells(cls, nil))
	if len(l.Schema.Extra) != 2+len(Columns)-1 || r.Extra[0] != "wx" {
		t.Fatalf("layout %v, record %v", l.Schema.Extra, r.Extra)
	}
	reader, ok := NewColumnReader(&l.Schema)
	if !ok {
		t.Fatal("columns not found")
	}
	if got := reader.Read(&r); got != cls {
		t.Errorf("read back %+v, want %+v", got, cls)
	}
}

// FuzzColumnReader reads any cells as classes without panicking; a score
// that is not a number reads as 0.
func FuzzColumnReader(f *testing.F) {
	f.Add("A", "高", "5", "x", "", "seg")
	f.Fuzz(func(t *testing.T, a, tier, r, fr, m, seg string) {
		s := &record.Schema{Extra: append([]string(nil), Columns...)}
		reader, _ := NewColumnReader(s)
		rec := record.Record{Extra: []string{a, tier, r, fr, m, seg}} // shorter than the schema
		got := reader.Read(&rec)
		if got.ABC != a || got.Tier != tier || got.Segment != seg || got.Lifecycle != "" {
			t.Fatalf("%+v", got)
		}
	})
}

// Reading the classes of a customer without purchases (scores written
// empty) allocates nothing: the reports read every record's classes.
func TestColumnReaderEmptyScoresDoNotAllocate(t *testing.T) {
	s := &record.Schema{Extra: append([]string(nil), Columns...)}
	reader, _ := NewColumnReader(s)
	rec := record.Record{Extra: []string{"C", "低", "", "", "", "", "潜在", "一般"}}
	var got Classes
	if n := testing.AllocsPerRun(100, func() { got = reader.Read(&rec) }); n != 0 || got.R != 0 || got.Tier != "低" {
		t.Errorf("Read allocates %v times; read %+v", n, got)
	}
}
