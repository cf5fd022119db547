package runsummary

import "strings"

// warningCodes give every warning crmkit prints a stable code: a script
// tests the code, never the wording, which may improve. A warning is
// known by a phrase only it contains. The codes are part of the JSON
// contract (README "Using crmkit in CI"): never rename one; a new warning
// gets a new code (TestEveryWarningHasACode finds the ones missing).
var warningCodes = []struct{ phrase, code string }{
	// Reading
	{" rejected; see ", "rows_rejected"},
	{"could not be read and are not counted", "rows_unreadable"},
	{"the header row (row ", "header_looks_like_data"},
	{"look like numbers of another region", "phone_other_region"},
	{"day and month could be either way", "date_order_ambiguous"},
	{"in another currency kept as given", "amount_other_currency"},
	{"no input has that column", "map_column_missing"},
	{"no column matched a known field", "no_field_matched"},
	{"columns map to customer fields: is it a customer list?", "not_a_customer_table"},
	{": unknown setting ", "config_unknown_setting"},
	// Dedupe and fold
	{"refused: a no-match decision runs between", "decision_contradicted"},
	{"are in more than one currency and were kept apart", "amounts_currency_mixed"},
	{"could not be added up", "amounts_not_summed"},
	{"longer than Excel's 32,767 characters were cut; the full values", "merged_cell_cut"},
	{"more than one customer (the same id in different files)", "id_repeated"},
	{"the file looks like a snapshot", "fold_snapshot"},
	{"cannot save the master index", "master_index_not_saved"},
	{"interrupted by ", "interrupted_after_finish"},
	// Classify
	{"total_revenue is empty on every row", "revenue_missing"},
	{"no row has revenue, a purchase count or a purchase date", "purchases_missing"},
	{"is in another currency than yuan", "revenue_other_currency"},
	{"have a purchase after --as-of", "purchase_after_as_of"},
	// Assign
	{"--overrides names customer", "override_unknown_customer"},
	{"owned customers (", "owner_moves_many"},
	// Export
	{"has no rows or no numeric column: no chart", "summary_no_chart"},
	{"cells were longer than Excel's", "cells_cut"},
	{"rows; the rest continues on sheet", "sheet_continued"},
}

// CodeOther is the code of a warning no phrase names: a bug to report,
// since every warning should have its own.
const CodeOther = "other"

// CodeOf returns the stable code of a warning message.
func CodeOf(msg string) string {
	for _, w := range warningCodes {
		if strings.Contains(msg, w.phrase) {
			return w.code
		}
	}
	return CodeOther
}

// Codes lists every warning code, for the README and tests.
func Codes() []string {
	out := make([]string, 0, len(warningCodes))
	for _, w := range warningCodes {
		out = append(out, w.code)
	}
	return out
}
