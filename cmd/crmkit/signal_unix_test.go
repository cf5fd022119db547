//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// interrupt SIGNAL CODE FIFO FEED -- ARGS... runs crmkit ARGS as another
// process reading FIFO, a named pipe it creates. Once crmkit has opened
// the pipe and read FEED from it, and waits for more (a long step), it
// sends SIGNAL (INT, TERM or KILL) and checks the exit code: CODE, or
// "killed". crmkit's stdout and stderr become the command's.
func interrupt(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 6 || args[4] != "--" {
		ts.Fatalf("usage: interrupt INT|TERM|KILL CODE FIFO FEED -- ARGS...")
	}
	sig := map[string]syscall.Signal{"INT": syscall.SIGINT, "TERM": syscall.SIGTERM, "KILL": syscall.SIGKILL}[args[0]]
	if sig == 0 {
		ts.Fatalf("unknown signal %s", args[0])
	}
	fifo := ts.MkAbs(args[2])
	ts.Check(syscall.Mkfifo(fifo, 0o600))
	feed, err := os.ReadFile(ts.MkAbs(args[3]))
	ts.Check(err)

	bin, err := lookPath("crmkit", ts.Getenv("PATH"))
	ts.Check(err)
	cmd := exec.Command(bin, args[5:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = append(os.Environ(), "PATH="+ts.Getenv("PATH"), "HOME="+ts.Getenv("HOME"))
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	ts.Check(cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Opening a pipe for writing fails (ENXIO) until a reader has it open:
	// then crmkit is running its command, signal handling in place.
	var w *os.File
	for w == nil {
		f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		switch {
		case err == nil:
			w = f
		case errors.Is(err, syscall.ENXIO):
			select {
			case err := <-exited:
				ts.Fatalf("crmkit exited before reading %s: %v\n%s", args[2], err, stderr.String())
			case <-time.After(10 * time.Millisecond):
			}
		default:
			ts.Fatalf("open %s: %v", fifo, err)
		}
	}
	defer w.Close() // no end of input before the signal
	_, err = w.Write(feed)
	ts.Check(err)
	// Wait until crmkit has read all of it (the pipe is empty) and waits.
	for {
		n, err := pipeBuffered(w)
		ts.Check(err)
		if n == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	ts.Check(cmd.Process.Signal(sig))
	err = <-exited
	fmt.Fprint(ts.Stdout(), stdout.String())
	fmt.Fprint(ts.Stderr(), stderr.String())
	got := "0"
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			got = "killed"
		} else {
			got = strconv.Itoa(ee.ExitCode())
		}
	} else if err != nil {
		ts.Fatalf("crmkit: %v", err)
	}
	if got != args[1] {
		ts.Fatalf("crmkit exit %s after SIG%s, want %s\n%s", got, args[0], args[1], stderr.String())
	}
}

// pipeBuffered returns the bytes written to a pipe and not yet read.
func pipeBuffered(f *os.File) (int, error) {
	n, err := ioctlFIONREAD(int(f.Fd()))
	return n, err
}

func lookPath(name, path string) (string, error) {
	for _, dir := range filepath.SplitList(path) {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not in PATH", name)
}
