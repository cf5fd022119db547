package cli

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/similar"
	"github.com/crmkit/crmkit/internal/stage"
	"github.com/crmkit/crmkit/internal/tabular"
	"github.com/crmkit/crmkit/internal/yesno"
)

// exampleConfig is the commented reference config `crmkit config init`
// writes; a test checks that it validates.
//
//go:embed crmkit.example.yaml
var exampleConfig string

func nearest(k string, known []string) string {
	best, bestD := "", 4
	for _, c := range known {
		d := similar.OSA(k, c)
		// Compare the last part too: classify.lifecycle.new_dayz → new_days.
		if i, j := strings.LastIndexByte(k, '.'), strings.LastIndexByte(c, '.'); i >= 0 && j >= 0 && k[:i] == c[:j] {
			d = min(d, similar.OSA(k[i+1:], c[j+1:]))
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// NewCmdConfig builds `crmkit config init|validate`.
func NewCmdConfig(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Write an example config file, or check one",
		Long: `Settings come from flags, then CRMKIT_* environment variables
(CRMKIT_REGION=US, CRMKIT_ASSIGN_OVERFLOW=keep for assign.overflow), then the
config file (--config FILE, or ./crmkit.yaml when present), then defaults.
On/off settings take yes/no, on/off, y/n, true/false or 1/0.

config init writes a commented example; config validate runs every check a
run makes on the settings before it reads a row.`,
		Example: `  crmkit config init                 # write ./crmkit.yaml
  crmkit config init - | less        # read every setting and its default
  crmkit config validate crmkit.yaml # check a config before the nightly run`,
	}
	var force bool
	initCmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented example crmkit.yaml (default ./crmkit.yaml)",
		Long: `Write a commented example config holding every setting at its default,
to ./crmkit.yaml, to FILE, or to stdout with -. An existing file is left
alone unless --force is given.`,
		Example: `  crmkit config init
  crmkit config init team.yaml
  crmkit config init - > crmkit.yaml
  crmkit config init --force`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "crmkit.yaml"
			if len(args) == 1 {
				path = args[0]
			}
			if path == "-" {
				_, err := io.WriteString(f.IO.Out, exampleConfig)
				return err
			}
			if _, err := os.Stat(path); err == nil && !force {
				// Not a usage error: the command was right, the file is in
				// the way.
				return errs.Dataf("pass --force to replace it, or name another file", "%s already exists", path)
			}
			set := newOutputSet(f.IO)
			defer set.Abort()
			out, err := set.Add("config init", path, outset.Always)
			if err != nil {
				return err
			}
			if _, err := io.WriteString(out, exampleConfig); err != nil {
				return errs.Data(err, "check free disk space")
			}
			if err := set.Commit(); err != nil {
				return err
			}
			fmt.Fprintf(f.IO.ErrOut, "wrote %s; check it with `crmkit config validate %s`\n", path, path)
			return nil
		},
	}
	initCmd.Flags().BoolVar(&force, "force", false, "replace an existing file")
	validateCmd := &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check a config file: unknown settings, bad values, rules that do not compile",
		Long: `Check a config file (FILE, --config, or ./crmkit.yaml) with every check a run
makes before it reads a row: unknown settings (with a "did you mean"), on/off
values, thresholds in range, the phone region, the encoding, the date order,
--map, --rates, field and survivorship rules, classify and assign settings,
and the pipeline's inputs (a glob that matches no file is an error). Each
problem is named once, by its key in the file.`,
		Example: `  crmkit config validate
  crmkit config validate nightly.yaml && crmkit pipeline -c nightly.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := f.Config.ConfigFileUsed()
			if len(args) == 1 {
				path = args[0]
			}
			if path == "" {
				path = "crmkit.yaml"
			}
			if err := validateConfigFile(f, path, cmd.Root()); err != nil {
				return err
			}
			fmt.Fprintf(f.IO.ErrOut, "%s is valid\n", path)
			return nil
		},
	}
	cmd.AddCommand(initCmd, validateCmd)
	return cmd
}

// validateConfigFile reads path on its own and runs every setting through
// the code that uses it.
func validateConfigFile(f *Factory, path string, root *cobra.Command) error {
	v := viper.New()
	v.SetConfigFile(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json", ".toml":
	default:
		v.SetConfigType("yaml")
	}
	if err := v.ReadInConfig(); err != nil {
		if _, statErr := os.Stat(path); statErr != nil {
			return errs.Usagef("write one with `crmkit config init`", "config file %s not found", path)
		}
		return errs.Usagef("fix the YAML syntax at the place named above", "cannot read config %s: %v", path, err)
	}
	if err := checkNumbers(v, path+": "); err != nil { // issue 18: say so, not what the number became
		return err
	}
	file, problems, err := decodeFile(v, root)
	if err != nil {
		return err
	}
	check := func(err error) {
		if err != nil {
			// Every value here comes from the file: name it as its key
			// (region: "XX"), not as the flag it would otherwise be.
			msg := flagPrefix.ReplaceAllString(strings.TrimPrefix(err.Error(), "config "), "$1: ")
			msg = strings.TrimPrefix(msg, path+": ") // named once, in front of them all
			problems = append(problems, msg)
		}
	}
	// The flags' defaults, which a run has too (region CN, …).
	setFlagDefaults(v, root)
	ccfg, err := classifyConfig(v, &file.Classify)
	check(err)
	if err == nil {
		_, err = classify.New(ccfg) // compiles the rules
		check(err)
	}
	_, err = assignPolicy(v, &file.Assign, true)
	check(err)
	_, err = dedupe.ParseFieldRules(mapSpecs(v.Get("fields")))
	check(err)
	_, err = parseSurvive(mapSpecs(v.Get("survive")))
	check(err)
	_, err = record.ParseOverrides(mapSpecs(v.Get("map")))
	check(err)
	if v.IsSet("pipeline") {
		_, err := pipelineInputs(file.Pipeline.Inputs)
		check(err)
		_, err = pipelineStepsOf(&file.Pipeline)
		check(err)
	}
	for _, k := range boolSettings(root) {
		if v.IsSet(k) {
			_, err := yesno.FromAny(k, v.Get(k))
			check(err)
		}
	}
	// What every run checks before it reads a row: the input settings
	// (region, date order, delimiter, map, rates), the encoding, and the
	// matcher (thresholds in range, field rules, survivorship).
	fv := &Factory{IO: f.IO, Config: v, Build: f.Build, File: file}
	_, err = fv.inputOptions()
	check(err)
	_, err = parseDateOrder(v.GetString("date-order"))
	check(err)
	if e := v.GetString("encoding"); e != "" {
		check(tabular.CheckEncoding(e))
	}
	match := dedupe.DefaultConfig()
	for _, k := range []string{"threshold", "review-threshold"} {
		if v.IsSet(k) {
			x, err := floatSetting(v, k)
			check(err)
			if k == "threshold" {
				match.Threshold = x
			} else {
				match.ReviewThreshold = x
			}
		}
	}
	match.Fields, _ = dedupe.ParseFieldRules(mapSpecs(v.Get("fields")))
	survive, _ := parseSurvive(mapSpecs(v.Get("survive")))
	_, _, err = stage.Matching(stage.DedupeConfig{Match: match}, &record.Schema{})
	check(err)
	_, err = dedupe.NewSurvivorship(&record.Schema{}, survive)
	check(err)
	// The pipeline's own checks: inputs that match no file, steps,
	// master and the files it names.
	if v.IsSet("pipeline") {
		check(readPipeline(fv, v, &PipelineOptions{Base: filepath.Dir(path)}))
	}
	problems = unique(problems)
	if len(problems) > 0 {
		return errs.Usagef("fix the settings named above; `crmkit config init -` prints every setting with its default",
			"%s: %s", path, strings.Join(problems, "; "))
	}
	return nil
}

// unique keeps the first of each problem: one setting checked by two
// steps is named once.
func unique(problems []string) []string {
	var out []string
	for _, p := range problems {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// boolSettings lists the on/off settings: every bool flag, and the
// config file's on/off keys.
func boolSettings(root *cobra.Command) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{c.PersistentFlags(), c.Flags()} {
			fs.VisitAll(func(fl *pflag.Flag) {
				if fl.Value.Type() == "bool" && !seen[fl.Name] {
					seen[fl.Name] = true
					out = append(out, fl.Name)
				}
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return append(out, "pipeline.summary", "assign.reclaim.enabled")
}

// flagPrefix is a message that names a setting as its flag: --lang "fr" ….
var flagPrefix = regexp.MustCompile(`^--([a-z][a-z0-9-]*) `)

// setFlagDefaults gives v the default of every flag of the tree (the
// first command's, when two differ), as a run would have them.
func setFlagDefaults(v *viper.Viper, root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{c.PersistentFlags(), c.Flags()} {
			fs.VisitAll(func(fl *pflag.Flag) {
				switch fl.Value.Type() {
				case "string", "int", "float64", "bool":
					if !v.IsSet(fl.Name) {
						v.SetDefault(fl.Name, fl.DefValue)
					}
				}
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
