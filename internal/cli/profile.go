package cli

import (
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/errs"
)

var (
	profileFile *os.File
	memProfile  string
)

// startProfile honours the hidden --cpuprofile and --memprofile flags, so
// a slow run on a user's file can be diagnosed with `go tool pprof`.
func startProfile(cmd *cobra.Command) error {
	memProfile, _ = cmd.Flags().GetString("memprofile")
	path, _ := cmd.Flags().GetString("cpuprofile")
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return errs.Usage(err, "pass a writable path to --cpuprofile")
	}
	profileFile = f
	return pprof.StartCPUProfile(f)
}

func stopProfile() {
	if memProfile != "" {
		if f, err := os.Create(memProfile); err == nil {
			_ = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
		memProfile = ""
	}
	if profileFile != nil {
		pprof.StopCPUProfile()
		profileFile.Close()
		profileFile = nil
	}
}
