package cli

import (
	"os"

	"github.com/crmkit/crmkit/internal/dedupe"
	"github.com/crmkit/crmkit/internal/errs"
	"github.com/crmkit/crmkit/internal/outset"
)

// readModel reads --model: the weights a dedupe --model-out wrote.
func readModel(path string) (*dedupe.Model, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, errs.Usage(err, "pass a file written by crmkit dedupe --model-out")
	}
	defer f.Close()
	model, err := dedupe.ReadModel(f)
	if err != nil {
		return nil, errs.Usagef("pass a model written by crmkit dedupe --model-out for files with the same columns", "--model %s: %v", path, err)
	}
	return model, nil
}

// writeModel writes the weights m used to --model-out, a side file
// committed with the others.
func writeModel(f *outset.File, m *dedupe.Matcher) error {
	if f == nil {
		return nil
	}
	_, err := f.Write(dedupe.ModelBytes(m.Model()))
	return errs.Data(err, "check free disk space")
}
