// Package warncode holds the stable machine codes of crmkit's warnings.
// A warning is made with its code where it is made (stage.Notes.Warnf,
// the export writers' Warn), and --summary-json lists each warning with
// that code, so a script tests the code, never the wording, which may
// improve or be printed in another language.
//
// The codes are part of the JSON contract (README "The run summary"):
// never rename or reuse one; a new kind of warning gets a new code,
// added to All (the tests check that every warning is made with a code
// listed here and that the README lists them all).
package warncode

// Code is a warning's stable machine code.
type Code string

// Reading
const (
	RowsRejected         Code = "rows_rejected"          // rows went to the rejects file
	RowsUnreadable       Code = "rows_unreadable"        // rows could not be read (a command without a rejects file)
	HeaderLooksLikeData  Code = "header_looks_like_data" // the header row holds phone numbers or e-mail addresses
	PhoneOtherRegion     Code = "phone_other_region"     // numbers that look like another region's
	DateOrderAmbiguous   Code = "date_order_ambiguous"   // dates whose day and month could be either way
	AmountOtherCurrency  Code = "amount_other_currency"  // amounts in another currency kept as given
	MapColumnMissing     Code = "map_column_missing"     // a --map entry names a column no input has
	NoFieldMatched       Code = "no_field_matched"       // a table where no column matched a field
	NotACustomerTable    Code = "not_a_customer_table"   // a table where one column of many maps
	ConfigUnknownSetting Code = "config_unknown_setting" // a setting the config file has that crmkit does not know
)

// Dedupe and fold
const (
	DecisionContradicted   Code = "decision_contradicted"    // match decisions refused by a no-match decision
	AmountsCurrencyMixed   Code = "amounts_currency_mixed"   // merged amounts in more than one currency
	AmountsNotSummed       Code = "amounts_not_summed"       // merged amounts that are not numbers
	MergedCellCut          Code = "merged_cell_cut"          // merged cells cut to Excel's limit
	IDRepeated             Code = "id_repeated"              // one id names customers in different files
	FoldSnapshot           Code = "fold_snapshot"            // the folded file looks like running totals
	MasterIndexNotSaved    Code = "master_index_not_saved"   // the master index could not be written
	InterruptedAfterFinish Code = "interrupted_after_finish" // a signal came after the outputs were committed
)

// Classify
const (
	RevenueMissing       Code = "revenue_missing"        // total_revenue is empty on every row
	PurchasesMissing     Code = "purchases_missing"      // no revenue, purchase count or date at all
	RevenueOtherCurrency Code = "revenue_other_currency" // revenue ranked as yuan that is not
	PurchaseAfterAsOf    Code = "purchase_after_as_of"   // purchases after --as-of
)

// Assign
const (
	OverrideUnknownCustomer Code = "override_unknown_customer" // --overrides names a customer not in the input
	OwnerMovesMany          Code = "owner_moves_many"          // more than a fifth of owned customers change owner
)

// Export
const (
	SummaryNoChart Code = "summary_no_chart" // a summary sheet without a chart
	CellsCut       Code = "cells_cut"        // cells cut to Excel's limit
	SheetContinued Code = "sheet_continued"  // a sheet full, continued on another
)

// Other is the code --summary-json gives a warning made without one: a
// bug to report (the tests keep it from happening).
const Other Code = "other"

// All lists every code, in the order the README lists them.
var All = []Code{
	RowsRejected, RowsUnreadable, HeaderLooksLikeData, PhoneOtherRegion, DateOrderAmbiguous,
	AmountOtherCurrency, MapColumnMissing, NoFieldMatched, NotACustomerTable, ConfigUnknownSetting,
	DecisionContradicted, AmountsCurrencyMixed, AmountsNotSummed, MergedCellCut, IDRepeated,
	FoldSnapshot, MasterIndexNotSaved, InterruptedAfterFinish,
	RevenueMissing, PurchasesMissing, RevenueOtherCurrency, PurchaseAfterAsOf,
	OverrideUnknownCustomer, OwnerMovesMany,
	SummaryNoChart, CellsCut, SheetContinued,
}

// Known says whether c is one of All.
func Known(c Code) bool {
	for _, k := range All {
		if k == c {
			return true
		}
	}
	return false
}
