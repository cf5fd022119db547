package cli

import (
	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/errs"
)

// NewCmdHead builds `crmkit head`: import's first records, for a look at
// a file in a shell (crmkit import --limit N).
func NewCmdHead(f *Factory, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "head FILE...",
		Short: "Write the first records of files as canonical CSV (import --limit N)",
		Long: `Read the files as import does and write their first N records (10 by
default) as canonical CSV, TSV or NDJSON: a quick look at what crmkit makes
of a file. The other records are counted as left out in the closing line.`,
		Example: `  crmkit head 客户列表.csv
  crmkit head -n 3 export.xlsx --select company,phone,owner
  crmkit head -n 5 customers.csv --format ndjson`,
		Args: usageArgs("input files"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := f.Config
			opts.RecordIO = readRecordIO(cmd, args, v)
			n := v.GetInt("rows")
			if n <= 0 {
				return errs.Usagef("pass a number of records, e.g. -n 20", "-n %d: not a number of records", n)
			}
			if opts.View.Limit == 0 || opts.View.Limit > n {
				opts.View.Limit = n
			}
			var err error
			if opts.Ingest, err = f.inputOptions(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return importRun(opts)
		},
	}
	addInputFlags(cmd)
	addViewFlags(cmd)
	cmd.Flags().IntP("rows", "n", 10, "write the first `N` records")
	cmd.Flags().String("format", "", "output format: csv, tsv or ndjson (default: from the -o extension, else csv)")
	cmd.Flags().String("rejects", "", "write unusable rows to `FILE` (default: OUTPUT.rejects.csv, or crmkit-rejects/import.csv when writing to stdout; created only when a row is rejected)")
	return cmd
}
