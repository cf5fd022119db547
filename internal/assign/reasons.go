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

func (t texts) noneProtected(days int) string {
	return t.say("无认领在 %d 天保护期内", "no claim is inside the %d-day protection period", days)
}

// qualifying describes what the candidates of a narrowed step share.
func (t texts) qualifying(rule string, p *Policy) string {
	switch rule {
	case RuleDeal:
		return t.say("%d 天内有成交", "closed a deal within %d days", p.DealWindowDays)
	case RuleProtected:
		return t.say("认领在 %d 天保护期内", "claimed inside the %d-day protection period", p.ProtectionDays)
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

func (t texts) protected(owner string, day, days int) string {
	return t.say("%s 于 %s 认领，仍在 %d 天保护期内，其他认领已过保护期", "%s claimed it on %s, still inside the %d-day protection period; the other claims are older",
		owner, fmtDay(day), days)
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
	return t.say("无可接的区域销售，改按最少持有", "no territory rep could take it; least-loaded among all")
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
