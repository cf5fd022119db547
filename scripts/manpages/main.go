// Command manpages writes crmkit's man pages into man/ (or the folder
// given): `go run ./scripts/manpages`. Run by scripts/manpages.sh, go
// generate and goreleaser; a test in cmd/crmkit fails when the committed
// pages are out of date.
package main

import (
	"fmt"
	"os"

	"github.com/crmkit/crmkit/internal/cli"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/manpages"
)

func main() {
	dir := "man"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	root := cli.NewCmdRoot(cli.NewFactory(iostreams.System(), "dev"))
	if err := manpages.Write(root, dir); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
