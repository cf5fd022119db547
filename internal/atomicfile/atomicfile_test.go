package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCommitWritesTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.csv")
	os.WriteFile(target, []byte("old"), 0o644)
	f, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("new")
	if got, _ := os.ReadFile(target); string(got) != "old" {
		t.Fatalf("target changed before Commit: %q", got)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abort() // safe after Commit
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target = %q, want new", got)
	}
	assertOnly(t, dir, "out.csv")
}

func TestCommitCacheWritesTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.idx")
	f, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("cache")
	if err := f.CommitCache(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); string(got) != "cache" {
		t.Errorf("target = %q, want cache", got)
	}
	assertOnly(t, dir, "out.idx")
}

func TestReplacedFileKeepsItsMode(t *testing.T) {
	target := filepath.Join(t.TempDir(), "secret.csv")
	os.WriteFile(target, []byte("old"), 0o600)
	f, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", st.Mode().Perm())
	}
}

func TestNewFileFollowsUmask(t *testing.T) {
	target := filepath.Join(t.TempDir(), "new.csv")
	f, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o666&^umask() {
		t.Errorf("mode = %v, want %v", st.Mode().Perm(), 0o666&^umask())
	}
}

func TestAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("partial")
	f.Abort()
	assertOnly(t, dir)
}

func TestCreateInMissingDir(t *testing.T) {
	if _, err := Create(filepath.Join(t.TempDir(), "no", "such", "out.csv")); err == nil {
		t.Fatal("want an error for a missing folder")
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	if len(ents) != len(names) {
		var got []string
		for _, e := range ents {
			got = append(got, e.Name())
		}
		t.Fatalf("dir has %v, want %v", got, names)
	}
	for i, e := range ents {
		if e.Name() != names[i] {
			t.Fatalf("dir has %s, want %s", e.Name(), names[i])
		}
	}
}
