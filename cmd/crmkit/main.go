// Command crmkit cleans, de-duplicates, classifies and assigns customer
// lists exported from CRMs and spreadsheets.
package main

import (
	"os"

	"github.com/crmkit/crmkit/internal/cli"
	"github.com/crmkit/crmkit/internal/iostreams"
)

//go:generate sh ../../scripts/completions.sh

// Release builds set these with -ldflags "-X main.version=… -X main.commit=…
// -X main.date=…" (.goreleaser.yaml); otherwise crmkit reads them from the
// build info Go embeds.
var version, commit, date string

func main() {
	os.Exit(cli.MainBuild(iostreams.System(), os.Args[1:], cli.Build{Version: version, Commit: commit, Date: date}))
}
