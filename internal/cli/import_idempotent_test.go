package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/sample"
)

// TestImportIsIdempotent is a property over generated exports: importing
// crmkit's own output gives the same bytes, so counts do not drift between
// the stages of a chain.
func TestImportIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	for _, dialect := range []string{"fxiaoke", "salesforce", "hubspot", "zoho", "sheet", "mixed"} {
		for seed := uint64(1); seed <= 3; seed++ {
			name := fmt.Sprintf("%s-%d", dialect, seed)
			in := filepath.Join(dir, name+".csv")
			var buf bytes.Buffer
			cfg := sample.Config{N: 400, Seed: seed, Dialect: dialect, Messy: 1, Extra: []string{"微信"}}
			if err := sample.WriteCSV(&buf, cfg, nil); err != nil {
				t.Fatal(err)
			}
			addSecondPhone(t, &buf, seed)
			if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			once, twice := filepath.Join(dir, name+".1.csv"), filepath.Join(dir, name+".2.csv")
			importFile(t, in, once)
			importFile(t, once, twice)
			a, _ := os.ReadFile(once)
			b, _ := os.ReadFile(twice)
			if !bytes.Equal(a, b) {
				al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
				for i := range min(len(al), len(bl)) {
					if al[i] != bl[i] {
						t.Errorf("%s: line %d differs after a second import:\n once: %s\ntwice: %s", name, i+1, al[i], bl[i])
						break
					}
				}
			}
		}
	}
}

// addSecondPhone adds a 备用电话 column whose cells are placeholders,
// remarks, foreign numbers or mobiles, the second phone column of real
// sheets: its values are joined with the first column's.
func addSecondPhone(t *testing.T, buf *bytes.Buffer, seed uint64) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(buf.Bytes()))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	values := []string{"/", "无", "", "13912345678", "18117084408(微信同号)", "(415) 555-0100", "空号", "N/A", "020 7946 0958"}
	for i := range rows {
		v := "备用电话"
		if i > 0 {
			v = values[(uint64(i)*7+seed)%uint64(len(values))]
		}
		rows[i] = append(rows[i], v)
	}
	buf.Reset()
	w := csv.NewWriter(buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
}

func importFile(t *testing.T, in, out string) {
	t.Helper()
	streams, _, _, errOut := iostreams.Test()
	if code := Main(streams, []string{"import", in, "-o", out, "-q"}, "test"); code != 0 {
		t.Fatalf("import %s: exit %d: %s", in, code, errOut)
	}
}
