package cli

import (
	"os"

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
	if err := l.open(); err != nil {
		return err
	}
	return l.w.Write(row)
}

func (l *lazyCSV) open() error {
	if l.w != nil {
		return nil
	}
	f, err := atomicfile.Create(l.path)
	if err != nil {
		return errs.Data(err, "pass another path, or check that you can write there")
	}
	l.file = f
	if l.w, err = tabular.NewCSVWriter(f, ',', false); err != nil {
		return err
	}
	return l.w.Write(l.header)
}

// Flush finishes the file before anything is committed. When no row came
// but a file from an earlier run is at the path, it is replaced by an empty
// one (header only), so it never describes another run.
func (l *lazyCSV) Flush() error {
	if l.w == nil {
		if _, err := os.Stat(l.path); err != nil {
			return nil
		}
		if err := l.open(); err != nil {
			return err
		}
	}
	return errs.Data(l.w.Flush(), "check free disk space")
}

// Commit moves a flushed file into place.
func (l *lazyCSV) Commit() error {
	if l.file == nil {
		return nil
	}
	return errs.Data(l.file.Commit(), "check free disk space and permissions")
}

// Abort discards a file not committed.
func (l *lazyCSV) Abort() {
	if l.file != nil {
		l.file.Abort()
	}
}
