package assign

// Claim is one owner's claim on a customer; dates are civil day numbers
// (civil.DaysFromDate) or NoDate.
type Claim struct {
	Owner                                string
	ClaimedAt, LastContactAt, LastDealAt int
}

// Customer is what Assign needs to know about one customer (one dedupe
// cluster).
type Customer struct {
	ID string
	// Owner is who owns the customer in the input, before this run (""
	// when nobody does): a run that gives it to someone else, or to the
	// pool, moves it (Plan.Moves).
	Owner string
	// Claims: none = an orphan; several distinct owners = a dispute. Claims
	// of the same owner are one candidate (earliest claim, latest contact,
	// latest deal). A claim with an empty owner is ignored.
	Claims                   []Claim
	Tier, Grade              string // as classify writes them (高/high, 重要/key …), "" if unknown
	Province, City, Industry string
	Company                  string // its name, for the region it starts with when Province and City are empty
	Revenue                  float64
	// PreviousOwner lost the customer to the pool on ReclaimedAt in an
	// earlier run; it cannot get it back within Policy.CooldownDays.
	PreviousOwner string
	ReclaimedAt   int
}

// Exclusion is a claim that is not a valid candidate, and why.
type Exclusion struct {
	Owner string
	Why   string // ExcludedInactive, ExcludedUnknown or ExcludedCooldown
}

// Why codes of an Exclusion.
const (
	ExcludedInactive = "inactive" // the rep is marked inactive
	ExcludedUnknown  = "unknown"  // reps were given and this owner is not among them
	ExcludedCooldown = "cooldown" // the previous owner re-claimed within its cooldown
)

// Step outcomes.
const (
	OutcomeAbstain  = "abstain"  // the rule lacked data or nobody qualified: candidates unchanged
	OutcomeNarrowed = "narrowed" // several qualified: only they go on
	OutcomeDecided  = "decided"  // exactly one qualified: it wins
)

// Step is what one rule of the chain did for one dispute.
type Step struct {
	Rule, Outcome, Detail string // Detail says why, in Policy.Lang
}

// Decision is the outcome for one customer, with its audit trail.
type Decision struct {
	Owner string // "" = in the pool
	// Previous is who claimed the customer before this run: the claimant,
	// or for a dispute every distinct claimant in claim order joined by ";";
	// "" for an orphan. It is what the output's owner_previous holds.
	Previous string
	Rule     string // reason code: a chain rule, or kept, reclaim-followup, reclaim-deal, overflow, distributed, pool
	Reason   string // one sentence in Policy.Lang naming the evidence
	Dispute  bool   // more than one distinct owner claimed it
	Steps    []Step // the chain's outcome per rule it ran (disputes and overrides only)
	// Candidates are the claims merged per owner, invalid ones included;
	// for a single claim it shares the customer's Claims.
	Candidates []Claim
	Excluded   []Exclusion // candidates that were not valid, and why
	// PoolRule says why the customer went to the pool in this run (pool,
	// reclaim-followup, reclaim-deal, overflow), even if it was then
	// distributed; "" when it never did.
	PoolRule string
	// ReclaimedFrom is the owner the customer was reclaimed from in this
	// run: the CLI stores it with Policy.AsOf as the next run's
	// PreviousOwner and ReclaimedAt, so the cooldown outlives the run.
	ReclaimedFrom string
}

// Plan is the result of Assign.
type Plan struct {
	Decisions []Decision // index-aligned with the customers
	// Before counts customers per owner before the run (Customer.Owner);
	// a customer without one counts for each of its claimants, so Before
	// may then sum to more than the customers. After counts each customer
	// once. "" = the pool.
	Before, After map[string]int
	ByRule        map[string]int // decisions per final Rule
	Disputes      int
	// Owned counts the customers that had an owner (Customer.Owner) before
	// the run; Moves counts those whose owner changed, by cause (see
	// MoveCause).
	Owned int
	Moves map[string]int
	// UnusedOverrides name customers that are not in the input (stale or
	// mistyped ids): the CLI should warn about them.
	UnusedOverrides []Override
}
