package cli

import (
	"github.com/crmkit/crmkit/internal/atomicfile"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/tabular"
)

// lazyCSV is a CSV side output (rejects, review, audit) created only when
// the first row arrives, and written atomically.
type lazyCSV struct {
	path   string
	header []string
	file   *atomicfile.File
	w      *tabular.CSVWriter
}

func (l *lazyCSV) Write(row []string) error {
	if l.w == nil {
		f, err := atomicfile.Create(l.path)
		if err != nil {
			return errs.Data(err, "pass another path, or check that you can write there")
		}
		l.file = f
		if l.w, err = tabular.NewCSVWriter(f, ',', false); err != nil {
			return err
		}
		if err := l.w.Write(l.header); err != nil {
			return err
		}
	}
	return l.w.Write(row)
}

// Commit writes the file into place if anything was written.
func (l *lazyCSV) Commit() error {
	if l.w == nil {
		return nil
	}
	if err := l.w.Flush(); err != nil {
		return errs.Data(err, "check free disk space")
	}
	return errs.Data(l.file.Commit(), "check free disk space and permissions")
}

// Abort discards a file not committed.
func (l *lazyCSV) Abort() {
	if l.file != nil {
		l.file.Abort()
	}
}
