package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/iostreams"
)

// Exit codes, as documented in the README.
const (
	ExitOK       = 0
	ExitError    = 1
	ExitUsage    = 2
	ExitRejected = 3
)

// Main runs crmkit with args and returns the exit code. It is the one place
// where errors become messages and exit codes.
func Main(streams *iostreams.IOStreams, args []string, version string) int {
	return MainBuild(streams, args, Build{Version: version})
}

// MainBuild is Main for a binary that knows its commit and build date
// (release builds set them with ldflags).
func MainBuild(streams *iostreams.IOStreams, args []string, build Build) int {
	bi, _ := debug.ReadBuildInfo()
	build = resolveBuild(build, bi)
	ctx, sig, stop := interruptContext(streams)
	defer stop()

	f := NewFactory(streams, build.Version)
	f.Build = build
	root := NewCmdRoot(f)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if s := sig(); s != 0 { // issue 18: interrupted, whatever the step returned
		code := interruptedExit(streams, s, err)
		// The summary says so: status failed, the signal named.
		if err == nil {
			err = fmt.Errorf("interrupted by %s after the run had finished; its outputs are complete", signalName(s))
		} else {
			err = fmt.Errorf("interrupted by %s: %w", signalName(s), err)
		}
		return f.finishRun(err, code)
	}
	err = f.attributeSetting(cmd, err)
	return f.finishRun(err, exitCode(streams, err))
}

// exitCode prints err (error: …, hint: …) and returns the exit code it
// means.
func exitCode(streams *iostreams.IOStreams, err error) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, errs.ErrRejected) {
		return ExitRejected
	}
	fmt.Fprintf(streams.ErrOut, "error: %s\n", err)
	hint := errs.HintOf(err)
	var typed *errs.Error
	usage := errs.IsUsage(err) || (!errors.As(err, &typed) && isCobraUsageError(err))
	if hint == "" && usage {
		hint = "run `crmkit --help` for commands and flags"
	}
	if hint != "" {
		fmt.Fprintf(streams.ErrOut, "hint: %s\n", hint)
	}
	if errors.Is(err, context.Canceled) {
		return ExitError
	}
	if usage {
		return ExitUsage
	}
	return ExitError
}

// isCobraUsageError recognises the errors Cobra returns for an unknown
// command or a wrong number of arguments, which carry no type.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "unknown flag", "unknown shorthand", "invalid argument"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}
