// Package atomicfile writes output files so that a failed run leaves
// nothing behind: data goes to a temporary file beside the target, which is
// renamed over the target only when the whole run succeeded. A run stopped
// by a signal (HaltOn) writes and commits nothing more; temporary files a
// killed run left behind are removed by the next run writing the same
// target.
package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// ErrIsDir says the target is a directory.
var ErrIsDir = errors.New("it is a folder, not a file")

// Check reports, before any work, whether target can be written: it must
// not be a folder, and its folder must exist.
func Check(target string) error {
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return fmt.Errorf("cannot write %s: %w", target, ErrIsDir)
	}
	dir := filepath.Dir(target)
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("cannot write %s: folder %s: %w", target, dir, unwrap(err))
	}
	if !st.IsDir() {
		return fmt.Errorf("cannot write %s: %s is not a folder", target, dir)
	}
	return nil
}

// halt, once set and done, stops every File: see HaltOn.
var halt atomic.Pointer[context.Context]

// HaltOn makes every File of the process refuse further writes and
// commits once ctx is done: a run interrupted by a signal stops at its
// next write and leaves no output, whatever step it was in.
func HaltOn(ctx context.Context) { halt.Store(&ctx) }

func halted() error {
	if p := halt.Load(); p != nil {
		if err := (*p).Err(); err != nil {
			return fmt.Errorf("%w: %v", context.Canceled, context.Cause(*p))
		}
	}
	return nil
}

// processStart is when this process started, near enough: a temporary
// file older than it is not this run's.
var processStart = time.Now()

// File is an output being written. Call Commit on success, Abort otherwise
// (Abort after Commit is a no-op, so `defer f.Abort()` is safe).
type File struct {
	*os.File
	target string
	done   bool
}

// Create starts writing target. The temporary file lives in the target's
// directory so the final rename never crosses file systems.
func Create(target string) (*File, error) {
	if err := halted(); err != nil {
		return nil, err
	}
	if err := Check(target); err != nil {
		return nil, err
	}
	dir := filepath.Dir(target)
	removeStale(dir, filepath.Base(target))
	// The pid in the name tells a later run whether the writer still runs.
	tmp, err := os.CreateTemp(dir, tempPrefix(filepath.Base(target))+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", target, unwrap(err))
	}
	return &File{File: tmp, target: target}, nil
}

func tempPrefix(base string) string { return "." + base + ".tmp-" }

// removeStale removes the temporary files of base that a run killed before
// it could clean up left behind (kill -9, a power cut): same name pattern,
// older than this process, and not written by a process still running.
func removeStale(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(processStart) {
			continue
		}
		if pid, _, ok := strings.Cut(strings.TrimPrefix(name, prefix), "-"); ok {
			if n, err := strconv.Atoi(pid); err == nil && n != os.Getpid() && processAlive(n) {
				continue // another run, still writing (slowly)
			}
		}
		_ = os.Remove(filepath.Join(dir, name))
	}
}

// Write writes to the temporary file, unless the run was halted.
func (f *File) Write(p []byte) (int, error) {
	if err := halted(); err != nil {
		return 0, err
	}
	return f.File.Write(p)
}

// WriteString is Write for a string.
func (f *File) WriteString(s string) (int, error) {
	if err := halted(); err != nil {
		return 0, err
	}
	return f.File.WriteString(s)
}

// Commit flushes, closes and renames the file into place.
func (f *File) Commit() error { return f.commit(true) }

// CommitCache renames the file into place without waiting for the disk:
// for a cache, which its reader checks and rebuilds when a crash cut it
// short.
func (f *File) CommitCache() error { return f.commit(false) }

func (f *File) commit(sync bool) error {
	if f.done {
		return nil
	}
	if err := halted(); err != nil {
		f.Abort()
		return err
	}
	f.done = true
	if sync {
		if err := f.File.Sync(); err != nil {
			f.File.Close()
			os.Remove(f.File.Name())
			return fmt.Errorf("cannot write %s: %w", f.target, unwrap(err))
		}
	}
	if err := f.File.Close(); err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("cannot write %s: %w", f.target, unwrap(err))
	}
	// CreateTemp makes 0600 files. A replaced file keeps its mode (customer
	// data a user locked down stays locked); a new one gets the mode any
	// file the user creates gets (0666 less the umask).
	mode := 0o666 &^ umask()
	if st, err := os.Stat(f.target); err == nil {
		mode = st.Mode().Perm()
	}
	_ = os.Chmod(f.File.Name(), mode)
	if err := os.Rename(f.File.Name(), f.target); err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("cannot write %s: %w", f.target, unwrap(err))
	}
	return nil
}

// Abort discards the temporary file.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	os.Remove(f.File.Name())
}

// Target is the final path.
func (f *File) Target() string { return f.target }

func unwrap(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
