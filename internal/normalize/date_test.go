package normalize

import "testing"

func TestDate(t *testing.T) {
	tests := []struct {
		name, in string
		order    DateOrder
		want     string
		ok       bool
	}{
		{"empty", "", DateAuto, "", true},
		{"iso", "2025-03-04", DateAuto, "2025-03-04", true},
		{"iso with time", "2025-03-04 14:30:00", DateAuto, "2025-03-04 14:30:00", true},
		{"slashes no padding", "2025/3/4", DateAuto, "2025-03-04", true},
		{"dots", "2025.3.4", DateAuto, "2025-03-04", true},
		{"chinese", "2025年3月4日", DateAuto, "2025-03-04", true},
		{"chinese hao", "2025年3月4号", DateAuto, "2025-03-04", true},
		{"chinese spaced", "2025 年 3 月 4 日", DateAuto, "2025-03-04", true},
		{"chinese without day mark", "2025年3月4", DateAuto, "2025-03-04", true},
		{"full-width digits", "２０２５年３月４日", DateAuto, "2025-03-04", true},
		{"compact", "20250304", DateAuto, "2025-03-04", true},
		{"minutes", "2025-03-04 14:30", DateAuto, "2025-03-04 14:30:00", true},
		{"slashes with seconds", "2025/3/4 14:30:05", DateAuto, "2025-03-04 14:30:05", true},
		{"single digit hour", "2025/3/4 9:05", DateAuto, "2025-03-04 09:05:00", true},
		{"iso T Z", "2025-03-04T14:30:00Z", DateAuto, "2025-03-04 14:30:00", true},
		{"iso offset dropped", "2025-03-04T14:30:00+08:00", DateAuto, "2025-03-04 14:30:00", true},
		{"iso negative offset", "2025-03-04T23:30:00-05:00", DateAuto, "2025-03-04 23:30:00", true},
		{"compact offset", "2025-03-04 14:30:00 +0800", DateAuto, "2025-03-04 14:30:00", true},
		{"fractional seconds truncated", "2025-03-04T14:30:00.999Z", DateAuto, "2025-03-04 14:30:00", true},
		{"utc word", "2025-03-04 14:30 UTC", DateAuto, "2025-03-04 14:30:00", true},
		{"chinese time", "2025年3月4日 14时30分", DateAuto, "2025-03-04 14:30:00", true},
		{"chinese time seconds", "2025年3月4日14点30分05秒", DateAuto, "2025-03-04 14:30:05", true},
		{"chinese hour only", "2025年3月4日 9点", DateAuto, "2025-03-04 09:00:00", true},
		{"afternoon", "2025-03-04 下午2:30", DateAuto, "2025-03-04 14:30:00", true},
		{"morning", "2025-03-04 上午9:15", DateAuto, "2025-03-04 09:15:00", true},
		{"afternoon chinese clock", "2025年3月4日下午2点30分", DateAuto, "2025-03-04 14:30:00", true},
		{"evening", "2025-03-04 晚上8:00", DateAuto, "2025-03-04 20:00:00", true},
		{"noon", "2025-03-04 中午12:30", DateAuto, "2025-03-04 12:30:00", true},
		{"pm", "2025-03-04 2:30 PM", DateAuto, "2025-03-04 14:30:00", true},
		{"12 am is midnight", "2025-03-04 12:05am", DateAuto, "2025-03-04 00:05:00", true},
		{"12 pm is noon", "2025-03-04 12:05 pm", DateAuto, "2025-03-04 12:05:00", true},
		{"english short", "Mar 4, 2025", DateAuto, "2025-03-04", true},
		{"english day first", "4 March 2025", DateAuto, "2025-03-04", true},
		{"english no comma", "March 4 2025", DateAuto, "2025-03-04", true},
		{"english dashes", "04-Mar-2025", DateAuto, "2025-03-04", true},
		{"english upper", "04-MAR-2025", DateAuto, "2025-03-04", true},
		{"english ordinal", "March 4th, 2025", DateAuto, "2025-03-04", true},
		{"english abbreviation dot", "Sept. 4, 2025", DateAuto, "2025-09-04", true},
		{"english year first", "2025 Mar 4", DateAuto, "2025-03-04", true},
		{"english weekday", "Tue, Mar 4, 2025", DateAuto, "2025-03-04", true},
		{"english with time", "Mar 4, 2025 2:30 PM", DateAuto, "2025-03-04 14:30:00", true},
		{"english wrong weekday", "Mon, Mar 4, 2025", DateAuto, "Mon, Mar 4, 2025", false},
		{"year last day over 12", "13/04/2025", DateAuto, "2025-04-13", true},
		{"year last month first unambiguous", "04/13/2025", DateAuto, "2025-04-13", true},
		{"year last equal parts", "04/04/2025", DateAuto, "2025-04-04", true},
		{"year last ambiguous", "03/04/2025", DateAuto, "03/04/2025", false},
		{"year last mdy", "03/04/2025", DateMDY, "2025-03-04", true},
		{"year last dmy", "03/04/2025", DateDMY, "2025-04-03", true},
		{"year last mdy invalid month", "13/04/2025", DateMDY, "13/04/2025", false},
		{"year last dashes with time", "13-04-2025 08:00", DateAuto, "2025-04-13 08:00:00", true},
		{"two digit year last", "03/04/25", DateMDY, "03/04/25", false},
		{"two digit year first", "25-03-04", DateAuto, "25-03-04", false},
		{"two digit year english", "Mar 4, 25", DateAuto, "Mar 4, 25", false},
		{"feb 30", "2025-02-30", DateAuto, "2025-02-30", false},
		{"feb 29 leap", "2024-02-29", DateAuto, "2024-02-29", true},
		{"feb 29 not leap", "2100-02-29", DateAuto, "2100-02-29", false},
		{"month 13", "2025-13-01", DateAuto, "2025-13-01", false},
		{"24:00", "2025-03-04 24:00", DateAuto, "2025-03-04 24:00", false},
		{"minute 60", "2025-03-04 23:60", DateAuto, "2025-03-04 23:60", false},
		{"year typo", "20225-03-04", DateAuto, "20225-03-04", false},
		{"year too early", "1899-12-31", DateAuto, "1899-12-31", false},
		{"year too late", "2201-01-01", DateAuto, "2201-01-01", false},
		{"mixed separators", "2025-03/04", DateAuto, "2025-03/04", false},
		{"year and month only", "2025-03", DateAuto, "2025-03", false},
		{"text", "明天", DateAuto, "明天", false},
		{"trailing junk", "2025-03-04 abc", DateAuto, "2025-03-04 abc", false},
		{"raw kept after text cleanup", "  2025-02-30\t", DateAuto, "2025-02-30", false},
		{"excel serial", "45720", DateAuto, "2025-03-04", true},
		{"excel serial fraction", "45720.604166666664", DateAuto, "2025-03-04 14:30:00", true},
		{"excel serial 1", "1", DateAuto, "1900-01-01", true},
		{"excel serial 59", "59", DateAuto, "1900-02-28", true},
		{"excel serial 60 is fake leap day", "60", DateAuto, "60", false},
		{"excel serial 61", "61", DateAuto, "1900-03-01", true},
		{"excel serial max", "2958465", DateAuto, "9999-12-31", true},
		{"excel serial too large", "2958466", DateAuto, "2958466", false},
		{"excel serial zero", "0", DateAuto, "0", false},
		{"bare year is not a serial", "2025", DateAuto, "2025", false},
		{"year dot month is not a serial", "2025.3", DateAuto, "2025.3", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Date(tt.in, tt.order)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Date(%q, %d) = %q, %v; want %q, %v", tt.in, tt.order, got, ok, tt.want, tt.ok)
			}
			if again, _ := Date(got, tt.order); again != got {
				t.Errorf("Date not idempotent: Date(%q) = %q", got, again)
			}
		})
	}
}

func TestDateCanonicalDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"2025-03-04", "2025-03-04 14:30:00"} {
		if n := testing.AllocsPerRun(100, func() { Date(s, DateAuto) }); n != 0 {
			t.Errorf("Date(%q) allocated %v times, want 0", s, n)
		}
	}
}

func TestExcelSerial(t *testing.T) {
	tests := []struct {
		name     string
		serial   float64
		date1904 bool
		want     string
		ok       bool
	}{
		{"day 1", 1, false, "1900-01-01", true},
		{"before fake leap day", 59, false, "1900-02-28", true},
		{"fake leap day", 60, false, "", false},
		{"after fake leap day", 61, false, "1900-03-01", true},
		{"modern", 45720, false, "2025-03-04", true},
		{"modern with time", 45720.5, false, "2025-03-04 12:00:00", true},
		{"float noise rounds to the second", 45720.60416666, false, "2025-03-04 14:30:00", true},
		{"rounds up into the next day", 45720.999999999, false, "2025-03-05", true},
		{"last day", 2958465, false, "9999-12-31", true},
		{"last second", 2958465.99998, false, "9999-12-31 23:59:58", true},
		{"past the last day", 2958466, false, "", false},
		{"rounds into year 10000", 2958465.999999999, false, "", false},
		{"zero", 0, false, "", false},
		{"time only", 0.5, false, "", false},
		{"negative", -1, false, "", false},
		{"1904 day 0", 0, true, "1904-01-01", true},
		{"1904 modern", 44258, true, "2025-03-04", true},
		{"1904 last day", 2957003, true, "9999-12-31", true},
		{"1904 past the last day", 2957004, true, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ExcelSerial(tt.serial, tt.date1904)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ExcelSerial(%v, %v) = %q, %v; want %q, %v", tt.serial, tt.date1904, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCalendarRoundTrip(t *testing.T) {
	for days := daysFromCivil(1, 1, 1); days <= daysFromCivil(9999, 12, 31); days += 7 {
		y, m, d := civilFromDays(days)
		if !validCalendarDate(y, m, d) || daysFromCivil(y, m, d) != days {
			t.Fatalf("civilFromDays(%d) = %d-%d-%d, not a round trip", days, y, m, d)
		}
	}
	if w := weekday(2025, 3, 4); w != 2 {
		t.Errorf("weekday(2025-03-04) = %d, want 2 (Tuesday)", w)
	}
}
