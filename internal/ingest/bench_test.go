package ingest_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/sample"
	"github.com/crmkit/crmkit/internal/tabular"
)

// csvSink writes canonical CSV, as `crmkit import` does.
type csvSink struct {
	w      *tabular.CSVWriter
	schema *record.Schema
	row    []string
}

func (s *csvSink) Record(_ *ingest.Table, r *record.Record) error {
	s.row = s.schema.Row(r, s.row)
	return s.w.Write(s.row)
}

func (s *csvSink) Reject(*ingest.Table, ingest.Reject) error { return nil }

// BenchmarkImport measures the whole import path — read, detect, map,
// normalize, write — on a generated 50,000-row messy export.
func BenchmarkImport(b *testing.B) {
	path := filepath.Join(b.TempDir(), "sample.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := sample.WriteCSV(f, sample.Config{N: 50000, Seed: 1}, nil); err != nil {
		b.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		in, err := ingest.Open([]string{path}, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		w, _ := tabular.NewCSVWriter(io.Discard, ',', false)
		sink := &csvSink{w: w, schema: &in.Schema}
		if _, err := in.Run(context.Background(), 0, sink); err != nil {
			b.Fatal(err)
		}
		w.Flush()
		in.Close()
	}
}
