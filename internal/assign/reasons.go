package assign

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crmkit/crmkit/internal/civil"
)

// texts writes the reason sentences of one language. Every message has a
// Chinese and an English form with the same arguments in the same order.
type texts struct{ en bool }

func (t texts) say(zh, en string, args ...any) string {
	if t.en {
		return fmt.Sprintf(en, args...)
	}
	return fmt.Sprintf(zh, args...)
}

// names joins owner names the way each language lists them.
func (t texts) names(owners []string) string {
	if t.en {
		return strings.Join(owners, ", ")
	}
	return strings.Join(owners, "、")
}

// then joins two clauses of one reason.
func (t texts) then(a, b string) string {
	if t.en {
		return a + "; " + b
	}
	return a + "；" + b
}

func (t texts) kept(owner string) string {
	return t.say("%s 是唯一认领人，保留", "%s is the only claimant; kept", owner)
}

func (t texts) keptValid(owner string, excl []Exclusion) string {
	return t.say("%s 是唯一有效认领人（%s）", "%s is the only valid claimant (%s)", owner, t.exclusions(excl))
}

func (t texts) orphan() string { return t.say("无负责人", "no owner") }

func (t texts) noValidOwner(excl []Exclusion) string {
	return t.say("无有效负责人（%s）", "no valid owner (%s)", t.exclusions(excl))
}

func (t texts) exclusions(excl []Exclusion) string {
	parts := make([]string, len(excl))
	for i, x := range excl {
		parts[i] = x.Owner + t.say("：", ": ") + t.why(x.Why)
	}
	return t.names(parts)
}

func (t texts) why(code string) string {
	switch code {
	case ExcludedInactive:
		return t.say("已离职或停用", "inactive rep")
	case ExcludedUnknown:
		return t.say("不在销售名单中", "not in the reps list")
	case ExcludedCooldown:
		return t.say("收回后冷静期内重新认领", "re-claimed during its cooldown")
	}
	return code
}

func (t texts) override(o *Override) string {
	by := o.DecidedBy
	if by == "" {
		by = t.say("主管", "a manager")
	}
	s := t.say("%s 裁定归 %s", "%s assigned it to %s", by, o.Owner)
	if o.Reason != "" {
		s += t.say("：", ": ") + o.Reason
	}
	return s
}

func (t texts) noOverride() string { return t.say("无主管裁定", "no manager override") }

func (t texts) overrideInactive(owner string) string {
	return t.say("主管裁定的 %s 已离职，不采用", "the override names %s, who is inactive; not applied", owner)
}

func (t texts) noCandidate() string { return t.say("无有效认领人", "no valid claimant") }

func (t texts) noDate(what string) string {
	return t.say("认领人均无%s", "no candidate has a %s", t.dateName(what))
}

func (t texts) dateName(what string) string {
	switch what {
	case "deal":
		return t.say("成交日期", "deal date")
	case "contact":
		return t.say("跟进日期", "follow-up date")
	}
	return t.say("认领日期", "claim date")
}

func (t texts) noDealInWindow(days int) string {
	return t.say("%d 天内无人成交", "no deal within %d days", days)
}

func (t texts) allLapsed(protection, followup, deal int) string {
	return t.say("所有认领均已失效（已过 %d 天保护期，%d 天内未跟进，%d 天内无成交）", "every claim has lapsed (past the %d-day protection, no follow-up within %d days, no deal within %d days)",
		protection, followup, deal)
}

func (t texts) missingClaimDate(owners []string) string {
	return t.say("%s 缺认领日期，无法判断认领是否仍有效、孰先孰后", "%s: claim date missing, so whether the claim is still valid, and which came first, cannot be told",
		t.names(owners))
}

// valid is the reason of the earliest valid claim; by says what keeps it
// valid (deal, followup or protected); only, that no other claim is.
func (t texts) valid(owner string, claimed int, by string, contact, deal int, only bool, p *Policy) string {
	var why string
	switch by {
	case RuleDeal:
		why = t.say("%s 成交（%d 天内）", "closed a deal on %s (within %d days)", fmtDay(deal), p.DealWindowDays)
	case RuleFollowup:
		why = t.say("%s 跟进过（%d 天内）", "followed it up on %s (within %d days)", fmtDay(contact), p.FollowupDays)
	default:
		why = t.say("仍在 %d 天保护期内", "is still inside the %d-day protection period", p.ProtectionDays)
	}
	if only {
		return t.say("%s 于 %s 认领，%s，是唯一仍有效的认领", "%s claimed it on %s and %s: the only claim still valid",
			owner, fmtDay(claimed), why)
	}
	return t.say("%s 于 %s 认领，%s，认领仍有效，是最早的有效认领", "%s claimed it on %s and %s: the earliest claim that is still valid",
		owner, fmtDay(claimed), why)
}

