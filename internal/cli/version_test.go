package cli

import (
	"runtime/debug"
	"testing"
)

func TestResolveBuild(t *testing.T) {
	vcs := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/crmkit/crmkit/cmd/crmkit", Version: "v1.4.0"},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-12-01T10:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	devel := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}
	for _, c := range []struct {
		name string
		in   Build
		bi   *debug.BuildInfo
		want string
	}{
		{"go install @version", Build{}, &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}},
			"crmkit v1.4.0 (commit unknown, built unknown)"},
		{"go build in a checkout", Build{}, vcs, "crmkit v1.4.0 (commit 0123456789ab-dirty, built 2026-12-01T10:00:00Z)"},
		{"goreleaser ldflags win", Build{Version: "1.5.0", Commit: "fedcba9876543210fedcba9876543210fedcba98", Date: "2026-12-05T08:00:00Z"}, vcs,
			"crmkit 1.5.0 (commit fedcba987654, built 2026-12-05T08:00:00Z)"},
		{"no build info", Build{}, nil, "crmkit (devel) (commit unknown, built unknown)"},
		{"devel build", Build{}, devel, "crmkit (devel) (commit unknown, built unknown)"},
	} {
		if got := resolveBuild(c.in, c.bi).String(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
