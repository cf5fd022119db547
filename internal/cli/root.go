// Package cli holds crmkit's commands: flag parsing, config binding and
// calling the domain packages. Commands are thin; the work is elsewhere.
package cli

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/runsummary"
	"github.com/crmkit/crmkit/internal/similar"
	"github.com/crmkit/crmkit/internal/warncode"
)

// Factory carries what every command needs.
type Factory struct {
	IO      *iostreams.IOStreams
	Config  *viper.Viper
	Version string
	Build   Build // version, commit and build date (version.go)
	// File is the config file's sections, decoded once by loadConfig
	// (empty when no file was read).
	File *fileConfig
	// machine is what --summary-json, --fail-on and --annotations asked
	// for (machine.go); nil until a command starts.
	machine *machineRun
}

// NewFactory returns a factory with a fresh viper instance reading
// CRMKIT_* environment variables.
func NewFactory(io *iostreams.IOStreams, version string) *Factory {
	v := viper.New()
	v.SetEnvPrefix("CRMKIT")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	v.AutomaticEnv()
	return &Factory{IO: io, Config: v, Version: version, Build: Build{Version: version}, File: &fileConfig{}}
}

// NewCmdRoot builds the crmkit command tree.
func NewCmdRoot(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "crmkit <command> [flags]",
		Short: "Clean, de-duplicate, classify and assign customer lists from CRM exports",
		Long: `crmkit turns the customer lists a sales team really has (CSV and Excel exports
from 纷享销客, Zoho, Salesforce, HubSpot and hand-kept sheets, Chinese or English)
into one clean customer master.

Data goes to stdout (or -o FILE); summaries and warnings go to stderr.
Settings come from flags, then CRMKIT_* environment variables, then
crmkit.yaml (or --config FILE), then defaults.`,
		Example: `  # See what crmkit makes of a file: encoding, header row, column mapping
  crmkit inspect 客户列表.csv

  # Import several exports into one canonical CSV
  crmkit import fxiaoke.csv salesforce.xlsx -o customers.csv

  # Make a messy sample export to try things on
  crmkit sample --n 1000 --seed 7 -o sample.csv`,
		Version:       f.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := startProfile(cmd); err != nil {
				return err
			}
			f.startRun(cmd)
			if err := f.loadConfig(cmd); err != nil {
				return err
			}
			return f.readMachineFlags()
		},
		PersistentPostRun: func(cmd *cobra.Command, args []string) { stopProfile() },
	}
	cmd.SetIn(f.IO.In)
	cmd.SetOut(f.IO.Out)
	cmd.SetErr(f.IO.ErrOut)
	cmd.SetVersionTemplate(f.Build.String() + "\n")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if near := nearFlag(c, err); near != "" {
			return errs.Usage(err, "did you mean --"+near+"? (run `"+c.CommandPath()+" --help` for the flags)")
		}
		return errs.Usage(err, "run `"+c.CommandPath()+" --help` for the flags")
	})

	pf := cmd.PersistentFlags()
	pf.StringP("output", "o", "", "write data to `FILE` instead of stdout")
	pf.StringP("config", "c", "", "read settings from `FILE` (default: ./crmkit.yaml if present)")
	pf.BoolP("quiet", "q", false, "print only warnings, errors and the final count line")
	pf.String("region", "CN", "default phone `REGION` (ISO 3166 code) for numbers without a country code")
	pf.Bool("strict", false, "exit with status 3 when any row was rejected")
	pf.String("cpuprofile", "", "write a Go CPU profile to `FILE` (for performance reports)")
	_ = pf.MarkHidden("cpuprofile")
	pf.String("memprofile", "", "write a Go allocation profile to `FILE` at exit (for performance reports)")
	_ = pf.MarkHidden("memprofile")
	addMachineFlags(pf)

	cmd.AddCommand(
		NewCmdImport(f, nil),
		NewCmdDedupe(f, nil),
		NewCmdReview(f, nil),
		NewCmdClassify(f, nil),
		NewCmdAssign(f, nil),
		NewCmdReport(f, nil),
		NewCmdExport(f, nil),
		NewCmdPipeline(f, nil),

		NewCmdInspect(f, nil),
		NewCmdStats(f, nil),
		NewCmdHead(f, nil),
		NewCmdSample(f, nil),
		NewCmdConfig(f),
		NewCmdVersion(f),
		NewCmdFields(f),
	)
	addExitCodes(cmd)
	wrapSwitches(cmd)
	return cmd
}

