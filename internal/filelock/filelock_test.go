package filelock

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMain lets the test binary act as a second process holding a lock:
// FILELOCK_HOLD=path takes the lock, prints "locked" and waits for stdin
// to close.
func TestMain(m *testing.M) {
	if path := os.Getenv("FILELOCK_HOLD"); path != "" {
		l, err := Acquire(path)
		if err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("locked\n")
		_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
		l.Release()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// holder starts another process holding the lock on path.
func holder(t *testing.T, path string) (*exec.Cmd, func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "FILELOCK_HOLD="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "locked\n" {
		t.Fatalf("holder: %q", line)
	}
	return cmd, func() { stdin.Close(); _ = cmd.Wait() }
}

func TestLockHeldByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "master.csv")
	cmd, done := holder(t, path)
	l, err := Acquire(path)
	var held *HeldError
	if !errors.As(err, &held) {
		l.Release()
		t.Fatalf("Acquire while another process holds the lock = %v, want a HeldError", err)
	}
	host, _ := os.Hostname()
	if held.Holder.PID != cmd.Process.Pid || held.Holder.Host != host {
		t.Errorf("holder = %+v, want pid %d on %s", held.Holder, cmd.Process.Pid, host)
	}
	if !strings.Contains(err.Error(), "master.csv is being updated by crmkit (pid "+strconv.Itoa(cmd.Process.Pid)) {
		t.Errorf("error = %q", err)
	}
	done()
	// Released: the lock file is gone and the lock is free.
	if _, err := os.Stat(path + Suffix); !os.IsNotExist(err) {
		t.Errorf("lock file left after release: %v", err)
	}
	l, err = Acquire(path)
	if err != nil {
		t.Fatalf("Acquire after release: %v", err)
	}
	l.Release()
}

// A run killed with -9 leaves its lock file; the next run takes it over
// and says whose it was.
func TestStaleLockFromKilledProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "master.csv")
	cmd, done := holder(t, path)
	pid := cmd.Process.Pid
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	done()
	if _, err := os.Stat(path + Suffix); err != nil {
		t.Fatalf("the killed process left no lock file: %v", err)
	}
	l, err := Acquire(path)
	if err != nil {
		t.Fatalf("Acquire over a dead process's lock: %v", err)
	}
	defer l.Release()
	if l.Stale.PID != pid {
		t.Errorf("Stale = %+v, want pid %d", l.Stale, pid)
	}
	if h := readHolder(path + Suffix); h.PID != os.Getpid() {
		t.Errorf("lock file names pid %d, want ours (%d)", h.PID, os.Getpid())
	}
}

// A path through a symbolic link locks the file it names.
func TestLockThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "master.csv")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, done := holder(t, path)
	defer done()
	if l, err := Acquire(link); err == nil {
		l.Release()
		t.Fatal("the same master locked twice through a link")
	}
}
