package report

// Table is a rendered-format-independent table.
type Table struct {
	// Kind says what the table is, the same in every language: one of the
	// Kind* constants. JSON carries it so a script never reads a title.
	Kind    string
	Title   string
	Columns []Column
	Rows    [][]Value
	Total   []Value // nil when the table has no totals row
	// Summary holds counts that describe the whole table (the quality
	// table's records and rejected rows): JSON fields; people read them in
	// the title.
	Summary []Field
	// Trailer rows are shown after the rows in every format but JSON,
	// which carries what they say in Summary (the quality table's rejected
	// rows are not a field).
	Trailer [][]Value
}

// Field is one named value of a table's Summary.
type Field struct {
	Key   string
	Value Value
}

// The kinds of table crmkit writes. They are part of the JSON contract
// (README "Report JSON"): never rename one.
const (
	KindTiers        = "tiers"         // value-tier summary
	KindTopCustomers = "top_customers" // the top customers of one tier
	KindOwners       = "owners"        // owner × tier
	KindOwnerChanges = "owner_changes" // customers per owner before and after assign
	KindLifecycle    = "lifecycle"     // lifecycle stages
	KindRFM          = "rfm"           // RFM segments
	KindDisputes     = "disputes"      // settled 撞单 disputes
	KindQuality      = "quality"       // data quality per field
	KindAssignRules  = "assign_rules"  // assign --dry-run: decisions by rule
	KindAssignOwners = "assign_owners" // assign --dry-run: customers per owner
	KindSteps        = "steps"         // pipeline: records in and out of each step
	KindStats        = "stats"         // crmkit stats: a profile of each column
)

// Kinds lists every kind, in the order reports print them.
var Kinds = []string{
	KindTiers, KindTopCustomers, KindOwners, KindOwnerChanges, KindLifecycle, KindRFM,
	KindDisputes, KindQuality, KindAssignRules, KindAssignOwners, KindSteps, KindStats,
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
