package ingest

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
)

// RejectsHeader is the header of a rejects file.
var RejectsHeader = []string{"file", "sheet", "row", "reason", "values"}

// Row renders a reject as a rejects-file row. values holds the raw cells as
// one CSV line, so the row can be fixed and re-imported without loss.
func (r Reject) Row() []string {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(r.Cells) // writing to a bytes.Buffer cannot fail
	w.Flush()
	return []string{r.File, r.Sheet, strconv.Itoa(r.Line), r.Reason, strings.TrimRight(buf.String(), "\n")}
}
