package cli

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/yesno"
)

// sources.go says where a setting came from — a flag, a CRMKIT_*
// variable or the config file — and reads on/off settings one way
// wherever they come from (yesno).

// envName is the CRMKIT_* variable of a setting: output → CRMKIT_OUTPUT,
// assign.overflow → CRMKIT_ASSIGN_OVERFLOW.
func envName(key string) string {
	return "CRMKIT_" + strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(key))
}

// settingSource names where the value of a setting came from, as a
// message should name it: --lang, CRMKIT_LANG, or crmkit.yaml: lang.
func (f *Factory) settingSource(cmd *cobra.Command, key string) string {
	if fl := cmd.Flags().Lookup(key); fl != nil && fl.Changed {
		return "--" + key
	}
	if os.Getenv(envName(key)) != "" {
		return envName(key)
	}
	if f.Config.InConfig(key) {
		return f.Config.ConfigFileUsed() + ": " + key
	}
	return "--" + key
}

// wrapSwitches makes every on/off flag of the tree read its value with
// yesno: --strict=yes, --bom=off.
func wrapSwitches(c *cobra.Command) {
	for _, fs := range []*pflag.FlagSet{c.PersistentFlags(), c.Flags()} {
		fs.VisitAll(func(fl *pflag.Flag) {
			if fl.Value.Type() == "bool" {
				if _, done := fl.Value.(*yesno.Flag); !done {
					fl.Value = yesno.Wrap(fl.Value)
				}
			}
		})
	}
	for _, sub := range c.Commands() {
		wrapSwitches(sub)
	}
}

// readSwitches reads the command's on/off settings that no flag gave
// from CRMKIT_* or the config file with yesno, so CRMKIT_STRICT=yes is
// on and CRMKIT_STRICT=maybe an error naming CRMKIT_STRICT.
func (f *Factory) readSwitches(cmd *cobra.Command) error {
	v := f.Config
	var err error
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if err != nil || fl.Value.Type() != "bool" || fl.Changed {
			return
		}
		// An empty variable is unset, as viper reads it.
		if raw := os.Getenv(envName(fl.Name)); raw != "" {
			var b bool
			if b, err = yesno.ParseSetting(envName(fl.Name), raw); err == nil {
				v.Set(fl.Name, b)
			}
			return
		}
		if v.InConfig(fl.Name) {
			var b bool
			if b, err = yesno.FromAny(v.ConfigFileUsed()+": "+fl.Name, v.Get(fl.Name)); err == nil {
				v.Set(fl.Name, b)
			}
		}
	})
	if err != nil {
		return errs.Usage(err, "write yes or no (also on/off, y/n, true/false, 1/0)")
	}
	return nil
}

// recordCommands write records (or files) where -o says: for them
// CRMKIT_OUTPUT and a config file's output: stand in for -o. The others
// (report, inspect, stats, config, …) print for a person: only -o itself
// sends them elsewhere.
var recordCommands = []string{"import", "dedupe", "classify", "assign", "export", "review", "sample", "head"}

// scopeOutput keeps CRMKIT_OUTPUT and output: from redirecting a command
// that is not a record command, and says so.
func (f *Factory) scopeOutput(cmd *cobra.Command) {
	fl := cmd.Flags().Lookup("output")
	if fl == nil || fl.Changed || slices.Contains(recordCommands, cmd.Name()) && cmd.Parent() == cmd.Root() {
		return
	}
	src := f.settingSource(cmd, "output")
	if src == "--output" {
		return
	}
	f.Config.Set("output", "")
	if !f.Config.GetBool("quiet") {
		fmt.Fprintf(f.IO.ErrOut, "note: %s is not used by crmkit %s, which writes to stdout unless -o is given\n", src, cmd.Name())
	}
}

// attributeSetting rewrites an error naming a setting as its flag
// (--lang "fr" is not supported) to name where the value really came
// from (crmkit.yaml: lang: "fr" is not supported), once.
func (f *Factory) attributeSetting(cmd *cobra.Command, err error) error {
	var e *errs.Error
	if cmd == nil || !errors.As(err, &e) || e.Kind != errs.KindUsage {
		return err
	}
	msg := err.Error()
	m := flagPrefix.FindStringSubmatch(msg)
	if m == nil || cmd.Flags().Lookup(m[1]) == nil {
		return err
	}
	src := f.settingSource(cmd, m[1])
	if src == "--"+m[1] {
		return err
	}
	return errs.Usage(errors.New(src+": "+strings.TrimPrefix(msg, m[0])), errs.HintOf(err))
}

// yesnoHook decodes an on/off setting of the config file's sections
// (pipeline.summary, assign.reclaim.enabled) with yesno.
func yesnoHook(from, to reflect.Type, data any) (any, error) {
	if to.Kind() != reflect.Bool || from.Kind() == reflect.Bool {
		return data, nil
	}
	if s, ok := data.(string); ok {
		b, err := yesno.Parse(s)
		return b, err
	}
	return yesno.FromAny("value", data)
}
