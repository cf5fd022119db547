package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/crmkit/crmkit/internal/cli"
	"github.com/crmkit/crmkit/internal/iostreams"
)

// TestCompletionsUpToDate checks that the shipped completions match the
// command tree: after changing a command or flag, run
// `go generate ./cmd/crmkit`.
func TestCompletionsUpToDate(t *testing.T) {
	for shell, file := range map[string]string{"bash": "crmkit.bash", "zsh": "crmkit.zsh", "fish": "crmkit.fish", "powershell": "crmkit.ps1"} {
		want, err := os.ReadFile(filepath.Join("..", "..", "completions", file))
		if err != nil {
			t.Fatal(err)
		}
		streams, _, out, errOut := iostreams.Test()
		if code := cli.Main(streams, []string{"completion", shell}, "test"); code != 0 {
			t.Fatalf("completion %s: exit %d: %s", shell, code, errOut)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("completions/%s is out of date: run go generate ./cmd/crmkit", file)
		}
	}
}
