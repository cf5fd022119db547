package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crmkit/crmkit/internal/cli"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/manpages"
)

// TestManPagesUpToDate checks that the shipped man pages match the
// command tree: after changing a command, a flag or a help text, run
// `go generate ./cmd/crmkit` (or scripts/manpages.sh).
func TestManPagesUpToDate(t *testing.T) {
	streams, _, _, _ := iostreams.Test()
	dir := t.TempDir()
	if err := manpages.Write(cli.NewCmdRoot(cli.NewFactory(streams, "dev")), dir); err != nil {
		t.Fatal(err)
	}
	fresh, _ := filepath.Glob(filepath.Join(dir, "*.1"))
	shipped, _ := filepath.Glob(filepath.Join("..", "..", "man", "*.1"))
	names := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			out = append(out, filepath.Base(p))
		}
		return out
	}
	if !slices.Equal(names(fresh), names(shipped)) {
		t.Fatalf("man/ holds %v, the command tree gives %v: run go generate ./cmd/crmkit", names(shipped), names(fresh))
	}
	if !slices.Contains(names(fresh), "crmkit-import.1") {
		t.Fatalf("no page for crmkit import in %v", names(fresh))
	}
	for _, p := range fresh {
		want, err := os.ReadFile(filepath.Join("..", "..", "man", filepath.Base(p)))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(p)
		if !bytes.Equal(got, want) {
			t.Errorf("man/%s is out of date: run go generate ./cmd/crmkit", filepath.Base(p))
		}
	}
}
