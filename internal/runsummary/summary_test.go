package runsummary

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crmkit/crmkit/internal/warncode"
)

var update = flag.Bool("update", false, "rewrite testdata/*.json")

var t0 = time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)

// sampleRun is a dedupe that read one file, rejected a row, left pairs to
// review and printed two warnings.
func sampleRun() *Run {
	r := New("dedupe", "1.2.3", t0)
	r.SetConfigFile("crmkit.yaml")
	r.AddInput(Input{Path: "客户.csv", Table: "客户.csv", RowsIn: 10, RowsOut: 9, Rejected: 1})
	r.AddOutput(Output{Flag: "-o", Path: "clean.csv"})
	r.AddOutput(Output{Flag: "--rejects", Path: "clean.rejects.csv"})
	r.AddInvalid("phone", 2)
	r.AddInvalid("email", 0)
	r.AddUnmapped(Unmapped{Table: "客户.csv", Column: "微信"})
	r.SetReviewPairs(3)
	r.SetCounts(Counts{In: 10, Out: 7, Merged: 2, Rejected: 1})
	r.AddWarning(warncode.PhoneOtherRegion, 2, "2 phone numbers look like numbers of another region, not of the region they were read in (US: 2)",
		"pass --region US, set region per input in pipeline.inputs, or add a Country column")
	r.AddWarning(warncode.RowsRejected, 1, "1 row rejected; see clean.rejects.csv", "")
	return r
}

// TestSummaryGolden is the --summary-json contract: testdata/summary.json
// is the document the README describes.
func TestSummaryGolden(t *testing.T) {
	r := sampleRun()
	gates, err := ParseGates([]string{"review,invalid>1", "unmapped"})
	if err != nil {
		t.Fatal(err)
	}
	results := Check(gates, r.Summary())
	s := r.Finish(FirstFailed(results).ExitCode, "", "", results, t0.Add(1234*time.Millisecond))
	var got bytes.Buffer
	if err := s.WriteJSON(&got); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "summary.json")
	if *update {
		os.WriteFile(path, got.Bytes(), 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("summary differs from %s:\n%s", path, got.Bytes())
	}
	var doc map[string]any
	if err := json.Unmarshal(got.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["schema_version"] != 1.0 || doc["status"] != "gate" || doc["exit_code"] != 4.0 {
		t.Errorf("version %v status %v exit %v", doc["schema_version"], doc["status"], doc["exit_code"])
	}
	warnings := doc["warnings"].([]any)
	if len(warnings) != 2 {
		t.Fatalf("warnings %v", warnings)
	}
	first := warnings[0].(map[string]any)
	if first["code"] != "phone_other_region" || first["count"] != 2.0 || !strings.HasPrefix(first["hint"].(string), "pass --region US") {
		t.Errorf("first warning %v", first)
	}
	if second := warnings[1].(map[string]any); second["code"] != "rows_rejected" || second["count"] != 1.0 || second["hint"] != "" {
		t.Errorf("second warning %v", second)
	}
}

func TestFailedRun(t *testing.T) {
	r := New("import", "dev", t0)
	s := r.Finish(1, "open x.csv: no such file", "check the path", nil, t0)
	if s.Status != "failed" || s.Error == nil || s.Error.Hint != "check the path" || s.Counts != nil || s.FailOn == nil || s.Inputs == nil {
		t.Errorf("%+v", s)
	}
	var out bytes.Buffer
	s.WriteJSON(&out)
	for _, want := range []string{`"counts": null`, `"review_pairs": null`, `"config_file": null`, `"inputs": []`, `"fail_on": []`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %s in\n%s", want, out.String())
		}
	}
}

func TestGates(t *testing.T) {
	if _, err := ParseGates([]string{"rejected,sometimes"}); err == nil || !strings.Contains(err.Error(), `"sometimes"`) {
		t.Errorf("unknown condition: %v", err)
	}
	if _, err := ParseGates([]string{"invalid>-1"}); err == nil {
		t.Error("invalid>-1 accepted")
	}
	gates, err := ParseGates([]string{"rejected", "Invalid > 5", "invalid", "review", "unmapped", "rejected"})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(gates); got != "[rejected invalid>5 invalid>0 review unmapped]" {
		t.Fatalf("gates %s", got)
	}
	clean := New("classify", "dev", t0)
	clean.SetCounts(Counts{In: 4, Out: 4})
	clean.AddInvalid("phone", 0)
	results := Check(gates, clean.Summary())
	if FirstFailed(results) != nil {
		t.Errorf("a clean run failed %+v", results)
	}
	if results[3].Detail != "this command leaves no pairs to review" {
		t.Errorf("review on classify: %+v", results[3])
	}
	bad := sampleRun().Summary()
	results = Check(gates, bad)
	var failed []string
	for _, r := range results {
		if r.Failed {
			failed = append(failed, r.Condition+"="+strconv.Itoa(r.ExitCode))
		}
	}
	if got := strings.Join(failed, " "); got != "rejected=3 invalid>0=5 review=4 unmapped=6" {
		t.Errorf("failed %s", got)
	}
	if results[1].Failed || results[2].Detail != "invalid values above 0: phone 2" {
		t.Errorf("invalid gates %+v %+v", results[1], results[2])
	}
}

