// Package export writes customer records to the files people open in Excel:
// CSV (optionally with a BOM), TSV and XLSX. It owns how each value is typed
// in a spreadsheet (dates as date cells, amounts as numbers, ids and phones as
// text), formula-injection escaping, PII masking, splitting rows into sheets
// or files, and keeping within Excel's limits (sheet names, 1,048,576 rows).
//
// Every writer streams: rows are written as they arrive and memory stays flat
// however many there are; rows that must wait (split sheets) wait on disk.
package export
