package company

import (
	"bytes"
	"encoding/csv"
	"io"
	"sync"
	"testing"

	"github.com/crmkit/crmkit/internal/sample"
)

// sampleCompanies returns the company column of generated samples: Chinese
// names with region prefixes, bracketed regions, branches and legal forms
// (fxiaoke, sheet and mixed dialects, messy), and English names with
// Inc./LLC/GmbH/S.A./Sp. z o.o. and none (salesforce-accounts, lang en).
func sampleCompanies(tb testing.TB, n int) []string {
	tb.Helper()
	var out []string
	add := func(buf *bytes.Buffer) {
		r := csv.NewReader(buf)
		r.FieldsPerRecord = -1
		header, err := r.Read()
		if err != nil {
			tb.Fatal(err)
		}
		col := -1
		for i, h := range header {
			if sample.HeaderFields[h] == "company" || h == "Name" {
				col = i
				break
			}
		}
		if col < 0 {
			tb.Fatalf("no company column in %q", header)
		}
		for {
			row, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				tb.Fatal(err)
			}
			if col < len(row) {
				out = append(out, row[col])
			}
		}
	}
	for i, cfg := range []sample.Config{
		{Dialect: "fxiaoke", Lang: "zh"},
		{Dialect: "sheet", Lang: "mixed", Messy: 1},
		{Dialect: "mixed", Lang: "mixed"},
		{Dialect: "salesforce", Lang: "en"},
		{Dialect: "canonical"},
	} {
		cfg.N, cfg.Seed = n, uint64(42+i)
		var buf bytes.Buffer
		if err := sample.WriteCSV(&buf, cfg, nil); err != nil {
			tb.Fatal(err)
		}
		add(&buf)
	}
	var buf bytes.Buffer
	if err := sample.WriteEnglishCSV(&buf, sample.DialectSalesforceAccounts, n, 7, 0, nil); err != nil {
		tb.Fatal(err)
	}
	add(&buf)
	return out
}

var (
	benchOnce  sync.Once
	benchNames []string
)

// benchCompanies is a fixed realistic mix for BenchmarkParse.
func benchCompanies(tb testing.TB) []string {
	benchOnce.Do(func() { benchNames = sampleCompanies(tb, 1000) })
	return benchNames
}