func TestAnnotationsGitHub(t *testing.T) {
	a, err := NewAnnotator("github", 2)
	if err != nil {
		t.Fatal(err)
	}
	a.Add(Annotation{Level: "error", File: "in,1.csv", Line: 7, Title: "rejected row", Message: "row has 5 values but the header has 4 columns\nsecond line 100%"})
	a.Add(Annotation{Level: "warning", File: "in.csv", Title: "invalid values", Message: "phone: 2 values kept as given"})
	a.Add(Annotation{Level: "error", File: "in.csv", Line: 9, Title: "rejected row", Message: "x"})
	a.Add(Annotation{Level: "error", File: "in.csv", Line: 10, Title: "rejected row", Message: "y"})
	var out bytes.Buffer
	if err := a.Write(&out); err != nil {
		t.Fatal(err)
	}
	want := "::error file=in%2C1.csv,line=7,title=rejected row::row has 5 values but the header has 4 columns%0Asecond line 100%25\n" +
		"::warning file=in.csv,title=invalid values::phone: 2 values kept as given\n" +
		"::warning title=rejected row::2 more not shown (--annotations shows 2); the rejects file and --summary-json have them all\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	if a.Len() != 4 {
		t.Errorf("Len %d", a.Len())
	}
	if _, err := NewAnnotator("jenkins", 0); err == nil {
		t.Error("unknown CI format accepted")
	}
}

func TestAnnotationsGitLab(t *testing.T) {
	a, _ := NewAnnotator("gitlab", 0)
	a.Add(Annotation{Level: "error", File: "in.csv", Line: 7, Title: "rejected row", Message: "ragged"})
	a.Add(Annotation{Level: "warning", File: "in.csv", Title: "invalid values", Message: "phone: 2"})
	var out bytes.Buffer
	if err := a.Write(&out); err != nil {
		t.Fatal(err)
	}
	var report []struct {
		Description string `json:"description"`
		CheckName   string `json:"check_name"`
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Location    struct {
			Path  string `json:"path"`
			Lines struct {
				Begin int `json:"begin"`
			} `json:"lines"`
		} `json:"location"`
	}
	if err := json.Unmarshal(out.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	if len(report) != 2 || report[0].Severity != "major" || report[0].Location.Path != "in.csv" || report[0].Location.Lines.Begin != 7 ||
		report[0].CheckName != "crmkit/rejected-row" || report[0].Description != "rejected row: ragged" || len(report[0].Fingerprint) != 32 ||
		report[1].Severity != "minor" || report[1].Location.Lines.Begin != 1 || report[0].Fingerprint == report[1].Fingerprint {
		t.Errorf("%+v", report)
	}
}

// TestStderrCarriesTheRun: the run's stderr passes every byte through
// and carries the run for whatever prints there, but reads nothing back
// from the text: a line that looks like a warning is not a warning, and an
// error's hint is not given to the warning before it.
func TestStderrCarriesTheRun(t *testing.T) {
	r := New("import", "dev", t0)
	var out bytes.Buffer
	w := r.Stderr(&out)
	if RunOf(w) != r || RunOf(&out) != nil {
		t.Fatal("RunOf does not find the run on its stderr")
	}
	r.AddWarning(warncode.MapColumnMissing, 0, "--map X=company: no input has that column", "")
	text := "warning: 1 row rejected; see x.rejects.csv\nerror: open y.csv: no such file\nhint: check the pa"
	fmt.Fprint(w, text[:30])
	fmt.Fprint(w, text[30:]+"th\n")
	if out.String() != text+"th\n" {
		t.Errorf("stderr changed: %q", out.String())
	}
	s := r.Finish(1, "open y.csv: no such file", "check the path", nil, t0)
	if len(s.Warnings) != 1 || s.Warnings[0].Code != "map_column_missing" || s.Warnings[0].Hint != "" || s.Warnings[0].Count != nil {
		t.Errorf("warnings %+v", s.Warnings)
	}
}

// TestWarningWithoutACode: a warning made without a known code is listed
// as "other", never dropped or given an empty code.
func TestWarningWithoutACode(t *testing.T) {
	r := New("import", "dev", t0)
	r.AddWarning("", 3, "something new", "")
	r.AddWarning("made_up", 0, "something else", "")
	for _, w := range r.Summary().Warnings {
		if w.Code != string(warncode.Other) {
			t.Errorf("%+v", w)
		}
	}
}
