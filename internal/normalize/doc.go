// Package normalize owns the value normalizers applied at import: each turns
// one raw cell into its canonical form, or says it cannot.
//
// Every normalizer returns (value, ok). A value that cannot be normalized is
// never guessed at: it comes back as Text(raw) with ok=false, for the caller
// to keep and count as a data-quality issue. Empty input gives "", true.
// Every normalizer is idempotent (N(N(x)) == N(x)), safe for concurrent use,
// and returns an already-canonical value without allocating.
//
// Accepted forms, briefly:
//
//   - Text: trims, collapses all whitespace (incl. U+3000, NBSP) to one space,
//     drops zero-width characters, folds ＡＢＣ１２３ to ABC123; keeps ，：“”.
//     Structured also folds full-width punctuation (＠ → @, （ → ().
//   - Phone → E.164, default region CN: 13812345678, 138 1234 5678,
//     +86/0086/86 prefixes, (010)12345678, 0755-8888 8888, +1 (415) 555-0100;
//     extensions 010-12345678-8001, 转8001, 分机8001, ext 8001, x8001 →
//     "+861012345678 ext. 8001"; several numbers split on / ; , 、 ； ， | or a
//     line break → joined with ";". Validity is libphonenumber's.
//   - Email → lower case: mailto: and <> stripped, full-width folded, several
//     split on ; , / 、 or spaces → joined with ";".
//   - Date → "2025-03-04" or "2025-03-04 14:30:00": 2025-03-04, 2025/3/4,
//     2025.3.4, 20250304, 2025年3月4日/号, ISO 8601 with T, Z or an offset
//     (dropped, wall time kept), 14时30分, 下午2:30, 2:30 PM, Mar 4, 2025,
//     4 March 2025, 04-Mar-2025, Excel serials as text, 03/04/2025 per
//     DateOrder. Years 1900–2200 only (serials exempt); no two-digit years.
//   - ExcelSerial: 1900 system (with its fake 1900-02-29) or 1904 system.
//   - Amount → plain decimal, exact: ¥12,345.00, 12345元, 1.2万, 3亿, RMB 100,
//     100 USD, $1,200.99, (1,234.00), -¥50, 1.23E+5, 12 345.
//   - Count → whole number: 12, 12次, 12 单, 1,200, 3.0.
package normalize
