package sample

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func writeSample(t *testing.T, cfg Config) (data, truth string) {
	t.Helper()
	var d, tr bytes.Buffer
	if err := WriteCSV(&d, cfg, &tr); err != nil {
		t.Fatal(err)
	}
	return d.String(), tr.String()
}

func TestSameConfigSameBytes(t *testing.T) {
	for _, dialect := range Dialects() {
		cfg := Config{N: 3000, Seed: 41, Dialect: dialect, Extra: []string{"微信", "网址"}}
		d1, t1 := writeSample(t, cfg)
		d2, t2 := writeSample(t, cfg)
		if d1 != d2 || t1 != t2 {
			t.Errorf("%s: two runs of the same config differ", dialect)
		}
	}
}

func TestConfigChangesOutput(t *testing.T) {
	base := Config{N: 500, Seed: 43}
	d0, t0 := writeSample(t, base)
	for name, cfg := range map[string]Config{
		"seed":  {N: 500, Seed: 44},
		"as-of": {N: 500, Seed: 43, AsOf: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
		"messy": {N: 500, Seed: 43, Messy: 1},
	} {
		d, tr := writeSample(t, cfg)
		if d == d0 {
			t.Errorf("changing %s did not change the data", name)
		}
		if name == "seed" && tr == t0 {
			t.Errorf("changing the seed did not change the truth")
		}
	}
	// AsOf moves every date: none may reach the new "today".
	d, _ := writeSample(t, Config{N: 500, Seed: 43, Dialect: "canonical", Messy: -1,
		AsOf: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	if strings.Contains(d, "2024-01-0") || strings.Contains(d, "2025-") {
		t.Error("dates at or after AsOf 2024-01-01")
	}
}

func TestTruthMatchesData(t *testing.T) {
	data, truth := writeSample(t, Config{N: 2000, Seed: 47, Dialect: "salesforce"})
	lines := strings.Split(strings.TrimSuffix(truth, "\n"), "\n")
	if lines[0] != "id,entity_id" || len(lines) != 2001 {
		t.Fatalf("truth has header %q and %d lines, want id,entity_id and 2001", lines[0], len(lines))
	}
	g, recs := collect(t, Config{N: 2000, Seed: 47, Dialect: "salesforce"})
	idCol := g.idColumn()
	for i, rec := range recs {
		if want := rec.Row[idCol] + "," + rec.Entity; lines[i+1] != want {
			t.Fatalf("truth line %d = %q, want %q", i+1, lines[i+1], want)
		}
		if !strings.Contains(data, rec.Row[idCol]) {
			t.Fatalf("id %s not in the data", rec.Row[idCol])
		}
	}
	if err := WriteCSV(&bytes.Buffer{}, Config{N: 0}, nil); err == nil {
		t.Error("WriteCSV accepted N=0")
	}
}
