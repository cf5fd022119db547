package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/filelock"
)

// lockFile takes the lock on a file this run reads and then replaces (a
// master folded into itself): a second run doing the same at once would
// read the old file and its rename would drop what this run added.
func lockFile(path string, errOut io.Writer) (*filelock.Lock, error) {
	l, err := filelock.Acquire(path)
	var held *filelock.HeldError
	switch {
	case errors.As(err, &held):
		return nil, errs.Data(err, fmt.Sprintf("wait for that run to finish and run again; if no crmkit is running there, delete %s", held.LockPath))
	case err != nil:
		return nil, errs.Data(err, "check that you can write to the folder")
	}
	if l.Stale.PID != 0 {
		fmt.Fprintf(errOut, "note: took over the lock on %s left by %s, which is no longer running\n", path, l.Stale)
	}
	return l, nil
}
