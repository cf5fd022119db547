package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Formats are the output formats Render accepts; the first is the default.
var Formats = []string{"table", "csv", "tsv", "markdown", "html", "json"}

// Render writes t in format. For "table", width is the terminal's column
// count: text cells are wrapped so no line is wider (0 = unlimited). Other
// formats ignore width. JSON is one object.
func (t *Table) Render(w io.Writer, format string, width int) error {
	return render(w, []*Table{t}, format, width, false)
}

// RenderAll writes several tables in format, separated by a blank line; for
// "json" it writes one array of table objects (always an array, so a
// script sees the same shape however many tables a report has).
func RenderAll(w io.Writer, tables []*Table, format string, width int) error {
	return render(w, tables, format, width, true)
}

func render(w io.Writer, tables []*Table, format string, width int, array bool) error {
	if !slices.Contains(Formats, format) {
		return fmt.Errorf("unknown report format %q (formats: %s)", format, strings.Join(Formats, ", "))
	}
	if format == "json" {
		return writeJSON(w, tables, array)
	}
	var out strings.Builder
	for i, t := range tables {
		if i > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(t.renderPretty(format, width))
		out.WriteByte('\n')
	}
	_, err := io.WriteString(w, out.String())
	return err
}
