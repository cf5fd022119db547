package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/crmkit/crmkit/internal/cli"
	"github.com/crmkit/crmkit/internal/iostreams"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/script from the actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"crmkit": func() { os.Exit(cli.Main(iostreams.System(), os.Args[1:], "test")) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real
// binary on the real files in testdata. $TESTDATA points at testdata.
func TestScripts(t *testing.T) {
	td, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(td, "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", td)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"genfile":      genfile,
			"cmptotals":    cmptotals,
			"auditcovers":  auditcovers,
			"unchanged":    unchanged,
			"sameclusters": sameclusters,
			"holdlock":     holdlock,
			"normsummary":  normsummary,
			"interrupt":    interrupt,
			"tmpfiles":     tmpfiles,
			"warncodes":    warncodes,
		},
	})
}

// genfile KIND SIZE FILE writes a hostile input too big to keep in the
// repository: "garbage" is deterministic random bytes, "longline" one CSV
// line of SIZE bytes with no newline, "longcell" a header and a row whose
// last cell fills the rest of SIZE bytes.
func genfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: genfile garbage|longline|longcell|latebinary|quotethenlines|rows SIZE FILE")
	}
	size, err := strconv.Atoi(args[1])
	ts.Check(err)
	buf := make([]byte, size)
	switch args[0] {
	case "garbage":
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range buf {
			buf[i] = byte(rng.Uint32())
		}
	case "longline":
		for i := range buf {
			buf[i] = "客户名称,手机,"[i%len("客户名称,手机,")]
		}
	case "longcell":
		head := "客户名称,备注\n华强电子,"
		copy(buf, head)
		for i := len(head); i < len(buf); i++ {
			buf[i] = 'x'
		}
	case "latebinary":
		// Good rows past the sniffing window, then binary data: the run
		// fails midway, after output has started.
		n := copy(buf, "客户名称,手机\n")
		for n < len(buf)/2 {
			n += copy(buf[n:], "华强电子,13812345678\n")
		}
		for i := n; i < len(buf); i++ {
			buf[i] = 0
		}
	case "rows":
		// Good rows, past the window read to sniff and find the header.
		n := copy(buf, "客户名称,手机\n")
		for n+len("华强电子,13812345678\n") <= len(buf) {
			n += copy(buf[n:], "华强电子,13812345678\n")
		}
		buf = buf[:n]
	case "quotethenlines":
		// A quote that never closes, then short lines to the end: each
		// line is a row of one value, rejected.
		n := copy(buf, "客户名称,手机,备注\nAcme,13800138000,ok\n\"\n")
		for ; n+2 <= len(buf); n += 2 {
			copy(buf[n:], "x\n")
		}
		buf = buf[:n]
	default:
		ts.Fatalf("genfile: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), buf, 0o644))
}

// cmptotals JSON CSV checks that the totals row of a report rendered as
// JSON (the first table's "total" object) equals the last row of the same
// report rendered as CSV, number by number.
func cmptotals(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmptotals report.json report.csv")
	}
	var tables []struct {
		Columns []string       `json:"columns"`
		Total   map[string]any `json:"total"`
	}
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &tables))
	rows, err := csv.NewReader(strings.NewReader(ts.ReadFile(args[1]))).ReadAll()
	ts.Check(err)
	if len(tables) == 0 || tables[0].Total == nil || len(rows) < 2 {
		ts.Fatalf("no totals to compare")
	}
	t, last := tables[0], rows[len(rows)-1]
	if len(last) != len(t.Columns) {
		ts.Fatalf("CSV has %d columns, JSON %d", len(last), len(t.Columns))
	}
	compared := 0
	for i, key := range t.Columns {
		num, ok := t.Total[key].(float64)
		if !ok {
			continue
		}
		got, err := strconv.ParseFloat(last[i], 64)
		if err != nil || got != num {
			ts.Fatalf("total %s: JSON %v, CSV %q", key, num, last[i])
		}
		compared++
	}
	if compared == 0 {
		ts.Fatalf("no numeric totals compared")
	}
	ts.Logf("%d totals equal", compared)
}

