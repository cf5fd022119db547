package assign

import (
	"strings"

	"github.com/crmkit/crmkit/internal/civil"
)

// The claims column (dedupe's, see dedupe.ColumnClaims) lists every claim
// on a customer, one per merged record: owner|claimed_at|last_contact_at|
// last_purchase_at, joined by ";". Assign remembers what it settled there:
// a claim that lost (a dispute, a reclaim, a customer handed to another
// rep) gets a fifth field, "settled:DATE". A settled claim is no longer a
// candidate, nor is the same claim (same owner and claim date) brought in
// again by a later export; only a new claim reopens the customer.

// settledMark starts the fifth field of a settled claim.
const settledMark = "settled:"

// ParseClaims appends to dst the open claims of a claims column: items
// with an owner, less the settled ones and their repeats.
func ParseClaims(list string, dst []Claim) []Claim {
	var settled []Claim
	if strings.Contains(list, settledMark) {
		for item := range strings.SplitSeq(list, ";") {
			if c, isSettled, ok := parseClaim(item); ok && isSettled {
				settled = append(settled, c)
			}
		}
	}
	for item := range strings.SplitSeq(list, ";") {
		c, isSettled, ok := parseClaim(item)
		if !ok || isSettled || sameClaimIn(settled, c) {
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

func sameClaimIn(list []Claim, c Claim) bool {
	for _, s := range list {
		if s.Owner == c.Owner && s.ClaimedAt == c.ClaimedAt {
			return true
		}
	}
	return false
}

func parseClaim(item string) (c Claim, settled, ok bool) {
	var buf [5]string
	parts, owner, settled, ok := claimParts(item, &buf)
	if !ok {
		return c, false, false
	}
	c = Claim{Owner: owner, ClaimedAt: claimDay(parts[1]), LastContactAt: claimDay(parts[2]), LastDealAt: claimDay(parts[3])}
	return c, settled, true
}

// claimParts cuts a claim item into its parts, its owner trimmed, and
// says whether it is settled; false when it is no claim (not four or five
// parts, or no owner).
func claimParts(item string, buf *[5]string) (parts []string, owner string, settled, ok bool) {
	parts, ok = splitClaim(item, buf)
	if !ok || (len(parts) != 4 && len(parts) != 5) {
		return nil, "", false, false
	}
	owner = strings.TrimSpace(parts[0])
	if owner == "" {
		return nil, "", false, false
	}
	return parts, owner, len(parts) == 5 && strings.HasPrefix(strings.TrimSpace(parts[4]), settledMark), true
}

// splitClaim cuts item at "|" into buf, as strings.Split would, without
// allocating (a claims column is parsed for every record, twice); false
// when item has more parts than buf holds.
func splitClaim(item string, buf *[5]string) ([]string, bool) {
	n := 0
	for {
		if n == len(buf) {
			return nil, false
		}
		i := strings.IndexByte(item, '|')
		if i < 0 {
			buf[n] = item
			return buf[:n+1], true
		}
		buf[n], item = item[:i], item[i+1:]
		n++
	}
}

func claimDay(s string) int {
	if d, ok := civil.ParseDate(strings.TrimSpace(s)); ok {
		return d
	}
	return NoDate
}

// claimSeparators blanks the separators of the claims column in an owner's
// name (built once: SettleClaims may need it for every record).
var claimSeparators = strings.NewReplacer("|", " ", ";", " ")

// SettleClaims rewrites a claims column after d: every open claim of an
// owner other than d.Owner is marked settled on asOf, and a new owner who
// had no claim gets one claimed on claimedAt (a YYYY-MM-DD date). A list
// with nothing to settle comes back as it is.
func SettleClaims(list string, d *Decision, asOf, claimedAt string) string {
	if list == "" {
		return list
	}
	// A column is settled for every record written: tell first, without
	// allocating, whether there is anything to change.
	change, hasOwner := false, false
	for item := range strings.SplitSeq(list, ";") {
		owner, settled, ok := claimOwner(item)
		switch {
		case !ok || settled:
		case owner == d.Owner:
			hasOwner = true
		default:
			change = true
		}
	}
	if !change && (hasOwner || d.Owner == "") {
		return list
	}
	var b strings.Builder
	b.Grow(len(list) + 64)
	first := true
	for item := range strings.SplitSeq(list, ";") {
		if !first {
			b.WriteByte(';')
		}
		first = false
		if owner, settled, ok := claimOwner(item); ok && !settled && owner != d.Owner {
			b.WriteString(strings.TrimSpace(item))
			b.WriteString("|" + settledMark)
			b.WriteString(asOf)
		} else {
			b.WriteString(item)
		}
	}
	if d.Owner != "" && !hasOwner {
		b.WriteByte(';')
		b.WriteString(claimSeparators.Replace(d.Owner))
		b.WriteByte('|')
		b.WriteString(claimedAt)
		b.WriteString("||")
	}
	return b.String()
}

// claimOwner is parseClaim without the dates.
func claimOwner(item string) (owner string, settled, ok bool) {
	var buf [5]string
	_, owner, settled, ok = claimParts(item, &buf)
	return owner, settled, ok
}

// ClaimKnown reports whether the claims column already holds owner's
// claim of claimedAt (a date as the column writes it), settled or not: a
// later export repeating it brings no new dispute.
func ClaimKnown(list, owner, claimedAt string) bool {
	day := claimDay(claimedAt)
	for item := range strings.SplitSeq(list, ";") {
		if c, _, ok := parseClaim(item); ok && c.Owner == owner && c.ClaimedAt == day {
			return true
		}
	}
	return false
}
