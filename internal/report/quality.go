package report

import "fmt"

// Quality is what import found, for the quality report.
type Quality struct {
	Records, Rejected int
	Fields            []FieldQuality // in canonical order
}

// FieldQuality counts one canonical field over the imported records.
type FieldQuality struct {
	Field                    string
	Filled, Missing, Invalid int
}

// QualityTable returns the data-quality table: per field filled, missing
// and invalid counts and the fill rate, then a row with the rejected rows
// (counted as invalid: they could not be read at all). The title carries
// both totals for people, the Summary for programs; there is no totals
// row, since adding counts of different fields means nothing.
func QualityTable(q Quality, lang string) *Table {
	w := wordsFor(lang)
	t := &Table{
		Kind:    KindQuality,
		Title:   fmt.Sprintf(w.titleQuality, q.Records, q.Rejected),
		Summary: []Field{{"records", Count(q.Records)}, {"rejected", Count(q.Rejected)}},
		Columns: []Column{
			w.col("field", false),
			w.col("filled", true), w.col("missing", true), w.col("invalid", true),
			w.col("filled_share", true),
		},
	}
	for _, f := range q.Fields {
		t.Rows = append(t.Rows, []Value{
			Text(f.Field),
			Count(f.Filled), Count(f.Missing), Count(f.Invalid),
			Share(float64(f.Filled), float64(q.Records)),
		})
	}
	t.Trailer = append(t.Trailer, []Value{Text(w.rejected), {}, {}, Count(q.Rejected), {}})
	return t
}
