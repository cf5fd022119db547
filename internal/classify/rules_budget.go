package classify

import (
	"encoding/base64"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/vm/runtime"
)

// ruleBuildBudget is how many bytes of strings and list slots one rule may
// build for one customer. expr's own memory budget counts ranges, literals
// and a few builtins, but not what repeat computes before its check, nor
// replace, join, upper, string concatenation and the rest: a one-line rule
// could ask for gigabytes. Every operation that builds a string or a list
// is routed through a counted version (budgetPatch), which refuses before
// building when it can tell the size, and fails the rule, by name, once the
// total passes the budget. 16 MiB is many times what any real rule builds
// over one customer's values (a cell holds at most 1,000,000 characters).
const ruleBuildBudget = 16 << 20

// ruleVMBudget is expr's own budget (list slots from ranges and literals).
const ruleVMBudget = 1_000_000

var errRuleBudget = fmt.Errorf("builds more than %d MiB for one customer (the limit on what a rule may build)", ruleBuildBudget>>20)

// spend counts n more bytes built by the running rule.
func (e *ruleEnv) spend(n int) error {
	if n < 0 || n > ruleBuildBudget-e.built {
		e.built = ruleBuildBudget
		return errRuleBudget
	}
	e.built += n
	return nil
}

// countedBuiltins are the builtins that build strings or lists, each with
// its counted replacement. The replacements take the environment first.
var countedBuiltins = map[string]func(e *ruleEnv, args []any) (any, error){
	"repeat": func(e *ruleEnv, args []any) (any, error) {
		s, n := args[0].(string), toInt(args[1])
		if n < 0 {
			return nil, fmt.Errorf("invalid argument for repeat (expected positive integer, got %d)", n)
		}
		if len(s) > 0 && n > ruleBuildBudget/len(s) {
			return nil, errRuleBudget
		}
		if err := e.spend(len(s) * n); err != nil {
			return nil, err
		}
		return strings.Repeat(s, n), nil
	},
	"replace": func(e *ruleEnv, args []any) (any, error) {
		s, old, new := args[0].(string), args[1].(string), args[2].(string)
		n := strings.Count(s, old)
		if old == "" {
			n = utf8.RuneCountInString(s) + 1
		}
		limit := -1
		if len(args) == 4 { // replace(s, old, new, n)
			if limit = toInt(args[3]); limit >= 0 {
				n = min(n, limit)
			}
		}
		grow := len(new) - len(old)
		if grow > 0 && n > (ruleBuildBudget-len(s))/grow {
			return nil, errRuleBudget
		}
		if err := e.spend(len(s) + n*grow); err != nil {
			return nil, err
		}
		return strings.Replace(s, old, new, limit), nil
	},
	"join": func(e *ruleEnv, args []any) (any, error) {
		glue := ""
		if len(args) == 2 {
			glue, _ = args[1].(string)
		}
		v := reflect.ValueOf(args[0])
		if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
			return callBuiltin("join", args)
		}
		size := 0
		for i := range v.Len() {
			if s, ok := v.Index(i).Interface().(string); ok {
				size += len(s)
			}
			size += len(glue)
			if size > ruleBuildBudget {
				return nil, errRuleBudget
			}
		}
		if err := e.spend(size); err != nil {
			return nil, err
		}
		return callBuiltin("join", args)
	},
	"toBase64": func(e *ruleEnv, args []any) (any, error) {
		if s, ok := args[0].(string); ok {
			if err := e.spend(base64.StdEncoding.EncodedLen(len(s))); err != nil {
				return nil, err
			}
		}
		return callBuiltin("toBase64", args)
	},
	// These build at most a few times their input, which is already
	// counted or bounded: build, then count.
	"upper":      countAfter("upper"),
	"lower":      countAfter("lower"),
	"string":     countAfter("string"),
	"toJSON":     countAfter("toJSON"),
	"fromJSON":   countAfter("fromJSON"),
	"fromBase64": countAfter("fromBase64"),
	"split":      countSplit("split"),
	"splitAfter": countSplit("splitAfter"),
}

func countAfter(name string) func(e *ruleEnv, args []any) (any, error) {
	return func(e *ruleEnv, args []any) (any, error) {
		out, err := callBuiltin(name, args)
		if err != nil {
			return nil, err
		}
		if err := e.spend(builtSize(out)); err != nil {
			return nil, err
		}
		return out, nil
	}
}

// countSplit counts a list of parts before splitting: 16 bytes a slot (the
// parts share the string split).
func countSplit(name string) func(e *ruleEnv, args []any) (any, error) {
	return func(e *ruleEnv, args []any) (any, error) {
		s, _ := args[0].(string)
		sep, _ := args[1].(string)
		n := strings.Count(s, sep) + 1
		if sep == "" {
			n = utf8.RuneCountInString(s)
		}
		if len(args) == 3 {
			if limit := toInt(args[2]); limit >= 0 && limit < n {
				n = limit
			}
		}
		if err := e.spend(16 * n); err != nil {
			return nil, err
		}
		return callBuiltin(name, args)
	}
}

