package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/sample"
)

// The example config that `crmkit config init` writes must validate, and
// every setting in it must be one a command reads.
func TestExampleConfigValidates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "crmkit.yaml")
	streams, _, _, errOut := iostreams.Test()
	if code := Main(streams, []string{"config", "init", path}, "test"); code != 0 {
		t.Fatalf("config init: exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != exampleConfig {
		t.Fatalf("config init wrote %d bytes, want the example (%v)", len(got), err)
	}
	streams, _, _, errOut = iostreams.Test()
	if code := Main(streams, []string{"config", "validate", path}, "test"); code != 0 {
		t.Fatalf("config validate on the example: exit %d: %s", code, errOut)
	}
	// A second init refuses to overwrite: exit 1 (the command was right,
	// the file is in the way), not a usage error.
	streams, _, _, errOut = iostreams.Test()
	if code := Main(streams, []string{"config", "init", path}, "test"); code != ExitError || !strings.Contains(errOut.String(), "already exists") {
		t.Errorf("config init over an existing file: exit %d: %s", code, errOut)
	}
}

func TestConfigValidateFindsProblems(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.yaml")
	os.WriteFile(path, []byte("treshold: 0.5\nclassify:\n  lifecycle: {new_dayz: 30}\n  rules:\n    - {name: 大客户, when: \"revenue > 1\"}\nassign:\n  protection_days: -1\n"), 0o644)
	streams, _, _, errOut := iostreams.Test()
	if code := Main(streams, []string{"config", "validate", path}, "test"); code != ExitUsage {
		t.Fatalf("exit %d, want %d: %s", code, ExitUsage, errOut)
	}
	for _, want := range []string{
		`unknown setting "treshold" (did you mean threshold?)`,
		`unknown setting "classify.lifecycle.new_dayz" (did you mean classify.lifecycle.new_days?)`,
		`rule "大客户"`,
		"protection days is -1",
		"hint: ",
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

// TestExampleConfigChangesNothing: the file `config init` writes holds the
// defaults, so running with it gives what running without it gives.
func TestExampleConfigChangesNothing(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.WriteCSV(f, sample.Config{N: 400, Seed: 5}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	example := filepath.Join(dir, "crmkit.yaml")
	if err := os.WriteFile(example, []byte(exampleConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.yaml")
	if err := os.WriteFile(empty, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{
		{"dedupe", in},
		{"classify", in, "--as-of", "2025-12-31"},
		{"assign", in, "--as-of", "2025-12-31"},
	} {
		with, _ := step(t, nil, append(cmd, "-c", example)...)
		without, _ := step(t, nil, append(cmd, "-c", empty)...)
		if !bytes.Equal(with, without) {
			t.Errorf("crmkit %s: the example config changes the output", cmd[0])
		}
	}
}

// The sections are decoded into a typed struct: a key inside a list or a
// map entry is checked too, and a value of the wrong type is an error, not
// a silent zero.
func TestConfigDecodesSections(t *testing.T) {
	dir := t.TempDir()
	nested := filepath.Join(dir, "nested.yaml")
	os.WriteFile(nested, []byte("assign:\n  reclaim:\n    by_tier: {高: {no_folowup_days: 30}}\nclassify:\n  rules:\n    - {name: 大客户, wehn: \"total_revenue > 1\"}\n"), 0o644)
	streams, _, _, errOut := iostreams.Test()
	Main(streams, []string{"config", "validate", nested}, "test")
	for _, want := range []string{`no_folowup_days" (did you mean`, `wehn" (did you mean`} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	typed := filepath.Join(dir, "typed.yaml")
	os.WriteFile(typed, []byte("classify:\n  abc: {a: lots}\n"), 0o644)
	streams, _, _, errOut = iostreams.Test()
	if code := Main(streams, []string{"config", "validate", typed}, "test"); code != ExitUsage || !strings.Contains(errOut.String(), "classify.abc.a") {
		t.Errorf("a number that is not one: exit %d: %s", code, errOut)
	}
	// Every key the typed sections have is known, derived from the struct.
	keys := knownKeys(NewCmdRoot(NewFactory(streams, "test")))
	for _, k := range []string{"classify.lifecycle.loyal_purchases", "assign.reclaim.by_tier", "pipeline.master", "pipeline.split-by", "threshold"} {
		if !slices.Contains(keys, k) {
			t.Errorf("known keys lack %s", k)
		}
	}
}
