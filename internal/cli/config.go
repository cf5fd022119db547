package cli

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
)

// exampleConfig is the commented reference config `crmkit config init`
// writes; a test checks that it validates.
//
//go:embed crmkit.example.yaml
var exampleConfig string

func nearest(k string, known []string) string {
	best, bestD := "", 4
	for _, c := range known {
		d := record.EditDistance(k, c)
		// Compare the last part too: classify.lifecycle.new_dayz → new_days.
		if i, j := strings.LastIndexByte(k, '.'), strings.LastIndexByte(c, '.'); i >= 0 && j >= 0 && k[:i] == c[:j] {
			d = min(d, record.EditDistance(k[i+1:], c[j+1:]))
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
	}
	var force bool
	initCmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented example crmkit.yaml (default ./crmkit.yaml)",
		Args:  cobra.MaximumNArgs(1),
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
			set := outset.New(f.IO.Out)
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
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := f.Config.ConfigFileUsed()
			if len(args) == 1 {
				path = args[0]
			}
			if path == "" {
				path = "crmkit.yaml"
			}
			if err := validateConfigFile(path, cmd.Root()); err != nil {
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
func validateConfigFile(path string, root *cobra.Command) error {
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
			problems = append(problems, strings.TrimPrefix(err.Error(), "config "))
		}
	}
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
	for _, k := range []string{"strict", "quiet", "all-sheets", "bom", "summary", "split-files", "no-escape", "dry-run", "index", "pipeline.summary"} {
		if v.IsSet(k) {
			if _, err := cast.ToBoolE(v.Get(k)); err != nil {
				problems = append(problems, fmt.Sprintf("%s: %q is not true or false", k, fmt.Sprint(v.Get(k))))
			}
		}
	}
	for _, k := range []string{"threshold", "review-threshold"} {
		if v.IsSet(k) {
			_, err := floatSetting(v, k)
			check(err)
		}
	}
	if len(problems) > 0 {
		return errs.Usagef("fix the settings named above; `crmkit config init -` prints every setting with its default",
			"%s: %s", path, strings.Join(problems, "; "))
	}
	return nil
}
