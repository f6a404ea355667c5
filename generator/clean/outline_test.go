package clean

import (
	"testing"
	"unicode/utf8"
)

// marker looks at the patterns only for lines that start with a
// character one of them starts with; it must find what trying every
// pattern finds.
func FuzzMarkerMatchesPatterns(f *testing.F) {
	for _, s := range []string{"", "一、总体情况", "（三）教师", "(1)学校", "12.学生", "1.8亿元", "①师资", "⑳x", "十百、", "〇.", "教育"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := [3]any{0, "", s}
		for _, m := range markers {
			loc := m.re.FindStringIndex(s)
			if loc == nil {
				continue
			}
			if next, _ := utf8.DecodeRuneInString(s[loc[1]:]); next >= '0' && next <= '9' {
				break
			}
			want = [3]any{m.level, s[:loc[1]], s[loc[1]:]}
			break
		}
		level, mark, body := marker(s)
		if got := [3]any{level, mark, body}; got != want {
			t.Fatalf("marker(%q) = %v, want %v", s, got, want)
		}
	})
}
