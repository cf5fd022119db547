package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/record"
)

// NewCmdFields builds `crmkit fields`: the canonical fields, what their
// values become, and the headers crmkit maps to them, so a user can write
// --map without guessing.
func NewCmdFields(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "fields",
		Short: "List the canonical fields and the headers crmkit maps to each",
		Example: `  crmkit fields
  crmkit fields | grep -i owner`,
		Long: `List crmkit's canonical fields in canonical CSV order, how their values are
normalized, and the headers (case, spaces, full-width forms and (必填) marks
ignored) that map to each. Use a field name on the right of --map:
  crmkit import export.csv --map 'Umsatz=total_revenue'
Amount headers may carry a unit in brackets: 成交金额(元), 成交金额（万元）
(× 10,000), Amount (USD). Country and currency columns are kept and also
read: Country, Mailing Country, 国家/地区 set the row's phone region;
Currency, 币种 the currency of its amounts. The first country column is
written as country, a creation date (Create Date, CreatedDate, 创建时间) as
created_at, a website (Website, Website URL, Company Domain Name, 网址, 官网)
as website: its domain is evidence for dedupe, like a company e-mail domain.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			w := f.IO.Out
			fmt.Fprintln(w, "field\tkind\tknown headers")
			for _, fl := range record.Fields() {
				if _, err := fmt.Fprintf(w, "%s\t%s\t%s\n", fl, kindName(fl.Kind()), strings.Join(record.Synonyms(fl), ", ")); err != nil {
					return err
				}
			}
			_, err := fmt.Fprintf(w, "%s\tkept; sets phone region\t%s\n%s\tkept; currency of amounts\t%s\n%s\tkept; date\t%s\n%s\tkept; domain is dedupe evidence\t%s\n",
				record.CountryColumn, strings.Join(record.RoleHeaders(record.RoleCountry), ", "),
				record.CurrencyColumn, strings.Join(record.RoleHeaders(record.RoleCurrency), ", "),
				record.CreatedColumn, strings.Join(record.RoleHeaders(record.RoleCreated), ", "),
				record.WebsiteColumn, strings.Join(record.RoleHeaders(record.RoleWebsite), ", "))
			return err
		},
	}
}

func kindName(k record.Kind) string {
	switch k {
	case record.KindCode:
		return "code"
	case record.KindPhone:
		return "phones (E.164, ; between)"
	case record.KindEmail:
		return "e-mails (; between)"
	case record.KindDate:
		return "date (ISO 8601)"
	case record.KindAmount:
		return "amount (yuan)"
	case record.KindCount:
		return "count"
	case record.KindList:
		return "list (; between)"
	}
	return "text"
}
