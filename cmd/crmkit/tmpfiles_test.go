package main

import (
	"path/filepath"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
)

// tmpfiles TARGET N checks that N hidden temporary files of TARGET
// (.TARGET.tmp-*) are in the work directory.
func tmpfiles(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: tmpfiles TARGET N")
	}
	matches, err := filepath.Glob(ts.MkAbs("." + args[0] + ".tmp-*"))
	ts.Check(err)
	if strconv.Itoa(len(matches)) != args[1] {
		ts.Fatalf("%d temporary files of %s (%v), want %s", len(matches), args[0], matches, args[1])
	}
}
