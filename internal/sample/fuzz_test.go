package sample

import (
	"testing"
)

// FuzzGenerate drives New and the row stream with arbitrary settings:
// either the config is refused with an error, or exactly N well-formed rows
// come out.
func FuzzGenerate(f *testing.F) {
	f.Add(uint16(10), uint64(1), 0.3, 0.5, 0.04, 0.3, uint8(0), uint8(0), int16(20), int32(0))
	f.Add(uint16(1), uint64(0), 1.0, 1.0, 1.0, 1.0, uint8(4), uint8(2), int16(1), int32(1))
	f.Add(uint16(300), uint64(99), -1.0, -1.0, -1.0, -1.0, uint8(6), uint8(1), int16(2), int32(5))
	langs := []string{"", "zh", "en", "mixed", "xx"}
	f.Fuzz(func(t *testing.T, n uint16, seed uint64, dup, messy, hard, dispute float64, dialect, lang uint8, reps int16, window int32) {
		dialects := append(Dialects(), "nope")
		cfg := Config{
			N: int(n % 400), Seed: seed, DupRate: dup, Messy: messy, HardNegatives: hard, DisputeRate: dispute,
			Dialect: dialects[int(dialect)%len(dialects)], Lang: langs[int(lang)%len(langs)],
			Reps: int(reps % 300), DupWindow: int(window % 1000),
		}
		g, err := New(cfg)
		if err != nil {
			return
		}
		width := len(g.Header())
		ids := map[string]bool{}
		copies, planned := map[string]int{}, map[string]int{}
		rows := 0
		for {
			rec, ok := g.NextRecord()
			if !ok {
				break
			}
			rows++
			if len(rec.Row) != width {
				t.Fatalf("row of %d cells, header has %d", len(rec.Row), width)
			}
			id := rec.Row[g.idColumn()]
			if ids[id] {
				t.Fatalf("id %q repeats", id)
			}
			ids[id] = true
			if rec.Copy != copies[rec.Entity] || rec.Copy >= rec.Copies {
				t.Fatalf("entity %s: copy %d of %d after %d", rec.Entity, rec.Copy, rec.Copies, copies[rec.Entity])
			}
			copies[rec.Entity]++
			planned[rec.Entity] = rec.Copies
		}
		if rows != cfg.N {
			t.Fatalf("%d rows, want %d", rows, cfg.N)
		}
		for e, c := range copies {
			if c != planned[e] {
				t.Fatalf("entity %s got %d of its %d rows", e, c, planned[e])
			}
		}
	})
}
