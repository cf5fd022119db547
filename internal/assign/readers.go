package assign

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Rep is a sales rep who can own customers.
type Rep struct {
	Name, Team  string
	Territories []string // provinces, cities or industries this rep covers
	Capacity    int      // most customers the rep may hold (保有量); 0 = no cap
	Weight      float64  // share in weighted distribution; 0 means the default 1
	Active      bool     // inactive (离职) reps keep nothing and get nothing
}

// Override is a manager's decision on who owns one customer.
type Override struct {
	CustomerID, Owner, Reason, DecidedBy string
}

// Header synonyms, compared after trimming, lower-casing and dropping a BOM.
var (
	repColumns = map[string][]string{
		"name":        {"rep", "name", "销售", "姓名"},
		"team":        {"team", "团队"},
		"territories": {"territory", "territories", "region", "regions", "区域", "大区", "地区", "负责区域", "销售区域"},
		"capacity":    {"capacity", "cap", "保有量", "上限"},
		"weight":      {"weight", "权重"},
		"active":      {"active", "在职", "状态"},
	}
	overrideColumns = map[string][]string{
		"id":         {"id", "customer_id", "客户编号"},
		"owner":      {"owner", "负责人"},
		"reason":     {"reason", "原因"},
		"decided_by": {"decided_by", "决定人"},
	}
)

// ReadReps reads a reps CSV with a header; columns are found by name in
// English or Chinese: rep|name|销售|姓名 (required), team|团队,
// territory|territories|region|regions|区域|大区|地区|负责区域|销售区域
// (provinces, cities or industries, several separated by ; or 、; 其他, *
// or rest marks a rep who takes the customers no territory covers),
// capacity|cap|保有量|上限, weight|权重, active|在职|状态 (yes/no, true/false,
// 1/0, 在职/离职; blank = active). Blank rows are skipped; errors name the row
// (the header is row 1).
func ReadReps(r io.Reader) ([]Rep, error) {
	rows, cols, err := readTable(r, repColumns, "name")
	if err != nil {
		return nil, fmt.Errorf("reps: %w", err)
	}
	var reps []Rep
	firstRow := map[string]int{}
	for _, row := range rows {
		get := func(col string) string { return cell(row.fields, cols, col) }
		rep := Rep{Name: get("name"), Team: get("team"), Territories: splitList(get("territories")), Weight: 1, Active: true}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("reps row %d: %s", row.line, fmt.Sprintf(format, args...))
		}
		if rep.Name == "" {
			return nil, fail("the rep name is empty")
		}
		if first, dup := firstRow[rep.Name]; dup {
			return nil, fail("rep %q already appears on row %d", rep.Name, first)
		}
		firstRow[rep.Name] = row.line
		if s := get("capacity"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				return nil, fail("capacity %q is not a whole number ≥ 0 (0 or blank = no cap)", s)
			}
			rep.Capacity = n
		}
		if s := get("weight"); s != "" {
			w, err := strconv.ParseFloat(s, 64)
			if err != nil || !(w > 0) || w > 1e9 {
				return nil, fail("weight %q is not a number > 0 (to stop giving customers to a rep, mark it inactive)", s)
			}
			rep.Weight = w
		}
		if s := get("active"); s != "" {
			a, ok := parseActive(s)
			if !ok {
				return nil, fail("active %q is not one of yes/no, true/false, 1/0, 在职/离职", s)
			}
			rep.Active = a
		}
		reps = append(reps, rep)
	}
	return reps, nil
}

// ReadOverrides reads manager decisions from a CSV with a header: the
// customer id (id|customer_id|客户编号) and owner (owner|负责人) are required,
// reason|原因 and decided_by|决定人 optional.
func ReadOverrides(r io.Reader) ([]Override, error) {
	rows, cols, err := readTable(r, overrideColumns, "id", "owner")
	if err != nil {
		return nil, fmt.Errorf("overrides: %w", err)
	}
	var out []Override
	for _, row := range rows {
		get := func(col string) string { return cell(row.fields, cols, col) }
		o := Override{CustomerID: get("id"), Owner: get("owner"), Reason: get("reason"), DecidedBy: get("decided_by")}
		if o.CustomerID == "" {
			return nil, fmt.Errorf("overrides row %d: the customer id is empty", row.line)
		}
		if o.Owner == "" {
			return nil, fmt.Errorf("overrides row %d: the owner of customer %q is empty", row.line, o.CustomerID)
		}
		out = append(out, o)
	}
	return out, nil
}

type tableRow struct {
	line   int
	fields []string
}

// readTable reads a small CSV, maps its header onto the wanted columns and
// returns the non-blank rows with their row numbers (header = 1).
func readTable(r io.Reader, synonyms map[string][]string, required ...string) ([]tableRow, map[string]int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, errors.New("the file is empty; expected a header row")
	}
	if err != nil {
		return nil, nil, err
	}
	cols := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		for col, names := range synonyms {
			if _, taken := cols[col]; !taken && contains(names, h) {
				cols[col] = i
			}
		}
	}
	for _, col := range required {
		if _, ok := cols[col]; !ok {
			return nil, nil, fmt.Errorf("no %s column in header %q (expected one of %s)", col, strings.Join(header, ","), strings.Join(synonyms[col], ", "))
		}
	}
	var rows []tableRow
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, cols, nil
		}
		if err != nil {
			return nil, nil, err
		}
		if blank(rec) {
			continue
		}
		rows = append(rows, tableRow{line: line, fields: rec})
	}
}

func cell(fields []string, cols map[string]int, col string) string {
	i, ok := cols[col]
	if !ok || i >= len(fields) {
		return ""
	}
	return strings.TrimSpace(fields[i])
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// splitList splits a territory list on ; 、 ， , or |, dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == ';' || r == '；' || r == '、' || r == ',' || r == '，' || r == '|'
	})
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseActive(s string) (active, ok bool) {
	switch strings.ToLower(s) {
	case "yes", "y", "true", "1", "在职", "是", "active", "启用":
		return true, true
	case "no", "n", "false", "0", "离职", "否", "inactive", "停用":
		return false, true
	}
	return false, false
}
