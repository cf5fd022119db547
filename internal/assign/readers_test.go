package assign

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadReps(t *testing.T) {
	tests := []struct {
		name, csv string
		want      []Rep
		err       string
	}{
		{
			name: "english header, all columns",
			csv:  "Rep,Team,Territory,Capacity,Weight,Active\nZhang,East,Shanghai;Jiangsu,100,2,yes\nLi,,,,,no\n",
			want: []Rep{
				{Name: "Zhang", Team: "East", Territories: []string{"Shanghai", "Jiangsu"}, Capacity: 100, Weight: 2, Active: true},
				{Name: "Li", Weight: 1, Active: false},
			},
		},
		{
			name: "chinese header with BOM, 、 separated, blank row skipped",
			csv:  "\ufeff销售,团队,区域,保有量,权重,状态\n张三,华东,上海、江苏 ,50,,在职\n,,,,,\n李四,华北,北京,,0.5,离职\n",
			want: []Rep{
				{Name: "张三", Team: "华东", Territories: []string{"上海", "江苏"}, Capacity: 50, Weight: 1, Active: true},
				{Name: "李四", Team: "华北", Territories: []string{"北京"}, Weight: 0.5, Active: false},
			},
		},
		{
			name: "大区 and region name the territory column",
			csv:  "销售,大区\n张三,华中;其他\n",
			want: []Rep{{Name: "张三", Territories: []string{"华中", "其他"}, Weight: 1, Active: true}},
		},
		{
			name: "region in english",
			csv:  "rep,region\nAmy,CA\n",
			want: []Rep{{Name: "Amy", Territories: []string{"CA"}, Weight: 1, Active: true}},
		},
		{name: "no name column", csv: "team,cap\nA,1\n", err: "no name column"},
		{name: "bad capacity names the row", csv: "name,cap\nA,1\nB,many\n", err: `reps row 3: capacity "many"`},
		{name: "negative weight", csv: "name,weight\nA,-1\n", err: `row 2: weight "-1"`},
		{name: "bad active", csv: "name,active\nA,maybe\n", err: `row 2: active "maybe"`},
		{name: "duplicate rep", csv: "name\nA\nA\n", err: `row 3: rep "A" already appears on row 2`},
		{name: "empty file", csv: "", err: "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadReps(strings.NewReader(tt.csv))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReadOverrides(t *testing.T) {
	got, err := ReadOverrides(strings.NewReader("客户编号,负责人,原因,决定人\nC1,张三,老关系,王总\nC2,李四,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Override{{"C1", "张三", "老关系", "王总"}, {"C2", "李四", "", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	for _, bad := range []struct{ csv, err string }{
		{"id,owner\nC1,\n", `row 2: the owner of customer "C1" is empty`},
		{"id,reason\nC1,x\n", "no owner column"},
		{"customer_id,owner\n,张三\n", "row 2: the customer id is empty"},
	} {
		if _, err := ReadOverrides(strings.NewReader(bad.csv)); err == nil || !strings.Contains(err.Error(), bad.err) {
			t.Errorf("%q: err %v, want %q", bad.csv, err, bad.err)
		}
	}
}

func FuzzReadReps(f *testing.F) {
	f.Add("rep,team,territory,capacity,weight,active\nZhang,East,Shanghai;Jiangsu,100,2,yes\n")
	f.Add("\ufeff销售,区域,保有量,状态\n张三,上海、江苏,50,在职\n")
	f.Add("name,cap\n\"a,b\",1\n")
	f.Fuzz(func(t *testing.T, s string) {
		reps, err := ReadReps(strings.NewReader(s))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, r := range reps {
			if r.Name == "" || r.Capacity < 0 || !(r.Weight > 0) || seen[r.Name] {
				t.Fatalf("invalid rep accepted: %+v", r)
			}
			seen[r.Name] = true
			for _, terr := range r.Territories {
				if strings.TrimSpace(terr) != terr || terr == "" {
					t.Fatalf("untrimmed territory %q", terr)
				}
			}
		}
		// Every rep read must also be accepted by Assign.
		if _, err := Assign(nil, reps, nil, policy()); err != nil {
			t.Fatalf("Assign refused reps from ReadReps: %v", err)
		}
	})
}
