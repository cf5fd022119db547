// Package report owns the summary tables of `crmkit report`: it folds a
// stream of classified customers into per-class counters (tiers, owners,
// lifecycle stages, RFM segments), turns them and import's data-quality
// counts into format-independent Tables, and renders those as terminal
// tables, CSV, TSV, Markdown, HTML or JSON.
//
// A Builder keeps O(1) memory per class and per owner, not per customer,
// except for the top-N lists, so a report over a million customers is one
// streaming pass.
package report
