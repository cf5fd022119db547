// Package similar holds the field comparators the dedupe engine runs on
// candidate pairs of customer records: string metrics on runes (Jaro-Winkler,
// Levenshtein, bigram Dice, token Monge-Elkan), Soundex, and graded
// comparisons of contact-person names and street addresses, Chinese and
// English.
//
// Inputs are expected to be normalized by import already (whitespace
// collapsed, full-width letters and digits folded); the comparators still
// tolerate raw text. Every comparator is symmetric: f(a, b) == f(b, a)
// exactly, which the tests and fuzz targets check. Where an algorithm is
// greedy (Jaro matching, pairing English name tokens), the arguments are put
// in a canonical order first so symmetry holds by construction.
//
// The metrics work on up to stackRunes runes without allocating; longer
// strings fall back to the heap.
package similar
