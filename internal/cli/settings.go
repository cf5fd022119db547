package cli

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/errs"
)

// fileConfig is the part of crmkit.yaml that is not flags: the classify,
// assign and pipeline sections, typed. It is decoded once from the file;
// a key it has no field for is an unknown setting, and the list of known
// settings is derived from it (and from the flags). A pointer is nil when
// the file does not set the key, so only what is set replaces a default.
type fileConfig struct {
	Classify classifySection `mapstructure:"classify"`
	Assign   assignSection   `mapstructure:"assign"`
	Pipeline pipelineSection `mapstructure:"pipeline"`
	// Rest holds the top-level keys: flags (checked against the flags of
	// every command).
	Rest map[string]any `mapstructure:",remain"`
}

type classifySection struct {
	ABC struct {
		A *float64 `mapstructure:"a"`
		B *float64 `mapstructure:"b"`
	} `mapstructure:"abc"`
	RFM struct {
		Bins *int       `mapstructure:"bins"`
		High *int       `mapstructure:"high"`
		R    *[]float64 `mapstructure:"r"`
		F    *[]float64 `mapstructure:"f"`
		M    *[]float64 `mapstructure:"m"`
	} `mapstructure:"rfm"`
	Lifecycle struct {
		NewDays        *int `mapstructure:"new_days"`
		ActiveDays     *int `mapstructure:"active_days"`
		SilentDays     *int `mapstructure:"silent_days"`
		ChurnDays      *int `mapstructure:"churn_days"`
		LoyalPurchases *int `mapstructure:"loyal_purchases"`
	} `mapstructure:"lifecycle"`
	Grade struct {
		Key               *int `mapstructure:"key"`
		Regular           *int `mapstructure:"regular"`
		ReferralPoints    *int `mapstructure:"referral_points"`
		MaxReferralPoints *int `mapstructure:"max_referral_points"`
	} `mapstructure:"grade"`
	RulesColumn *string `mapstructure:"rules_column"`
	Rules       *[]struct {
		Name string `mapstructure:"name"`
		When string `mapstructure:"when"`
	} `mapstructure:"rules"`
}

type reclaimDays struct {
	NoFollowupDays int `mapstructure:"no_followup_days"`
	NoDealDays     int `mapstructure:"no_deal_days"`
}

type assignSection struct {
	Chain          *[]string `mapstructure:"chain"`
	DealWindowDays *int      `mapstructure:"deal_window_days"`
	ProtectionDays *int      `mapstructure:"protection_days"`
	FollowupDays   *int      `mapstructure:"followup_days"`
	CooldownDays   *int      `mapstructure:"cooldown_days"`
	Reclaim        struct {
		Enabled        *bool                  `mapstructure:"enabled"`
		NoFollowupDays *int                   `mapstructure:"no_followup_days"`
		NoDealDays     *int                   `mapstructure:"no_deal_days"`
		ByTier         map[string]reclaimDays `mapstructure:"by_tier"`
	} `mapstructure:"reclaim"`
	Strategy *string `mapstructure:"strategy"`
	Overflow *string `mapstructure:"overflow"`
}

type pipelineSection struct {
	Inputs    any       `mapstructure:"inputs"` // a path, or a list of paths and {path, encoding, …}
	Steps     *[]string `mapstructure:"steps"`
	Reps      string    `mapstructure:"reps"`
	Overrides string    `mapstructure:"overrides"`
	Decisions string    `mapstructure:"decisions"`
	Master    string    `mapstructure:"master"`
	Changes   string    `mapstructure:"changes"`
	Output    string    `mapstructure:"output"`
	SplitBy   string    `mapstructure:"split-by"`
	Summary   bool      `mapstructure:"summary"`
	Reports   string    `mapstructure:"reports"`
	Review    string    `mapstructure:"review"`
	Explain   string    `mapstructure:"explain"`
	Audit     string    `mapstructure:"audit"`
	Rejects   string    `mapstructure:"rejects"`
}

// decodeFile decodes v's settings into a fileConfig and lists the keys
// that are neither a field of it nor a flag of any command, each with the
// nearest known key.
func decodeFile(v *viper.Viper, root *cobra.Command) (*fileConfig, []string, error) {
	var fc fileConfig
	var md mapstructure.Metadata
	d, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{Result: &fc, Metadata: &md, WeaklyTypedInput: true,
		// Lists from CRMKIT_* variables are comma-separated; on/off
		// values read as everywhere else.
		DecodeHook: mapstructure.ComposeDecodeHookFunc(yesnoHook, mapstructure.StringToSliceHookFunc(","))})
	if err != nil {
		return nil, nil, err
	}
	if err := d.Decode(v.AllSettings()); err != nil {
		return nil, nil, errs.Usage(fmt.Errorf("config: %w", err), "fix the setting named above; `crmkit config init -` prints every setting with its default")
	}
	known := knownKeys(root)
	flags := flagNames(root)
	var unknown []string
	for k := range fc.Rest {
		if !slices.Contains(flags, k) {
			unknown = append(unknown, k)
		}
	}
	unknown = append(unknown, md.Unused...)
	var problems []string
	for _, k := range unknown {
		msg := fmt.Sprintf("unknown setting %q", k)
		// An entry's key (classify.rules[0].wehn) is compared with the
		// entries' fields (classify.rules[].when) and named by its own.
		entry := entryIndex.ReplaceAllString(k, "[]")
		if near := nearest(entry, known); near != "" {
			if entry != k {
				near = near[strings.LastIndexByte(near, '.')+1:]
			}
			msg += fmt.Sprintf(" (did you mean %s?)", near)
		}
		problems = append(problems, msg)
	}
	slices.Sort(problems)
	return &fc, problems, nil
}

var entryIndex = regexp.MustCompile(`\[[^\]]*\]`)

// flagNames are the flags of every command.
func flagNames(root *cobra.Command) []string {
	seen := map[string]bool{}
	var out []string
	add := func(fs *pflag.FlagSet) {
		fs.VisitAll(func(f *pflag.Flag) {
			if !seen[f.Name] {
				seen[f.Name] = true
				out = append(out, f.Name)
			}
		})
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		add(c.PersistentFlags())
		add(c.Flags())
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return out
}

// knownKeys lists every setting: the flags of every command, and the keys
// of fileConfig's sections.
func knownKeys(root *cobra.Command) []string {
	out := flagNames(root)
	out = append(out, structKeys(reflect.TypeFor[fileConfig](), "")...)
	slices.Sort(out)
	return out
}

// structKeys lists the dotted mapstructure keys of t's fields; a list or a
// map is one key.
func structKeys(t reflect.Type, prefix string) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("mapstructure"), ",")
		if name == "" {
			continue // ",remain"
		}
		key := prefix + name
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct {
			out = append(out, structKeys(ft, key+".")...)
			continue
		}
		out = append(out, key)
		// The fields of a list's or a map's entries: classify.rules[].when.
		if ft.Kind() == reflect.Slice || ft.Kind() == reflect.Map {
			if et := ft.Elem(); et.Kind() == reflect.Struct {
				out = append(out, structKeys(et, key+"[].")...)
			}
		}
	}
	return out
}
