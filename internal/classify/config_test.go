package classify

import (
	"strings"
	"testing"
)

func TestDefaultConfigIsValid(t *testing.T) {
	c := testConfig()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.ABC.A != 0.80 || c.ABC.B != 0.95 || c.RFM.Bins != 5 || c.RFM.High != 3 ||
		c.Lifecycle != (LifecycleConfig{90, 90, 180, 365, 5}) || c.RulesColumn != "custom_class" {
		t.Errorf("defaults changed: %+v", c)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Config)
		want   string // "" = valid
	}{
		{"as-of missing", func(c *Config) { c.AsOf = 0 }, "as-of date is required"},
		{"lang", func(c *Config) { c.Lang = "fr" }, `lang "fr"`},
		{"empty lang is zh", func(c *Config) { c.Lang = "" }, ""},
		{"A zero", func(c *Config) { c.ABC.A = 0 }, "want 0 < A < B <= 1"},
		{"A above B", func(c *Config) { c.ABC.A, c.ABC.B = 0.9, 0.8 }, "want 0 < A < B <= 1"},
		{"A equals B", func(c *Config) { c.ABC.A, c.ABC.B = 0.9, 0.9 }, "want 0 < A < B <= 1"},
		{"B above 1", func(c *Config) { c.ABC.B = 1.01 }, "want 0 < A < B <= 1"},
		{"B is 1", func(c *Config) { c.ABC.B = 1 }, ""},
		{"bins 1", func(c *Config) { c.RFM.Bins = 1 }, "rfm bins 1"},
		{"bins 100", func(c *Config) { c.RFM.Bins = 100 }, "rfm bins 100"},
		{"high above bins", func(c *Config) { c.RFM.High = 6 }, "rfm high 6"},
		{"high auto", func(c *Config) { c.RFM.High = 0 }, ""},
		{"r thresholds unsorted", func(c *Config) { c.RFM.R = []float64{30, 90, 60, 180} }, "rfm r thresholds [30 90 60 180]: want strictly ascending"},
		{"f thresholds repeated", func(c *Config) { c.RFM.F = []float64{1, 2, 2, 3} }, "rfm f thresholds"},
		{"m thresholds too few", func(c *Config) { c.RFM.M = []float64{1, 2} }, "want 4 (bins-1) values"},
		{"m thresholds NaN", func(c *Config) { c.RFM.M = []float64{1, 2, 3, nan()} }, "not a number"},
		{"fixed thresholds", func(c *Config) { c.RFM.R = []float64{30, 60, 90, 180} }, ""},
		{"negative days", func(c *Config) { c.Lifecycle.ChurnDays = -1 }, "lifecycle churn_days -1: days cannot be negative"},
		{"negative new days", func(c *Config) { c.Lifecycle.NewDays = -5 }, "new_days -5"},
		{"silent before active", func(c *Config) { c.Lifecycle.SilentDays = 30 }, "want active <= silent <= churn"},
		{"loyal zero", func(c *Config) { c.Lifecycle.LoyalPurchases = 0 }, "loyal_purchases 0"},
		{"grade regular above key", func(c *Config) { c.Grade.Regular = 9 }, "grade regular 9 above key 8"},
		{"grade negative", func(c *Config) { c.Grade.ReferralPoints = -1 }, "cannot be negative"},
		{"rule without name", func(c *Config) { c.Rules = []Rule{{"", "true"}} }, "rule 1: name is empty"},
		{"rule without expression", func(c *Config) { c.Rules = []Rule{{"x", ""}} }, `rule "x": when is empty`},
		{"rule twice", func(c *Config) { c.Rules = []Rule{{"x", "true"}, {"x", "false"}} }, `rule "x": defined twice`},
		{"rules column clash", func(c *Config) { c.RulesColumn = "grade" }, `rules column "grade" is already`},
		{"rules column is a field", func(c *Config) { c.RulesColumn = "owner" }, "canonical field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testConfig()
			tt.change(&c)
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
			if _, nerr := New(c); (nerr == nil) != (err == nil) {
				t.Errorf("New disagrees with Validate: %v vs %v", nerr, err)
			}
		})
	}
}

func nan() float64 {
	var z float64
	return z / z
}
