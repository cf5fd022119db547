package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/classify"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/record"
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
			if opts.Classify, err = classifyConfig(v); err != nil {
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
	addClassifyFlags(cmd)
	cmd.Flags().String("format", "", "output format: csv or tsv (default: from the -o extension, else csv)")
	cmd.Flags().String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv, or crmkit-rejects.csv when writing to stdout)")
	return cmd
}

func addClassifyFlags(cmd *cobra.Command) {
	cmd.Flags().String("as-of", "", "measure recency and lifecycle from this `DATE` (YYYY-MM-DD; default: today)")
	cmd.Flags().String("lang", "", "label language: zh or en"+langFlagHelp)
}

// classifyConfig reads the classify settings: --as-of and --lang, then the
// classify section of the config file.
func classifyConfig(v *viper.Viper) (classify.Config, error) {
	cfg := classify.DefaultConfig()
	day, err := asOfDay(v)
	if err != nil {
		return cfg, err
	}
	cfg.AsOf = day
	if cfg.Lang, err = langSetting(v); err != nil {
		return cfg, err
	}
	sec := v.Sub("classify")
	if sec != nil {
		if err := readClassifySection(sec, &cfg); err != nil {
			return cfg, errs.Usage(fmt.Errorf("config classify: %w", err), "fix the classify section of the config file (the README lists its keys)")
		}
	}
	if err := cfg.Validate(); err != nil {
		return cfg, errs.Usage(fmt.Errorf("config classify: %w", err), "fix the classify section of the config file")
	}
	return cfg, nil
}

func readClassifySection(v *viper.Viper, cfg *classify.Config) error {
	setFloat := func(key string, dst *float64) {
		if v.IsSet(key) {
			*dst = v.GetFloat64(key)
		}
	}
	setInt := func(key string, dst *int) {
		if v.IsSet(key) {
			*dst = v.GetInt(key)
		}
	}
	setFloats := func(key string, dst *[]float64) error {
		if !v.IsSet(key) {
			return nil
		}
		list, err := cast.ToFloat64SliceE(v.Get(key))
		if err != nil {
			return fmt.Errorf("%s: want a list of numbers", key)
		}
		*dst = list
		return nil
	}
	setFloat("abc.a", &cfg.ABC.A)
	setFloat("abc.b", &cfg.ABC.B)
	setInt("rfm.bins", &cfg.RFM.Bins)
	if v.IsSet("rfm.bins") {
		// "High" and the grade points are on the scale of the bins: follow
		// a changed bins unless they are set too.
		cfg.RFM.High = 0
		cfg.Grade.Key = (8*cfg.RFM.Bins + 4) / 5
		cfg.Grade.Regular = cfg.RFM.Bins
	}
	setInt("rfm.high", &cfg.RFM.High)
	for key, dst := range map[string]*[]float64{"rfm.r": &cfg.RFM.R, "rfm.f": &cfg.RFM.F, "rfm.m": &cfg.RFM.M} {
		if err := setFloats(key, dst); err != nil {
			return err
		}
	}
	setInt("lifecycle.new_days", &cfg.Lifecycle.NewDays)
	setInt("lifecycle.active_days", &cfg.Lifecycle.ActiveDays)
	setInt("lifecycle.silent_days", &cfg.Lifecycle.SilentDays)
	setInt("lifecycle.churn_days", &cfg.Lifecycle.ChurnDays)
	setInt("lifecycle.loyal_purchases", &cfg.Lifecycle.LoyalPurchases)
	setInt("grade.key", &cfg.Grade.Key)
	setInt("grade.regular", &cfg.Grade.Regular)
	setInt("grade.referral_points", &cfg.Grade.ReferralPoints)
	setInt("grade.max_referral_points", &cfg.Grade.MaxReferralPoints)
	if v.IsSet("rules_column") {
		cfg.RulesColumn = v.GetString("rules_column")
	}
	if v.IsSet("rules") {
		list, ok := v.Get("rules").([]any)
		if !ok {
			return fmt.Errorf("rules: want a list of {name, when}")
		}
		for i, item := range list {
			m, err := cast.ToStringMapStringE(item)
			if err != nil || m["name"] == "" || m["when"] == "" {
				return fmt.Errorf("rules[%d]: want {name: ..., when: ...}", i)
			}
			cfg.Rules = append(cfg.Rules, classify.Rule{Name: m["name"], When: m["when"]})
		}
	}
	return nil
}

