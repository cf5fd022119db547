// Package decision reads and writes people's decisions about pairs of
// customer records — "these two are one customer" (match) or "these two
// are not" (no-match) — so that every later dedupe run honours them, the
// way CRMs remember "not a duplicate".
//
// A decisions file is a table (CSV, or a workbook) with the columns
// id_a, id_b, decision, decided_by, decided_at, score and note. dedupe's
// review file has id_a, id_b and an empty decision column: once a person
// fills it in, it is a decisions file too.
package decision

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/tabular"
)

// Decision is a person's verdict on a pair of records, named as dedupe
// names them (an id, a cluster_id, or file:row).
type Decision struct {
	A, B  string
	Match bool
	By    string
	At    string
	Score string
	Note  string
}

// Verdict words.
const (
	MatchWord   = "match"
	NoMatchWord = "no-match"
)

// Header is the column order Write uses.
var Header = []string{"id_a", "id_b", "decision", "decided_by", "decided_at", "score", "note"}

var (
	matchWords = wordSet("match", "m", "yes", "y", "same", "duplicate", "dup", "merge", "1", "true", "x",
		"是", "同一", "同一客户", "相同", "重复", "合并", "对")
	noMatchWords = wordSet("no-match", "nomatch", "no match", "no_match", "n", "no", "different", "distinct",
		"not", "not a duplicate", "keep apart", "0", "false",
		"否", "不同", "不是", "不同客户", "不重复", "非重复", "不合并", "错")
	undecidedWords = wordSet("", "?", "skip", "unsure", "later", "pending", "待定", "跳过", "不确定")
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// ErrUnknownVerdict says a decision cell holds a word crmkit does not read.
var ErrUnknownVerdict = errors.New("not a decision")

// ParseVerdict reads a decision cell: match, no-match, or undecided
// (decided false). Words people type are accepted: yes/no, same/different,
// 是/否, 合并/不合并.
func ParseVerdict(s string) (match, decided bool, err error) {
	w := strings.ToLower(strings.TrimSpace(s))
	switch {
	case matchWords[w]:
		return true, true, nil
	case noMatchWords[w]:
		return false, true, nil
	case undecidedWords[w]:
		return false, false, nil
	}
	return false, false, fmt.Errorf("%q is %w (write match or no-match; yes/no, 是/否 work too)", s, ErrUnknownVerdict)
}

// Word writes a verdict.
func Word(match bool) string {
	if match {
		return MatchWord
	}
	return NoMatchWord
}

// File is what a decisions or reviewed file holds.
type File struct {
	Decisions []Decision
	// Undecided counts rows whose decision cell was empty (or "skip").
	Undecided int
}

// Read reads a decisions file or a reviewed review file (CSV, TSV or
// XLSX, any encoding crmkit reads). Rows are checked: both ids present,
// a readable verdict; the first bad row is an error naming it.
func Read(path string) (*File, error) {
	tables, err := tabular.Open(path, tabular.Options{})
	if err != nil {
		return nil, err
	}
	defer func() {
		for _, t := range tables {
			t.Close()
		}
	}()
	if len(tables) == 0 {
		return &File{}, nil
	}
	t := tables[0]
	head, err := t.Next()
	if errors.Is(err, io.EOF) {
		return &File{}, nil
	}
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range head.Cells {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	for _, need := range []string{"id_a", "id_b", "decision"} {
		if _, ok := col[need]; !ok {
			return nil, errs.Dataf("a decisions file has the columns "+strings.Join(Header, ",")+"; dedupe --review writes one to fill in",
				"%s has no %s column", path, need)
		}
	}
	cell := func(row []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	f := &File{}
	for {
		row, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		where := fmt.Sprintf("%s row %d", path, row.Line)
		if row.Problem != "" {
			return nil, errs.Dataf("fix the row and run again", "%s: %s", where, row.Problem)
		}
		match, decided, err := ParseVerdict(cell(row.Cells, "decision"))
		if err != nil {
			return nil, errs.Data(fmt.Errorf("%s: decision %w", where, err), "write match or no-match in the decision column, or leave it empty to decide later")
		}
		if !decided {
			f.Undecided++
			continue
		}
		d := Decision{A: cell(row.Cells, "id_a"), B: cell(row.Cells, "id_b"), Match: match,
			By: cell(row.Cells, "decided_by"), At: cell(row.Cells, "decided_at"),
			Score: cell(row.Cells, "score"), Note: cell(row.Cells, "note")}
		if d.A == "" || d.B == "" {
			return nil, errs.Dataf("every decision names two records in id_a and id_b", "%s: a decision without both ids", where)
		}
		if d.A == d.B {
			return nil, errs.Dataf("a decision is about two different records", "%s: id_a and id_b are both %q", where, d.A)
		}
		f.Decisions = append(f.Decisions, d.normal())
	}
	return f, nil
}

// normal orders the pair's ids, so a pair has one spelling.
func (d Decision) normal() Decision {
	if d.B < d.A {
		d.A, d.B = d.B, d.A
	}
	return d
}

// Pair is the decision's pair key.
func (d Decision) Pair() [2]string { return [2]string{d.A, d.B} }

// Merge applies newer decisions over older ones: a pair decided again
// takes the newer verdict. The result is sorted by pair. added and changed
// count the newer decisions that were new pairs, or that reversed an
// older one.
func Merge(older, newer []Decision) (out []Decision, added, changed int) {
	at := map[[2]string]int{}
	for _, d := range older {
		d = d.normal()
		if i, ok := at[d.Pair()]; ok {
			out[i] = d
			continue
		}
		at[d.Pair()] = len(out)
		out = append(out, d)
	}
	for _, d := range newer {
		d = d.normal()
		i, ok := at[d.Pair()]
		switch {
		case !ok:
			at[d.Pair()] = len(out)
			out = append(out, d)
			added++
		case out[i].Match != d.Match:
			// Reversed: the newer decision holds. The same verdict again
			// keeps the first, with who decided it and when.
			changed++
			out[i] = d
		}
	}
	slices.SortFunc(out, func(x, y Decision) int {
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
	return out, added, changed
}

// Write writes decisions as CSV rows in Header order.
func Write(w *tabular.CSVWriter, ds []Decision) error {
	if err := w.Write(Header); err != nil {
		return err
	}
	for _, d := range ds {
		if err := w.Write([]string{d.A, d.B, Word(d.Match), d.By, d.At, d.Score, d.Note}); err != nil {
			return err
		}
	}
	return w.Flush()
}
