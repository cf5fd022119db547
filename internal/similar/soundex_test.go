package similar

import "testing"

func TestSoundex(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"robert", "R163"},
		{"Rupert", "R163"},
		{"Rubin", "R150"},
		{"Ashcraft", "A261"}, // h does not separate s and c
		{"Tymczak", "T522"},
		{"Pfister", "P236"}, // f codes like the P before it
		{"Honeyman", "H555"},
		{"Lee", "L000"},
		{"Müller", "M460"},
		{"Robert Smith", "R163"}, // first word only
		{"张伟 Smith", "S530"},     // first Latin word
		{"O'Brien", "O165"},      // the apostrophe does not end the word
		{"ＳＭＩＴＨ", "S530"},        // full width
		{"张伟", ""},
		{"", ""},
		{"123", ""},
	} {
		if got := Soundex(tc.in); got != tc.want {
			t.Errorf("Soundex(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
