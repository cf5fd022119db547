package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/civil"
	"github.com/crmkit/crmkit/internal/iostreams"
)

// withRunF runs args through the real command tree with the command named
// by args[0] built by build (with a fake run capturing its options), and
// fails on a parse error.
func withRunF(t *testing.T, build func(f *Factory) *cobra.Command, args ...string) {
	t.Helper()
	streams, _, _, errOut := iostreams.Test()
	f := NewFactory(streams, "test")
	root := NewCmdRoot(f)
	for _, c := range root.Commands() {
		if c.Name() == args[0] {
			root.RemoveCommand(c)
		}
	}
	root.AddCommand(build(f))
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		t.Fatalf("crmkit %v: %v\n%s", args, err, errOut)
	}
}

func day(t *testing.T, s string) int {
	d, ok := civil.ParseDate(s)
	if !ok {
		t.Fatal(s)
	}
	return d
}

func TestDedupeFlags(t *testing.T) {
	var got *DedupeOptions
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdDedupe(f, func(o *DedupeOptions) error { got = o; return nil })
	}, "dedupe", "new.csv", "-o", "m2.csv", "--threshold", "0.8", "--review-threshold", "0.5",
		"--clusters", "c.csv", "--explain", "e.csv", "--review", "r.csv", "--fields", "birth_date=date",
		"--decisions", "d.csv", "--master", "m.csv", "--on-match", "Update", "--changes", "ch.csv", "--dry-run",
		"--index=false", "--survive", "company=common", "--rejects", "rej.csv", "--format", "tsv", "--strict")
	if got.Match.Threshold != 0.8 || got.Match.ReviewThreshold != 0.5 || got.Clusters != "c.csv" || got.Explain != "e.csv" ||
		got.Review != "r.csv" || got.Decisions != "d.csv" || got.Master != "m.csv" || got.OnMatch != "update" ||
		got.Changes != "ch.csv" || !got.DryRun || got.Index || got.Survive["company"] != "common" ||
		got.Rejects != "rej.csv" || got.Format != "tsv" || !got.Strict || got.Output != "m2.csv" || len(got.Match.Fields) != 1 {
		t.Errorf("options = %+v", got)
	}
}

func TestClassifyFlags(t *testing.T) {
	var got *ClassifyOptions
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdClassify(f, func(o *ClassifyOptions) error { got = o; return nil })
	}, "classify", "-", "--as-of", "2025-12-31", "--lang", "en", "--format", "tsv", "--rejects", "r.csv", "--encoding", "gbk")
	if got.Classify.AsOf != day(t, "2025-12-31") || got.Classify.Lang != "en" || got.Format != "tsv" || got.Rejects != "r.csv" ||
		got.Ingest.Tabular.Encoding != "gbk" || !slices.Equal(got.Inputs, []string{"-"}) {
		t.Errorf("options = %+v", got)
	}
}

func TestAssignFlags(t *testing.T) {
	var got *AssignOptions
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdAssign(f, func(o *AssignOptions) error { got = o; return nil })
	}, "assign", "c.csv", "--as-of", "2025-12-31", "--lang", "en", "--reps", "reps.csv", "--overrides", "ov.csv",
		"--audit", "a.csv", "--dry-run", "--format", "tsv", "--rejects", "r.csv")
	if got.Policy.AsOf != day(t, "2025-12-31") || got.Policy.Lang != "en" || got.Reps != "reps.csv" || got.Overrides != "ov.csv" ||
		got.Audit != "a.csv" || !got.DryRun || got.Format != "tsv" || got.Rejects != "r.csv" || got.Policy.Strategy == "none" {
		t.Errorf("options = %+v", got)
	}
	// Without reps, nobody is handed customers.
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdAssign(f, func(o *AssignOptions) error { got = o; return nil })
	}, "assign", "c.csv", "--as-of", "2025-12-31")
	if got.Policy.Strategy != "none" {
		t.Errorf("strategy without reps = %q", got.Policy.Strategy)
	}
}

func TestReportFlags(t *testing.T) {
	var got *ReportOptions
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdReport(f, func(o *ReportOptions) error { got = o; return nil })
	}, "report", "owners", "a.csv", "b.csv", "--format", "JSON", "--top", "5", "--reps", "reps.csv", "-o", "r.json", "--lang", "en", "--as-of", "2025-12-31")
	if got.Kind != "owners" || !slices.Equal(got.Inputs, []string{"a.csv", "b.csv"}) || got.Format != "json" || got.Top != 5 ||
		got.Reps != "reps.csv" || got.Output != "r.json" || got.Classify.Lang != "en" || got.Classify.AsOf != day(t, "2025-12-31") {
		t.Errorf("options = %+v", got)
	}
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdReport(f, func(o *ReportOptions) error { got = o; return nil })
	}, "report", "a.csv")
	if got.Kind != "tiers" || got.Format != "tsv" {
		t.Errorf("defaults = %+v", got)
	}
}

