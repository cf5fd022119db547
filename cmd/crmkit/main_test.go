package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/crmkit/crmkit/internal/cli"
	"github.com/crmkit/crmkit/internal/iostreams"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/script from the actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"crmkit": func() { os.Exit(cli.Main(iostreams.System(), os.Args[1:], "test")) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real
// binary on the real files in testdata. $TESTDATA points at testdata.
func TestScripts(t *testing.T) {
	td, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(td, "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", td)
			return nil
		},
	})
}
