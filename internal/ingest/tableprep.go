package ingest

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/normalize"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/tabular"
)

// dateSniffRows is how many data rows are read ahead to decide, per date
// column, whether its values prove month-first or day-first.
const dateSniffRows = 2000

// positional makes a table without a header row: every row is data and
// the columns are named by position, 1, 2, …, for --map 1=company.
func (pt *Table) positional(head []tabular.Row, o record.Overrides) *Table {
	width := 0
	for _, r := range head {
		width = max(width, len(trimTrailingEmpty(r.Cells)))
	}
	pt.NoHeader = true
	pt.Header = make([]string, width)
	for i := range pt.Header {
		pt.Header[i] = strconv.Itoa(i + 1)
	}
	pt.width = width
	pt.Mapping = record.MapHeader(pt.Header, o)
	for i := range pt.Mapping.Columns {
		c := &pt.Mapping.Columns[i]
		if c.Why == "unknown" {
			c.Extra = "column_" + c.Header
		}
	}
	pt.pending = head
	pt.finishMapping()
	return pt
}

// finishMapping notes the columns that steer how a row is read.
func (pt *Table) finishMapping() {
	for i, c := range pt.Mapping.Columns {
		if c.Role != record.NoRole {
			pt.roleCols = append(pt.roleCols, i)
		}
	}
}

// readAhead reads more data rows into pending when the table has date or
// amount columns, so that a date column's order and the need for a
// currency column can be decided from the values.
func (pt *Table) readAhead() error {
	sniff := false
	for _, c := range pt.Mapping.Columns {
		if c.Target == record.ToField && (c.Field.Kind() == record.KindDate || c.Field.Kind() == record.KindAmount) {
			sniff = true
		}
	}
	if !sniff || pt.HeaderLine == 0 {
		return nil
	}
	for len(pt.pending) < dateSniffRows {
		r, err := pt.src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		r.Cells = append([]string(nil), r.Cells...)
		pt.pending = append(pt.pending, r)
	}
	return nil
}

// decideDateOrders reads, per date column, the order its values prove:
// 12/1/2025 in a column that also holds 11/20/2025 is 1 December. A column
// whose values prove both orders, or neither, keeps the order given.
func (pt *Table) decideDateOrders() {
	if pt.order != normalize.DateAuto {
		return
	}
	for i, c := range pt.Mapping.Columns {
		if c.Target != record.ToField || c.Field.Kind() != record.KindDate {
			continue
		}
		mdy, dmy := 0, 0
		for _, r := range pt.pending {
			if r.Problem != "" || i >= len(r.Cells) {
				continue
			}
			switch normalize.DateOrderEvidence(r.Cells[i]) {
			case normalize.DateMDY:
				mdy++
			case normalize.DateDMY:
				dmy++
			}
		}
		var order normalize.DateOrder
		switch {
		case mdy > 0 && dmy == 0:
			order = normalize.DateMDY
		case dmy > 0 && mdy == 0:
			order = normalize.DateDMY
		default:
			continue
		}
		if pt.DateOrders == nil {
			pt.DateOrders = map[int]normalize.DateOrder{}
		}
		pt.DateOrders[i] = order
	}
}

// dateOrder is the order column i is read in.
func (pt *Table) dateOrder(i int) normalize.DateOrder {
	if o, ok := pt.DateOrders[i]; ok {
		return o
	}
	return pt.order
}

// looksLikeData reports whether a header row holds phone numbers or e-mail
// addresses, which no header names itself.
func looksLikeData(header []string) bool {
	for _, h := range header {
		h = strings.TrimSpace(h)
		if h == "" || record.Known(h) {
			continue
		}
		if strings.Contains(h, "@") {
			if _, ok := normalize.Email(h); ok {
				return true
			}
			continue
		}
		digits := 0
		for _, r := range h {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits >= 7 {
			if _, ok := normalize.Phone(h, ""); ok {
				return true
			}
		}
	}
	return false
}

// placeCurrencyColumn adds the currency column to the output when an input
// names a currency other than yuan that no rate converts: a currency
// column, a header (Amount (USD)) or a value among the first rows (USD
// 1000). It then tells every table where that column is.
func (in *Input) placeCurrencyColumn() {
	need := false
	for _, t := range in.Tables {
		for i, c := range t.Mapping.Columns {
			switch {
			case c.Role == record.RoleCurrency:
				need = true
			case c.Target == record.ToField && c.Field.Kind() == record.KindAmount:
				if in.foreign(c.Unit.Currency) {
					need = true
				}
				for _, r := range t.pending {
					if i < len(r.Cells) {
						if _, cur, ok := normalize.AmountIn(r.Cells[i], t.decimalComma); ok && in.foreign(cur) {
							need = true
						}
					}
				}
			}
		}
	}
	if !need {
		return
	}
	pos := -1
	for i, e := range in.Schema.Extra {
		if e == record.CurrencyColumn {
			pos = i
		}
	}
	if pos < 0 {
		pos = len(in.Schema.Extra)
		in.Schema.Extra = append(in.Schema.Extra, record.CurrencyColumn)
	}
	for _, t := range in.Tables {
		t.currencyIdx = pos
	}
}

// foreign reports whether amounts in cur are neither yuan nor converted.
func (in *Input) foreign(cur string) bool {
	if cur == "" || cur == baseCurrency {
		return false
	}
	_, ok := in.opts.Rates[cur]
	return !ok
}
