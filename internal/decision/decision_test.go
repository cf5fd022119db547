package decision

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestParseVerdict(t *testing.T) {
	for _, tc := range []struct {
		in             string
		match, decided bool
	}{
		{"match", true, true}, {" Yes ", true, true}, {"是", true, true}, {"合并", true, true},
		{"no-match", false, true}, {"No", false, true}, {"不合并", false, true}, {"否", false, true},
		{"", false, false}, {"skip", false, false}, {"待定", false, false},
	} {
		match, decided, err := ParseVerdict(tc.in)
		if err != nil || match != tc.match || decided != tc.decided {
			t.Errorf("ParseVerdict(%q) = %v, %v, %v; want %v, %v", tc.in, match, decided, err, tc.match, tc.decided)
		}
	}
	if _, _, err := ParseVerdict("maybe"); !errors.Is(err, ErrUnknownVerdict) {
		t.Errorf("maybe: %v, want ErrUnknownVerdict", err)
	}
}

// A pair decided again takes the newer verdict; the same verdict again
// keeps the first decision, with who made it and when.
func TestMerge(t *testing.T) {
	older := []Decision{{A: "C2", B: "C1", Match: true, By: "李娜", At: "2026-10-01"}, {A: "C3", B: "C4", Match: false}}
	newer := []Decision{
		{A: "C1", B: "C2", Match: true, By: "王磊", At: "2026-11-01"},
		{A: "C4", B: "C3", Match: true, By: "王磊", At: "2026-11-01"},
		{A: "C5", B: "C6", Match: false, By: "王磊", At: "2026-11-01"},
	}
	got, added, changed := Merge(older, newer)
	if added != 1 || changed != 1 || len(got) != 3 {
		t.Fatalf("added %d, changed %d, %v", added, changed, got)
	}
	if got[0] != (Decision{A: "C1", B: "C2", Match: true, By: "李娜", At: "2026-10-01"}) {
		t.Errorf("re-decided pair: %+v", got[0])
	}
	if !got[1].Match || got[1].By != "王磊" {
		t.Errorf("reversed pair: %+v", got[1])
	}
}

// Read takes a reviewed file, skips undecided rows and refuses rows that
// name one record or none.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f, err := Read(write("ok.csv", "decision,score,id_a,id_b\nyes,0.8,B,A\n,0.7,C,D\n否,0.6,E,F\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Decisions) != 2 || f.Undecided != 1 || f.Decisions[0].A != "A" || f.Decisions[0].Score != "0.8" || f.Decisions[1].Match {
		t.Errorf("read %+v", f)
	}
	for name, text := range map[string]string{
		"same.csv":    "decision,id_a,id_b\nmatch,A,A\n",
		"missing.csv": "decision,id_a,id_b\nmatch,A,\n",
		"nocol.csv":   "decision,id_a\nmatch,A\n",
	} {
		if _, err := Read(write(name, text)); err == nil {
			t.Errorf("%s was accepted", name)
		}
	}
}