func (t texts) lostOverride(winner string) string {
	return t.say("主管裁定归 %s", "a manager assigned it to %s", winner)
}

func (t texts) lostDeal(window int) string {
	return t.say("%d 天内无成交", "no deal within %d days", window)
}

func (t texts) lostLater(claimed int, winner string) string {
	return t.say("%s 认领，晚于 %s 仍有效的认领；后来的认领不能抢走有效认领的客户", "claimed on %s, after %s's claim, which is still valid; a later claim never takes a customer from a valid one",
		fmtDay(claimed), winner)
}

func (t texts) lostLapsed(claimed, protection, followup, deal int) string {
	return t.say("%s 的认领已失效（已过 %d 天保护期，%d 天内未跟进，%d 天内无成交）", "its claim of %s has lapsed (past the %d-day protection, no follow-up within %d days, no deal within %d days)",
		fmtDay(claimed), protection, followup, deal)
}

func (t texts) lostFollowup(contact int, winner string) string {
	if contact == NoDate {
		return t.say("无跟进记录，%s 有", "no follow-up on record; %s has one", winner)
	}
	return t.say("最近跟进 %s，早于 %s", "last follow-up on %s, before %s's", fmtDay(contact), winner)
}

func (t texts) lostEarliest(claimed int, winner string) string {
	if claimed == NoDate {
		return t.say("无认领日期，%s 有", "no claim date; %s has one", winner)
	}
	return t.say("%s 认领，晚于 %s", "claimed on %s, after %s", fmtDay(claimed), winner)
}

func (t texts) lostTiebreak() string {
	return t.say("证据相同，稳定散列未选中", "evidence tied; the stable hash picked the other claim")
}

// qualifying describes what the candidates of a narrowed step share.
func (t texts) qualifying(rule string, p *Policy) string {
	switch rule {
	case RuleDeal:
		return t.say("%d 天内有成交", "closed a deal within %d days", p.DealWindowDays)
	case RuleValid:
		return t.say("认领仍有效（%d 天保护期内，或 %d 天内跟进、%d 天内成交）", "claims still valid (inside the %d-day protection, or followed up within %d days, or a deal within %d days)",
			p.ProtectionDays, p.FollowupDays, p.DealWindowDays)
	case RuleFollowup:
		return t.say("最近跟进日期相同", "share the latest follow-up date")
	case RuleEarliest:
		return t.say("认领日期相同且最早", "share the earliest claim date")
	}
	return rule
}

func (t texts) narrowed(owners []string, rule string, p *Policy) string {
	return t.say("%s 均符合：%s，由下一条规则决定", "%s all qualify (%s); the next rule decides", t.names(owners), t.qualifying(rule, p))
}

func (t texts) deal(owner string, day, window int) string {
	return t.say("%s 于 %s 成交，在 %d 天成交保护期内，其他认领人没有", "%s closed a deal on %s, within the %d-day deal window; no other candidate did",
		owner, fmtDay(day), window)
}

func (t texts) followup(owner string, day int, other string, otherDay int) string {
	if otherDay == NoDate {
		return t.say("%s 最近跟进 %s，%s 无跟进记录", "%s followed up last on %s; %s has no follow-up", owner, fmtDay(day), other)
	}
	return t.say("%s 最近跟进 %s，晚于 %s 的 %s", "%s followed up last on %s, later than %s on %s", owner, fmtDay(day), other, fmtDay(otherDay))
}

func (t texts) earliest(owner string, day int, other string, otherDay int) string {
	if otherDay == NoDate {
		return t.say("%s 最早认领（%s），%s 无认领日期", "%s claimed it first, on %s; %s has no claim date", owner, fmtDay(day), other)
	}
	return t.say("%s 最早认领（%s），早于 %s 的 %s", "%s claimed it first, on %s, before %s on %s", owner, fmtDay(day), other, fmtDay(otherDay))
}

func (t texts) tiebreak(owner string) string {
	return t.say("证据相同，按客户编号与负责人的稳定散列决定归 %s", "evidence tied; a stable hash of customer id and owner picked %s", owner)
}

