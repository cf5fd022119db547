package dedupe

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// modelVersion is written in every model; a model of another version is
// refused rather than misread.
const modelVersion = 1

// Model is the weights a matcher scores with: learned from the file being
// deduped, or read from a file (--model) so that a monthly fold scores
// with the weights its master was built with.
type Model struct {
	Version int `json:"version"`
	// Learned says whether the weights were fitted on a file; false: the
	// hand-set priors (too few pairs to learn from, or --fields weights).
	Learned        bool    `json:"learned"`
	CandidatePairs int     `json:"candidate_pairs"`
	Sampled        int     `json:"candidate_pairs_counted"`
	RandomPairs    int     `json:"random_pairs"`
	MatchShare     float64 `json:"match_share"` // estimated share of matches among candidate pairs
	Prior          float64 `json:"prior_bits"`  // log2 of its odds: the weight before any field
	// PriorOf says what Prior is the odds of a match for: "candidates"
	// (u learned on the candidate pairs; also the hand-set weights) or
	// "all pairs" (u from random pairs of records, see Matcher.fit).
	PriorOf string       `json:"prior_of,omitempty"`
	Fields  []FieldModel `json:"fields"`
	Roles   []RoleModel  `json:"roles"`
}

// FieldModel is one comparator's weights.
type FieldModel struct {
	Field   string       `json:"field"`
	Matches float64      `json:"matches"` // expected matches in the file that show this field
	Levels  []LevelModel `json:"levels"`
}

// LevelModel is one level of a comparator: its share among matches (m)
// and among non-matches (u), and the weight in bits it is worth.
type LevelModel struct {
	Level string  `json:"level"`
	M     float64 `json:"m"`
	U     float64 `json:"u"`
	Bits  float64 `json:"bits"`
}

// RoleModel is a column's role.
type RoleModel struct {
	Column string `json:"column"`
	Role   Role   `json:"role"`
	Why    string `json:"why"`
}

// The values of Model.PriorOf.
const (
	priorOfCandidates = "candidates"
	priorOfAll        = "all pairs"
)

// priorModel is the model of the hand-set weights.
func (m *Matcher) priorModel() *Model {
	model := &Model{Version: modelVersion, Prior: prior}
	for _, c := range m.comparators {
		fm := FieldModel{Field: c.name}
		for l := Conflict; l <= Same; l++ {
			fm.Levels = append(fm.Levels, LevelModel{Level: l.String(), Bits: c.prior[l]})
		}
		model.Fields = append(model.Fields, fm)
	}
	m.addRoles(model)
	return model
}

func (m *Matcher) addRoles(model *Model) {
	model.Roles = model.Roles[:0]
	for _, r := range m.roles {
		if r.Role != RoleNone {
			model.Roles = append(model.Roles, RoleModel(r))
		}
	}
}

// useModel sets the comparators' weights and the prior from model, whose
// fields must be the comparators.
func (m *Matcher) useModel(model *Model) {
	model.Learned = model.Sampled > 0
	m.addRoles(model)
	for i, fm := range model.Fields {
		var w weights
		for _, lm := range fm.Levels {
			for l := Conflict; l <= Same; l++ {
				if l.String() == lm.Level {
					w[l] = lm.Bits
				}
			}
		}
		m.comparators[i].weights = w
	}
	m.prior = model.Prior
	m.cannotW = cannotLinkBits
	m.vetoShift = m.companyVetoShift(model)
	if model.PriorOf == priorOfAll {
		// A pair of records as a whole file goes starts at odds of one in
		// thousands: only evidence against beyond that is clear.
		m.cannotW = cannotLinkBits + min(model.Prior, 0)
	}
	m.model = model
}

// Model returns the weights in use (after Match: learned from its input,
// unless a model was set).
func (m *Matcher) Model() *Model {
	if m.model == nil {
		return m.priorModel()
	}
	return m.model
}

// WriteModel writes model as indented JSON: the same model, the same bytes.
func WriteModel(w io.Writer, model *Model) error {
	b, err := json.MarshalIndent(model, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// ReadModel reads a model WriteModel wrote.
func ReadModel(r io.Reader) (*Model, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var model Model
	if err := dec.Decode(&model); err != nil {
		return nil, fmt.Errorf("not a crmkit dedupe model: %w", err)
	}
	if model.Version != modelVersion {
		return nil, fmt.Errorf("model version %d, this crmkit reads version %d", model.Version, modelVersion)
	}
	return &model, nil
}

// SetModel makes the matcher score with model instead of learning one.
// The model must compare the fields this matcher compares, in order.
func (m *Matcher) SetModel(model *Model) error {
	m.applyRoles(model.Roles)
	have := m.Comparators()
	var got []string
	for _, f := range model.Fields {
		got = append(got, f.Field)
	}
	if !slices.Equal(have, got) {
		return fmt.Errorf("the model compares %s; this input and --fields compare %s",
			strings.Join(got, ", "), strings.Join(have, ", "))
	}
	for _, f := range model.Fields {
		for _, l := range f.Levels {
			if !slices.Contains(levelNames[Conflict:], l.Level) {
				return fmt.Errorf("field %s: unknown level %q", f.Field, l.Level)
			}
		}
	}
	m.useModel(model)
	m.fixed = true
	return nil
}

// ModelBytes is model as WriteModel writes it.
func ModelBytes(model *Model) []byte {
	var b bytes.Buffer
	_ = WriteModel(&b, model)
	return b.Bytes()
}

// applyRoles gives the extra columns the roles a model was learned with
// (a role found from values is not found again when the model is reused),
// and rebuilds the comparators when that changes any.
func (m *Matcher) applyRoles(roles []RoleModel) {
	changed := false
	for _, r := range roles {
		if r.Why != "values" {
			continue
		}
		for i := range m.roles {
			if m.roles[i].Column == r.Column && m.roles[i].Role != r.Role && slices.Contains(m.schema.Extra, r.Column) {
				m.roles[i].Role, m.roles[i].Why = r.Role, r.Why
				changed = true
			}
		}
	}
	if !changed {
		return
	}
	m.rules = slices.DeleteFunc(slices.Clone(m.rules), func(fr fieldRule) bool { return fr.auto })
	m.addRoleRules(m.schema, m.user)
	m.setComparators()
}
