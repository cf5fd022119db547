package stage

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/view"
)

// writeRecordsStore is a store of n records with text to quote, line
// breaks, leading spaces and an extra column.
func writeRecordsStore(n int) (*record.Store, *record.Schema) {
	schema := &record.Schema{Extra: []string{"wechat", "cluster_id"}}
	recs := &record.Store{}
	for i := range n {
		var r record.Record
		r.Values[record.ID] = fmt.Sprintf("C%d", i)
		r.Values[record.Company] = fmt.Sprintf("公司 %d, \"有限\"", i%97)
		r.Values[record.Notes] = fmt.Sprintf(" line one\nline %d", i)
		r.Values[record.City] = "深圳"
		r.Extra = []string{fmt.Sprintf("wx_%d", i), ""}
		r.Source = fmt.Sprintf("a.csv:%d", i+2)
		recs.Add(&r)
	}
	return recs, schema
}

// writeRecords writes every record of recs, its owner set from its index
// (as a step applying a change would), with WriteRecords.
func writeRecords(t testing.TB, w io.Writer, recs *record.Store, schema *record.Schema, out Records) (*CanonicalWriter, error) {
	t.Helper()
	cw, err := NewCanonicalWriter(w, out, schema)
	if err != nil {
		t.Fatal(err)
	}
	err = cw.WriteRecords(recs.Len(), func(_, i int, r *record.Record) {
		recs.Get(i, r)
		r.Values[record.Owner] = fmt.Sprintf("rep %d", i%7)
	})
	if err == nil {
		err = cw.Flush()
	}
	return cw, err
}

// rowByRow is what writing the records one after the other gives.
func rowByRow(t *testing.T, recs *record.Store, schema *record.Schema, out Records) ([]byte, int) {
	t.Helper()
	var want bytes.Buffer
	cw, err := NewCanonicalWriter(&want, out, schema)
	if err != nil {
		t.Fatal(err)
	}
	var r record.Record
	for i := range recs.Len() {
		recs.Get(i, &r)
		r.Values[record.Owner] = fmt.Sprintf("rep %d", i%7)
		if err := cw.Write(&r); err != nil {
			t.Fatal(err)
		}
	}
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	return want.Bytes(), cw.LeftOut()
}

// WriteRecords writes the bytes writing record after record writes,
// whatever the core count, the format and the view: in runs on every core
// when the view streams, one by one when it sorts, samples or limits.
func TestWriteRecordsSameBytesAsRowByRow(t *testing.T) {
	recs, schema := writeRecordsStore(3*writeRunLen + 77)
	outs := []Records{
		{Format: "csv"}, {Format: "tsv"}, {Format: "ndjson"},
		{Format: "csv", View: view.Spec{Select: []string{"notes", "id", "wechat"}}},
		{Format: "tsv", View: view.Spec{Exclude: []string{"company"}}},
		{Format: "csv", View: view.Spec{Limit: 5000}},
		{Format: "csv", View: view.Spec{Sort: []string{"-owner"}}},
		{Format: "csv", View: view.Spec{Sample: 100, Seed: 7}},
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, out := range outs {
		want, wantLeft := rowByRow(t, recs, schema, out)
		for _, procs := range []int{1, 2, 8} {
			runtime.GOMAXPROCS(procs)
			var got bytes.Buffer
			cw, err := writeRecords(t, &got, recs, schema, out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%+v, GOMAXPROCS %d: bytes differ from writing row by row", out, procs)
			}
			if cw.LeftOut() != wantLeft {
				t.Errorf("%+v, GOMAXPROCS %d: left out %d, want %d", out, procs, cw.LeftOut(), wantLeft)
			}
		}
	}
}

// A write that fails (a full disk) is returned with its hint, on every
// core count.
func TestWriteRecordsFailedWrite(t *testing.T) {
	recs, schema := writeRecordsStore(5 * writeRunLen)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		for _, limit := range []int{10, 300_000} {
			_, err := writeRecords(t, &failAfter{n: limit}, recs, schema, Records{Format: "csv"})
			if err == nil || err.Error() != "disk full" {
				t.Fatalf("GOMAXPROCS %d, disk full after %d bytes: err %v", procs, limit, err)
			}
			if hint := errs.HintOf(err); hint != "check free disk space" {
				t.Errorf("GOMAXPROCS %d, disk full after %d bytes: hint %q", procs, limit, hint)
			}
		}
	}
}

// BenchmarkWriteRecords writes 100k records in runs on every core, and
// one by one (a --limit above the count keeps every row but streams
// nothing).
func BenchmarkWriteRecords(b *testing.B) {
	recs, schema := writeRecordsStore(100_000)
	for _, bench := range []struct {
		name string
		out  Records
	}{{"runs", Records{Format: "csv"}}, {"one-by-one", Records{Format: "csv", View: view.Spec{Limit: 1 << 30}}}} {
		b.Run(bench.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := writeRecords(b, io.Discard, recs, schema, bench.out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
