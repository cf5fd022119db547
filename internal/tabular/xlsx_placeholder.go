package tabular

// TEMPORARY stand-ins so the package compiles until xlsx.go lands.
// Delete this file when xlsx.go defines these symbols.

import "errors"

const maxWorkbookBytes = 1 << 30

func openXLSX(path, display string, opts Options) ([]Table, error) {
	return nil, errors.New("xlsx: not implemented yet")
}

func oleError(path string) error { return errors.New("xls: not implemented yet") }
