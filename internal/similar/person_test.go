package similar

import "testing"

func TestPersonName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want NameLevel
	}{
		// No evidence.
		{"", "张伟", NameMissing},
		{"先生", "张先生", NameMissing}, // a title alone names nobody
		{"Mr.", "John Smith", NameMissing},
		{"张伟", "David Zhang", NameMissing}, // no pinyin
		{"—", "", NameMissing},

		// Chinese.
		{"张伟", "张伟", NameSame},
		{"张伟", "张 伟", NameSame},
		{"张伟先生", "张伟", NameSame},
		{"欧阳娜娜", "欧阳娜娜女士", NameSame},
		{"陈华", "王华", NameDifferent},
		{"陈桦", "陈华", NameSimilar},     // homophones
		{"石健国", "石建国", NameSimilar},   // homophones
		{"王小明", "王小红", NameDifferent}, // siblings share a generation character
		{"陈华", "陈明", NameDifferent},
		{"张伟", "张伟华", NameDifferent},
		{"石健国", "石建军", NameDifferent}, // two characters differ
		{"马老板", "马艳", NamePartial},
		{"王总", "王建国", NamePartial},
		{"李经理", "李娜", NamePartial},
		{"王总", "王经理", NamePartial}, // two bare surnames: weak, not Same
		{"老王", "王芳", NamePartial},
		{"王工", "王芳", NamePartial},
		{"张总经理", "张伟", NamePartial},
		{"马老板", "王艳", NameDifferent},
		{"欧阳娜娜", "欧阳", NamePartial}, // compound surname alone
		{"欧阳娜娜", "欧娜娜", NameDifferent},
		{"阿卜杜·热合曼", "阿卜杜热合曼", NameSame},
		{"张伟 (David)", "张伟", NameSame},

		// English.
		{"John Smith", "John Smith", NameSame},
		{"Smith, John", "John Smith", NameSame},
		{"smith john", "JOHN SMITH", NameSame},
		{"Zhang Wei", "Wei Zhang", NameSame},
		{"Dr. John Smith Jr.", "john smith", NameSame},
		{"J. Smith", "J Smith", NameSame},
		{"J. Smith", "John Smith", NamePartial},
		{"J Smith", "Smith, John", NamePartial},
		{"Mr Smith", "John Smith", NamePartial},
		{"Smith", "Smith", NamePartial},
		{"Jon Smith", "John Smith", NameSimilar},
		{"Smith Jon", "John Smith", NameSimilar}, // swapped with a typo
		{"John A. Smith", "John Smith", NameSimilar},
		{"Mary Ann Lee", "Maryann Lee", NameSimilar},
		{"Jon Smithe", "John Smith", NamePartial},  // two typos
		{"Jon Smyth", "John Smith", NameDifferent}, // Smyth/Smith scores 0.89 < 0.92
		{"John Smith", "Jane Smith", NameDifferent},
		{"John Smith", "John Brown", NameDifferent},
		{"John Smith", "Mary Jones", NameDifferent},
		{"O'Brien Pat", "Pat OBrien", NameSame},
	} {
		got := checkSymmetric(t, "PersonName", PersonName, tc.a, tc.b)
		if got != tc.want {
			t.Errorf("PersonName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestPersonNameLongInput(t *testing.T) {
	long := "John Smith"
	for range 20 {
		long = "Alexander " + long
	}
	if got := PersonName(long, long); got != NameSame {
		t.Errorf("PersonName of a long name against itself = %v, want same", got)
	}
	han := ""
	for range 70 {
		han += "张"
	}
	if got := PersonName(han, han+"伟"); got != NameDifferent {
		t.Errorf("PersonName of long Chinese names = %v, want different", got)
	}
}

func TestPersonNameDoesNotAllocate(t *testing.T) {
	for _, p := range [][2]string{{"Smith, John", "Jon Smith"}, {"马老板", "马艳"}, {"石健国", "石建国"}} {
		if n := testing.AllocsPerRun(20, func() { PersonName(p[0], p[1]) }); n != 0 {
			t.Errorf("PersonName(%q, %q) allocates %.0f times", p[0], p[1], n)
		}
	}
}

func TestNameLevelString(t *testing.T) {
	if got := NameSimilar.String(); got != "similar" {
		t.Errorf("NameSimilar.String() = %q", got)
	}
	if got := NameLevel(9).String(); got != "NameLevel(9)" {
		t.Errorf("NameLevel(9).String() = %q", got)
	}
}
