// Command crmkit cleans, de-duplicates, classifies and assigns customer
// lists exported from CRMs and spreadsheets.
package main

import (
	"os"

	"github.com/crmkit/crmkit/internal/cli"
	"github.com/crmkit/crmkit/internal/iostreams"
)

//go:generate sh ../../scripts/completions.sh

// version is set at release time with -ldflags "-X main.version=…".
var version = ""

func main() {
	os.Exit(cli.Main(iostreams.System(), os.Args[1:], version))
}
