// Package tabular reads the tables sales admins have — CSV/TSV in any of the
// encodings Excel and CRMs save, and XLSX workbooks — as a stream of raw rows.
// It knows nothing about customers: header detection, mapping and
// normalization happen in package ingest.
package tabular

import (
	"io"
)

// Row is one physical row of a table.
type Row struct {
	// Cells are the row's values as text. XLSX dates come as ISO 8601
	// ("2025-03-04" or "2025-03-04 14:30:00"), numbers as plain decimals
	// (never exponent notation). Trailing empty cells may be absent.
	// The slice is only valid until the next call to Next.
	Cells []string
	// Line is the 1-based row number where the row starts: the line number
	// in a CSV file, the row number in a sheet.
	Line int
	// Problem, when not empty, says why this row cannot be used (for
	// example "invalid UTF-8 in field 3"); the row goes to the rejects file.
	Problem string
}

// Table is a stream of rows from one CSV file or one sheet.
type Table interface {
	// Next returns the next non-blank row, or io.EOF after the last one.
	// Any other error is fatal for the table.
	Next() (Row, error)
	// Info describes what the reader detected.
	Info() Info
	Close() error
}

// Info is what a reader detected about a table, shown by `crmkit inspect`.
type Info struct {
	Path      string // as given by the user ("-" for stdin)
	Format    string // "csv" or "xlsx"
	Encoding  string // csv: "utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be"
	Delimiter rune   // csv only
	Sheet     string // xlsx only
	Date1904  bool   // xlsx only
}

// Source returns the lineage prefix of the table: "file" or "file:sheet".
func (i Info) Source() string {
	name := i.Name()
	if i.Sheet != "" {
		return name + ":" + i.Sheet
	}
	return name
}

// Name is the file name as shown to users: the path as given, or "stdin".
func (i Info) Name() string {
	if i.Path == "-" {
		return "stdin"
	}
	return i.Path
}

// SheetInfo describes one sheet of a workbook.
type SheetInfo struct {
	Name   string
	Hidden bool
}

// Options control how files are opened. Zero value: detect everything.
type Options struct {
	Encoding  string // "" = detect; else utf-8, gbk, gb18030, utf-16le, utf-16be, ...
	Delimiter rune   // 0 = sniff
	Sheet     string // xlsx: sheet to read ("" = first visible)
	AllSheets bool   // xlsx: every visible sheet
	Stdin     io.Reader
}