// spoolSink keeps every record in a temporary file and the numbers
// classification needs in memory.
type spoolSink struct {
	asOf    int32
	future  int // customers whose last purchase is after asOf
	spool   *record.Spool
	facts   [][]classify.Facts // in chunks, copied once at the end: no regrowth
	n       int
	rejects *lazyCSV
	revenue int // records with a total_revenue
	// currencyCol is the currency column (-1 when none); foreign counts
	// records whose revenue is in another currency than yuan.
	currencyCol, foreign int
}

const factsChunk = 1 << 16

func (s *spoolSink) Record(_ *ingest.Table, r *record.Record) error {
	if len(s.facts) == 0 || len(s.facts[len(s.facts)-1]) == factsChunk {
		s.facts = append(s.facts, make([]classify.Facts, 0, factsChunk))
	}
	last := &s.facts[len(s.facts)-1]
	f := classify.FactsOf(r)
	if r.Values[record.TotalRevenue] != "" {
		s.revenue++
		if s.currencyCol >= 0 && s.currencyCol < len(r.Extra) && r.Extra[s.currencyCol] != "" {
			s.foreign++
		}
	}
	if f.LastPurchase != classify.NoDate && f.LastPurchase > s.asOf {
		s.future++
	}
	*last = append(*last, f)
	s.n++
	return s.spool.Add(r)
}

func (s *spoolSink) allFacts() []classify.Facts {
	all := make([]classify.Facts, 0, s.n)
	for _, c := range s.facts {
		all = append(all, c...)
	}
	s.facts = nil
	return all
}

func (s *spoolSink) Reject(_ *ingest.Table, r ingest.Reject) error {
	if s.rejects == nil { // report: rejects are counted, not written
		return nil
	}
	return s.rejects.Write(r.Row())
}

// classOutput places the classification columns in the output: after the
// input's columns, or over the input's own when it was classified before.
type classOutput struct {
	schema record.Schema
	cols   []int // output Extra index of each class column
}

func newClassOutput(in *record.Schema, columns []string) *classOutput {
	o := &classOutput{schema: record.Schema{Extra: slices.Clone(in.Extra)}}
	for _, c := range columns {
		i := slices.Index(o.schema.Extra, c)
		if i < 0 {
			o.schema.Extra = append(o.schema.Extra, c)
			i = len(o.schema.Extra) - 1
		}
		o.cols = append(o.cols, i)
	}
	return o
}

// fill writes cells into r's class columns.
func (o *classOutput) fill(r *record.Record, cells []string) {
	if len(r.Extra) < len(o.schema.Extra) {
		r.Extra = append(r.Extra, make([]string, len(o.schema.Extra)-len(r.Extra))...)
	}
	for j, i := range o.cols {
		r.Extra[i] = cells[j]
	}
}

// classifyInput reads every input once into a spool and fits the model.
type classified struct {
	in      *ingest.Input
	stats   ingest.Stats
	spool   *record.Spool
	model   *classify.Model
	columns []string
}

func (c *classified) Close() {
	if c.spool != nil {
		c.spool.Close()
	}
	if c.in != nil {
		c.in.Close()
	}
}

