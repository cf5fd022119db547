package decision

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/crmkit/crmkit/internal/tabular"
)

// FuzzRead: whatever a decisions or reviewed file holds, Read returns an
// error or decisions naming two different, ordered ids; the decisions
// written back (Write) read the same.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"id_a,id_b,decision,decided_by,decided_at,score,note\nC1,C2,match,李娜,2026-11-20,0.93,\n",
		"score,id_a,id_b,decision\n0.7,N3,C7,no-match\n0.6,a.csv:2,b.csv:9,\n0.5,X,Y,是\n",
		"id_a;id_b;decision\nC2;C1;否\n",
		"id_a,id_b,decision\nC1,C1,match\n",
		"id_a,id_b,decision\nC1,,match\n",
		"id_a,id_b,decision\nC1,C2,maybe\n",
		"\xef\xbb\xbfID_A,ID_B,DECISION\n\"C,1\",\"C\"\"2\",x\n",
		"id_a,id_b\nC1,C2\n",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "decisions.csv")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		file, err := Read(path)
		if err != nil {
			return
		}
		for _, d := range file.Decisions {
			if d.A == "" || d.B == "" || d.A >= d.B {
				t.Fatalf("decision %+v: ids empty, equal or unordered", d)
			}
		}
		if len(file.Decisions) == 0 {
			return
		}
		var buf bytes.Buffer
		w, err := tabular.NewCSVWriter(&buf, ',', false)
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(w, file.Decisions); err != nil {
			t.Fatal(err)
		}
		back := filepath.Join(dir, "written.csv")
		if err := os.WriteFile(back, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		again, err := Read(back)
		if err != nil || !reflect.DeepEqual(again.Decisions, file.Decisions) {
			t.Fatalf("written back:\n%s\nreads %+v, %v\nwant %+v", buf.Bytes(), again, err, file.Decisions)
		}
	})
}
