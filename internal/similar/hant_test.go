package similar

import "testing"

func TestFoldHant(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"深圳市華強電子有限公司", "深圳市华强电子有限公司"},
		{"張偉", "张伟"},
		{"臺灣", "台湾"},
		{"深圳市华强电子有限公司", "深圳市华强电子有限公司"},
		{"Acme Robotics", "Acme Robotics"},
		{"", ""},
	} {
		if got := FoldHant(c.in); got != c.want {
			t.Errorf("FoldHant(%q) = %q, want %q", c.in, got, c.want)
		}
		if hasHant(c.want) {
			t.Errorf("%q still has traditional characters", c.want)
		}
	}
}
