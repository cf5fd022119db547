package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/ingest"
	"github.com/crmkit/crmkit/internal/normalize"
	"github.com/crmkit/crmkit/internal/record"
)

// addInputFlags adds the flags of every command that reads customer files.
func addInputFlags(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.String("encoding", "", "text encoding of CSV inputs (default: detect; e.g. gbk, utf-16le)")
	fl.String("delimiter", "", "field delimiter of CSV inputs (default: sniff among , ; tab |)")
	fl.String("sheet", "", "read this `SHEET` of .xlsx inputs (default: the first visible sheet)")
	fl.Bool("all-sheets", false, "read every visible sheet of .xlsx inputs")
	fl.StringSlice("map", nil, "override column mapping, e.g. --map 'WeChat=wechat,负责人=owner'")
	fl.String("date-order", "auto", "how to read dates like 03/04/2025: auto (per column, from values that prove the order), mdy or dmy")
	// crmkit-files: currency and header-less inputs.
	fl.String("rates", "", "convert amounts in other currencies to yuan, e.g. --rates 'USD=7.1,EUR=7.8' (yuan per unit)")
	fl.Bool("no-header", false, "the first row is data: name columns by position, e.g. --map 1=company,2=phone")
}

// inputOptions reads the input settings from flags, environment and config.
func (f *Factory) inputOptions() (ingest.Options, error) {
	v := f.Config
	var o ingest.Options
	o.Tabular.Encoding = v.GetString("encoding")
	o.Tabular.Sheet = v.GetString("sheet")
	o.Tabular.AllSheets = v.GetBool("all-sheets")
	o.Tabular.Stdin = f.IO.In
	if o.Tabular.Sheet != "" && o.Tabular.AllSheets {
		return o, errs.Usagef("pass one of them", "--sheet and --all-sheets cannot be used together")
	}
	d, err := parseDelimiter(v.GetString("delimiter"))
	if err != nil {
		return o, err
	}
	o.Tabular.Delimiter = d
	o.Overrides, err = record.ParseOverrides(mapSpecs(v.Get("map")))
	if err != nil {
		return o, errs.Usage(err, "write --map 'Header=field,Other Header=other_field'")
	}
	o.Region = strings.ToUpper(strings.TrimSpace(v.GetString("region")))
	if !normalize.ValidRegion(o.Region) {
		return o, errs.Usagef("use a two-letter country code such as CN, US, GB or HK",
			"--region %q is not a phone region", v.GetString("region"))
	}
	if o.DateOrder, err = parseDateOrder(v.GetString("date-order")); err != nil {
		return o, err
	}
	// crmkit-files: --rates and --no-header (input_values.go).
	if o.Rates, err = parseRates(v.Get("rates")); err != nil {
		return o, err
	}
	o.NoHeader = v.GetBool("no-header")
	return o, nil
}

// mapSpecs reads the map setting as given by a flag (a list), an
// environment variable or a config string ("A=b,C D=e": split on commas
// only, since headers have spaces), or a YAML list.
func mapSpecs(v any) []string {
	switch m := v.(type) {
	case nil:
		return nil
	case string:
		return []string{m}
	case []string:
		return m
	case []any:
		out := make([]string, 0, len(m))
		for _, x := range m {
			out = append(out, fmt.Sprint(x))
		}
		return out
	case map[string]any: // YAML "map: {Header: field}"
		out := make([]string, 0, len(m))
		for k, x := range m {
			out = append(out, k+"="+fmt.Sprint(x))
		}
		sort.Strings(out)
		return out
	}
	return []string{fmt.Sprint(v)}
}

func parseDelimiter(s string) (rune, error) {
	switch strings.ToLower(s) {
	case "":
		return 0, nil
	case ",", "comma":
		return ',', nil
	case ";", "semicolon":
		return ';', nil
	case "\t", `\t`, "tab":
		return '\t', nil
	case "|", "pipe":
		return '|', nil
	}
	return 0, errs.Usagef("use one of , ; tab |", "--delimiter %q is not supported", s)
}
