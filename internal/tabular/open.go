package tabular

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/crmkit/crmkit/internal/errs"
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Open opens path ("-" for opts.Stdin) and returns its tables: one for a
// CSV file, one or more sheets for a workbook. The format is decided by the
// file's content, not its extension, so a .csv that is really an .xlsx
// (a common export mistake) still opens.
func Open(path string, opts Options) ([]Table, error) {
	if path == "-" {
		return openStdin(opts)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, errs.Data(fmt.Errorf("cannot open %s: %w", path, unwrapPathError(err)),
			"check the file name and that you can read it")
	}
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		f.Close()
		return nil, errs.Dataf("pass the files inside it, e.g. "+filepath.Join(path, "*.csv"), "%s is a directory, not a file", path)
	}
	// Peek rather than seek, so named pipes and <(process substitution) work.
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(8)
	switch {
	case bytes.HasPrefix(head, zipMagic):
		f.Close()
		return openXLSX(path, path, opts)
	case bytes.HasPrefix(head, oleMagic):
		f.Close()
		return nil, oleError(path)
	}
	t, err := newCSVTable(path, br, f, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	return []Table{t}, nil
}

// openStdin reads CSV from stdin as a stream; a workbook on stdin is
// spooled to a temporary file because XLSX needs random access.
func openStdin(opts Options) ([]Table, error) {
	in := opts.Stdin
	if in == nil {
		in = os.Stdin
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(8)
	switch {
	case bytes.HasPrefix(head, zipMagic):
		tmp, err := os.CreateTemp("", "crmkit-stdin-*.xlsx")
		if err != nil {
			return nil, errs.Data(fmt.Errorf("cannot buffer workbook from stdin: %w", err), "pass the .xlsx file by name instead of through a pipe")
		}
		defer os.Remove(tmp.Name()) // the workbook reader keeps its own handle open
		if _, err := io.Copy(tmp, io.LimitReader(br, maxWorkbookBytes+1)); err != nil {
			tmp.Close()
			return nil, errs.Data(fmt.Errorf("cannot buffer workbook from stdin: %w", err), "pass the .xlsx file by name instead of through a pipe")
		}
		tmp.Close()
		return openXLSX(tmp.Name(), "-", opts)
	case bytes.HasPrefix(head, oleMagic):
		return nil, oleError("-")
	}
	t, err := newCSVTable("-", br, io.NopCloser(nil), opts)
	if err != nil {
		return nil, err
	}
	return []Table{t}, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
