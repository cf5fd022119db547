package sample

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/crmkit/crmkit/internal/errs"
)

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string // in the message
	}{
		{"no rows", Config{}, "must be positive"},
		{"negative rows", Config{N: -5}, "must be positive"},
		{"unknown dialect", Config{N: 1, Dialect: "sap"}, `unknown dialect "sap"`},
		{"unknown lang", Config{N: 1, Lang: "fr"}, `unknown language "fr"`},
		{"dup rate above 1", Config{N: 1, DupRate: 1.5}, "duplicate rate"},
		{"messy above 1", Config{N: 1, Messy: 2}, "messiness"},
		{"NaN dispute rate", Config{N: 1, DisputeRate: math.NaN()}, "dispute rate"},
		{"too many reps", Config{N: 1, Reps: MaxReps + 1}, "number of reps"},
		{"negative reps", Config{N: 1, Reps: -1}, "number of reps"},
		{"negative window", Config{N: 1, DupWindow: -1}, "duplicate window"},
		{"empty extra", Config{N: 1, Extra: []string{"微信", " "}}, "extra column 2 has no name"},
		{"extra repeats a header", Config{N: 1, Extra: []string{"手机"}}, `"手机" is already a column`},
		{"extra twice", Config{N: 1, Extra: []string{"QQ", "QQ"}}, `"QQ" is already a column`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if err == nil {
				t.Fatalf("New(%+v) succeeded", tt.cfg)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			var e *errs.Error
			if !errors.As(err, &e) || e.Kind != errs.KindUsage || errs.HintOf(err) == "" {
				t.Errorf("error %v is not a usage error with a hint", err)
			}
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	rc, err := Config{N: 10}.resolve()
	if err != nil {
		t.Fatal(err)
	}
	if rc.DupRate != DefaultDupRate || rc.Messy != DefaultMessy || rc.Reps != DefaultReps ||
		rc.Dialect != "fxiaoke" || rc.Lang != "mixed" || rc.zhShare != 0.7 ||
		!rc.AsOf.Equal(DefaultAsOf) || rc.DupWindow != 10 || rc.HardNegatives != DefaultHardNegatives ||
		rc.DisputeRate != DefaultDisputeRate {
		t.Errorf("defaults not applied: %+v", rc)
	}
	rc, err = Config{N: 10, DupRate: -1, Messy: -0.5, Dialect: " Salesforce ", Lang: "EN",
		AsOf: time.Date(2024, 6, 30, 15, 0, 0, 0, time.UTC)}.resolve()
	if err != nil {
		t.Fatal(err)
	}
	if rc.DupRate != 0 || rc.Messy != 0 || rc.dialect.name != "salesforce" || rc.zhShare != 0 ||
		rc.asOf != daysFromCivil(2024, 6, 30) {
		t.Errorf("explicit values not honoured: %+v", rc)
	}
}
