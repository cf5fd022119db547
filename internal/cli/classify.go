package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/stage"
)

// ClassifyOptions are the settings of `crmkit classify`.
type ClassifyOptions struct {
	IO *iostreams.IOStreams
	RecordIO
	Classify classify.Config
	Ingest   ingest.Options
}

// NewCmdClassify builds `crmkit classify`. runF replaces the run in tests.
func NewCmdClassify(f *Factory, runF func(*ClassifyOptions) error) *cobra.Command {
	opts := &ClassifyOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "classify FILE...",
		Short: "Grade customers: ABC / value tier, RFM segment, lifecycle, grade, custom rules",
		Long: `Add classification columns to every customer:

  abc_class, value_tier   Pareto on total_revenue: A (top 80% of revenue) 高, B (next 15%) 中, C 低
  rfm_r, rfm_f, rfm_m     recency, frequency, monetary scores 1–5 (quintiles)
  rfm_segment             重要价值/重要发展/重要保持/重要挽留/一般价值/一般发展/一般保持/一般挽留客户
  lifecycle               潜在 新客户 活跃 忠实 沉默 流失预警 流失, from purchase dates
  grade                   重要 一般 潜力, from revenue, frequency and referrals
  custom_class            your own rules (classify.rules in crmkit.yaml), first match wins

Dates are measured from --as-of (default: today); pass it for reproducible runs.
--lang en writes English labels.`,
		Example: `  crmkit classify customers.csv --as-of 2025-12-31 -o classified.csv
  crmkit dedupe a.csv b.xlsx | crmkit classify - --lang en | crmkit report tiers -`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.RecordIO = readRecordIO(cmd, args, v)
			var err error
			if opts.Classify, err = classifyConfig(v, &f.File.Classify); err != nil {
				return err
			}
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return classifyRun(opts)
		},
	}
	addInputFlags(cmd)
	addViewFlags(cmd)
	addClassifyFlags(cmd)
	cmd.Flags().String("format", "", "output format: csv, tsv or ndjson (default: from the -o extension, else csv)")
	cmd.Flags().String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv, or crmkit-rejects/classify.csv when writing to stdout; created only when a row is rejected)")
	return cmd
}

func addClassifyFlags(cmd *cobra.Command) {
	cmd.Flags().String("as-of", "", "measure recency and lifecycle from this `DATE` (YYYY-MM-DD; default: today)")
	cmd.Flags().String("lang", "", "label language: zh or en"+langFlagHelp)
}

// classifyConfig reads the classify settings: --as-of and --lang, then the
// classify section of the config file.
func classifyConfig(v *viper.Viper, sec *classifySection) (classify.Config, error) {
	cfg := classify.DefaultConfig()
	day, err := asOfDay(v)
	if err != nil {
		return cfg, err
	}
	cfg.AsOf = day
	if cfg.Lang, err = langSetting(v); err != nil {
		return cfg, err
	}
	applyClassifySection(sec, &cfg)
	if err := cfg.Validate(); err != nil {
		return cfg, errs.Usage(fmt.Errorf("config classify: %w", err), "fix the classify section of the config file")
	}
	return cfg, nil
}

// applyClassifySection sets what the config file's classify section sets.
func applyClassifySection(sec *classifySection, cfg *classify.Config) {
	set := func(dst *int, v *int) {
		if v != nil {
			*dst = *v
		}
	}
	setF := func(dst *float64, v *float64) {
		if v != nil {
			*dst = *v
		}
	}
	setFs := func(dst *[]float64, v *[]float64) {
		if v != nil {
			*dst = *v
		}
	}
	setF(&cfg.ABC.A, sec.ABC.A)
	setF(&cfg.ABC.B, sec.ABC.B)
	if sec.RFM.Bins != nil {
		// "High" and the grade points are on the scale of the bins: follow
		// a changed bins unless they are set too.
		cfg.RFM.Bins = *sec.RFM.Bins
		cfg.RFM.High = 0
		cfg.Grade.Key = (8*cfg.RFM.Bins + 4) / 5
		cfg.Grade.Regular = cfg.RFM.Bins
	}
	set(&cfg.RFM.High, sec.RFM.High)
	setFs(&cfg.RFM.R, sec.RFM.R)
	setFs(&cfg.RFM.F, sec.RFM.F)
	setFs(&cfg.RFM.M, sec.RFM.M)
	lc := &sec.Lifecycle
	set(&cfg.Lifecycle.NewDays, lc.NewDays)
	set(&cfg.Lifecycle.ActiveDays, lc.ActiveDays)
	set(&cfg.Lifecycle.SilentDays, lc.SilentDays)
	set(&cfg.Lifecycle.ChurnDays, lc.ChurnDays)
	set(&cfg.Lifecycle.LoyalPurchases, lc.LoyalPurchases)
	set(&cfg.Grade.Key, sec.Grade.Key)
	set(&cfg.Grade.Regular, sec.Grade.Regular)
	set(&cfg.Grade.ReferralPoints, sec.Grade.ReferralPoints)
	set(&cfg.Grade.MaxReferralPoints, sec.Grade.MaxReferralPoints)
	if sec.RulesColumn != nil {
		cfg.RulesColumn = *sec.RulesColumn
	}
	if sec.Rules != nil {
		for _, r := range *sec.Rules {
			cfg.Rules = append(cfg.Rules, classify.Rule{Name: r.Name, When: r.When})
		}
	}
}

func classifyRun(opts *ClassifyOptions) error {
	recsOut, err := stage.CanonicalRecords(opts.Format, opts.Output, opts.View)
	if err != nil {
		return err
	}
	set := newOutputSet(opts.IO, opts.Inputs...)
	defer set.Abort()
	out, err := set.Add("-o", opts.Output, outset.Always)
	if err != nil {
		return err
	}
	rejects, err := addRejects(set, opts.Rejects, opts.Output, "classify")
	if err != nil {
		return err
	}
	in, err := openInput(opts.IO, opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	c, err := stage.ClassifyInput(opts.Ctx, in, opts.Classify, rejects)
	if err != nil {
		return err
	}
	defer c.Close()
	w, err := stage.NewCanonicalWriter(out, recsOut, c.Schema())
	if err != nil {
		return err
	}
	err = c.EachApplied(w.Write)
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := set.Commit(); err != nil {
		return err
	}
	st := c.Stats
	if opts.Quiet { // value warnings even when quiet
		printValueWarnings(opts.IO, in, st)
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, in, st)
	}
	printNotes(opts.IO.ErrOut, c.Notes())
	return finish(opts.IO, opts.Strict, stage.Tally{In: st.In, Out: st.Out, LeftOut: w.LeftOut(), Rejected: st.Rejected, Rejects: rejects.Path})
}

// langSetting reads --lang: zh (the default) or en.
func langSetting(v *viper.Viper) (string, error) {
	lang := strings.ToLower(v.GetString("lang"))
	if lang == "" {
		lang = defaultLang() // issue 19: unset, the locale decides
	}
	switch lang {
	case "zh", "en":
		return lang, nil
	}
	return "", errs.Usagef("use --lang zh or --lang en", "--lang %q is not supported", v.GetString("lang"))
}
