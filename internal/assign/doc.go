// Package assign decides who owns every customer: it resolves ownership
// disputes (撞单, 同事抢客户), reclaims neglected customers to the public pool
// (公海), and distributes pool and orphan customers to reps within their
// caps (保有量). It is pure domain logic: the CLI reads records, builds
// Customers, Reps and Overrides, calls Assign and writes the Plan.
//
// The order of work for each customer, in input order:
//
//  1. Candidates. Claims of the same owner are merged into one candidate
//     (earliest claim, latest contact, latest deal). When reps are given, a
//     claim by an unknown or inactive rep, or by the previous owner during its
//     cooldown, is not a valid candidate; it stays in the audit (Candidates,
//     Excluded).
//  2. Resolution. No valid candidate: the customer goes to the pool. One
//     valid candidate and no override: it is kept (rule "kept"). Otherwise the
//     resolution chain runs (see Policy.Chain): each rule looks at the
//     remaining candidates and either abstains (it lacks the data it needs,
//     or no candidate qualifies: candidates unchanged), narrows (several
//     qualify: only they go on; this is also the outcome when all qualify, e.g.
//     two claims with a deal in the window, and the next rule then decides
//     between them), or decides (exactly one qualifies). tiebreak is always
//     last and always decides. The valid rule keeps the earliest claim that
//     is still valid (inside protection, followed up within FollowupDays or
//     a deal in the deal window): a later claim never takes a customer from
//     it. A candidate lacking the date a rule compares does not qualify for
//     that rule; when the rule cannot tell without it, it abstains and says
//     whose date is missing. A decided dispute's reason names each losing
//     claim (the 撞单) and why it lost.
//  3. Reclaim, only when Policy.Reclaim.Enabled. The winner loses the
//     customer to the pool when it had no follow-up for more than
//     NoFollowupDays, or no deal on or after its claim although the claim is
//     more than NoDealDays old (days per tier or grade, see ReclaimPolicy).
//     A manager override is never reclaimed.
//  4. Capacity. A rep holding more than its Capacity after steps 1–3 is a
//     policy error, unless Overflow is "keep" or "pool".
//  5. Distribution. Pool customers (orphans, invalid owners, reclaimed,
//     overflow) are handed out by Policy.Strategy, in input order, never to a
//     rep at capacity, an inactive rep, or the previous owner in its cooldown;
//     by territory, the default when reps have territories, never outside
//     the customer's territory (reps marked 其他 take what none covers). A
//     customer nobody can take stays in the pool with the reason.
//
// Plan.Moves counts the customers that had an owner and end with another
// (or in the pool), by cause. ParseClaims and SettleClaims read and write
// dedupe's claims column, where settled claims are remembered.
//
// Nothing is dropped: every customer ends with exactly one owner or in the
// pool, and its Decision says which rule put it there and why, in Chinese or
// English. The same input in the same order gives the same Plan.
package assign
