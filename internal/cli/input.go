package cli

import (
	"fmt"
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
	fl.String("date-order", "auto", "how to read dates like 03/04/2025: auto (only unambiguous ones), mdy or dmy")
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
	o.Overrides, err = record.ParseOverrides(v.GetStringSlice("map"))
	if err != nil {
		return o, errs.Usage(err, "write --map 'Header=field,Other Header=other_field'")
	}
	o.Region = strings.ToUpper(v.GetString("region"))
	switch strings.ToLower(v.GetString("date-order")) {
	case "", "auto":
		o.DateOrder = normalize.DateAuto
	case "mdy":
		o.DateOrder = normalize.DateMDY
	case "dmy":
		o.DateOrder = normalize.DateDMY
	default:
		return o, errs.Usagef("use auto, mdy or dmy", "--date-order %q is not a date order", v.GetString("date-order"))
	}
	return o, nil
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

// delimiterName is how inspect and summaries show a delimiter.
func delimiterName(r rune) string {
	switch r {
	case 0:
		return ""
	case '\t':
		return "tab"
	case ',':
		return "comma (,)"
	case ';':
		return "semicolon (;)"
	case '|':
		return "pipe (|)"
	}
	return fmt.Sprintf("%q", r)
}
