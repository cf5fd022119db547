// Package parseref is a frozen copy of package company's Parse as it was
// before Parse was optimized (commit 62ffc74). It exists only so that
// company's tests can require the optimized Parse to give identical results
// on large corpora; nothing but those tests may import it, and it must not
// be edited to follow behaviour changes in company — when Parse's results
// change on purpose, delete this package and the sameness test with it.
package parseref
