package decision

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead feeds the decisions and review reader (files crmkit writes,
// people edit and every dedupe trusts) any bytes: it never panics, and
// every decision it returns names two records.
func FuzzRead(f *testing.F) {
	f.Add([]byte("id_a,id_b,decision\nC1,C2,match\nC3,C4,no-match\n"))
	f.Add([]byte("decision,score,id_a,id_b,agreed\n是,0.8,C1,C2,phone\n,0.7,C3,C4,\n"))
	f.Add([]byte("id_a;id_b;decision\r\nC1;;合并\r\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "d.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		file, err := Read(p)
		if err != nil {
			return
		}
		for _, d := range file.Decisions {
			if d.A == "" || d.B == "" {
				t.Fatalf("decision without both ids: %+v", d)
			}
		}
	})
}
