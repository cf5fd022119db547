package record

// Record is one canonical customer record.
type Record struct {
	// Values holds the canonical fields, indexed by Field.
	Values [NumFields]string
	// Extra holds the unknown input columns, in Schema.Extra order.
	Extra []string
	// Source is the lineage: file[:sheet]:row of the input row(s).
	Source string
}

// Schema describes the columns of a canonical CSV: the canonical fields,
// then the unknown columns preserved from the inputs, then lineage.
type Schema struct {
	Extra []string
}

// Header returns the canonical CSV header.
func (s *Schema) Header() []string {
	h := make([]string, 0, NumFields+len(s.Extra)+1)
	for f := range NumFields {
		h = append(h, Field(f).String())
	}
	h = append(h, s.Extra...)
	return append(h, SourceColumn)
}

// Row fills dst with the record's cells in Header order and returns it.
func (s *Schema) Row(r *Record, dst []string) []string {
	dst = dst[:0]
	dst = append(dst, r.Values[:]...)
	for i := range s.Extra {
		v := ""
		if i < len(r.Extra) {
			v = r.Extra[i]
		}
		dst = append(dst, v)
	}
	return append(dst, r.Source)
}
