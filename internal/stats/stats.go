// Package stats owns `crmkit stats`: a profile of each column of a
// customer file — how full it is, how many distinct values it has and
// which are most common, the canonical field it maps to, the role it plays
// in matching, and how many of its values could not be normalized — in
// one streaming pass over the records.
package stats

import (
	"cmp"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/record"
)

// Column says where a profiled column comes from.
type Column struct {
	Name    string       // its header in crmkit's output (a canonical field's name, or the kept header)
	Headers []string     // the input headers that fed it
	Field   record.Field // the canonical field, when Mapped
	Mapped  bool         // false: an extra column, kept under its header
	Role    string       // what it tells matching (dedupe's roles: company, phone, …; "" none)
	index   int          // position in the canonical row
}

// Profile is one column's statistics.
type Profile struct {
	Column
	Filled   int
	Distinct int
	// DistinctExact is false when the column has more than TrackedValues
	// distinct values: Distinct then counts value hashes (64-bit FNV, so
	// a collision is all but impossible) and Top is empty.
	DistinctExact bool
	Top           []ValueCount // most common first, ties by value
	Invalid       int          // values kept as given because they could not be normalized
}

// ValueCount is a value and how many records have it.
type ValueCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// sampleSize is how many records the roles that only values show (an
// identity-code column under any header) are read from.
const sampleSize = 1000

// TrackedValues is how many distinct values a column's counts keep
// before only their hashes are kept: bounded memory on a million rows.
const TrackedValues = 50_000

// Result is the profile of a file.
type Result struct {
	Records  int
	Rejected int
	Columns  []Profile
}

// Collector folds records into column profiles.
type Collector struct {
	schema  *record.Schema
	sample  []record.Record // the first records, for the roles only values show
	cols    []Column
	top     int
	records int
	tallies []tally
	row     []string
}

type tally struct {
	filled int
	// index locates each value in values, until TrackedValues. The values
	// are copies: a record's strings may share a block of the reader's
	// text with their neighbours' (ingest.Sink), and a map key is replaced
	// by the string of every assignment to it, so counts kept as
	// map[value]int would hold a block of text per value seen lately.
	index  map[string]int
	values []ValueCount
	hashes map[uint64]struct{} // value hashes, after
}

// ColumnsOf lists the columns of in worth profiling: every canonical
// field some input column maps to, then the kept extra columns, each with
// the headers that fed it and its matching role. sample gives the roles
// that only values show (an identity-code column under any header).
func ColumnsOf(in *ingest.Input, sample []record.Record) []Column {
	roles := map[string]string{}
	for _, r := range dedupe.DetectRoles(&in.Schema, sample) {
		roles[r.Column] = string(r.Role)
	}
	headers := map[string][]string{}
	mapped := map[record.Field]bool{}
	for _, t := range in.Tables {
		for _, c := range t.Mapping.Columns {
			var name string
			switch {
			case c.Target == record.ToField:
				name = c.Field.String()
				mapped[c.Field] = true
			case c.Target == record.ToExtra:
				name = c.Extra
			default:
				continue
			}
			if !slices.Contains(headers[name], c.Header) {
				headers[name] = append(headers[name], c.Header)
			}
		}
	}
	var cols []Column
	for _, f := range record.Fields() {
		if mapped[f] || len(headers[f.String()]) > 0 {
			cols = append(cols, Column{Name: f.String(), Headers: headers[f.String()], Field: f, Mapped: true, Role: roles[f.String()], index: int(f)})
		}
	}
	for i, name := range in.Schema.Extra {
		cols = append(cols, Column{Name: name, Headers: headers[name], Role: roles[name], index: int(record.NumFields) + i})
	}
	return cols
}

// NewCollector profiles cols, keeping the top most common values of each.
func NewCollector(cols []Column, top int) *Collector {
	c := &Collector{cols: cols, top: max(top, 0), tallies: make([]tally, len(cols))}
	for i := range c.tallies {
		c.tallies[i].index = map[string]int{}
	}
	return c
}

// Add counts one record, in the schema the columns came from.
func (c *Collector) Add(schema *record.Schema, r *record.Record) {
	c.schema = schema
	if len(c.sample) < sampleSize {
		cp := *r
		cp.Extra = slices.Clone(r.Extra)
		c.sample = append(c.sample, cp)
	}
	c.row = schema.Row(r, c.row)
	c.records++
	for i, col := range c.cols {
		v := ""
		if col.index < len(c.row) {
			v = c.row[col.index]
		}
		if v == "" {
			continue
		}
		t := &c.tallies[i]
		t.filled++
		if t.hashes != nil {
			t.hashes[hash(v)] = struct{}{}
			continue
		}
		at, seen := t.index[v]
		if !seen && len(t.values) >= TrackedValues {
			t.hashes = make(map[uint64]struct{}, 2*TrackedValues)
			for _, k := range t.values {
				t.hashes[hash(k.Value)] = struct{}{}
			}
			t.index, t.values = nil, nil
			t.hashes[hash(v)] = struct{}{}
			continue
		}
		if !seen {
			at = len(t.values)
			t.values = append(t.values, ValueCount{Value: strings.Clone(v)})
			t.index[t.values[at].Value] = at
		}
		t.values[at].Count++
	}
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// Result returns the profiles. invalid are the per-field counts of values
// that could not be normalized (ingest's quality counts); rejected the
// rows that could not be read.
func (c *Collector) Result(invalid [record.NumFields]int, rejected int) *Result {
	res := &Result{Records: c.records, Rejected: rejected}
	if c.schema != nil {
		roles := map[string]string{}
		for _, r := range dedupe.DetectRoles(c.schema, c.sample) {
			roles[r.Column] = string(r.Role)
		}
		for i := range c.cols {
			c.cols[i].Role = roles[c.cols[i].Name]
		}
	}
	for i, col := range c.cols {
		t := &c.tallies[i]
		p := Profile{Column: col, Filled: t.filled, DistinctExact: t.hashes == nil}
		if col.Mapped {
			p.Invalid = invalid[col.Field]
		}
		if t.hashes != nil {
			p.Distinct = len(t.hashes)
		} else {
			p.Distinct = len(t.values)
			p.Top = topValues(t.values, c.top)
		}
		res.Columns = append(res.Columns, p)
	}
	return res
}

func topValues(values []ValueCount, n int) []ValueCount {
	if n == 0 {
		return nil
	}
	all := slices.Clone(values)
	slices.SortFunc(all, func(a, b ValueCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	return all[:min(n, len(all))]
}
