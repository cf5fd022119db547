package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crmkit/crmkit/internal/iostreams"
)

// TestExitCodes checks the exit status and the error/hint lines for each
// kind of failure, through the same Main the binary runs.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	ragged := filepath.Join(dir, "ragged.csv")
	os.WriteFile(good, []byte("客户名称,手机\n华强,13812345678\n"), 0o644)
	os.WriteFile(ragged, []byte("客户名称,手机\n华强,13812345678,x\n甲,13912345678\n乙,13712345678\n"), 0o644)

	tests := []struct {
		name     string
		args     []string
		code     int
		errParts []string
	}{
		{"ok", []string{"import", good, "-o", filepath.Join(dir, "out.csv")}, ExitOK, nil},
		{"no args", []string{"import"}, ExitUsage, []string{"error: crmkit import: no input files given", "hint: "}},
		{"unknown command", []string{"imprt"}, ExitUsage, []string{"error: unknown command", "hint: "}},
		{"unknown flag", []string{"import", "--nope", good}, ExitUsage, []string{"error: unknown flag: --nope", "hint: run `crmkit import --help`"}},
		{"missing file", []string{"import", filepath.Join(dir, "nope.csv")}, ExitError, []string{"error: cannot open", "no such file", "hint: check the file name"}},
		{"output is input", []string{"import", good, "-o", good}, ExitUsage, []string{"is also an input", "hint: write to a new file"}},
		{"bad date order", []string{"import", good, "--date-order", "ymd"}, ExitUsage, []string{"--date-order", "hint: use auto, mdy or dmy"}},
		{"rejects is the output", []string{"import", ragged, "-o", filepath.Join(dir, "x.csv"), "--rejects", filepath.Join(dir, "x.csv")}, ExitUsage, []string{"--rejects", "is also the output", "hint: "}},
		{"bad region", []string{"import", good, "--region", "China"}, ExitUsage, []string{`--region "China" is not a phone region`, "hint: use a two-letter country code"}},
		{"map typo", []string{"import", good, "--map", "WeChat=phnoe"}, ExitUsage, []string{"did you mean phone?"}},
		{"rejected, not strict", []string{"import", ragged, "-o", filepath.Join(dir, "r1.csv")}, ExitOK, nil},
		{"rejected, strict", []string{"import", ragged, "-o", filepath.Join(dir, "r2.csv"), "--strict"}, ExitRejected, nil},
		{"strict from env", []string{"import", ragged, "-o", filepath.Join(dir, "r3.csv")}, ExitRejected, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "strict from env" {
				t.Setenv("CRMKIT_STRICT", "true")
			}
			streams, _, _, errOut := iostreams.Test()
			code := Main(streams, tt.args, "test")
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			for _, p := range tt.errParts {
				if !strings.Contains(errOut.String(), p) {
					t.Errorf("stderr lacks %q:\n%s", p, errOut)
				}
			}
			if tt.code == ExitOK && strings.Contains(errOut.String(), "error:") {
				t.Errorf("unexpected error output:\n%s", errOut)
			}
		})
	}
}

// TestFlagBeatsEnvBeatsConfig checks the documented precedence with the
// region setting, which changes how a local number is read.
func TestFlagBeatsEnvBeatsConfig(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	os.WriteFile(in, []byte("company,phone\nAcme,(415) 555-0100\n"), 0o644)
	cfg := filepath.Join(dir, "crmkit.yaml")
	os.WriteFile(cfg, []byte("region: US\n"), 0o644)

	runImport := func(args ...string) string {
		t.Helper()
		streams, _, out, errOut := iostreams.Test()
		if code := Main(streams, append([]string{"import", in, "--config", cfg}, args...), "test"); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return out.String()
	}
	if got := runImport(); !strings.Contains(got, "+14155550100") {
		t.Errorf("config region US not applied:\n%s", got)
	}
	t.Setenv("CRMKIT_REGION", "CN")
	if got := runImport(); strings.Contains(got, "+14155550100") {
		t.Errorf("env CRMKIT_REGION=CN should beat the config file:\n%s", got)
	}
	if got := runImport("--region", "US"); !strings.Contains(got, "+14155550100") {
		t.Errorf("flag --region US should beat the environment:\n%s", got)
	}
}

// TestMapFromEnvKeepsSpaces: headers have spaces, so a map setting from the
// environment or config splits on commas only.
func TestMapFromEnvKeepsSpaces(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	os.WriteFile(in, []byte("Account Name,Lead Status\nAcme,hot\n"), 0o644)
	t.Setenv("CRMKIT_MAP", "Lead Status=tags, Account Name=company")
	streams, _, out, errOut := iostreams.Test()
	if code := Main(streams, []string{"import", in}, "test"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out.String(), ",hot,") || strings.Contains(out.String(), "Lead Status") {
		t.Errorf("Lead Status should map to tags:\n%s", out)
	}
}
