// Package atomicfile writes output files so that a failed run leaves
// nothing behind: data goes to a temporary file beside the target, which is
// renamed over the target only when the whole run succeeded.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

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
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", target, unwrap(err))
	}
	return &File{File: tmp, target: target}, nil
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
