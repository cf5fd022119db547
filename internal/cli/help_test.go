package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/crmkit/crmkit/internal/iostreams"
)

// TestEveryCommandHelpHasExitCodesAndExamples: --help of every command
// lists the exit codes (with the --fail-on ones) and shows examples.
func TestEveryCommandHelpHasExitCodesAndExamples(t *testing.T) {
	streams, _, _, _ := iostreams.Test()
	root := NewCmdRoot(NewFactory(streams, "test"))
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" {
			return
		}
		n++
		if !strings.Contains(c.Long, "Exit codes:") || !strings.Contains(c.Long, "4  --fail-on review") {
			t.Errorf("%s --help lists no exit codes", c.CommandPath())
		}
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s --help has no examples", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 15 {
		t.Errorf("only %d commands", n)
	}
}
