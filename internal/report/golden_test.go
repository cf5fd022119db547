package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
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

// TestJSONGoldenPerKind keeps one golden file per kind of table the
// report package builds, testdata/json/KIND.json (English labels; the
// shape is the same in Chinese): the JSON contract the README documents.
func TestJSONGoldenPerKind(t *testing.T) {
	byKind := map[string][]*Table{}
	var kinds []string
	for _, tbl := range sampleTables("en") {
		if byKind[tbl.Kind] == nil {
			kinds = append(kinds, tbl.Kind)
		}
		byKind[tbl.Kind] = append(byKind[tbl.Kind], tbl)
	}
	want := []string{KindTiers, KindTopCustomers, KindOwners, KindLifecycle, KindRFM, KindQuality}
	if !slices.Equal(kinds, want) {
		t.Fatalf("sample kinds %v, want %v", kinds, want)
	}
	for _, kind := range kinds {
		var got bytes.Buffer
		if err := RenderAll(&got, byKind[kind], "json", 0); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "json", kind+".json")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
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
	}
}
