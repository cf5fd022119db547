// Package ingest turns tables into canonical customer records: it finds the
// header row, maps columns to canonical fields, normalizes values, and sends
// rows that cannot be used to the rejects with a reason. Nothing is dropped
// silently: every data row becomes a record or a reject.
package ingest

import (
	"errors"
	"io"
	"strings"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/normalize"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/tabular"
)

// Options control how inputs are read and normalized.
type Options struct {
	Tabular   tabular.Options
	Overrides record.Overrides
	Region    string // default phone region, "CN" when empty
	DateOrder normalize.DateOrder
	// Renormalize reads crmkit's canonical CSV like any file, checking
	// every value again (the quality report counts what is invalid),
	// instead of taking its values as they are (canonical.go). Rates do
	// the same: the amounts are converted.
	Renormalize bool
	// Rates converts amounts in other currencies to yuan: currency code →
	// yuan per unit ("USD" → "7.1"). An amount in a currency without a rate
	// is kept apart in the currency column.
	Rates map[string]string
	// NoHeader reads every row as data; columns are named by position
	// (1, 2, …), which --map can map: --map 1=company,2=phone.
	NoHeader bool
}

// Table is one opened input table with its header found and mapped.
type Table struct {
	Info       tabular.Info
	HeaderLine int // 0 when the table is empty
	TitleRows  int // non-blank rows above the header
	Header     []string
	Mapping    record.Mapping

	// HeaderLooksLikeData says the header row holds phone numbers or
	// e-mail addresses: the file probably has no header (--no-header).
	HeaderLooksLikeData bool
	// NoHeader: every row is data and columns are named 1, 2, ….
	NoHeader bool
	// DateOrders is the order each date column was read in when its
	// values proved it (11/20/2025 is month first), by column index.
	DateOrders map[int]normalize.DateOrder

	region       string              // phone region for rows without a country
	order        normalize.DateOrder // the date order given (auto by default)
	decimalComma bool                // ;-separated: 1.234,56 is 1234.56
	roleCols     []int               // country and currency columns
	currencyIdx  int                 // Schema.Extra index of the currency column, or -1

	src      tabular.Table
	trusted  bool          // Source.Trusted
	pending  []tabular.Row // rows read while looking for the header
	extraIdx []int         // column → Schema.Extra index, -1 if not extra
	width    int
}

// Input is a set of opened tables sharing one output schema.
type Input struct {
	Tables []*Table
	Schema record.Schema
	// Skipped names the sheets left out because at most one column matched
	// a known field while another sheet of the workbook had customers (a
	// summary or notes sheet).
	Skipped []string
	// OtherCustomerSheets names the visible sheets left out by default
	// that also look like customer tables (--all-sheets reads them).
	OtherCustomerSheets []string
	opts                Options
}

// Open opens every path, finds and maps each table's header, and builds
// the union schema: canonical fields, then unknown columns in order of
// first appearance, then lineage.
func Open(paths []string, opts Options) (*Input, error) {
	if opts.Region == "" {
		opts.Region = "CN"
	}
	stdin := 0
	for _, p := range paths {
		if p == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return nil, errs.Usagef("pass - once; stdin can be read only once", "- (stdin) is given %d times", stdin)
	}
	sources := make([]Source, len(paths))
	for i, p := range paths {
		sources[i] = Source{Path: p, Tabular: opts.Tabular, Overrides: opts.Overrides, NoHeader: opts.NoHeader}
	}
	return openSources(sources, opts)
}

// Source is one input with its own reading options, for a pipeline whose
// files differ (a GBK CSV, a workbook's every sheet).
type Source struct {
	Path      string
	Tabular   tabular.Options
	Overrides record.Overrides
	// Trusted says crmkit wrote the file (a customer master): phone
	// numbers already in E.164 are kept as written, not validated again.
	Trusted bool
	// Region and DateOrder, when set, replace the shared ones for this
	// input (pipeline.inputs: a US export beside Chinese ones).
	Region    string
	DateOrder *normalize.DateOrder
	NoHeader  bool
}

// OpenSources is Open with options per input; opts gives the region and
// date order they share.
func OpenSources(sources []Source, opts Options) (*Input, error) {
	if opts.Region == "" {
		opts.Region = "CN"
	}
	return openSources(sources, opts)
}

func openSources(sources []Source, opts Options) (*Input, error) {
	in := &Input{opts: opts}
	extraPos := map[string]int{}
	for _, src := range sources {
		prepared, err := openCustomerSheets(src, in)
		if err != nil {
			in.Close()
			return nil, err
		}
		for _, pt := range prepared {
			pt.region = opts.Region
			if src.Region != "" {
				pt.region = strings.ToUpper(src.Region)
			}
			pt.order = opts.DateOrder
			if src.DateOrder != nil {
				pt.order = *src.DateOrder
			}
			pt.decideDateOrders()
			pt.decimalComma = pt.Info.Format == "csv" && pt.Info.Delimiter == ';'
			pt.extraIdx = make([]int, len(pt.Mapping.Columns))
			for i, c := range pt.Mapping.Columns {
				pt.extraIdx[i] = -1
				if c.Target != record.ToExtra {
					continue
				}
				pos, ok := extraPos[c.Extra]
				if !ok {
					pos = len(in.Schema.Extra)
					extraPos[c.Extra] = pos
					in.Schema.Extra = append(in.Schema.Extra, c.Extra)
				}
				pt.extraIdx[i] = pos
			}
			in.Tables = append(in.Tables, pt)
		}
	}
	in.placeCurrencyColumn()
	return in, nil
}