// auditcovers ASSIGNED AUDIT checks that every record assign changed the
// owner of (owner_previous, the owner before the run, differs) is explained by an audit row for its
// customer (cluster_id, else id) naming the new owner, a rule and a reason.
func auditcovers(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: auditcovers assigned.csv audit.csv")
	}
	read := func(name string) (map[string]int, [][]string) {
		rows, err := csv.NewReader(strings.NewReader(ts.ReadFile(name))).ReadAll()
		ts.Check(err)
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		return col, rows[1:]
	}
	ac, arows := read(args[0])
	uc, urows := read(args[1])
	audit := map[string][]string{}
	for _, r := range urows {
		audit[r[uc["customer_id"]]] = r
	}
	changed := 0
	for _, r := range arows {
		if r[ac["owner_previous"]] == r[ac["owner"]] {
			continue
		}
		changed++
		id := r[ac["id"]]
		if c, ok := ac["cluster_id"]; ok && r[c] != "" {
			id = r[c]
		}
		a, ok := audit[id]
		switch {
		case !ok:
			ts.Fatalf("customer %s changed owner but has no audit row", id)
		case a[uc["owner"]] != r[ac["owner"]]:
			ts.Fatalf("customer %s: output owner %q, audit owner %q", id, r[ac["owner"]], a[uc["owner"]])
		case a[uc["rule"]] == "" || a[uc["reason"]] == "":
			ts.Fatalf("customer %s: audit row without rule or reason", id)
		}
	}
	if changed == 0 {
		ts.Fatalf("no owner changed: nothing to check")
	}
	ts.Logf("%d changed records explained by the audit", changed)
}

// readTable reads a CSV file written by crmkit: its header and rows.
func readTable(ts *testscript.TestScript, name string) ([]string, [][]string) {
	rows, err := csv.NewReader(strings.NewReader(ts.ReadFile(name))).ReadAll()
	ts.Check(err)
	if len(rows) == 0 {
		ts.Fatalf("%s is empty", name)
	}
	return rows[0], rows[1:]
}

func column(ts *testscript.TestScript, header []string, name string) int {
	i := slices.Index(header, name)
	if i < 0 {
		ts.Fatalf("no %s column", name)
	}
	return i
}

// unchanged OLD NEW CHANGES checks a fold: every customer of the old master
// the change report does not name as merged, updated or seen is in the new
// master byte for byte, and every one it names keeps its id and cluster_id.
func unchanged(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: unchanged old.csv new.csv changes.csv")
	}
	oh, old := readTable(ts, args[0])
	nh, cur := readTable(ts, args[1])
	ch, changes := readTable(ts, args[2])
	if !slices.Equal(oh, nh) {
		ts.Fatalf("headers differ:\n%v\n%v", oh, nh)
	}
	touched := map[string]bool{}
	for _, c := range changes {
		switch c[column(ts, ch, "change")] {
		case "merged", "updated", "seen":
			touched[c[column(ts, ch, "cluster_id")]] = true
		}
	}
	cid, id := column(ts, oh, "cluster_id"), column(ts, oh, "id")
	rows := map[string][]string{}
	for _, r := range cur {
		rows[r[cid]] = r
	}
	same, kept := 0, 0
	for _, r := range old {
		n, ok := rows[r[cid]]
		switch {
		case !ok:
			ts.Fatalf("customer %s of the old master is gone", r[cid])
		case n[id] != r[id]:
			ts.Fatalf("customer %s: id %s became %s", r[cid], r[id], n[id])
		case !touched[r[cid]] && !slices.Equal(n, r):
			ts.Fatalf("customer %s is not in the change report but changed:\n%v\n%v", r[cid], r, n)
		case !touched[r[cid]]:
			same++
		default:
			kept++
		}
	}
	ts.Logf("%d customers identical, %d updated under their ids", same, kept)
}

// sameclusters A B checks two masters hold the same customers: the same
// cluster ids, each with the same id and the same records merged.
func sameclusters(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sameclusters a.csv b.csv")
	}
	key := func(name string) []string {
		h, rows := readTable(ts, name)
		cid, id, from := column(ts, h, "cluster_id"), column(ts, h, "id"), column(ts, h, "merged_from")
		var out []string
		for _, r := range rows {
			parts := strings.Split(r[from], ";")
			slices.Sort(parts)
			out = append(out, r[cid]+" "+r[id]+" "+strings.Join(parts, ";"))
		}
		slices.Sort(out)
		return out
	}
	a, b := key(args[0]), key(args[1])
	if !slices.Equal(a, b) {
		ts.Fatalf("customers differ:\n%s\n--\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

// normsummary IN OUT writes the --summary-json document IN to OUT with its
// timing zeroed (the only part that differs between runs), for cmp.
func normsummary(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: normsummary summary.json out.json")
	}
	text := ts.ReadFile(args[0])
	var doc map[string]any
	ts.Check(json.Unmarshal([]byte(text), &doc))
	if _, ok := doc["timing"].(map[string]any); !ok {
		ts.Fatalf("%s has no timing", args[0])
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, `    "started_at": `):
			lines[i] = `    "started_at": "T",`
		case strings.HasPrefix(l, `    "seconds": `):
			lines[i] = `    "seconds": 0`
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(strings.Join(lines, "\n")), 0o644))
}
