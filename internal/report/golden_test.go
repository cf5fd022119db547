package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenExt is the file extension of each format's golden file.
var goldenExt = map[string]string{
	"table": "txt", "csv": "csv", "tsv": "tsv", "markdown": "md", "html": "html", "json": "json",
}

// TestGolden renders every sample table in every format and language and
// compares with testdata/report_<lang>.<ext>; go test -update rewrites them.
func TestGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, format := range Formats {
			t.Run(lang+"/"+format, func(t *testing.T) {
				var got bytes.Buffer
				if err := RenderAll(&got, sampleTables(lang), format, 80); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", "report_"+lang+"."+goldenExt[format])
				if *update {
					if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("%s differs from the rendering; got:\n%s", path, got.Bytes())
				}
			})
		}
	}
}
