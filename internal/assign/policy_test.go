package assign

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Policy)
		want   []string // substrings of the error; none = valid
	}{
		{"defaults with a date", func(p *Policy) {}, nil},
		{"empty chain gets the default", func(p *Policy) { p.Chain = nil }, nil},
		{"missing as-of", func(p *Policy) { p.AsOf = NoDate }, []string{"as-of date is missing"}},
		{"typo in a rule", func(p *Policy) { p.Chain = []string{"override", "folowup", "tiebreak"} },
			[]string{`unknown rule "folowup" (did you mean followup?)`}},
		{"tiebreak not last", func(p *Policy) { p.Chain = []string{"tiebreak", "deal"} }, []string{"tiebreak must be the last"}},
		{"tiebreak missing", func(p *Policy) { p.Chain = []string{"deal"} }, []string{"must end with tiebreak"}},
		{"repeated rule", func(p *Policy) { p.Chain = []string{"deal", "deal", "tiebreak"} }, []string{`"deal" appears twice`}},
		{"negative days, all reported", func(p *Policy) { p.ProtectionDays = -1; p.CooldownDays = -5 },
			[]string{"protection days is -1", "cooldown days is -5"}},
		{"negative tier days", func(p *Policy) { p.Reclaim.ByTier = map[string]ReclaimDays{"高": {NoFollowupDays: -1}} }, []string{`tier "高" are negative`}},
		{"clashing tier labels", func(p *Policy) {
			p.Reclaim.ByTier = map[string]ReclaimDays{"高": {NoFollowupDays: 60}, "High": {NoFollowupDays: 30}}
		}, []string{"name the same tier"}},
		{"unknown strategy", func(p *Policy) { p.Strategy = "round-robbin" }, []string{`(did you mean round-robin?)`}},
		{"unknown overflow", func(p *Policy) { p.Overflow = "drop" }, []string{`unknown overflow "drop"`}},
		{"unknown language", func(p *Policy) { p.Lang = "fr" }, []string{`unknown language "fr"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			p.AsOf = day("2025-07-01")
			tt.change(&p)
			err := p.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("err %v, want a PolicyError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if len(pe.Problems) != len(tt.want) {
				t.Errorf("%d problems %q, want %d", len(pe.Problems), pe.Problems, len(tt.want))
			}
		})
	}
}

func TestAssignRejectsBadPolicyAndReps(t *testing.T) {
	p := policy()
	p.DealWindowDays = -3
	if _, err := Assign(nil, nil, nil, p); err == nil || !strings.Contains(err.Error(), "deal window days is -3") {
		t.Errorf("bad policy: %v", err)
	}
	reps := []Rep{rep("张三", 0), rep("张三", 0), {Name: "李四", Capacity: -1, Active: true}}
	_, err := Assign(nil, reps, nil, policy())
	var ie *InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 2 {
		t.Errorf("bad reps: %v", err)
	}
}