// addExitCodes ends every command's help with the exit codes.
func addExitCodes(c *cobra.Command) {
	long := c.Long
	if long == "" {
		long = c.Short
	}
	c.Long = long + "\n\n" + exitCodesHelp
	for _, sub := range c.Commands() {
		addExitCodes(sub)
	}
}

// loadConfig reads the config file (--config, or ./crmkit.yaml when it
// exists) and binds the running command's flags, so that a flag given on the
// command line beats CRMKIT_* variables, which beat the file.
func (f *Factory) loadConfig(cmd *cobra.Command) error {
	v := f.Config
	var bindErr error
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if err := v.BindPFlag(fl.Name, fl); err != nil && bindErr == nil {
			bindErr = err
		}
	})
	if bindErr != nil {
		return bindErr
	}
	// The config file's sections from the environment too:
	// CRMKIT_ASSIGN_OVERFLOW=keep is assign.overflow.
	for _, k := range structKeys(reflect.TypeFor[fileConfig](), "") {
		if !strings.Contains(k, "[]") {
			_ = v.BindEnv(k)
		}
	}
	path, _ := cmd.Flags().GetString("config")
	if path == "" {
		if _, err := os.Stat("crmkit.yaml"); err == nil {
			path = "crmkit.yaml"
		}
	}
	if path != "" {
		v.SetConfigFile(path)
		if err := v.ReadInConfig(); err != nil {
			var nf viper.ConfigFileNotFoundError
			if errors.As(err, &nf) || os.IsNotExist(errors.Unwrap(err)) {
				return errs.Usagef("check the path given to --config", "config file %s not found", path)
			}
			return errs.Usagef("fix the YAML syntax at the place named above", "cannot read config %s: %v", path, err)
		}
		runsummary.RunOf(f.IO.ErrOut).SetConfigFile(path)
	}
	if err := f.readSwitches(cmd); err != nil {
		return err
	}
	f.scopeOutput(cmd)
	prefix := "" // CRMKIT_* variables (issue 18)
	if path != "" {
		if !v.GetBool("quiet") {
			// A file read without being named (./crmkit.yaml) changes
			// results: say so.
			fmt.Fprintf(f.IO.ErrOut, "config: %s\n", path)
		}
		prefix = path + ": "
	}
	if err := checkNumbers(v, prefix); err != nil { // issue 18: before decoding turns them into 0 or -2^63
		return err
	}
	file, unknown, err := decodeFile(v, cmd.Root())
	if err != nil {
		return err
	}
	f.File = file
	for _, p := range unknown {
		warnf(f.IO.ErrOut, warncode.ConfigUnknownSetting, 0, "%s: %s", path, p)
	}
	return nil
}

// usageArgs requires at least one argument, as a usage error.
func usageArgs(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return errs.Usagef(fmt.Sprintf("run `%s --help` for examples; use - to read stdin", cmd.CommandPath()),
				"%s: no %s given", cmd.CommandPath(), what)
		}
		return nil
	}
}

// nearFlag is the flag of c an unknown --flag is a typo of, or "".
func nearFlag(c *cobra.Command, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	name, _, _ = strings.Cut(name, "=")
	var known []string
	for _, fs := range []*pflag.FlagSet{c.Flags(), c.InheritedFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				known = append(known, f.Name)
			}
		})
	}
	// A flag name is short: only a near miss is a typo (--nope is not --map).
	if near := nearest(name, known); near != "" && similar.OSA(name, near) <= max(1, len(name)/4) {
		return near
	}
	return ""
}
