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

import "slices"

// Code is a warning's stable machine code. The comment of each says what
// the warning's count counts; the others count nothing (count null).
type Code string

// Reading
const (
	RowsRejected         Code = "rows_rejected"          // rows went to the rejects file (count: rows)
	RowsUnreadable       Code = "rows_unreadable"        // rows could not be read, no rejects file (count: rows)
	HeaderLooksLikeData  Code = "header_looks_like_data" // the header row holds phone numbers or e-mail addresses
	PhoneOtherRegion     Code = "phone_other_region"     // numbers that look like another region's (count: numbers)
	DateOrderAmbiguous   Code = "date_order_ambiguous"   // day and month could be either way (count: dates)
	AmountOtherCurrency  Code = "amount_other_currency"  // amounts in another currency kept as given (count: amounts)
	MapColumnMissing     Code = "map_column_missing"     // a --map entry names a column no input has
	NoFieldMatched       Code = "no_field_matched"       // a table where no column matched a field
	NotACustomerTable    Code = "not_a_customer_table"   // a table where one column of many maps
	ConfigUnknownSetting Code = "config_unknown_setting" // a setting the config file has that crmkit does not know
)

// Dedupe and fold
const (
	DecisionContradicted   Code = "decision_contradicted"    // match decisions refused by a no-match one (count: decisions)
	AmountsCurrencyMixed   Code = "amounts_currency_mixed"   // merged amounts in more than one currency (count: amounts)
	AmountsNotSummed       Code = "amounts_not_summed"       // merged amounts that are not numbers (count: amounts)
	MergedCellCut          Code = "merged_cell_cut"          // merged cells cut to Excel's limit (count: cells)
	IDRepeated             Code = "id_repeated"              // one id names customers in different files (count: ids)
	FoldSnapshot           Code = "fold_snapshot"            // the folded file looks like running totals (count: records)
	MasterIndexNotSaved    Code = "master_index_not_saved"   // the master index could not be written
	InterruptedAfterFinish Code = "interrupted_after_finish" // a signal came after the outputs were committed
)

// Classify
const (
	RevenueMissing       Code = "revenue_missing"        // total_revenue is empty on every row
	PurchasesMissing     Code = "purchases_missing"      // no revenue, purchase count or date at all
	RevenueOtherCurrency Code = "revenue_other_currency" // revenue ranked as yuan that is not (count: customers)
	PurchaseAfterAsOf    Code = "purchase_after_as_of"   // purchases after --as-of (count: customers)
)

// Assign
const (
	OverrideUnknownCustomer Code = "override_unknown_customer" // --overrides names a customer not in the input
	OwnerMovesMany          Code = "owner_moves_many"          // over a fifth of owned customers change owner (count: customers)
)

// Export
const (
	SummaryNoChart Code = "summary_no_chart" // a summary sheet without a chart
	CellsCut       Code = "cells_cut"        // cells cut to Excel's limit (count: cells)
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
func Known(c Code) bool { return slices.Contains(All, c) }
