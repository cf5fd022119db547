package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/sample"
)

// SampleOptions are the settings of `crmkit sample`.
type SampleOptions struct {
	IO       *iostreams.IOStreams
	Output   string
	Truth    string
	Roster   string
	Encoding string
	BOM      bool
	Config   sample.Config
}

// NewCmdSample builds `crmkit sample`.
func NewCmdSample(f *Factory, runF func(*SampleOptions) error) *cobra.Command {
	opts := &SampleOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "sample",
		Short: "Generate a messy sample customer export with known duplicates",
		Long: `Generate a realistic, messy customer export (Chinese and English companies,
phones and dates in many formats, duplicates with typos and suffix changes,
owners in dispute) to try crmkit on, or to benchmark it. The same --seed
always gives the same file. --truth writes id,entity_id for scoring dedupe.`,
		Example: `  crmkit sample --n 1000 -o sample.csv
  crmkit sample --n 200 --dialect salesforce --lang en -o sf.csv
  crmkit sample --n 2000 --dialect hubspot-contacts --truth truth.csv -o contacts.csv
  crmkit sample --n 500 --encoding gbk -o 客户导出.csv   # like Chinese Excel saves
  crmkit sample --n 1000000 --truth truth.csv -o big.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.Output = v.GetString("output")
			opts.Truth = v.GetString("truth")
			opts.Roster = v.GetString("roster")
			opts.Encoding = v.GetString("encoding")
			opts.BOM = v.GetBool("bom")
			opts.Config = sample.Config{
				N: v.GetInt("n"), Seed: v.GetUint64("seed"), DupRate: v.GetFloat64("dup-rate"),
				Dialect: v.GetString("dialect"), Messy: v.GetFloat64("messy"), Lang: v.GetString("lang"),
				Reps: v.GetInt("reps"),
			}
			// The generator reads 0 as "use the default"; on the command
			// line 0 means none, which the generator spells negative.
			if opts.Config.DupRate == 0 {
				opts.Config.DupRate = -1
			}
			if opts.Config.Messy == 0 {
				opts.Config.Messy = -1
			}
			if runF != nil {
				return runF(opts)
			}
			return sampleRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.Int("n", 1000, "number of rows")
	fl.Uint64("seed", 1, "random seed: the same seed gives the same file")
	fl.Float64("dup-rate", 0.3, "share of customers that appear more than once")
	fl.String("dialect", "fxiaoke", "header style: fxiaoke, salesforce, hubspot, zoho, sheet, canonical; English benchmark exports: hubspot-contacts, salesforce-accounts")
	fl.Float64("messy", 0.5, "amount of formatting noise, 0 to 1")
	fl.String("lang", "mixed", "company names: zh, en or mixed")
	fl.Int("reps", 20, "number of sales reps owning customers")
	fl.String("truth", "", "write the true duplicate groups (id,entity_id) to `FILE`")
	fl.String("roster", "", "write the sales reps (rep,team,territory,capacity,weight,active) to `FILE`, for crmkit assign --reps")
	fl.String("encoding", "utf-8", "output encoding: utf-8 or gbk")
	fl.Bool("bom", false, "start the file with a UTF-8 byte-order mark")
	return cmd
}

func sampleRun(opts *SampleOptions) error {
	enc := strings.ToLower(opts.Encoding)
	if enc != "utf-8" && enc != "utf8" && enc != "gbk" && enc != "gb18030" {
		return errs.Usagef("use --encoding utf-8 or --encoding gbk", "--encoding %q is not supported by sample", opts.Encoding)
	}
	if ext := strings.ToLower(filepath.Ext(opts.Output)); ext == ".xlsx" || ext == ".xls" {
		return errs.Usagef("write sample.csv; crmkit reads CSV as well as XLSX", "sample writes CSV, not %s", ext)
	}
	set := newOutputSet(opts.IO)
	defer set.Abort()
	out, err := set.Add("-o", opts.Output, outset.Always)
	if err != nil {
		return err
	}
	var w io.Writer = out
	if enc == "gbk" || enc == "gb18030" {
		// Chinese Excel saves "CSV" in the system code page: GBK, CRLF.
		w = simplifiedchinese.GB18030.NewEncoder().Writer(w)
	} else if opts.BOM {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	var truthW io.Writer
	if opts.Truth != "" {
		if truthW, err = set.Add("--truth", opts.Truth, outset.Always); err != nil {
			return err
		}
	}
	if opts.Roster != "" {
		roster, err := set.AddCSV("--roster", opts.Roster, []string{"rep", "team", "territory", "capacity", "weight", "active"}, outset.Always)
		if err != nil {
			return err
		}
		if err := writeRoster(roster, opts.Config); err != nil {
			return err
		}
	}
	write := func() error { return sample.WriteCSV(w, opts.Config, truthW) }
	if c := opts.Config; sample.IsEnglishDialect(c.Dialect) { // issue 19: English benchmark exports
		write = func() error { return sample.WriteEnglishCSV(w, c.Dialect, c.N, c.Seed, c.DupRate, truthW) }
	}
	if err := write(); err != nil {
		return errs.Usage(err, "run `crmkit sample --help` for the flags")
	}
	if err := set.Commit(); err != nil {
		return err
	}
	if !out.Stdout() {
		fmt.Fprintf(opts.IO.ErrOut, "wrote %d rows to %s\n", opts.Config.N, opts.Output)
	}
	return nil
}

// writeRoster writes the sample's sales reps as `crmkit assign --reps`
// reads them.
func writeRoster(w *outset.File, cfg sample.Config) error {
	var reps []sample.Rep
	if sample.IsEnglishDialect(cfg.Dialect) {
		reps = sample.EnglishRoster(cfg.N)
	} else {
		g, err := sample.New(cfg)
		if err != nil {
			return errs.Usage(err, "run `crmkit sample --help` for the flags")
		}
		reps = g.Reps()
	}
	for _, r := range reps {
		active := "yes"
		if !r.Active {
			active = "no"
		}
		row := []string{r.Name, r.Team, strings.Join(r.Territories, ";"), strconv.Itoa(r.Capacity), strconv.FormatFloat(r.Weight, 'f', -1, 64), active}
		if err := w.WriteRow(row); err != nil {
			return err
		}
	}
	return nil
}
