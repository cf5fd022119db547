package cli

import (
	"context"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/crmkit/crmkit/internal/atomicfile"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/record"
	"github.com/crmkit/crmkit/internal/tabular"
)

// output is where a command's data goes: stdout, or a file written
// atomically on Commit.
type output struct {
	w    io.Writer
	file *atomicfile.File
}

// openOutput opens path for writing ("" or "-" is stdout), refusing a path
// that is also one of the inputs.
func openOutput(streams *iostreams.IOStreams, path string, inputs []string) (*output, error) {
	if path == "" || path == "-" {
		return &output{w: streams.Out}, nil
	}
	if err := refuseInput(path, inputs); err != nil {
		return nil, err
	}
	af, err := atomicfile.Create(path)
	if err != nil {
		return nil, errs.Data(err, "check that the folder exists and that you can write to it")
	}
	return &output{w: af, file: af}, nil
}

func (o *output) Commit() error {
	if o.file == nil {
		return nil
	}
	return commitError(o.file.Commit())
}

func (o *output) Abort() {
	if o.file != nil {
		o.file.Abort()
	}
}

// refuseInput fails when out names the same file as one of the inputs: the
// run would overwrite data it is still reading.
func refuseInput(out string, inputs []string) error {
	if err := checkWritable(out); err != nil {
		return err
	}
	for _, in := range inputs {
		if sameFile(out, in) {
			return errs.Usagef("write to a new file, e.g. -o "+suffixed(out, ".clean"),
				"output %s is also an input", out)
		}
	}
	return nil
}

// sameFile reports whether two paths name one file: the same absolute
// path, or (through links, ./ and ../) the same existing file. "-" is
// stdin/stdout, never a file.
func sameFile(a, b string) bool {
	if a == "" || b == "" || a == "-" || b == "-" {
		return false
	}
	aa, err1 := filepath.Abs(a)
	ba, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == ba {
		return true
	}
	as, err1 := os.Stat(a)
	bs, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(as, bs)
}

// suffixed inserts suffix before the extension: a.csv → a.clean.csv.
func suffixed(path, suffix string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + suffix + ext
}

// sideFile is an output besides the main one: rejects, review, audit, …
type sideFile struct{ flag, path string }

// rejectsFile is --rejects, or its default beside the output.
func rejectsFile(flag, output string) string {
	if flag != "" {
		return flag
	}
	return defaultRejectsPath(output)
}

// checkSideFiles refuses a side file that is an input, the main output,
// or another side file: the run would overwrite what it reads or writes.
func checkSideFiles(output string, inputs []string, sides ...sideFile) error {
	if err := checkWritable(output); err != nil {
		return err
	}
	for i, s := range sides {
		if s.path == "" {
			continue
		}
		if err := refuseInput(s.path, inputs); err != nil {
			return err
		}
		if sameFile(s.path, output) {
			return errs.Usagef("pass another path to "+s.flag, "%s %s is also the output", s.flag, s.path)
		}
		for _, o := range sides[:i] {
			if sameFile(s.path, o.path) {
				return errs.Usagef("give each output its own file", "%s and %s both write %s", o.flag, s.flag, s.path)
			}
		}
	}
	return nil
}

// RecordIO are the settings every command that reads records and writes
// them shares.
type RecordIO struct {
	Ctx     context.Context
	Inputs  []string
	Output  string
	Rejects string
	Format  string // csv or tsv
	Strict  bool
	Quiet   bool
}

func readRecordIO(cmd *cobra.Command, args []string, v *viper.Viper) RecordIO {
	return RecordIO{
		Ctx:     cmd.Context(),
		Inputs:  args,
		Output:  v.GetString("output"),
		Rejects: v.GetString("rejects"),
		Format:  v.GetString("format"),
		Strict:  v.GetBool("strict"),
		Quiet:   v.GetBool("quiet"),
	}
}

// pipedRecords writes records as CSV on a goroutine of its own: the
// command producing them (merging clusters, folding a master) and the CSV
// encoding then use two cores. Records are copied, so the caller may reuse
// theirs.
type pipedRecords struct {
	batches chan []record.Record
	free    chan []record.Record
	done    chan error
	cur     []record.Record
	failed  error
}

const pipedBatch = 1024

func newPipedRecords(w io.Writer, delim rune, schema *record.Schema) (*pipedRecords, error) {
	cw, err := tabular.NewCSVWriter(w, delim, false)
	if err != nil {
		return nil, err
	}
	if err := cw.Write(schema.Header()); err != nil {
		return nil, errs.Data(err, "check free disk space")
	}
	batches := make(chan []record.Record, 4)
	p := &pipedRecords{batches: batches, free: make(chan []record.Record, 4), done: make(chan error, 1)}
	go func() {
		var row []string
		var werr error
		for batch := range batches {
			for i := range batch {
				if werr == nil {
					row = schema.Row(&batch[i], row)
					werr = cw.Write(row)
				}
			}
			select {
			case p.free <- batch[:0]:
			default:
			}
		}
		if werr == nil {
			werr = cw.Flush()
		}
		p.done <- errs.Data(werr, "check free disk space")
	}()
	return p, nil
}

// Record queues a copy of r.
func (p *pipedRecords) Record(r *record.Record) {
	if p.cur == nil {
		select {
		case p.cur = <-p.free:
		default:
			p.cur = make([]record.Record, 0, pipedBatch)
		}
	}
	p.cur = append(p.cur, *r)
	last := &p.cur[len(p.cur)-1]
	last.Extra = slices.Clone(r.Extra)
	if len(p.cur) == pipedBatch {
		p.batches <- p.cur
		p.cur = nil
	}
}

// Close writes what is queued and returns the first write error.
func (p *pipedRecords) Close() error {
	if p.batches == nil {
		return p.failed
	}
	if len(p.cur) > 0 {
		p.batches <- p.cur
	}
	close(p.batches)
	p.batches = nil
	p.failed = <-p.done
	return p.failed
}

// asyncHash hashes what is written through it on a goroutine of its own,
// so hashing a master being written costs no time on the writing one.
type asyncHash struct {
	w      io.Writer
	chunks chan []byte
	free   chan []byte
	sum    chan []byte
	done   []byte
}

func newAsyncHash(w io.Writer, h hash.Hash) *asyncHash {
	a := &asyncHash{w: w, chunks: make(chan []byte, 16), free: make(chan []byte, 16), sum: make(chan []byte, 1)}
	chunks := a.chunks
	go func() {
		for c := range chunks {
			h.Write(c)
			select {
			case a.free <- c[:0]:
			default:
			}
		}
		a.sum <- h.Sum(nil)
	}()
	return a
}

func (a *asyncHash) Write(p []byte) (int, error) {
	var c []byte
	select {
	case c = <-a.free:
	default:
	}
	a.chunks <- append(c, p...)
	return a.w.Write(p)
}

// Sum waits for the hash of everything written.
func (a *asyncHash) Sum() []byte {
	if a.chunks != nil {
		close(a.chunks)
		a.chunks = nil
		a.done = <-a.sum
	}
	return a.done
}
