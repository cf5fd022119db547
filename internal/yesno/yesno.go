// Package yesno is crmkit's one reader of on/off settings, for flags,
// CRMKIT_* variables and crmkit.yaml alike: yes/no, on/off, y/n,
// true/false and 1/0 in any case. Anything else is an error naming the
// setting, never a silent "off" (CRMKIT_STRICT=yes once turned strict off).
package yesno

import (
	"fmt"
	"strconv"
	"strings"
)

// Accepted lists the spellings, for messages and help.
const Accepted = "yes/no, on/off, y/n, true/false, 1/0"

// Parse reads s as on (true) or off (false).
func Parse(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "on", "true", "1":
		return true, nil
	case "no", "n", "off", "false", "0":
		return false, nil
	}
	return false, fmt.Errorf("%q is not on or off (%s)", s, Accepted)
}

// Error is a value that is not on or off, with the setting it was given
// to: a flag (--strict), a variable (CRMKIT_STRICT) or a config key
// (crmkit.yaml: strict).
type Error struct {
	Setting string
	Value   string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: %q is not on or off (%s)", e.Setting, e.Value, Accepted)
}

// ParseSetting reads s as Parse does; the error names setting.
func ParseSetting(setting, s string) (bool, error) {
	b, err := Parse(s)
	if err != nil {
		return false, &Error{Setting: setting, Value: s}
	}
	return b, nil
}

// FromAny reads a decoded config value: a YAML boolean, a number 0 or 1,
// or a string Parse accepts. The error names setting.
func FromAny(setting string, v any) (bool, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case string:
		return ParseSetting(setting, x)
	case int:
		return ParseSetting(setting, strconv.Itoa(x))
	case int64:
		return ParseSetting(setting, strconv.FormatInt(x, 10))
	case uint64:
		return ParseSetting(setting, strconv.FormatUint(x, 10))
	case float64:
		return ParseSetting(setting, strconv.FormatFloat(x, 'g', -1, 64))
	}
	return false, &Error{Setting: setting, Value: fmt.Sprint(v)}
}

// Value is a flag's value as the flag package holds it.
type Value interface {
	String() string
	Set(string) error
}

// Flag is a command-line flag read by Parse: --strict alone is on,
// --strict=no off. It satisfies pflag.Value; it wraps the flag's own
// value, so the flag keeps its default and its type.
type Flag struct{ inner Value }

// Wrap returns a Flag that reads the flag's value with Parse and stores
// it in inner as "true" or "false".
func Wrap(inner Value) *Flag { return &Flag{inner: inner} }

func (f *Flag) String() string { return f.inner.String() }

// Set reads the flag's value; pflag names the flag in the error.
func (f *Flag) Set(s string) error {
	b, err := Parse(s)
	if err != nil {
		return err
	}
	return f.inner.Set(strconv.FormatBool(b))
}

// Type is "bool", so help and completion treat it as a switch.
func (f *Flag) Type() string { return "bool" }

// IsBoolFlag tells the flag package the value may be left out.
func (f *Flag) IsBoolFlag() bool { return true }
