package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// writeJSON writes tables as {"kind", "title", "columns": [keys], "rows":
// [{key: value}], "total": {key: number} | null, "summary": {key: value}},
// one object or an array of them. Numbers are written with the digits CSV
// shows, so both formats agree to the cent; an empty numeric cell is null.
// The total holds the numeric columns only: its label ("合计", "Total")
// is for people.
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
	value := func(v Value, numeric bool) error {
		switch {
		case v.IsNum:
			buf.WriteString(machineNumber(v))
		case v.Text == "" && numeric:
			buf.WriteString("null")
		default:
			return str(v.Text)
		}
		return nil
	}
	object := func(values []Value, numericOnly bool) error {
		buf.WriteByte('{')
		n := 0
		for i, c := range t.Columns {
			if numericOnly && !c.Numeric {
				continue
			}
			if n > 0 {
				buf.WriteByte(',')
			}
			n++
			if err := str(c.Key); err != nil {
				return err
			}
			buf.WriteByte(':')
			var v Value
			if i < len(values) {
				v = values[i]
			}
			if err := value(v, c.Numeric); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
		return nil
	}

	buf.WriteString(`{"kind":`)
	if err := str(t.Kind); err != nil {
		return err
	}
	buf.WriteString(`,"title":`)
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
		if err := object(r, false); err != nil {
			return err
		}
	}
	buf.WriteString(`],"total":`)
	if t.Total == nil {
		buf.WriteString("null")
	} else if err := object(t.Total, true); err != nil {
		return err
	}
	buf.WriteString(`,"summary":{`)
	for i, f := range t.Summary {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := str(f.Key); err != nil {
			return err
		}
		buf.WriteByte(':')
		if err := value(f.Value, true); err != nil {
			return err
		}
	}
	buf.WriteString("}}")
	return nil
}
