package cli

import (
	"encoding/csv"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/sample"
)

func readCSV(t *testing.T, path string) (map[string]int, [][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	return col, rows[1:]
}

func run(t *testing.T, args ...string) {
	t.Helper()
	streams, _, _, errOut := iostreams.Test()
	if code := Main(streams, args, "test"); code != 0 {
		t.Fatalf("crmkit %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
}

// TestDedupeLosesNothing runs dedupe on a generated export with ~30%
// duplicated customers and checks conservation: every input record is in
// --clusters exactly once, every phone and e-mail survives into the merged
// output, and purchase_count and total_revenue add up to the same totals.
func TestDedupeLosesNothing(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "export.csv")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.WriteCSV(f, sample.Config{N: 3000, Seed: 11}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	canon := filepath.Join(dir, "canonical.csv")
	out := filepath.Join(dir, "deduped.csv")
	clusters := filepath.Join(dir, "clusters.csv")
	run(t, "import", in, "-o", canon)
	run(t, "dedupe", canon, "-o", out, "--clusters", clusters)

	inCol, inRows := readCSV(t, canon)
	outCol, outRows := readCSV(t, out)
	clCol, clRows := readCSV(t, clusters)

	seen := map[string]int{}
	for _, r := range clRows {
		seen[r[clCol["id"]]]++
	}
	for _, r := range inRows {
		if n := seen[r[inCol["id"]]]; n != 1 {
			t.Errorf("input id %s appears %d times in --clusters", r[inCol["id"]], n)
		}
	}
	if len(clRows) != len(inRows) {
		t.Errorf("--clusters has %d rows, input %d", len(clRows), len(inRows))
	}
	if len(outRows) >= len(inRows) {
		t.Errorf("nothing merged: %d rows in, %d out", len(inRows), len(outRows))
	}

	values := func(col map[string]int, rows [][]string, field string) map[string]bool {
		set := map[string]bool{}
		for _, r := range rows {
			for v := range strings.SplitSeq(r[col[field]], ";") {
				if v != "" {
					set[v] = true
				}
			}
		}
		return set
	}
	for _, field := range []string{"phone", "email", "owner"} {
		got := values(outCol, outRows, field)
		if field == "owner" {
			got = values(outCol, outRows, "owners")
		}
		for v := range values(inCol, inRows, field) {
			// Placeholders (none, N/A, 无) are dropped from a merged list
			// that has real values; they are not phones or e-mails.
			if !got[v] && !dedupe.IsPlaceholder(v) {
				t.Errorf("%s %q is in the input but not in the merged output", field, v)
			}
		}
	}
	for _, field := range []string{"purchase_count", "total_revenue", "referrals"} {
		total := func(col map[string]int, rows [][]string) *big.Rat {
			sum := new(big.Rat)
			for _, r := range rows {
				if v := r[col[field]]; v != "" {
					x, ok := new(big.Rat).SetString(v)
					if !ok {
						t.Fatalf("%s %q is not a number", field, v)
					}
					sum.Add(sum, x)
				}
			}
			return sum
		}
		before, after := total(inCol, inRows), total(outCol, outRows)
		if before.Cmp(after) != 0 {
			t.Errorf("%s total %s before, %s after", field, before.FloatString(2), after.FloatString(2))
		}
	}
}
