// Package errs holds the typed errors that decide crmkit's exit codes and
// carry a hint a sales admin can act on. Domain packages wrap their errors
// with these; only main turns them into exit codes and printed messages.
package errs

import (
	"errors"
	"fmt"
)

// Kind classifies an error for the exit code.
type Kind int

const (
	// KindData is bad input data or an unreadable file (exit 1).
	KindData Kind = iota
	// KindUsage is a wrong flag, argument or config value (exit 2).
	KindUsage
)

// Error is an error with a kind and an optional hint.
type Error struct {
	Kind Kind
	Err  error
	Hint string
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Data wraps err as a data error with a hint (hint may be empty).
func Data(err error, hint string) error {
	if err == nil {
		return nil
	}
	return &Error{Kind: KindData, Err: err, Hint: hint}
}

// Usage wraps err as a usage error with a hint (hint may be empty).
func Usage(err error, hint string) error {
	if err == nil {
		return nil
	}
	return &Error{Kind: KindUsage, Err: err, Hint: hint}
}

// Usagef formats a usage error with a hint.
func Usagef(hint, format string, args ...any) error {
	return Usage(fmt.Errorf(format, args...), hint)
}

// Dataf formats a data error with a hint.
func Dataf(hint, format string, args ...any) error {
	return Data(fmt.Errorf(format, args...), hint)
}

// HintOf returns the first hint found in err's chain, or "".
func HintOf(err error) string {
	for err != nil {
		var e *Error
		if !errors.As(err, &e) {
			return ""
		}
		if e.Hint != "" {
			return e.Hint
		}
		err = e.Err
	}
	return ""
}

// IsUsage reports whether err is a usage error.
func IsUsage(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == KindUsage
}

// ErrRejected is returned when a run finished but rows were rejected and
// --strict was given (exit 3).
var ErrRejected = errors.New("some rows were rejected")
