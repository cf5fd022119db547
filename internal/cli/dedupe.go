package cli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cast"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/outset"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/stage"
)

// DedupeOptions are the settings of `crmkit dedupe`.
type DedupeOptions struct {
	IO *iostreams.IOStreams
	RecordIO
	Clusters string
	Explain  string
	Review   string
	Match    dedupe.Config
	Survive  map[string]string
	Ingest   ingest.Options
	// Decisions is a file of people's match / no-match decisions.
	Decisions string
	// Master folds the inputs into this master file; OnMatch, Changes and
	// DryRun go with it.
	Master  string
	OnMatch string
	Changes string
	DryRun  bool
	Index   bool
	// Model scores with the weights in this file instead of learning them;
	// ModelOut writes the weights used.
	Model, ModelOut string
}

// NewCmdDedupe builds `crmkit dedupe`. runF replaces the run in tests.
func NewCmdDedupe(f *Factory, runF func(*DedupeOptions) error) *cobra.Command {
	opts := &DedupeOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "dedupe FILE...",
		Short: "Find and merge duplicate customers (fuzzy, explainable, nothing lost)",
		Long: `Find the records that describe the same customer — across files, in Chinese
and English, with typos, other phone formats and legal-form variants — and
merge each group into one record.

Records are compared on phone, e-mail, company (legal form and region
removed: 深圳市华强电子有限公司 = 华强电子(深圳)有限公司, but 深圳华强电子 and
北京华强电子 stay apart), contact name, address and city, and — where the
file has them — birth date, postcode, province, given/family name and
identity-code columns (身份证号, 统一社会信用代码, tax/VAT ids). The weights are
learned from the file (--model-out shows them, --model reuses them). Each pair
gets a score in [0,1]; pairs at or above --threshold are merged, pairs between
--review-threshold and --threshold go to --review for a person to decide.

The merged record keeps every phone and e-mail, sums purchase_count,
total_revenue and referrals, takes the earliest first purchase and the latest
contact and purchase, and lists the ids it was merged from (merged_from) and
every owner the records named (owners). stderr ends with:
in N = out M + merged K + rejected R.`,
		Example: `  crmkit dedupe customers.csv -o clean.csv
  crmkit dedupe a.xlsx b.csv -o clean.csv --review review.csv --explain why.csv
  crmkit dedupe people.csv --fields birth_date=date,postcode=exact --clusters clusters.csv
  crmkit import *.csv | crmkit dedupe - --survive company=common,notes=union`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.RecordIO = readRecordIO(cmd, args, v)
			opts.Clusters = v.GetString("clusters")
			opts.Explain = v.GetString("explain")
			opts.Review = v.GetString("review")
			opts.Decisions = v.GetString("decisions")
			opts.Master = v.GetString("master")
			opts.Changes = v.GetString("changes")
			opts.DryRun = v.GetBool("dry-run")
			opts.Index = v.GetBool("index")
			opts.Model = v.GetString("model")
			opts.ModelOut = v.GetString("model-out")
			opts.OnMatch = strings.ToLower(strings.TrimSpace(v.GetString("on-match")))
			if !slices.Contains(dedupe.OnMatchModes, opts.OnMatch) {
				return errs.Usagef("use one of "+strings.Join(dedupe.OnMatchModes, ", "), "--on-match %q is not a mode", v.GetString("on-match"))
			}
			if opts.Master == "" {
				for _, name := range []string{"changes", "dry-run", "on-match", "index"} {
					if cmd.Flags().Changed(name) {
						return errs.Usagef("pass --master master.csv to fold new exports into a master", "--%s needs --master", name)
					}
				}
			}
			var err error
			if opts.Match.Threshold, err = floatSetting(v, "threshold"); err != nil {
				return err
			}
			if opts.Match.ReviewThreshold, err = floatSetting(v, "review-threshold"); err != nil {
				return err
			}
			if opts.Match.Fields, err = dedupe.ParseFieldRules(mapSpecs(v.Get("fields"))); err != nil {
				return errs.Usage(fmt.Errorf("--fields %w", err), "write --fields 'birth_date=date,postcode=exact' (kinds: "+strings.Join(dedupe.FieldKinds, ", ")+")")
			}
			if opts.Match.Entity = v.GetString("entity"); !slices.Contains([]string{"", dedupe.EntityAccount, dedupe.EntityContact}, opts.Match.Entity) {
				return errs.Usagef("use --entity account (one record per company) or --entity contact (one per person)", "--entity %q is not a kind", opts.Match.Entity)
			}
			if opts.Survive, err = parseSurvive(mapSpecs(v.Get("survive"))); err != nil {
				return err
			}
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.Master != "" {
				return foldRun(opts)
			}
			return dedupeRun(opts)
		},
	}
	addInputFlags(cmd)
	addViewFlags(cmd)
	fl := cmd.Flags()
	fl.String("format", "", "output format: csv, tsv or ndjson (default: from the -o extension, else csv)")
	fl.String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv, or crmkit-rejects/dedupe.csv when writing to stdout; created only when a row is rejected)")
	fl.Float64("threshold", dedupe.DefaultThreshold, "merge pairs scoring at least this (0–1)")
	fl.Float64("review-threshold", dedupe.DefaultReviewThreshold, "list pairs scoring at least this, but below --threshold, for review (0–1)")
	fl.String("clusters", "", "write one row per input record to `FILE`: id, cluster_id, score, size")
	fl.String("explain", "", "write to `FILE` why each merged record joined its cluster, field by field")
	fl.String("review", "", "write the pairs a person should decide to `FILE`, with both records' values")
	fl.StringSlice("fields", nil, "add or change comparators: 'birth_date=date,soc_sec_id=exact:10,city=off' (kinds: "+strings.Join(dedupe.FieldKinds, ", ")+")")
	fl.String("decisions", "", "honour people's decisions in `FILE` (id_a,id_b,decision: match or no-match; see crmkit review)")
	fl.String("master", "", "fold the inputs into the customer master `FILE` (a crmkit dedupe output): its ids stay, new customers are added")
	fl.String("on-match", dedupe.OnMatchMerge, "with --master, a new record matching a customer is: merge (survivorship rules), update (its values win) or skip")
	fl.String("changes", "", "with --master, write the change report to `FILE` (default: OUTPUT.changes.csv)")
	fl.Bool("dry-run", false, "with --master, do not write the master: only the change report (to --changes, else stdout) and --review, --clusters, --explain")
	fl.Bool("index", true, "with --master, reuse and save the master's blocking index beside it (FILE"+stage.IndexSuffix+"), so a fold does not block the whole master again")
	fl.String("model", "", "score with the weights in `FILE` (written by --model-out) instead of learning them from the input")
	fl.String("model-out", "", "write the weights used (learned from the input, or --model's) and the columns' roles to `FILE` (JSON)")
	fl.String("entity", "", "what a record is: account (a company; its contact may change) or contact (a person: two people at one company stay two records); default: contact when most rows name a person beside a company")
	fl.StringSlice("survive", nil, "survivorship rules: 'company=common,notes=union' (rules: "+strings.Join(dedupe.SurvivorshipRules, ", ")+")")
	return cmd
}

