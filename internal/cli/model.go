package cli

import (
	"os"

	"github.com/crmkit/crmkit/internal/atomicfile"
	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/tabular"
)

// useModel reads --model into the matcher.
func useModel(m *dedupe.Matcher, opts *DedupeOptions) error {
	if opts.Model == "" {
		return nil
	}
	f, err := os.Open(opts.Model)
	if err != nil {
		return errs.Usage(err, "pass a file written by crmkit dedupe --model-out")
	}
	defer f.Close()
	model, err := dedupe.ReadModel(f)
	if err == nil {
		err = m.SetModel(model)
	}
	if err != nil {
		return errs.Usagef("pass a model written by crmkit dedupe --model-out for files with the same columns", "--model %s: %v", opts.Model, err)
	}
	return nil
}

// writeModel writes --model-out beside the other side files: it is
// committed with them.
func (s *sideFiles) writeModel(opts *DedupeOptions, m *dedupe.Matcher) error {
	if opts.ModelOut == "" {
		return nil
	}
	f, err := atomicfile.Create(opts.ModelOut)
	if err != nil {
		return errs.Data(err, "pass another path, or check that you can write there")
	}
	// A side file like the others: flushed, then committed with them.
	l := &lazyCSV{path: opts.ModelOut, file: f}
	s.files = append(s.files, l)
	if _, err := f.Write(dedupe.ModelBytes(m.Model())); err != nil {
		return errs.Data(err, "check free disk space")
	}
	l.w, err = tabular.NewCSVWriter(f, ',', false)
	return err
}
