package main

import (
	"sync"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/crmkit/crmkit/internal/filelock"
)

var (
	heldLocksMu sync.Mutex
	heldLocks   = map[string]*filelock.Lock{}
)

// holdlock FILE takes crmkit's update lock on FILE in the test process, a
// process other than the crmkit the script runs next; ! holdlock FILE
// releases it.
func holdlock(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: [!] holdlock FILE")
	}
	path := ts.MkAbs(args[0])
	heldLocksMu.Lock()
	defer heldLocksMu.Unlock()
	if neg {
		heldLocks[path].Release()
		delete(heldLocks, path)
		return
	}
	l, err := filelock.Acquire(path)
	ts.Check(err)
	heldLocks[path] = l
	ts.Defer(l.Release)
}