// floatSetting reads a number from a flag, CRMKIT_* or the config file,
// refusing what is not one (viper would read "abc" as 0).
func floatSetting(v *viper.Viper, key string) (float64, error) {
	x, err := cast.ToFloat64E(v.Get(key))
	if err != nil {
		return 0, errs.Usagef("write a number, e.g. "+key+": 0.9", "%s %q is not a number", key, fmt.Sprint(v.Get(key)))
	}
	return x, nil
}

func parseSurvive(specs []string) (map[string]string, error) {
	out := map[string]string{}
	for _, spec := range specs {
		for part := range strings.SplitSeq(spec, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			k, v, ok := strings.Cut(part, "=")
			if !ok || strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
				return nil, errs.Usagef("write --survive 'company=common,notes=union' (rules: "+strings.Join(dedupe.SurvivorshipRules, ", ")+")",
					"--survive %q is not field=rule", part)
			}
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out, nil
}

func dedupeRun(opts *DedupeOptions) error {
	start := time.Now()
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
	rejects, err := addRejects(set, opts.Rejects, opts.Output, "dedupe")
	if err != nil {
		return err
	}
	sides, err := addDedupeSides(set, opts)
	if err != nil {
		return err
	}
	model, err := readModel(opts.Model)
	if err != nil {
		return err
	}

	in, err := openInput(opts.IO, opts.Inputs, opts.Ingest)
	if err != nil {
		return err
	}
	defer in.Close()
	cfg := stage.DedupeConfig{Match: opts.Match, Survive: opts.Survive, Decisions: opts.Decisions, Model: model, ModelPath: opts.Model}
	m, _, err := stage.Matching(cfg, &in.Schema)
	if err != nil {
		return err
	}
	setDedupeHeaders(sides, m)
	read, err := stage.Collect(opts.Ctx, in, rejects)
	if err != nil {
		return err
	}
	st, recs := read.Stats, read.Records
	stage.LimitMemory(recs.Bytes())
	prog := startProgress(opts.IO, "dedupe")
	d, err := stage.Dedupe(opts.Ctx, recs, &in.Schema, cfg)
	prog.Stop()
	if err != nil {
		return err
	}
	w, err := stage.NewPipedRecords(out, recsOut, d.Schema())
	if err != nil {
		return err
	}
	defer w.Close()
	if err := d.Merge(func(r *record.Record) error { w.Record(r); return nil }); err != nil {
		return err
	}
	if err := d.WriteReports(rowWriter(sides[0]), rowWriter(sides[1]), rowWriter(sides[2])); err != nil {
		return err
	}
	if err := writeModel(sides[3], d.Matcher); err != nil {
		return err
	}
	// Finish every file before any is renamed into place.
	if err := w.Close(); err != nil {
		return err
	}
	if err := set.Commit(); err != nil {
		return err
	}

	c := d.Counts()
	if opts.Quiet { // value and decision warnings even when quiet
		printValueWarnings(opts.IO, in, st)
		printNotes(opts.IO.ErrOut, d.DecisionNotes().Warnings())
	}
	if !opts.Quiet {
		printInputSummary(opts.IO, in, st)
		fmt.Fprintf(opts.IO.ErrOut, "dedupe: %s → %s (%s built from %s); %s compared; %s to review",
			plural(c.Records, "record"), plural(c.Customers, "customer"), plural(c.Multi, "customer"), plural(c.InMulti, "record"),
			plural(d.Result.Compared, "pair"), plural(len(d.Result.Review), "pair"))
		if d.Result.Refused > 0 {
			fmt.Fprintf(opts.IO.ErrOut, " (%d held back by conflicting evidence)", d.Result.Refused)
		}
		fmt.Fprintf(opts.IO.ErrOut, "; %s\n", time.Since(start).Round(time.Millisecond))
		if len(d.Result.Review) > 0 && opts.Review == "" {
			fmt.Fprintf(opts.IO.ErrOut, "hint: pass --review review.csv to see the %s that need a person's decision\n", plural(len(d.Result.Review), "pair"))
		}
		printNotes(opts.IO.ErrOut, d.MatchNotes())
		printNotes(opts.IO.ErrOut, d.DecisionNotes())
	}
	printNotes(opts.IO.ErrOut, d.MergeNotes())
	recordReview(opts.IO, len(d.Result.Review))
	return finish(opts.IO, opts.Strict, stage.Tally{In: st.In, Out: c.Customers, Merged: c.Records - c.Customers, LeftOut: w.LeftOut(), Rejected: st.Rejected,
		ShowMerged: true, Rejects: rejects.Path})
}

// addDedupeSides adds dedupe's reports the user asked for to the set:
// clusters, explain, review and --model-out (nil when not asked for). The explain and
// review headers name the matcher's comparators: setDedupeHeaders sets
// them.
func addDedupeSides(set *outset.Set, opts *DedupeOptions) ([]*outset.File, error) {
	sides, err := addSides(set,
		side{"--clusters", opts.Clusters, dedupe.ClustersHeader},
		side{"--explain", opts.Explain, nil},
		side{"--review", opts.Review, nil})
	if err != nil {
		return nil, err
	}
	var model *outset.File
	if opts.ModelOut != "" {
		if model, err = set.Add("--model-out", opts.ModelOut, outset.Always); err != nil {
			return nil, err
		}
	}
	return append(sides, model), nil
}

func setDedupeHeaders(sides []*outset.File, m *dedupe.Matcher) {
	if sides[1] != nil {
		sides[1].SetHeader(dedupe.ExplainHeader(m))
	}
	if sides[2] != nil {
		sides[2].SetHeader(dedupe.ReviewHeader(m))
	}
}
