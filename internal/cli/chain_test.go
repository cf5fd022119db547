package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/sample"
	"github.com/crmkit/crmkit/internal/stage"
)

// step runs one crmkit command with stdin and returns its stdout and
// stderr, failing the test on a non-zero exit.
func step(t *testing.T, stdin []byte, args ...string) (stdout, stderr []byte) {
	t.Helper()
	streams, in, out, errOut := iostreams.Test()
	in.Write(stdin)
	if code := Main(streams, args, "test"); code != 0 {
		t.Fatalf("crmkit %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out.Bytes(), errOut.Bytes()
}

// messages are the warning and note lines of stderr, in order.
func messages(stderr []byte) []string {
	var out []string
	for _, l := range strings.Split(string(stderr), "\n") {
		if strings.HasPrefix(l, "warning: ") || strings.HasPrefix(l, "note: ") {
			out = append(out, l)
		}
	}
	return out
}

func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	x, err1 := os.ReadFile(a)
	y, err2 := os.ReadFile(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("read %s, %s: %v %v", a, b, err1, err2)
	}
	if !bytes.Equal(x, y) {
		t.Errorf("%s (%d bytes) and %s (%d bytes) differ", a, len(x), b, len(y))
	}
}

// chainCase is a folder with a crmkit.yaml whose pipeline section the
// shell chain repeats with flags.
type chainCase struct {
	name      string
	setup     func(t *testing.T, dir string)
	importArg []string // import's inputs and flags
	assignArg []string // assign's flags
	reportArg []string // report's flags
}

// TestPipelineEqualsShellChain runs the same data through `crmkit
// pipeline` and through `import | dedupe | classify | assign | export`
// (with `report` for the reports): the customer workbook, the review,
// explain and audit files and the reports are the same bytes, and the
// same warnings and notes are printed.
func TestPipelineEqualsShellChain(t *testing.T) {
	demo, err := filepath.Abs("../../testdata/demo")
	if err != nil {
		t.Fatal(err)
	}
	cases := []chainCase{{
		name: "demo",
		setup: func(t *testing.T, dir string) {
			for _, f := range []string{"fxiaoke-gbk.csv", "salesforce.csv", "sheet.xlsx", "reps.csv", "crmkit.yaml"} {
				b, err := os.ReadFile(filepath.Join(demo, f))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		},
		importArg: []string{"fxiaoke-gbk.csv", "salesforce.csv", "sheet.xlsx", "--all-sheets"},
		assignArg: []string{"--reps", "reps.csv"},
		reportArg: []string{"--reps", "reps.csv"},
	}, {
		// 20,000 generated records in two dialects, one export given twice
		// (exact copies), an as-of before the newest purchases and an
		// override naming a customer that is not there: every step warns.
		name: "generated",
		setup: func(t *testing.T, dir string) {
			write := func(name string, cfg sample.Config) {
				f, err := os.Create(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := sample.WriteCSV(f, cfg, nil); err != nil {
					t.Fatal(err)
				}
			}
			write("a.csv", sample.Config{N: 17000, Seed: 3})
			write("b.csv", sample.Config{N: 3000, Seed: 4, Dialect: "salesforce", Lang: "en"})
			b, _ := os.ReadFile(filepath.Join(dir, "b.csv"))
			os.WriteFile(filepath.Join(dir, "b-again.csv"), b, 0o644)
			os.WriteFile(filepath.Join(dir, "overrides.csv"), []byte("id,owner\nNO-SUCH-ID,张三\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "crmkit.yaml"), []byte(`pipeline:
  inputs: [a.csv, b.csv, b-again.csv]
  overrides: overrides.csv
  output: out/customers.xlsx
  split-by: value_tier
  summary: true
  reports: out/reports.md
  review: out/review.csv
  explain: out/explain.csv
  audit: out/audit.csv
as-of: 2025-06-30
lang: zh
`), 0o644)
		},
		importArg: []string{"a.csv", "b.csv", "b-again.csv"},
		assignArg: []string{"--overrides", "overrides.csv"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			c.setup(t, dir)
			t.Chdir(dir)

			_, pipeErr := step(t, nil, "pipeline", "-c", "crmkit.yaml")

			var chainErr []byte
			pipe := func(stdin []byte, args ...string) []byte {
				out, errOut := step(t, stdin, args...)
				chainErr = append(chainErr, errOut...)
				return out
			}
			data := pipe(nil, append([]string{"import"}, c.importArg...)...)
			data = pipe(data, "dedupe", "-", "--review", "review.csv", "--explain", "explain.csv")
			data = pipe(data, "classify", "-")
			data = pipe(data, append([]string{"assign", "-", "--audit", "audit.csv"}, c.assignArg...)...)
			if err := os.WriteFile("assigned.csv", data, 0o644); err != nil {
				t.Fatal(err)
			}
			pipe(data, "export", "-", "-o", "customers.xlsx", "--split-by", "value_tier", "--summary")
			var reports [][]byte
			for _, kind := range stage.PipelineReports {
				out, _ := step(t, nil, append([]string{"report", kind, "assigned.csv", "--format", "markdown"}, c.reportArg...)...)
				reports = append(reports, out)
			}
			os.WriteFile("reports.md", bytes.Join(reports, []byte("\n")), 0o644)

			for _, f := range []string{"customers.xlsx", "review.csv", "explain.csv", "audit.csv", "reports.md"} {
				sameFiles(t, filepath.Join("out", f), f)
			}
			got, want := messages(pipeErr), messages(chainErr)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("pipeline printed\n%s\nthe chain printed\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if c.name == "generated" && len(want) < 3 {
				t.Errorf("the generated case should make dedupe, classify and assign warn; got\n%s", strings.Join(want, "\n"))
			}
		})
	}
}