func (t texts) onlyCandidate(owner string) string {
	return t.say("%s 是唯一有效认领人", "%s is the only valid claimant", owner)
}

// The reclaim sentences are built by appending rather than with fmt: a
// large share of customers can be reclaimed in one run.

func (t texts) reclaimFollowup(owner string, since, idle, limit int) string {
	b := make([]byte, 0, 128)
	if t.en {
		b = append(b, "reclaimed from "...)
		b = append(b, owner...)
		b = append(b, ": no follow-up since "...)
		b = appendDay(b, since)
		b = append(b, ", "...)
		b = strconv.AppendInt(b, int64(idle), 10)
		b = append(b, " days (limit "...)
		b = strconv.AppendInt(b, int64(limit), 10)
		b = append(b, ')')
		return string(b)
	}
	b = append(b, owner...)
	b = append(b, " 自 "...)
	b = appendDay(b, since)
	b = append(b, " 起 "...)
	b = strconv.AppendInt(b, int64(idle), 10)
	b = append(b, " 天未跟进（上限 "...)
	b = strconv.AppendInt(b, int64(limit), 10)
	b = append(b, " 天），收回公海"...)
	return string(b)
}

func (t texts) reclaimDeal(owner string, claimed, limit int) string {
	b := make([]byte, 0, 128)
	if t.en {
		b = append(b, "reclaimed from "...)
		b = append(b, owner...)
		b = append(b, ": no deal within "...)
		b = strconv.AppendInt(b, int64(limit), 10)
		b = append(b, " days of claiming on "...)
		b = appendDay(b, claimed)
		return string(b)
	}
	b = append(b, owner...)
	b = append(b, " 于 "...)
	b = appendDay(b, claimed)
	b = append(b, " 认领后 "...)
	b = strconv.AppendInt(b, int64(limit), 10)
	b = append(b, " 天内未成交，收回公海"...)
	return string(b)
}

func (t texts) overflow(owner string, held, capacity int) string {
	return t.say("%s 持有 %d 个客户，超过保有量 %d，按收入从低到高退回公海", "%s holds %d customers, above its capacity of %d; returned to the pool, lowest revenue first",
		owner, held, capacity)
}

func (t texts) distributed(rep, strategy, via string) string {
	s := t.say("按%[2]s分配给 %[1]s", "distributed to %[1]s by %[2]s", rep, t.strategy(strategy))
	if via != "" {
		s += t.say("（%s）", " (%s)", via)
	}
	return s
}

func (t texts) strategy(s string) string {
	if t.en {
		return s
	}
	switch s {
	case StrategyRoundRobin:
		return "轮询"
	case StrategyWeighted:
		return "加权轮询"
	case StrategyLeastLoaded:
		return "最少持有"
	case StrategyTerritory:
		return "区域"
	}
	return s
}

func (t texts) territoryMatch(key string) string { return t.say("区域 %s", "territory %s", key) }

func (t texts) territoryFallback() string {
	return t.say("不在任何销售的区域内，交给负责其他区域的销售", "no territory covers it; given to a rep marked for the rest")
}

func (t texts) noTerritory(place string) string {
	if place == "" {
		return t.say("客户无省份或城市，不在任何销售的区域内，留在公海", "the customer has no province or city, so no territory covers it; stays in the pool")
	}
	return t.say("%s 不在任何销售的区域内，留在公海", "no rep's territory covers %s; stays in the pool", place)
}

func (t texts) noStrategy() string {
	return t.say("未配置分配策略，留在公海", "no distribution strategy; stays in the pool")
}
func (t texts) noActiveRep() string {
	return t.say("无在职销售，留在公海", "no active rep; stays in the pool")
}
func (t texts) allFull() string {
	return t.say("所有销售已达保有量上限，留在公海", "all reps at capacity; stays in the pool")
}

func (t texts) cooldownOnly(owner string, until int) string {
	return t.say("只有前负责人 %s 可接，但冷静期至 %s，留在公海", "only the previous owner %s could take it, cooling off until %s; stays in the pool",
		owner, fmtDay(until))
}

// fmtDay writes a civil day as YYYY-MM-DD, or "?" when unknown.
func fmtDay(day int) string {
	return string(appendDay(make([]byte, 0, 10), day))
}

func appendDay(b []byte, day int) []byte {
	if day == NoDate {
		return append(b, '?')
	}
	y, m, d := civil.DateFromDays(day)
	for p := 1000; p > 1 && y < p && y >= 0; p /= 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(y), 10)
	return append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
}
