package warncode

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// codeArg is, for each function that makes a warning, the position of its
// code argument.
var codeArg = map[string]int{
	"Warnf":      0, // stage.Notes.Warnf(code, count, format, …)
	"warnf":      1, // cli's warnf(w, code, count, format, …)
	"warn":       0, // the export writers' plan.warn(code, count, msg)
	"AddWarning": 0, // runsummary.Run.AddWarning(code, count, msg, hint)
}

// constNames maps the names of the codes declared in warncode.go to their
// values.
func constNames(t *testing.T) map[string]Code {
	f, err := parser.ParseFile(token.NewFileSet(), "warncode.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]Code{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			for i, n := range v.Names {
				lit := v.Values[i].(*ast.BasicLit)
				val, _ := strconv.Unquote(lit.Value)
				names[n.Name] = Code(val)
			}
		}
	}
	return names
}

// TestEveryWarningHasACode reads every Go file crmkit is built from and
// checks that each warning is made with a code listed in All, where it is
// made: the code argument of every call that makes a warning is a
// warncode constant (or the code parameter of a function that passes one
// on), no Note is given the kind "warning" by hand, and "warning: " is
// printed in one place only (cli's printNotes, which records what it
// prints in --summary-json).
func TestEveryWarningHasACode(t *testing.T) {
	names := constNames(t)
	used := map[Code]int{}
	calls := 0
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		var funcs []*ast.FuncType // the enclosing functions, innermost last
		var inspect func(n ast.Node) bool
		inspect = func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				funcs = append(funcs, n.Type)
				if n.Body != nil {
					ast.Inspect(n.Body, inspect)
				}
				funcs = funcs[:len(funcs)-1]
				return false
			case *ast.FuncLit:
				funcs = append(funcs, n.Type)
				ast.Inspect(n.Body, inspect)
				funcs = funcs[:len(funcs)-1]
				return false
			case *ast.BasicLit:
				if n.Kind == token.STRING && strings.Contains(n.Value, "warning:") && !(rel == "internal/cli/output.go" && enclosing(f, n) == "printNotes") {
					t.Errorf("%s: %q prints a warning outside printNotes, so --summary-json does not have it; use stage.Notes.Warnf or cli's warnf", fset.Position(n.Pos()), n.Value)
				}
			case *ast.CompositeLit:
				if len(n.Elts) > 0 && rel != "internal/stage/stage.go" {
					if v, ok := n.Elts[0].(*ast.BasicLit); ok && v.Value == `"warning"` {
						t.Errorf("%s: a Note made a warning by hand, without a code; use Notes.Warnf", fset.Position(n.Pos()))
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Kind" {
					if v, ok := n.Value.(*ast.BasicLit); ok && v.Value == `"warning"` && rel != "internal/stage/stage.go" {
						t.Errorf("%s: a Note made a warning by hand, without a code; use Notes.Warnf", fset.Position(n.Pos()))
					}
				}
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				at, ok := codeArg[name]
				if !ok || rel == "internal/warncode/warncode.go" {
					return true
				}
				calls++
				if at >= len(n.Args) {
					t.Errorf("%s: %s without a code", fset.Position(n.Pos()), name)
					return true
				}
				switch a := n.Args[at].(type) {
				case *ast.SelectorExpr:
					if x, ok := a.X.(*ast.Ident); ok && x.Name == "warncode" {
						code, ok := names[a.Sel.Name]
						if !ok || !slices.Contains(All, code) {
							t.Errorf("%s: %s: warncode.%s is not in All", fset.Position(n.Pos()), name, a.Sel.Name)
						}
						used[code]++
						return true
					}
					if a.Sel.Name == "Code" {
						return true // a Note's code, checked where the Note was made
					}
				case *ast.Ident:
					if len(funcs) > 0 && isCodeParam(funcs[len(funcs)-1], a.Name) {
						return true // passed on from the caller, who names it
					}
				}
				t.Errorf("%s: %s's code is not a warncode constant", fset.Position(n.Pos()), name)
			}
			return true
		}
		ast.Inspect(f, inspect)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range All {
		if used[c] == 0 {
			t.Errorf("code %s is listed but no warning is made with it", c)
		}
	}
	if calls < len(All) {
		t.Errorf("only %d calls that make warnings found: is the source tree at %s?", calls, root)
	}
	t.Logf("%d calls that make warnings checked", calls)
}

// isCodeParam says whether fn has a parameter name of type warncode.Code
// (Code inside this package).
func isCodeParam(fn *ast.FuncType, name string) bool {
	for _, p := range fn.Params.List {
		typ := ""
		switch x := p.Type.(type) {
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				typ = id.Name + "." + x.Sel.Name
			}
		case *ast.Ident:
			typ = x.Name
		}
		if typ != "warncode.Code" && typ != "Code" {
			continue
		}
		for _, n := range p.Names {
			if n.Name == name {
				return true
			}
		}
	}
	return false
}

// enclosing is the name of the top-level function n is in.
func enclosing(f *ast.File, n ast.Node) string {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= n.Pos() && n.End() <= fd.End() {
			return fd.Name.Name
		}
	}
	return ""
}

// TestCodesAreAllListedOnce: every code declared is in All once, and All
// has no code twice.
func TestCodesAreAllListedOnce(t *testing.T) {
	names := constNames(t)
	seen := map[Code]bool{}
	for _, c := range All {
		if seen[c] {
			t.Errorf("%s twice in All", c)
		}
		seen[c] = true
		if !regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`).MatchString(string(c)) {
			t.Errorf("code %q is not snake_case words", c)
		}
	}
	for name, c := range names {
		if c != Other && !seen[c] {
			t.Errorf("%s (%s) is declared but not in All", name, c)
		}
	}
	if Known(Other) || Known("") {
		t.Error("other or the empty code is known")
	}
}

// TestREADMEListsTheCodes keeps the README's list of codes, the JSON
// contract, the same as All.
func TestREADMEListsTheCodes(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "Warning codes are stable")
	if start < 0 {
		t.Fatal(`README has no "Warning codes are stable" paragraph`)
	}
	para := text[start:]
	if end := strings.Index(para, "\n\n"); end >= 0 {
		para = para[:end]
	}
	para, _, _ = strings.Cut(para, "(`other`")
	var listed []string
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(para, -1) {
		listed = append(listed, m[1])
	}
	var want []string
	for _, c := range All {
		want = append(want, string(c))
	}
	if !slices.Equal(listed, want) {
		t.Errorf("README lists\n%v\nAll is\n%v", listed, want)
	}
}
