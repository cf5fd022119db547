package cli

import (
	"testing"

	"github.com/crmkit/crmkit/internal/iostreams"
	"github.com/crmkit/crmkit/internal/normalize"
	"github.com/crmkit/crmkit/internal/record"
)

// TestImportFlags checks flag parsing alone: the command is built with a
// fake run that captures the options.
func TestImportFlags(t *testing.T) {
	streams, _, _, _ := iostreams.Test()
	f := NewFactory(streams, "test")
	root := NewCmdRoot(f)
	var got *ImportOptions
	for _, c := range root.Commands() {
		if c.Name() == "import" {
			root.RemoveCommand(c)
		}
	}
	root.AddCommand(NewCmdImport(f, func(o *ImportOptions) error { got = o; return nil }))
	root.SetArgs([]string{"import", "a.csv", "b.xlsx", "-o", "out.tsv", "--sheet", "客户名单", "--encoding", "gbk",
		"--map", "WeChat=wechat,负责人=owner", "--date-order", "dmy", "--region", "hk", "--strict", "-q",
		"--delimiter", ";", "--rejects", "bad.csv"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil {
		t.Fatal("run function not called")
	}
	if len(got.Inputs) != 2 || got.Output != "out.tsv" || got.Rejects != "bad.csv" || !got.Strict || !got.Quiet {
		t.Errorf("options = %+v", got)
	}
	in := got.Ingest
	if in.Tabular.Sheet != "客户名单" || in.Tabular.Encoding != "gbk" || in.Tabular.Delimiter != ';' ||
		in.DateOrder != normalize.DateDMY || in.Region != "HK" {
		t.Errorf("ingest options = %+v", in)
	}
	if in.Overrides[record.HeaderKey("WeChat")] != "wechat" || in.Overrides[record.HeaderKey("负责人")] != "owner" {
		t.Errorf("overrides = %v", in.Overrides)
	}
}
