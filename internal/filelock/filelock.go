// Package filelock keeps two crmkit runs from updating one file at once:
// the second would read the file before the first replaced it, and its
// rename would then silently drop everything the first added.
//
// The lock is a file beside the target (NAME.crmkit-lock) holding the
// holder's pid, host and start time, for the message the other run shows.
// On Unix the lock itself is an flock on that file, which the kernel
// releases when the holder exits however it exits (kill -9 included): a
// lock file left by a dead run is stale by construction and taken over.
// Elsewhere the file's existence is the lock, and a lock left by a dead
// process on this host is recognised by its pid.
package filelock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Suffix is added to the locked file's name to make the lock file's.
const Suffix = ".crmkit-lock"

// Holder is who holds a lock, as its lock file says.
type Holder struct {
	PID   int
	Host  string
	Since time.Time
}

func (h Holder) String() string {
	if h.PID == 0 {
		return "another crmkit run"
	}
	s := fmt.Sprintf("crmkit (pid %d on %s", h.PID, h.Host)
	if !h.Since.IsZero() {
		s += ", since " + h.Since.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	return s + ")"
}

// HeldError says the lock is held by another run.
type HeldError struct {
	Path     string // the locked file
	LockPath string // its lock file
	Holder   Holder
}

func (e *HeldError) Error() string {
	return fmt.Sprintf("%s is being updated by %s", e.Path, e.Holder)
}

// Lock is a held lock; Release it when the update is committed or dropped.
type Lock struct {
	// Stale is the holder named in a lock file left by a run that ended
	// without releasing it (killed), which this lock took over; zero when
	// there was none.
	Stale Holder

	path string // the lock file
	f    *os.File
}

// Acquire takes the lock on path, or returns a *HeldError naming the run
// holding it.
func Acquire(path string) (*Lock, error) {
	host, _ := os.Hostname()
	me := Holder{PID: os.Getpid(), Host: host, Since: time.Now()}
	// One lock file whatever the path's spelling: through a link, the
	// lock sits beside the file itself.
	real := path
	if p, err := filepath.EvalSymlinks(path); err == nil {
		real = p
	}
	return acquire(path, real+Suffix, me)
}

// Release drops the lock and removes its file. It is safe to call twice.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	release(l)
	l.f = nil
}

func (h Holder) line() []byte {
	return fmt.Appendf(nil, "%d %s %s\n", h.PID, h.Host, h.Since.UTC().Format(time.RFC3339))
}

// readHolder reads a lock file's holder; a zero Holder when unreadable.
func readHolder(lockPath string) Holder {
	data, err := os.ReadFile(lockPath)
	if err != nil {
		return Holder{}
	}
	fields := strings.Fields(string(data))
	if len(fields) < 2 {
		return Holder{}
	}
	pid, err := strconv.Atoi(fields[0])
	if err != nil || pid <= 0 {
		return Holder{}
	}
	h := Holder{PID: pid, Host: fields[1]}
	if len(fields) > 2 {
		h.Since, _ = time.Parse(time.RFC3339, fields[2])
	}
	return h
}

var errRetry = errors.New("lock file replaced; retry")
