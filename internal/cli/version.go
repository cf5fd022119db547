package cli

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Build says which crmkit is running. Releases set Version, Commit and Date
// with goreleaser's ldflags; a binary from `go install …@version` or `go
// build` in a checkout fills the gaps from the build info Go embeds.
type Build struct {
	Version, Commit, Date string
}

// resolveBuild fills what the linker did not set from bi (nil when the
// binary carries no build info).
func resolveBuild(b Build, bi *debug.BuildInfo) Build {
	if bi != nil {
		if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		modified, fromVCS := false, false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit, fromVCS = s.Value, true
				}
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if modified && fromVCS {
			b.Commit += "-dirty"
		}
	}
	if b.Version == "" {
		b.Version = "(devel)"
	}
	return b
}

// String is the line `crmkit version` and `crmkit --version` print:
// crmkit v1.4.0 (commit 1a2b3c4d5e6f, built 2026-12-01T10:00:00Z).
func (b Build) String() string {
	version, commit, date := b.Version, b.Commit, b.Date
	if version == "" {
		version = "(devel)"
	}
	if c, dirty := strings.CutSuffix(commit, "-dirty"); len(c) > 12 {
		commit = c[:12]
		if dirty {
			commit += "-dirty"
		}
	}
	if commit == "" {
		commit = "unknown"
	}
	if date == "" {
		date = "unknown"
	}
	return fmt.Sprintf("crmkit %s (commit %s, built %s)", version, commit, date)
}

// NewCmdVersion builds `crmkit version`.
func NewCmdVersion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print crmkit's version, commit and build date",
		Example: `  crmkit version
  crmkit --version`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(f.IO.Out, f.Build.String())
			return err
		},
	}
}
