package atomicfile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestCreateRefusesAFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := Create(dir); !errors.Is(err, ErrIsDir) {
		t.Errorf("Create(folder) = %v, want ErrIsDir", err)
	}
	if err := Check(filepath.Join(dir, "missing", "out.csv")); err == nil {
		t.Error("Check accepted a file in a folder that does not exist")
	}
	assertOnly(t, dir)
}

// A halted run writes and commits nothing, and leaves no temporary file.
func TestHaltStopsWritesAndCommits(t *testing.T) {
	defer HaltOn(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	HaltOn(ctx)
	dir := t.TempDir()
	target := filepath.Join(dir, "out.csv")
	f, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("before"); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := f.Write([]byte("after")); !errors.Is(err, context.Canceled) {
		t.Errorf("Write after halt = %v, want context.Canceled", err)
	}
	if err := f.Commit(); !errors.Is(err, context.Canceled) {
		t.Errorf("Commit after halt = %v, want context.Canceled", err)
	}
	assertOnly(t, dir)
}

// Temporary files a killed run left are removed by the next Create of the
// same target; a live writer's, a newer one and other targets' stay.
func TestCreateRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	old := processStart.Add(-time.Hour)
	mk := func(name string, mtime time.Time) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	mk(".out.csv.tmp-999999999-1", old)                       // dead writer
	mk(".out.csv.tmp-123456789", old)                         // older crmkit: no pid in the name
	mk(".out.csv.tmp-1-2", old)                               // pid 1 is alive
	mk(".out.csv.tmp-999999999-3", time.Now().Add(time.Hour)) // newer than this run
	mk(".other.csv.tmp-999999999-4", old)                     // another target
	f, err := Create(filepath.Join(dir, "out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	for name, want := range map[string]bool{
		".out.csv.tmp-999999999-1": false, ".out.csv.tmp-123456789": false,
		".out.csv.tmp-1-2": true, ".out.csv.tmp-999999999-3": true, ".other.csv.tmp-999999999-4": true,
	} {
		_, err := os.Stat(filepath.Join(dir, name))
		if got := err == nil; got != want {
			t.Errorf("%s kept = %v, want %v", name, got, want)
		}
	}
}
