package cli

import "testing"

func TestLocaleLang(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "zh"},
		{map[string]string{"LANG": "C"}, "zh"},
		{map[string]string{"LANG": "C.UTF-8"}, "zh"},
		{map[string]string{"LANG": "POSIX"}, "zh"},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, "zh"},
		{map[string]string{"LANG": "zh_TW.Big5"}, "zh"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "en"},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
		{map[string]string{"LANG": "en_GB.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": ""}, "en"},
	}
	for _, tt := range tests {
		if got := localeLang(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("localeLang(%v) = %s, want %s", tt.env, got, tt.want)
		}
	}
}