func TestExportFlags(t *testing.T) {
	var got *ExportOptions
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdExport(f, func(o *ExportOptions) error { got = o; return nil })
	}, "export", "c.csv", "-o", "out.xlsx", "--format", "XLSX", "--bom", "--split-by", "owner", "--split-files",
		"--mask", "phone,email", "--no-escape", "--lang", "en", "--rejects", "r.csv", "--strict")
	if got.Output != "out.xlsx" || got.Format != "xlsx" || !got.BOM || got.SplitBy != "owner" || !got.SplitFiles ||
		!slices.Equal(got.Mask, []string{"phone", "email"}) || !got.NoEscape || got.Lang != "en" || got.Rejects != "r.csv" || !got.Strict {
		t.Errorf("options = %+v", got)
	}
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdExport(f, func(o *ExportOptions) error { got = o; return nil })
	}, "export", "c.csv", "-o", "out.xlsx", "--summary", "--split-by", "value_tier")
	if !got.Summary {
		t.Errorf("--summary not read: %+v", got)
	}
}

func TestReviewFlags(t *testing.T) {
	var got *ReviewOptions
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdReview(f, func(o *ReviewOptions) error { got = o; return nil })
	}, "review", "r1.csv", "r2.csv", "--decisions", "d.csv", "--by", "李娜", "--at", "2026-01-02", "-q")
	if !slices.Equal(got.Inputs, []string{"r1.csv", "r2.csv"}) || got.Decisions != "d.csv" || got.By != "李娜" || got.At != "2026-01-02" || !got.Quiet {
		t.Errorf("options = %+v", got)
	}
}

func TestInspectFlags(t *testing.T) {
	var got *InspectOptions
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdInspect(f, func(o *InspectOptions) error { got = o; return nil })
	}, "inspect", "a.xlsx", "--rows", "7", "--format", "json", "--sheet", "客户", "-o", "i.json")
	if !slices.Equal(got.Inputs, []string{"a.xlsx"}) || got.Rows != 7 || got.Format != "json" || got.Ingest.Tabular.Sheet != "客户" || got.Output != "i.json" {
		t.Errorf("options = %+v", got)
	}
}

func TestSampleFlags(t *testing.T) {
	var got *SampleOptions
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdSample(f, func(o *SampleOptions) error { got = o; return nil })
	}, "sample", "--n", "50", "--seed", "9", "--dup-rate", "0.2", "--dialect", "zoho", "--messy", "0.1", "--lang", "en",
		"--reps", "4", "--truth", "t.csv", "--roster", "r.csv", "--encoding", "gbk", "--bom", "-o", "s.csv")
	c := got.Config
	if c.N != 50 || c.Seed != 9 || c.DupRate != 0.2 || c.Dialect != "zoho" || c.Messy != 0.1 || c.Lang != "en" || c.Reps != 4 ||
		got.Truth != "t.csv" || got.Roster != "r.csv" || got.Encoding != "gbk" || !got.BOM || got.Output != "s.csv" {
		t.Errorf("options = %+v", got)
	}
}

func TestPipelineFlags(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.csv", "b.csv"} {
		os.WriteFile(filepath.Join(dir, f), []byte("公司名称\n华强\n"), 0o644)
	}
	cfg := filepath.Join(dir, "crmkit.yaml")
	os.WriteFile(cfg, []byte(`pipeline:
  inputs: ["*.csv"]
  steps: [dedupe, assign]
  reps: reps.csv
  output: out/c.xlsx
  split-by: owner
  summary: false
  reports: out/r.md
threshold: 0.85
as-of: 2025-12-31
`), 0o644)
	var got *PipelineOptions
	withRunF(t, func(f *Factory) *cobra.Command {
		return NewCmdPipeline(f, func(o *PipelineOptions) error { got = o; return nil })
	}, "pipeline", "-c", cfg, "--strict", "-q")
	var paths []string
	for _, s := range got.Sources {
		paths = append(paths, filepath.Base(s.Path))
	}
	if !reflect.DeepEqual(paths, []string{"a.csv", "b.csv"}) || !slices.Equal(got.Steps, []string{"dedupe", "assign"}) ||
		got.Reps != filepath.Join(dir, "reps.csv") || got.Out.Output != filepath.Join(dir, "out/c.xlsx") || got.Out.SplitBy != "owner" ||
		got.Out.Summary || got.Dedupe.Match.Threshold != 0.85 || got.Policy.AsOf != day(t, "2025-12-31") ||
		got.Out.Rejects != filepath.Join(dir, "out/c.rejects.csv") || !got.Strict || !got.Quiet {
		t.Errorf("options = %+v", got)
	}
}
