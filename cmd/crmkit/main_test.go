package main

import (
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
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
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"genfile": genfile,
		},
	})
}

// genfile KIND SIZE FILE writes a hostile input too big to keep in the
// repository: "garbage" is deterministic random bytes, "longline" one CSV
// line of SIZE bytes with no newline, "longcell" a header and a row whose
// last cell fills the rest of SIZE bytes.
func genfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: genfile garbage|longline|longcell|latebinary SIZE FILE")
	}
	size, err := strconv.Atoi(args[1])
	ts.Check(err)
	buf := make([]byte, size)
	switch args[0] {
	case "garbage":
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range buf {
			buf[i] = byte(rng.Uint32())
		}
	case "longline":
		for i := range buf {
			buf[i] = "客户名称,手机,"[i%len("客户名称,手机,")]
		}
	case "longcell":
		head := "客户名称,备注\n华强电子,"
		copy(buf, head)
		for i := len(head); i < len(buf); i++ {
			buf[i] = 'x'
		}
	case "latebinary":
		// Good rows past the sniffing window, then binary data: the run
		// fails midway, after output has started.
		n := copy(buf, "客户名称,手机\n")
		for n < len(buf)/2 {
			n += copy(buf[n:], "华强电子,13812345678\n")
		}
		for i := n; i < len(buf); i++ {
			buf[i] = 0
		}
	default:
		ts.Fatalf("genfile: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), buf, 0o644))
}
