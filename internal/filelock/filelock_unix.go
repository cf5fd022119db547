//go:build unix

package filelock

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

func acquire(target, lockPath string, me Holder) (*Lock, error) {
	for range 10 {
		l, err := tryAcquire(target, lockPath, me)
		if !errors.Is(err, errRetry) {
			return l, err
		}
	}
	return nil, fmt.Errorf("cannot lock %s: its lock file %s keeps changing", target, lockPath)
}

func tryAcquire(target, lockPath string, me Holder) (*Lock, error) {
	f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot lock %s: %w", target, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &HeldError{Path: target, LockPath: lockPath, Holder: readHolder(lockPath)}
		}
		return nil, fmt.Errorf("cannot lock %s: %w", target, err)
	}
	// The holder before us may have removed the file between our open and
	// our flock: then we lock a file nobody else sees. Lock the one that
	// is there.
	fst, err1 := f.Stat()
	pst, err2 := os.Stat(lockPath)
	if err1 != nil || err2 != nil || !os.SameFile(fst, pst) {
		f.Close()
		return nil, errRetry
	}
	left := readHolder(lockPath) // a run that died without releasing
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt(me.line(), 0)
	}
	return &Lock{path: lockPath, f: f, Stale: left}, nil
}

func release(l *Lock) {
	// Remove while still holding the lock: a run that opened the file
	// meanwhile sees it is gone once it gets the lock, and retries.
	os.Remove(l.path)
	l.f.Close()
}
