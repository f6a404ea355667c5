package extract

import "testing"

// trimLabelPatterns skips each pattern where it cannot match; the result
// must be what applying all three gives.
func FuzzTrimLabelPatterns(f *testing.F) {
	for _, s := range []string{"", "1.学校", "（三）教师", "(12)x", "2020年度招生", "比上年", "较2019年的", "從去年", "年", "（", "12、", "１．"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := leadYearRe.ReplaceAllString(basePhraseRe.ReplaceAllString(listMarkerRe.ReplaceAllString(s, ""), ""), "")
		if got := trimLabelPatterns(s); got != want {
			t.Fatalf("trimLabelPatterns(%q) = %q, want %q", s, got, want)
		}
	})
}
