package stage

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/assign"
	"github.com/crmkit/crmkit/internal/civil"
)

// The audit's rows, built by hand, are those fmt makes: every date format
// (including years fmt pads or signs), unknown dates, any number of
// candidates and steps, both languages.
func TestAuditRowIsFmt(t *testing.T) {
	fmtDate := func(d int) string {
		if d == assign.NoDate {
			return "-"
		}
		y, m, dd := civil.DateFromDays(d)
		return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
	}
	want := func(c *assign.Customer, label CustomerLabel, d *assign.Decision, lang string) []string {
		var cands, steps []string
		for _, cl := range d.Candidates {
			cands = append(cands, InLang(lang)(
				fmt.Sprintf("%s（认领 %s，跟进 %s，成交 %s）", cl.Owner, fmtDate(cl.ClaimedAt), fmtDate(cl.LastContactAt), fmtDate(cl.LastDealAt)),
				fmt.Sprintf("%s (claimed %s, contact %s, deal %s)", cl.Owner, fmtDate(cl.ClaimedAt), fmtDate(cl.LastContactAt), fmtDate(cl.LastDealAt))))
		}
		for _, s := range d.Steps {
			steps = append(steps, fmt.Sprintf("%s: %s (%s)", s.Rule, s.Outcome, s.Detail))
		}
		dispute := ""
		if d.Dispute {
			dispute = "yes"
		}
		return []string{c.ID, label.ID, label.Company, strings.Join(cands, " / "), d.Previous, d.Owner, d.Rule, d.Reason, dispute, strings.Join(steps, " → ")}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	days := []int{assign.NoDate, 0, -1, -719468, -719469, 2932896, 2932897, 20454, 10957}
	day := func() int {
		if rng.IntN(3) == 0 {
			return days[rng.IntN(len(days))]
		}
		return rng.IntN(80000) - 20000
	}
	for i := range 3000 {
		d := &assign.Decision{Owner: "张伟", Previous: "李娜;张伟", Rule: "deal", Reason: "最近成交", Dispute: i%2 == 0}
		for range rng.IntN(4) {
			d.Candidates = append(d.Candidates, assign.Claim{Owner: fmt.Sprint("rep", rng.IntN(9)), ClaimedAt: day(), LastContactAt: day(), LastDealAt: day()})
		}
		for range rng.IntN(4) {
			d.Steps = append(d.Steps, assign.Step{Rule: "followup", Outcome: "tie", Detail: fmt.Sprint("跟进 ", rng.IntN(99))})
		}
		c := &assign.Customer{ID: fmt.Sprint("K", i)}
		label := CustomerLabel{ID: fmt.Sprint("C", i), Company: "公司"}
		for _, lang := range []string{"zh", "en"} {
			if got, want := auditRow(c, label, d, lang), want(c, label, d, lang); !slices.Equal(got, want) {
				t.Fatalf("%s:\n got  %q\n want %q", lang, got, want)
			}
		}
	}
}
