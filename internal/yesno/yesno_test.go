package yesno

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for s, want := range map[string]bool{
		"yes": true, "YES": true, "Y": true, "y": true, "on": true, "On": true, "true": true, "TRUE": true, "1": true, " yes ": true,
		"no": false, "N": false, "n": false, "off": false, "OFF": false, "false": false, "False": false, "0": false,
	} {
		got, err := Parse(s)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "maybe", "2", "t", "f", "yess", "是", "enabled"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted a value that is not on or off", s)
		}
	}
}

func TestParseSettingNamesTheSetting(t *testing.T) {
	_, err := ParseSetting("CRMKIT_STRICT", "maybe")
	var e *Error
	if !errors.As(err, &e) || e.Setting != "CRMKIT_STRICT" {
		t.Fatalf("error %v does not name the setting", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, `CRMKIT_STRICT: "maybe" is not on or off`) || !strings.Contains(msg, "yes/no") {
		t.Errorf("message %q", msg)
	}
}

func TestFromAny(t *testing.T) {
	for _, tt := range []struct {
		v    any
		want bool
		ok   bool
	}{
		{true, true, true}, {false, false, true}, {"yes", true, true}, {"off", false, true},
		{1, true, true}, {0, false, true}, {int64(1), true, true}, {1.0, true, true},
		{2, false, false}, {"sometimes", false, false}, {[]any{"yes"}, false, false},
	} {
		got, err := FromAny("crmkit.yaml: strict", tt.v)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("FromAny(%#v) = %v, %v", tt.v, got, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "crmkit.yaml: strict: ") {
			t.Errorf("FromAny(%#v) error %q does not name the setting", tt.v, err)
		}
	}
}

type boolValue struct{ b bool }

func (v *boolValue) String() string { return strconv.FormatBool(v.b) }
func (v *boolValue) Set(s string) error {
	b, err := strconv.ParseBool(s)
	v.b = b
	return err
}

func TestFlag(t *testing.T) {
	inner := &boolValue{true}
	f := Wrap(inner)
	if f.String() != "true" || f.Type() != "bool" || !f.IsBoolFlag() {
		t.Fatalf("flag %v %v", f.String(), f.Type())
	}
	if err := f.Set("no"); err != nil || inner.b {
		t.Fatalf("Set(no): %v, %v", err, inner.b)
	}
	if err := f.Set("Y"); err != nil || !inner.b {
		t.Fatalf("Set(Y): %v, %v", err, inner.b)
	}
	if err := f.Set("perhaps"); err == nil || !inner.b {
		t.Fatalf("Set(perhaps) = %v and changed the value to %v", err, inner.b)
	}
}
