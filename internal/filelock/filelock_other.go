//go:build !unix

package filelock

import (
	"errors"
	"fmt"
	"os"
)

func acquire(target, lockPath string, me Holder) (*Lock, error) {
	var left Holder
	for range 2 {
		f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, _ = f.Write(me.line())
			return &Lock{path: lockPath, f: f, Stale: left}, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("cannot lock %s: %w", target, err)
		}
		h := readHolder(lockPath)
		if h.PID == 0 || h.Host != me.Host || processAlive(h.PID) {
			return nil, &HeldError{Path: target, LockPath: lockPath, Holder: h}
		}
		left = h
		os.Remove(lockPath) // left by a run that died on this host
	}
	return nil, &HeldError{Path: target, LockPath: lockPath, Holder: readHolder(lockPath)}
}

func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

func release(l *Lock) {
	l.f.Close()
	os.Remove(l.path)
}
