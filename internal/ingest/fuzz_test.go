package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzIngest feeds arbitrary bytes through the whole import path: sniffing,
// header detection, mapping and normalization. It must never panic, and
// every row read must come out as a record or a reject.
func FuzzIngest(f *testing.F) {
	for _, s := range []string{
		"客户名称,手机\n华强,13812345678\n",
		"title\n\nAccount Name;Phone;Email\nAcme;+1 415 555 0100;A@B.COM\n",
		"a\tb\n1\t2\t3\n",
		"\"unterminated,1\n2,3\n",
		"id,company,_source\n1,x,f.csv:9\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "in.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		in, err := Open([]string{p}, Options{})
		if err != nil {
			return // a clear error is a fine answer to garbage
		}
		defer in.Close()
		c := &collect{}
		st, err := in.Run(context.Background(), 2, c)
		if err != nil {
			return
		}
		if st.In != st.Out+st.Rejected || st.Out != len(c.recs) || st.Rejected != len(c.rejects) {
			t.Fatalf("conservation broken: in %d out %d (%d) rejected %d (%d)", st.In, st.Out, len(c.recs), st.Rejected, len(c.rejects))
		}
		for _, r := range c.recs {
			if r.Source == "" {
				t.Fatalf("record without lineage: %+v", r)
			}
		}
	})
}
