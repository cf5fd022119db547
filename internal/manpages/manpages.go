// Package manpages writes crmkit's man pages (man/*.1) from the Cobra
// command tree, so they say what --help says. The output depends only on
// the tree: no build date, no generator tag, so the committed pages can be
// checked for freshness by a test.
package manpages

import (
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// Revised is the date the pages carry. It is fixed, not the build time,
// so regenerating an unchanged tree gives the same bytes.
var Revised = time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)

// Write writes one page per command of root into dir (crmkit.1,
// crmkit-import.1, …), removing pages of commands that no longer exist.
func Write(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.1"))
	if err != nil {
		return err
	}
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	noTag(root)
	date := Revised
	header := &doc.GenManHeader{
		Title:   "CRMKIT",
		Section: "1",
		Date:    &date,
		Source:  "crmkit",
		Manual:  "crmkit manual",
	}
	return doc.GenManTree(root, header, dir)
}

func noTag(c *cobra.Command) {
	c.DisableAutoGenTag = true
	for _, sub := range c.Commands() {
		noTag(sub)
	}
}
