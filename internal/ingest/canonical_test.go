package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/record"
)

// canonicalFile is crmkit's canonical CSV with one extra column: a phone
// kept as given beside a valid one, a date and a padded note, as a
// previous step wrote them.
func canonicalFile(t *testing.T) string {
	h := (&record.Schema{Extra: []string{"wechat"}}).Header()
	row := make([]string, len(h))
	row[record.ID] = "C1"
	row[record.Company] = "深圳市华强电子有限公司"
	row[record.Phone] = "/;+8613947129319"
	row[record.LastContactAt] = "2025-03-04"
	row[record.Notes] = "先打电话  再发邮件"
	row[len(h)-2] = "wx_1"
	row[len(h)-1] = "a.csv:7"
	return writeFile(t, "canon.csv", strings.Join(h, ",")+"\n"+strings.Join(row, ",")+"\n"+"C2,华强\n")
}

// crmkit's canonical CSV is taken as it is: the record is the one written,
// even a value a second normalization would change, and a short row is
// still rejected.
func TestCanonicalCSVIsReadAsWritten(t *testing.T) {
	p := canonicalFile(t)
	_, st, c := run(t, 2, Options{}, p)
	if st.Out != 1 || st.Rejected != 1 || len(c.recs) != 1 {
		t.Fatalf("out %d rejected %d", st.Out, st.Rejected)
	}
	r := c.recs[0]
	if r.Values[record.Phone] != "/;+8613947129319" || r.Values[record.Notes] != "先打电话  再发邮件" ||
		r.Source != "a.csv:7" || r.Extra[0] != "wx_1" {
		t.Errorf("record changed on the way in: %q %q %q %q", r.Values[record.Phone], r.Values[record.Notes], r.Source, r.Extra)
	}
	if !strings.Contains(c.rejects[0].Reason, "values but the header has") {
		t.Errorf("short row: %q", c.rejects[0].Reason)
	}
}

// With Renormalize, or a --map that moves a column, the file is read like
// any other: values are normalized and counted.
func TestCanonicalCSVRenormalized(t *testing.T) {
	p := canonicalFile(t)
	for _, opts := range []Options{{Renormalize: true}, {Overrides: mustOverrides(t, "wechat=tags")}} {
		_, _, c := run(t, 1, opts, p)
		if len(c.recs) != 1 || c.recs[0].Values[record.Phone] == "/;+8613947129319" {
			t.Fatalf("%+v: phone not normalized again: %+v", opts, c.recs)
		}
	}
}

func mustOverrides(t *testing.T, spec string) record.Overrides {
	o, err := record.ParseOverrides([]string{spec})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// FuzzCanonical reads crmkit's canonical header over any rows: no panic,
// every row either a record whose values are its cells or a reject.
func FuzzCanonical(f *testing.F) {
	f.Add("C1,华强,,,,,,,,,,,,,,,,,,,,,,a.csv:2\n", true)
	f.Add("C1,\"a\nb\",x\n,,,\n", false)
	header := strings.Join((&record.Schema{}).Header(), ",") + "\n"
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, rows string, crlf bool) {
		body := header + rows
		if crlf {
			body = strings.ReplaceAll(body, "\n", "\r\n")
		}
		p := filepath.Join(dir, "c.csv")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		in, err := Open([]string{p}, Options{})
		if err != nil {
			return
		}
		defer in.Close()
		c := &collect{}
		st, err := in.Run(context.Background(), 1, c)
		if err != nil {
			return
		}
		if st.In != st.Out+st.Rejected+len(st.Totals) {
			t.Fatalf("in %d != out %d + rejected %d", st.In, st.Out, st.Rejected)
		}
		for _, r := range c.recs {
			if r.Source == "" {
				t.Fatalf("record without lineage: %+v", r)
			}
		}
	})
}
