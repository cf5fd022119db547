// Package sample generates realistic, messy customer exports with known
// duplicates, for tests, benchmarks and the README demo.
//
// A sample is a stream of rows in one CRM's export dialect (纷享销客,
// Salesforce, HubSpot, Zoho, a hand-kept sheet, or crmkit's canonical
// form). Behind the rows are entities — the true customers — some of which
// appear several times the way re-entered records do: legal suffix and
// region form changed, a typo, another phone format, another owner (撞单),
// part of the purchase history. Deliberately similar but distinct
// companies (the same brand in another city, sister companies, common
// contact names) are the hard negatives a matcher must keep apart. The
// truth file maps each row's id to its entity for scoring dedupe.
//
// Output is a pure function of the Config: the same Config (Seed
// included) gives byte-identical output, and nothing reads the clock.
package sample
