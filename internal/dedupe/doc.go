// Package dedupe finds the records that describe the same customer and
// merges each group into one record, explaining every decision.
//
// The engine runs in these steps, each in its own file:
//
//  0. roles: each column's role (company, name parts, birth date, phone,
//     e-mail, address, city, province, postcode, identity code; or not
//     compared) from its header, else its values.
//  1. profile: every record is reduced once to what matching needs —
//     phones as digit strings, e-mails, the company name taken apart by
//     package company, the contact name, an address key, the city
//     (traditional Chinese folded to simplified).
//  2. block: every profile emits a few blocking keys (a phone's last
//     seven digits, an e-mail, the company core and its one-character
//     deletions, tokens, the contact name, the house number, …). Only
//     records sharing a key are compared, so cost grows with the number
//     of records rather than its square; oversized blocks are compared
//     in a sorted window instead of all pairs.
//  3. compare and score: each candidate pair is compared field by field;
//     each comparison gives a Level (same, similar, partial, different,
//     conflict, missing) worth a weight in bits. The sum, plus a prior,
//     is the pair's match weight; its logistic is the score in [0,1].
//     The weights are learned from the file (learn.go: Fellegi–Sunter,
//     EM on the candidate pairs) unless a model is given.
//  4. cluster: pairs at or above the match threshold are joined strongest
//     first. Pairs with clear evidence against them are cannot-links: two
//     groups are never joined when a cannot-link runs between them, nor
//     while the pairs compared between them score below 0.25 on
//     average, which keeps a weak chain from gluing two distinct
//     companies together.
//  5. survive: each cluster becomes one record by per-field rules (most
//     complete record's value, longest, most recent, sum, min, max,
//     union), keeping every phone and e-mail, every owner and the ids it
//     was merged from.
//
// Output is deterministic: pairs are generated, scored and clustered in a
// fixed order whatever the number of workers.
package dedupe
