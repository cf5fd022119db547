package view

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/tabular"
)

// run writes header and rows through a view into CSV.
func run(t *testing.T, spec Spec, rows [][]string) (string, *Writer, error) {
	t.Helper()
	var out bytes.Buffer
	cw, err := tabular.NewCSVWriter(&out, ',', false)
	if err != nil {
		t.Fatal(err)
	}
	w := NewWriter(cw, spec)
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return "", w, err
		}
	}
	if err := w.Flush(); err != nil {
		return "", w, err
	}
	return out.String(), w, nil
}

var customers = [][]string{
	{"id", "company", "cluster_id", "total_revenue"},
	{"C3", "华强电子", "K2", "500"},
	{"C1", "Acme", "K10", "12000.5"},
	{"C2", "星河科技", "K2", ""},
	{"C4", "Beta", "K1", "90"},
}

func TestSelectExclude(t *testing.T) {
	got, _, err := run(t, Spec{Select: []string{"company", "id"}}, customers)
	if err != nil {
		t.Fatal(err)
	}
	if want := "company,id\n华强电子,C3\nAcme,C1\n星河科技,C2\nBeta,C4\n"; got != want {
		t.Errorf("select:\n%s", got)
	}
	got, _, err = run(t, Spec{Exclude: []string{"cluster_id", "total_revenue"}}, customers)
	if err != nil {
		t.Fatal(err)
	}
	if want := "id,company\nC3,华强电子\nC1,Acme\nC2,星河科技\nC4,Beta\n"; got != want {
		t.Errorf("exclude:\n%s", got)
	}
	_, _, err = run(t, Spec{Select: []string{"id", "phnoe"}}, customers)
	if err == nil || !errs.IsUsage(err) || !strings.Contains(err.Error(), `--select: no column "phnoe"`) || !strings.Contains(errs.HintOf(err), "cluster_id") {
		t.Errorf("unknown column: %v (hint %q)", err, errs.HintOf(err))
	}
	if err := (Spec{Select: []string{"id"}, Exclude: []string{"id"}}).Check(); err == nil {
		t.Error("--select with --exclude accepted")
	}
}

// TestSortIsStableUnderInputOrder: the same records in any order give the
// same bytes when sorted by a column and a tie-break, so a nightly diff
// shows only real changes.
func TestSortIsStableUnderInputOrder(t *testing.T) {
	spec := Spec{Sort: []string{"cluster_id", "id"}}
	want := "id,company,cluster_id,total_revenue\nC4,Beta,K1,90\nC1,Acme,K10,12000.5\nC2,星河科技,K2,\nC3,华强电子,K2,500\n"
	for _, order := range [][]int{{1, 2, 3, 4}, {4, 3, 2, 1}, {2, 4, 1, 3}} {
		rows := [][]string{customers[0]}
		for _, i := range order {
			rows = append(rows, customers[i])
		}
		got, _, err := run(t, spec, rows)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("order %v:\n%s\nwant\n%s", order, got, want)
		}
	}
}

func TestSortNumbersAndDescending(t *testing.T) {
	got, _, err := run(t, Spec{Sort: []string{"-total_revenue"}, Select: []string{"id"}}, customers)
	if err != nil {
		t.Fatal(err)
	}
	// 12000.5 > 500 > 90 as numbers (as text "90" would lead); the empty
	// revenue goes last even descending.
	if want := "id\nC1\nC3\nC4\nC2\n"; got != want {
		t.Errorf("got\n%s", got)
	}
	if _, ok := number("NaN"); ok {
		t.Error("NaN read as a number")
	}
	_, _, err = run(t, Spec{Sort: []string{"owner"}}, customers)
	if err == nil || !strings.Contains(err.Error(), `--sort: no column "owner"`) {
		t.Errorf("unknown sort column: %v", err)
	}
}

func TestLimit(t *testing.T) {
	got, w, err := run(t, Spec{Limit: 2}, customers)
	if err != nil {
		t.Fatal(err)
	}
	if want := "id,company,cluster_id,total_revenue\nC3,华强电子,K2,500\nC1,Acme,K10,12000.5\n"; got != want {
		t.Errorf("limit:\n%s", got)
	}
	if w.Seen() != 4 || w.Written() != 2 || w.Left() != 2 {
		t.Errorf("seen %d written %d left %d", w.Seen(), w.Written(), w.Left())
	}
	// With a sort, the limit takes the first rows of the sorted view.
	got, _, _ = run(t, Spec{Limit: 1, Sort: []string{"-total_revenue"}, Select: []string{"id"}}, customers)
	if got != "id\nC1\n" {
		t.Errorf("limit after sort:\n%s", got)
	}
}

func TestSampleIsSeededUniformAndInInputOrder(t *testing.T) {
	rows := [][]string{{"n"}}
	for i := range 1000 {
		rows = append(rows, []string{fmt.Sprint(i)})
	}
	sample := func(seed uint64) []string {
		got, w, err := run(t, Spec{Sample: 50, Seed: seed}, rows)
		if err != nil {
			t.Fatal(err)
		}
		if w.Written() != 50 || w.Left() != 950 {
			t.Fatalf("written %d left %d", w.Written(), w.Left())
		}
		lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")[1:]
		return lines
	}
	a, b, c := sample(7), sample(7), sample(8)
	if !slices.Equal(a, b) {
		t.Error("same seed, different sample")
	}
	if slices.Equal(a, c) {
		t.Error("different seeds, same sample")
	}
	nums := make([]int, len(a))
	for i, s := range a {
		fmt.Sscan(s, &nums[i])
	}
	if !slices.IsSorted(nums) {
		t.Errorf("sample not in input order: %v", a)
	}
	// Uniform: over many seeds, the first and the second half of the input
	// are drawn about equally often.
	var first, second int
	for seed := range uint64(200) {
		for _, s := range sample(seed) {
			var n int
			fmt.Sscan(s, &n)
			if n < 500 {
				first++
			} else {
				second++
			}
		}
	}
	if ratio := float64(first) / float64(second); ratio < 0.9 || ratio > 1.1 {
		t.Errorf("first half drawn %d times, second %d", first, second)
	}
	// A sample larger than the input is the input.
	got, _, _ := run(t, Spec{Sample: 10}, customers)
	if strings.Count(got, "\n") != 5 {
		t.Errorf("sample of 10 from 4:\n%s", got)
	}
}

func TestNDJSONView(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(tabular.NewNDJSONWriter(&out), Spec{Select: []string{"id", "total_revenue"}, Sort: []string{"id"}, Limit: 2})
	for _, r := range customers {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := "{\"id\":\"C1\",\"total_revenue\":\"12000.5\"}\n{\"id\":\"C2\",\"total_revenue\":\"\"}\n"; out.String() != want {
		t.Errorf("got %s", out.String())
	}
}
