package report

// Table is a rendered-format-independent table.
type Table struct {
	Title   string
	Columns []Column
	Rows    [][]Value
	Total   []Value // nil when the table has no totals row
}

// Column is one column of a Table.
type Column struct {
	Name    string // display header, in the report language
	Key     string // stable snake_case name for JSON, the same in every language
	Numeric bool   // right-aligned; its cells are numbers or empty
}

// cellText is v as people read it (table, Markdown, HTML).
func cellText(v Value, c Column) string {
	switch {
	case v.IsNum:
		return humanNumber(v)
	case v.Text == "" && c.Numeric:
		return "-"
	}
	return v.Text
}

// cellData is v as programs read it (CSV, TSV).
func cellData(v Value) string {
	if v.IsNum {
		return machineNumber(v)
	}
	return protectFormula(v.Text)
}

// protectFormula keeps a spreadsheet from running a text cell that a CRM
// export let through (=HYPERLINK(...), +cmd, @SUM): the same rule export
// applies. Numbers never reach here, so a negative amount stays a number.
func protectFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