// UnusedOverrides returns --map headers that no input table has.
func (in *Input) UnusedOverrides() []string {
	var out []string
	for key, target := range in.opts.Overrides {
		used := false
		for _, t := range in.Tables {
			for _, c := range t.Mapping.Columns {
				if record.HeaderKey(c.Header) == key {
					used = true
				}
			}
		}
		if !used {
			out = append(out, key+"="+target)
		}
	}
	return out
}

// Close closes every table.
func (in *Input) Close() error {
	var first error
	for _, t := range in.Tables {
		if err := t.src.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func prepare(t tabular.Table, o record.Overrides, noHeader bool) (*Table, error) {
	pt := &Table{Info: t.Info(), src: t, currencyIdx: -1}
	var head []tabular.Row
	for len(head) < headerScanRows {
		r, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		r.Cells = append([]string(nil), r.Cells...)
		head = append(head, r)
	}
	if len(head) == 0 {
		return pt, nil // an empty table: no header, no rows
	}
	cells := make([][]string, len(head))
	for i, r := range head {
		if r.Problem == "" {
			cells[i] = r.Cells
		}
	}
	if noHeader {
		return pt.positional(head, o), nil
	}
	h := detectHeader(cells, o)
	if p := head[h].Problem; p != "" {
		hint := "open the file in Excel or a text editor and check its first rows"
		if strings.Contains(p, "encoding") || strings.Contains(p, "invalid") {
			hint = "check the file's encoding with `crmkit inspect`, or pass --encoding"
		}
		return nil, errs.Dataf(hint, "%s: cannot read the header row (line %d): %s", pt.Info.Source(), head[h].Line, p)
	}
	pt.HeaderLine = head[h].Line
	pt.TitleRows = h
	pt.Header = widenHeader(trimTrailingEmpty(head[h].Cells), head[h+1:])
	pt.width = len(pt.Header)
	pt.Mapping = record.MapHeader(pt.Header, o)
	pt.pending = head[h+1:]
	pt.HeaderLooksLikeData = looksLikeData(pt.Header)
	pt.finishMapping()
	return pt, pt.readAhead()
}

// widenHeader adds unnamed columns to a header when most rows below it have
// values beyond it (a last column someone forgot to name), so those values
// are kept as column_N instead of every row being rejected as ragged. A few
// ragged rows do not widen it.
func widenHeader(header []string, rows []tabular.Row) []string {
	widths := map[int]int{}
	n := 0
	for _, r := range rows {
		if r.Problem == "" {
			widths[len(trimTrailingEmpty(r.Cells))]++
			n++
		}
	}
	common, best := 0, 0
	for w, c := range widths {
		if c > best || (c == best && w < common) {
			common, best = w, c
		}
	}
	if common <= len(header) || best*2 <= n {
		return header
	}
	wide := make([]string, common)
	copy(wide, header)
	return wide
}

// openCustomerSheets opens and maps one source's tables. In a workbook,
// sheets where at most one column matches a known field (a summary whose
// 消费金额 column maps, notes) are left out when another sheet has
// customers: by default the first visible sheet that does is read, with
// --all-sheets every one that does.
func openCustomerSheets(src Source, in *Input) ([]*Table, error) {
	opts := src.Tabular
	byDefault := opts.Sheet == "" && !opts.AllSheets && src.Path != "-"
	tables, err := tabular.Open(src.Path, opts)
	if err != nil {
		return nil, err
	}
	if byDefault && len(tables) == 1 && tables[0].Info().Format == "xlsx" {
		// Look at every visible sheet; keep the first with customers.
		tables[0].Close()
		opts.AllSheets = true
		if tables, err = tabular.Open(src.Path, opts); err != nil {
			return nil, err
		}
	}
	var out []*Table
	for i, t := range tables {
		pt, err := prepare(t, src.Overrides, src.NoHeader)
		if err != nil {
			for _, rest := range tables[i:] {
				rest.Close()
			}
			for _, p := range out {
				p.src.Close()
			}
			return nil, err
		}
		pt.trusted = src.Trusted
		out = append(out, pt)
	}
	if len(out) < 2 {
		return out, nil
	}
	var keep, skip []*Table
	for _, t := range out {
		if t.HeaderLine > 0 && t.Mapping.Mapped() >= 2 {
			keep = append(keep, t)
		} else {
			skip = append(skip, t)
		}
	}
	if len(keep) == 0 {
		keep, skip = out[:1], out[1:]
	}
	if byDefault {
		for _, t := range keep[1:] {
			in.OtherCustomerSheets = append(in.OtherCustomerSheets, t.Info.Source())
		}
		skip = append(skip, keep[1:]...)
		keep = keep[:1]
	}
	for _, t := range skip {
		if !byDefault {
			in.Skipped = append(in.Skipped, t.Info.Source())
		}
		t.src.Close()
	}
	return keep, nil
}
