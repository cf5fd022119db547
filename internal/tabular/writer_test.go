package tabular

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"testing"
)

// CSVWriter writes byte for byte what encoding/csv writes.
func TestCSVWriterMatchesEncodingCSV(t *testing.T) {
	pieces := []string{"", "a", "Acme Ltd", " lead", "\tx", "x,y", "x;y", "x\ty", `"q"`, `say "hi"`,
		"line\nbreak", "cr\rlf\r\n", `\.`, "深圳华强", "　全角", "€", "\u00a0nbsp", "a|b"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, delim := range []rune{',', ';', '\t', '|', '€'} {
		var got, want bytes.Buffer
		cw, err := NewCSVWriter(&got, delim, false)
		if err != nil {
			t.Fatal(err)
		}
		std := csv.NewWriter(&want)
		std.Comma = delim
		for range 2000 {
			row := make([]string, rng.IntN(6))
			for i := range row {
				row[i] = pieces[rng.IntN(len(pieces))] + pieces[rng.IntN(len(pieces))]
			}
			if err := cw.Write(row); err != nil {
				t.Fatal(err)
			}
			if err := std.Write(row); err != nil {
				t.Fatal(err)
			}
		}
		if err := cw.Flush(); err != nil {
			t.Fatal(err)
		}
		std.Flush()
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("delimiter %q: output differs from encoding/csv", delim)
		}
	}
}

func TestCSVWriterRefusesBadDelimiter(t *testing.T) {
	for _, d := range []rune{'"', '\n', '\r', 0xFFFD} {
		if _, err := NewCSVWriter(&bytes.Buffer{}, d, false); err == nil {
			t.Errorf("delimiter %q accepted", d)
		}
	}
}
