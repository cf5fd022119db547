package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"testing"
)

// jsonTable is the shape Render writes for json.
type jsonTable struct {
	Title   string                     `json:"title"`
	Columns []string                   `json:"columns"`
	Rows    []map[string]any           `json:"rows"`
	Total   map[string]json.RawMessage `json:"total"`
}

// TestJSONTotalsEqualCSVTotals parses both outputs of every sample table
// and compares the totals row cell by cell.
func TestJSONTotalsEqualCSVTotals(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, tbl := range sampleTables(lang) {
			if tbl.Total == nil {
				continue
			}
			var csvOut, jsonOut bytes.Buffer
			if err := tbl.Render(&csvOut, "csv", 0); err != nil {
				t.Fatal(err)
			}
			if err := tbl.Render(&jsonOut, "json", 0); err != nil {
				t.Fatal(err)
			}
			records, err := csv.NewReader(&csvOut).ReadAll()
			if err != nil {
				t.Fatalf("%s: CSV does not parse: %v", tbl.Title, err)
			}
			var doc jsonTable
			if err := json.Unmarshal(jsonOut.Bytes(), &doc); err != nil {
				t.Fatalf("%s: JSON does not parse: %v", tbl.Title, err)
			}
			if len(records) != len(tbl.Rows)+2 || len(doc.Rows) != len(tbl.Rows) {
				t.Fatalf("%s: %d CSV records and %d JSON rows for %d rows", tbl.Title, len(records), len(doc.Rows), len(tbl.Rows))
			}
			csvTotal := records[len(records)-1]
			for i, c := range tbl.Columns {
				if doc.Columns[i] != c.Key {
					t.Errorf("%s: JSON column %d is %q, want %q", tbl.Title, i, doc.Columns[i], c.Key)
				}
				raw, present := doc.Total[c.Key]
				if !c.Numeric {
					// The label ("合计", "Total") is for people: the total
					// is its own object, not a row a script must skip.
					if present {
						t.Errorf("%s: total has the label column %s = %s", tbl.Title, c.Key, raw)
					}
					continue
				}
				var fromJSON float64
				if err := json.Unmarshal(raw, &fromJSON); err != nil {
					t.Errorf("%s: total %s is %s in JSON, not a number", tbl.Title, c.Key, raw)
					continue
				}
				fromCSV, err := strconv.ParseFloat(csvTotal[i], 64)
				if err != nil || fromCSV != fromJSON {
					t.Errorf("%s: total %s is %v in JSON, %q in CSV", tbl.Title, c.Key, fromJSON, csvTotal[i])
				}
			}
		}
	}
}

// TestCSVTotalsAddUp checks that the totals of additive columns are the sum
// of the rows as printed: amounts are summed in cents, so not a cent is lost.
func TestCSVTotalsAddUp(t *testing.T) {
	additive := map[string]bool{"customers": true, "revenue": true, "high": true, "medium": true, "low": true, "unclassified": true}
	b := NewBuilder("en", 0)
	for i := range 1000 {
		b.Add(&Customer{Owner: string(rune('A' + i%7)), Revenue: 0.1 * float64(i%13), Tier: []string{"high", "medium", "low", ""}[i%4]})
	}
	for _, tbl := range []*Table{b.Tiers()[0], b.Owners(), b.Lifecycle(), b.RFM()} {
		var out bytes.Buffer
		if err := tbl.Render(&out, "csv", 0); err != nil {
			t.Fatal(err)
		}
		records, err := csv.NewReader(&out).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range tbl.Columns {
			if !additive[c.Key] {
				continue
			}
			var sum float64
			for _, r := range records[1 : len(records)-1] {
				x, _ := strconv.ParseFloat(r[i], 64)
				sum += x
			}
			total, _ := strconv.ParseFloat(records[len(records)-1][i], 64)
			if strconv.FormatFloat(sum, 'f', 2, 64) != strconv.FormatFloat(total, 'f', 2, 64) {
				t.Errorf("%s %s: rows add up to %.2f, total says %.2f", tbl.Title, c.Key, sum, total)
			}
		}
	}
}

func TestRenderJSONShape(t *testing.T) {
	tables := sampleTables("zh")
	var one, all bytes.Buffer
	if err := tables[0].Render(&one, "json", 0); err != nil {
		t.Fatal(err)
	}
	if err := RenderAll(&all, tables[:1], "json", 0); err != nil {
		t.Fatal(err)
	}
	var obj jsonTable
	if err := json.Unmarshal(one.Bytes(), &obj); err != nil || obj.Title != "价值层级汇总" {
		t.Errorf("Render json: %v, title %q; want one object titled 价值层级汇总", err, obj.Title)
	}
	var arr []jsonTable
	if err := json.Unmarshal(all.Bytes(), &arr); err != nil || len(arr) != 1 {
		t.Errorf("RenderAll json of one table: %v, %d tables; want an array of 1", err, len(arr))
	}
	q := tables[len(tables)-1]
	var quality bytes.Buffer
	if err := q.Render(&quality, "json", 0); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(quality.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if total, ok := doc["total"]; !ok || total != nil {
		t.Errorf("quality total = %v, want null", total)
	}
	// The quality table's counts are fields, not text in a title, and its
	// rows are fields only: the rejected rows are a count, not a row.
	if doc["kind"] != "quality" {
		t.Errorf("quality kind = %v", doc["kind"])
	}
	summary, _ := doc["summary"].(map[string]any)
	if summary["records"] != 8.0 || summary["rejected"] != 2.0 {
		t.Errorf("quality summary = %v, want records 8, rejected 2", summary)
	}
	for _, r := range doc["rows"].([]any) {
		if f := r.(map[string]any)["field"]; f == "(拒绝行)" {
			t.Errorf("quality rows hold the rejected row %v", r)
		}
	}
}

// TestJSONKindsDoNotDependOnLanguage: a script reads the kind, the column
// keys and the summary keys, never a title, so they are the same under
// --lang zh and --lang en; every table has a kind from Kinds.
func TestJSONKindsDoNotDependOnLanguage(t *testing.T) {
	shape := func(lang string) []string {
		var out bytes.Buffer
		if err := RenderAll(&out, sampleTables(lang), "json", 0); err != nil {
			t.Fatal(err)
		}
		var docs []map[string]any
		if err := json.Unmarshal(out.Bytes(), &docs); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, d := range docs {
			kind, _ := d["kind"].(string)
			if !slices.Contains(Kinds, kind) {
				t.Errorf("%s: table %q has kind %q, not one of %v", lang, d["title"], kind, Kinds)
			}
			summary := slices.Sorted(maps.Keys(d["summary"].(map[string]any)))
			keys = append(keys, fmt.Sprint(kind, d["columns"], summary))
		}
		return keys
	}
	zh, en := shape("zh"), shape("en")
	if !slices.Equal(zh, en) {
		t.Errorf("JSON shape differs by language:\nzh %v\nen %v", zh, en)
	}
	if len(zh) < 6 {
		t.Errorf("only %d sample tables", len(zh))
	}
}
