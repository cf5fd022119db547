//go:build !unix

package main

import "github.com/rogpeppe/go-internal/testscript"

func interrupt(ts *testscript.TestScript, neg bool, args []string) {
	ts.Skip("signals and named pipes need Unix")
}
