package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// writeJSON writes tables as {"title", "columns": [keys], "rows": [{key:
// value}], "total": {key: value} | null}, one object or an array of them.
// Numbers are written with the digits CSV shows, so both formats agree to
// the cent.
func writeJSON(w io.Writer, tables []*Table, array bool) error {
	var buf bytes.Buffer
	if array {
		buf.WriteByte('[')
	}
	for i, t := range tables {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := t.appendJSON(&buf); err != nil {
			return err
		}
	}
	if array {
		buf.WriteByte(']')
	}
	var out bytes.Buffer
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}

func (t *Table) appendJSON(buf *bytes.Buffer) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false) // "<" in a company name is text, not markup
	str := func(s string) error {
		if err := enc.Encode(s); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode ends with a newline
		return nil
	}
	object := func(values []Value) error {
		buf.WriteByte('{')
		for i, c := range t.Columns {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := str(c.Key); err != nil {
				return err
			}
			buf.WriteByte(':')
			var v Value
			if i < len(values) {
				v = values[i]
			}
			switch {
			case v.IsNum:
				buf.WriteString(machineNumber(v))
			case v.Text == "" && c.Numeric:
				buf.WriteString("null")
			default:
				if err := str(v.Text); err != nil {
					return err
				}
			}
		}
		buf.WriteByte('}')
		return nil
	}

	buf.WriteString(`{"title":`)
	if err := str(t.Title); err != nil {
		return err
	}
	buf.WriteString(`,"columns":[`)
	for i, c := range t.Columns {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := str(c.Key); err != nil {
			return err
		}
	}
	buf.WriteString(`],"rows":[`)
	for i, r := range t.Rows {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := object(r); err != nil {
			return err
		}
	}
	buf.WriteString(`],"total":`)
	if t.Total == nil {
		buf.WriteString("null")
	} else if err := object(t.Total); err != nil {
		return err
	}
	buf.WriteByte('}')
	return nil
}