// builtSize is what a value built by a builtin costs: its bytes, or 16 a
// list slot plus the strings in it.
func builtSize(v any) int {
	switch v := v.(type) {
	case string:
		return len(v)
	case []string:
		n := 16 * len(v)
		for _, s := range v {
			n += len(s)
		}
		return n
	case []any:
		return 16 * len(v)
	case map[string]any:
		return 48 * len(v)
	}
	return 16
}

func callBuiltin(name string, args []any) (any, error) {
	f := builtin.Builtins[builtin.Index[name]]
	switch {
	case f.Fast != nil && len(args) == 1:
		return f.Fast(args[0]), nil
	case f.Safe != nil:
		out, _, err := f.Safe(args...)
		return out, err
	case f.Func != nil:
		return f.Func(args...)
	}
	return nil, fmt.Errorf("%s: cannot be called here", name)
}

func toInt(v any) int {
	switch v := v.(type) {
	case int:
		return v
	case float64:
		return int(v)
	}
	return reflect.ValueOf(v).Convert(reflect.TypeFor[int]()).Interface().(int)
}

// countedName is the name a counted builtin is registered under.
func countedName(name string) string { return "__counted_" + name }

// ruleBudgetOptions registers the counted builtins and the patch that
// routes every call (and every string +) through them.
func ruleBudgetOptions() []expr.Option {
	opts := []expr.Option{expr.Patch(budgetPatch{})}
	add := func(name string, fn func(e *ruleEnv, args []any) (any, error), types ...any) {
		opts = append(opts, expr.Function(countedName(name), func(params ...any) (any, error) {
			e, ok := params[0].(*ruleEnv)
			if !ok {
				return nil, errors.New("internal: rule environment missing")
			}
			return fn(e, params[1:])
		}, types...))
	}
	for name, fn := range countedBuiltins {
		add(name, fn, countedTypes(name)...)
	}
	add("concat", func(e *ruleEnv, args []any) (any, error) {
		a, b := args[0].(string), args[1].(string)
		if err := e.spend(len(a) + len(b)); err != nil {
			return nil, err
		}
		return a + b, nil
	}, new(func(any, string, string) string))
	add("add", func(e *ruleEnv, args []any) (any, error) {
		a, aok := args[0].(string)
		b, bok := args[1].(string)
		if aok && bok {
			if err := e.spend(len(a) + len(b)); err != nil {
				return nil, err
			}
			return a + b, nil
		}
		return runtime.Add(args[0], args[1]), nil
	})
	return opts
}

// countedTypes are the builtin's signatures with the environment first, so
// a counted builtin is type-checked when the rule compiles, as the builtin
// was.
func countedTypes(name string) []any {
	var out []any
	envType := reflect.TypeFor[any]()
	for _, ft := range builtin.Builtins[builtin.Index[name]].Types {
		in := []reflect.Type{envType}
		for i := range ft.NumIn() {
			in = append(in, ft.In(i))
		}
		outs := make([]reflect.Type, ft.NumOut())
		for i := range outs {
			outs[i] = ft.Out(i)
		}
		out = append(out, reflect.New(reflect.FuncOf(in, outs, ft.IsVariadic())).Interface())
	}
	return out
}

// budgetPatch rewrites calls of the builtins that build strings or lists,
// and string concatenation, into their counted versions, passing the
// environment ($env) first.
type budgetPatch struct{}

func (budgetPatch) Visit(node *ast.Node) {
	env := func() ast.Node { return &ast.IdentifierNode{Value: "$env"} }
	switch n := (*node).(type) {
	case *ast.BuiltinNode:
		if _, ok := countedBuiltins[n.Name]; ok {
			call := &ast.CallNode{
				Callee:    &ast.IdentifierNode{Value: countedName(n.Name)},
				Arguments: append([]ast.Node{env()}, n.Arguments...),
			}
			ast.Patch(node, call)
		}
	case *ast.BinaryNode:
		if n.Operator != "+" {
			return
		}
		l, r := n.Left.Type().Kind(), n.Right.Type().Kind()
		name := ""
		switch {
		case l == reflect.String && r == reflect.String:
			name = "concat"
		case l == reflect.String || r == reflect.String || l == reflect.Interface || r == reflect.Interface:
			name = "add" // may be strings only known when run (#acc in reduce)
		default:
			return // numbers, dates and durations
		}
		ast.Patch(node, &ast.CallNode{
			Callee:    &ast.IdentifierNode{Value: countedName(name)},
			Arguments: []ast.Node{env(), n.Left, n.Right},
		})
	}
}
