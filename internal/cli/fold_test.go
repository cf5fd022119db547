package cli

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/sample"
)

// writeRows writes a CSV file.
func writeRows(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.WriteAll(rows)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// customersOf reads a dedupe output as record id → customer (cluster_id),
// failing when a record is in two customers.
func customersOf(t *testing.T, path string) map[string]string {
	t.Helper()
	col, rows := readCSV(t, path)
	out := map[string]string{}
	for _, r := range rows {
		ids := []string{r[col["id"]]}
		if m := r[col["merged_from"]]; m != "" {
			ids = strings.Split(m, ";")
		}
		for _, id := range ids {
			if prev, ok := out[id]; ok {
				t.Fatalf("%s: record %s is in customers %s and %s", filepath.Base(path), id, prev, r[col["cluster_id"]])
			}
			out[id] = r[col["cluster_id"]]
		}
	}
	return out
}

// runErr runs crmkit and returns its stderr.
func runErr(t *testing.T, args ...string) string {
	t.Helper()
	streams, _, _, errOut := iostreams.Test()
	if code := Main(streams, args, "test"); code != 0 {
		t.Fatalf("crmkit %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return errOut.String()
}

// TestFoldInChunksEqualsAtOnce is the fold's property: an export split
// into k chunks, the first deduped into a master and the others folded
// into it one by one, gives the same customers as deduping the export at
// once — and loses no record. On generated CRM exports (30% duplicated
// customers, typos, other formats) the clusters are identical; the
// differences on harder public datasets are measured by bench/fold.sh.
func TestFoldInChunksEqualsAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("folds a generated export several times")
	}
	dir := t.TempDir()
	gen := filepath.Join(dir, "gen.csv")
	f, err := os.Create(gen)
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.WriteCSV(f, sample.Config{N: 2500, Seed: 21}, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	canon := filepath.Join(dir, "canon.csv")
	run(t, "import", gen, "-o", canon, "-q")
	col, rows := readCSV(t, canon)
	header := make([]string, len(col))
	for name, i := range col {
		header[i] = name
	}
	// Unique ids, so customers are comparable across runs whatever file
	// a record came from.
	for i, r := range rows {
		r[col["id"]] = fmt.Sprintf("R%05d", i)
	}
	all := filepath.Join(dir, "all.csv")
	writeRows(t, all, append([][]string{header}, rows...))
	run(t, "dedupe", all, "-o", filepath.Join(dir, "all-out.csv"), "-q")
	want := customersOf(t, filepath.Join(dir, "all-out.csv"))
	if len(want) != len(rows) {
		t.Fatalf("at once: %d of %d records in the output", len(want), len(rows))
	}

	rng := rand.New(rand.NewPCG(5, 8))
	for _, k := range []int{2, 3, 7} {
		t.Run(fmt.Sprintf("k=%d", k), func(t *testing.T) {
			order := slices.Clone(rows)
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			master := filepath.Join(dir, fmt.Sprintf("master-%d.csv", k))
			for c := range k {
				chunk := filepath.Join(dir, fmt.Sprintf("chunk-%d-%d.csv", k, c))
				writeRows(t, chunk, append([][]string{header}, order[c*len(order)/k:(c+1)*len(order)/k]...))
				var stderr string
				if c == 0 {
					stderr = runErr(t, "dedupe", chunk, "-o", master)
				} else {
					stderr = runErr(t, "dedupe", "--master", master, chunk, "-o", master)
				}
				if !strings.Contains(stderr, "+ rejected 0\n") {
					t.Fatalf("chunk %d: %s", c, stderr)
				}
			}
			got := customersOf(t, master)
			if len(got) != len(rows) {
				t.Fatalf("%d of %d records are in the master", len(got), len(rows))
			}
			// Same partition: two records share a customer in one run
			// exactly when they do in the other.
			byWant, byGot := map[string][]string{}, map[string][]string{}
			for _, r := range rows {
				id := r[col["id"]]
				byWant[want[id]] = append(byWant[want[id]], id)
				byGot[got[id]] = append(byGot[got[id]], id)
			}
			var diffs []string
			for _, members := range byWant {
				if c := got[members[0]]; !slices.Equal(byGot[c], members) {
					diffs = append(diffs, fmt.Sprintf("at once %v, in chunks %v", members, byGot[c]))
				}
			}
			slices.Sort(diffs)
			if len(diffs) > 0 {
				t.Errorf("%d customers differ, e.g.\n%s", len(diffs), strings.Join(diffs[:min(5, len(diffs))], "\n"))
			}
		})
	}
}