// classifyInput reads every table of in into a spool and fits the model;
// it takes over in (closed by classified.Close).
func classifyInput(ctx context.Context, in *ingest.Input, cfg classify.Config, rejects *lazyCSV, errOut io.Writer) (*classified, error) {
	c := &classified{in: in}
	cl, err := classify.New(cfg)
	if err != nil {
		c.Close()
		return nil, errs.Usage(err, "fix the rule in the classify.rules section of the config file")
	}
	c.columns = cl.Columns()
	if c.spool, err = record.NewSpool(""); err != nil {
		c.Close()
		return nil, errs.Data(err, "set TMPDIR to a folder with free space")
	}
	sink := &spoolSink{spool: c.spool, rejects: rejects, asOf: int32(cfg.AsOf),
		currencyCol: slices.Index(in.Schema.Extra, record.CurrencyColumn)}
	if c.stats, err = c.in.Run(ctx, 0, sink); err != nil {
		c.Close()
		return nil, err
	}
	c.model = cl.Fit(sink.allFacts())
	switch {
	case c.model.NoPurchaseData():
		// issue 19: most HubSpot and Salesforce contact exports have no
		// purchases; grading every customer C, a prospect, would be made up.
		fmt.Fprintf(errOut, "warning: no row has revenue, a purchase count or a purchase date, so value tier, RFM, lifecycle and grade are left empty\n")
		fmt.Fprintf(errOut, "hint: if the file has them, map the columns, e.g. --map 'Umsatz=total_revenue' (`crmkit fields` lists the headers crmkit knows)\n")
	case !mapsField(in, record.TotalRevenue):
		fmt.Fprintf(errOut, "warning: no column maps to total_revenue, so every customer is C\n")
		fmt.Fprintf(errOut, "hint: map your revenue column, e.g. --map 'Revenue=total_revenue'\n")
	case sink.n > 0 && sink.revenue == 0:
		// The column is there (crmkit's own CSV always has one) but empty:
		// an earlier import did not map the revenue column.
		fmt.Fprintf(errOut, "warning: total_revenue is empty on every row, so every customer is C\n")
		fmt.Fprintf(errOut, "hint: map the revenue column when importing, e.g. --map 'Umsatz=total_revenue' (`crmkit fields` lists the headers crmkit knows)\n")
	}
	if sink.foreign > 0 {
		fmt.Fprintf(errOut, "warning: the revenue of %s is in another currency than yuan (the currency column); value tiers rank it as if it were yuan\n", plural(sink.foreign, "customer"))
		fmt.Fprintf(errOut, "hint: import with --rates 'USD=7.1' (yuan per unit) to convert it\n")
	}
	if sink.future > 0 {
		fmt.Fprintf(errOut, "warning: %s have a purchase after --as-of %s; they count as bought on that day (is --as-of right?)\n",
			plural(sink.future, "customer"), dateText(cfg.AsOf))
	}
	return c, nil
}

// mapsField reports whether any table has a column for f.
func mapsField(in *ingest.Input, f record.Field) bool {
	for _, t := range in.Tables {
		for _, c := range t.Mapping.Columns {
			if c.Target == record.ToField && c.Field == f {
				return true
			}
		}
	}
	return len(in.Tables) == 0
}

func classifyRun(opts *ClassifyOptions) error {
	delim, err := outputDelimiter(opts.Format, opts.Output)
	if err != nil {
		return err
	}
	rejectsPath := rejectsFile(opts.Rejects, opts.Output)
	if err := checkSideFiles(opts.Output, opts.Inputs, sideFile{"--rejects", rejectsPath}); err != nil {
		return err
	}
	rejects := &lazyCSV{path: rejectsPath, header: ingest.RejectsHeader}
	defer rejects.Abort()
	in, err := ingest.Open(opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	warnMapping(opts.IO, in)
	c, err := classifyInput(opts.Ctx, in, opts.Classify, rejects, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	defer c.Close()

	out, err := openOutput(opts.IO, opts.Output, opts.Inputs)
	if err != nil {
		return err
	}
	defer out.Abort()
	layout := newClassOutput(&c.in.Schema, c.columns)
	w, err := newRecordSink(out, delim, &layout.schema, "")
	if err != nil {
		return err
	}
	var cells []string
	err = c.each(func(r *record.Record, cls *classify.Classes) error {
		cells = c.model.Cells(*cls, cells[:0])
		layout.fill(r, cells)
		return w.Record(nil, r)
	})
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := rejects.Flush(); err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	if err := rejects.Commit(); err != nil {
		return err
	}
	st := c.stats
	if opts.Quiet { // value warnings even when quiet (input_values.go)
		warnValues(opts.IO, c.in, st, true)
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, c.in, st)
	}
	if st.Rejected > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s rejected; see %s\n", plural(st.Rejected, "row"), rejectsPath)
	}
	fmt.Fprintf(opts.IO.ErrOut, "in %d = out %d + rejected %d\n", st.In, st.Out, st.Rejected)
	if opts.Strict && st.Rejected > 0 {
		return errs.ErrRejected
	}
	return nil
}

// langSetting reads --lang: zh or en; unset, the locale decides (localeLang).
func langSetting(v *viper.Viper) (string, error) {
	lang := strings.ToLower(v.GetString("lang"))
	if lang == "" {
		lang = defaultLang() // issue 19
	}
	switch lang {
	case "zh", "en":
		return lang, nil
	}
	return "", errs.Usagef("use --lang zh or --lang en", "--lang %q is not supported", v.GetString("lang"))
}

// each classifies every spooled record, in input order.
func (c *classified) each(fn func(r *record.Record, cls *classify.Classes) error) error {
	return c.spool.Each(func(i int, r *record.Record) error {
		cls, err := c.model.Classify(i, r)
		if err != nil {
			return errs.Data(err, "fix the rule named above in the classify.rules section of the config file")
		}
		return fn(r, &cls)
	})
}
