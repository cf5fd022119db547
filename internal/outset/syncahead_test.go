package outset

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// SyncAhead while a file is written, even on every write and before the
// first, changes nothing of what Commit puts in place or of where it puts
// it; on stdout it does nothing.
func TestSyncAheadWhileWriting(t *testing.T) {
	dir := t.TempDir()
	var stdout bytes.Buffer
	s := New(&stdout)
	path := filepath.Join(dir, "out.csv")
	out, _ := s.Add("-o", path, Always)
	side, _ := s.Add("--clusters", "-", Always)
	out.SyncAhead() // not opened yet
	side.SyncAhead()
	var want strings.Builder
	for i := range 200 {
		line := strings.Repeat("x", i) + "\n"
		want.WriteString(line)
		if _, err := out.Write([]byte(line)); err != nil {
			t.Fatal(err)
		}
		out.SyncAhead()
	}
	side.Write([]byte("C1\n"))
	if _, err := os.Stat(path); err == nil {
		t.Fatal("output in place before Commit")
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, path); got != want.String() {
		t.Errorf("out has %d bytes, want %d", len(got), want.Len())
	}
	if stdout.String() != "C1\n" {
		t.Errorf("stdout = %q", stdout.String())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left in the directory: %v", entries)
	}
}
