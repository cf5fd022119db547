package stage

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A reps file is read like a customer file: saved by Chinese Excel (GBK)
// with ; between the columns, it gives the same reps as a UTF-8 CSV.
func TestReadRepsAsCustomerFilesAre(t *testing.T) {
	dir := t.TempDir()
	text := "销售;团队;区域;保有量;在职\r\n张伟;华南;广东省;50;在职\r\n李娜;华东;上海市;40;离职\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "reps.csv")
	if err := os.WriteFile(p, []byte(gbk), 0o644); err != nil {
		t.Fatal(err)
	}
	reps, err := ReadReps(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 2 || reps[0].Name != "张伟" || reps[0].Team != "华南" || reps[0].Capacity != 50 || !reps[0].Active ||
		reps[1].Name != "李娜" || reps[1].Active || len(reps[1].Territories) != 1 || reps[1].Territories[0] != "上海市" {
		t.Errorf("reps = %+v", reps)
	}
	ov := filepath.Join(dir, "ov.csv")
	os.WriteFile(ov, []byte("客户编号\t负责人\nC1\t张伟\n"), 0o644)
	overrides, err := ReadOverrides(ov)
	if err != nil || len(overrides) != 1 || overrides[0].CustomerID != "C1" || overrides[0].Owner != "张伟" {
		t.Errorf("overrides = %+v, %v", overrides, err)
	}
	if _, err := ReadReps(filepath.Join(dir, "missing.csv")); err == nil {
		t.Error("a missing reps file is no error")
	}
}
