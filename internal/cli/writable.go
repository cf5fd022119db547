package cli

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/crmkit/crmkit/internal/atomicfile"
	"github.com/crmkit/crmkit/internal/errs"
)

// checkWritable fails, before any work, on an output path that is a
// folder ("" and "-" are stdout). A missing folder is left to the write
// (pipeline creates its output folder).
func checkWritable(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if err := atomicfile.Check(path); errors.Is(err, atomicfile.ErrIsDir) {
		return errs.Usage(err, "name a file, e.g. -o "+filepath.Join(path, "customers.csv"))
	}
	return nil
}

// commitError gives a failed commit its hint: an interrupted run wrote
// nothing on purpose; anything else is the disk or permissions.
func commitError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	return errs.Data(err, "check free disk space and permissions")
}
