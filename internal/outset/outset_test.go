package outset

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Outputs are refused when they are an input, share a file, or both want
// stdout; the message names the flags.
func TestAddRefuses(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	os.WriteFile(in, []byte("x\n"), 0o644)
	s := New(&bytes.Buffer{}, in)
	if _, err := s.Add("-o", in, Always); err == nil || !strings.Contains(err.Error(), "output "+in+" is also an input") {
		t.Errorf("input as output: %v", err)
	}
	out := filepath.Join(dir, "out.csv")
	if _, err := s.Add("-o", out, Always); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add("--review", filepath.Join(dir, ".", "out.csv"), Always); err == nil || !strings.Contains(err.Error(), "--review "+filepath.Join(dir, "out.csv")+" is also the output") {
		t.Errorf("side on the output: %v", err)
	}
	if _, err := s.Add("--clusters", "-", Always); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add("--review", "", Always); err == nil || !strings.Contains(err.Error(), "--clusters - and --review - both write to stdout") {
		t.Errorf("two on stdout: %v", err)
	}
}

// Files are opened when written, committed together, and a file only
// wanted when written is not created; folders are made.
func TestCommitWritesAllAndOnlyWhatWasAskedFor(t *testing.T) {
	dir := t.TempDir()
	var stdout bytes.Buffer
	s := New(&stdout)
	out, _ := s.Add("-o", filepath.Join(dir, "a", "b", "out.csv"), Always)
	rej, _ := s.AddCSV("--rejects", filepath.Join(dir, "rej.csv"), []string{"h"}, IfWritten)
	s.AddCSV("--audit", filepath.Join(dir, "audit.csv"), []string{"h1", "h2"}, Always)
	side, _ := s.AddCSV("--clusters", "-", []string{"id"}, Always)
	out.Write([]byte("data\n"))
	side.WriteRow([]string{"C1"})
	if _, err := os.Stat(filepath.Join(dir, "a", "b", "out.csv")); err == nil {
		t.Fatal("output in place before Commit")
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "a", "b", "out.csv")); got != "data\n" {
		t.Errorf("out = %q", got)
	}
	if got := read(t, filepath.Join(dir, "audit.csv")); got != "h1,h2\n" {
		t.Errorf("audit = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "rej.csv")); err == nil || rej.Rows() != 0 {
		t.Error("a rejects file with no row was created")
	}
	if stdout.String() != "id\nC1\n" {
		t.Errorf("stdout = %q", stdout.String())
	}
}

// A Replace file an earlier run left is replaced by its header when no
// row came; one that is not there is not created.
func TestReplace(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.csv")
	os.WriteFile(old, []byte("h\nstale\n"), 0o644)
	s := New(nil)
	s.AddCSV("--rejects", old, []string{"h"}, Replace)
	s.AddCSV("--rejects2", filepath.Join(dir, "new.csv"), []string{"h"}, Replace)
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, old); got != "h\n" {
		t.Errorf("old = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.csv")); err == nil {
		t.Error("new.csv created with no row")
	}
}

// Abort leaves no file and removes the folders the set made.
func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	s := New(nil)
	out, _ := s.Add("-o", filepath.Join(dir, "made", "deeper", "out.csv"), Always)
	out.Write([]byte("half"))
	s.Abort()
	if _, err := os.Stat(filepath.Join(dir, "made")); err == nil {
		t.Error("the folder made for the output is left behind")
	}
	s.Abort() // twice is fine
}
