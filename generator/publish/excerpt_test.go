package publish

import (
	"strings"
	"testing"
)

func TestShortenCutsAtClauseEnds(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short text whole", "全市新增学位12万个。", 10, "全市新增学位12万个。"},
		{"last clause end before n", "全市共提供普惠性学位，其中新建幼儿园提供128557个学位，覆盖所有乡镇。此后继续推进。" + strings.Repeat("其他内容", 10), 28, "全市共提供普惠性学位，其中新建幼儿园提供128557个学位，…"},
		{"clause end a little past n", "教师周转宿舍2766套全部建成并交付使用，惠及乡村教师。" + strings.Repeat("其他内容", 10), 16, "教师周转宿舍2766套全部建成并交付使用，…"},
		{"no clause end: not inside a number", strings.Repeat("甲", 8) + "128557" + strings.Repeat("乙", 40), 10, strings.Repeat("甲", 8) + "…"},
		{"no clause end: not inside a decimal", strings.Repeat("甲", 8) + "93.37%" + strings.Repeat("乙", 40), 11, strings.Repeat("甲", 8) + "…"},
		{"no clause end, no number: at n", strings.Repeat("甲", 60), 10, strings.Repeat("甲", 10) + "…"},
		{"full-width digits kept whole", strings.Repeat("甲", 8) + "１２８５" + strings.Repeat("乙", 40), 10, strings.Repeat("甲", 8) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := shorten(tc.in, tc.n); got != tc.want {
				t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}

// A clause too long to end within the excerpt is cut before or after a
// person's name, never inside it, in both scripts: names before a title,
// after one, after 姓, and a two-character name.
func TestShortenKeepsNamesWhole(t *testing.T) {
	long := strings.Repeat("乙", 40)
	for _, tc := range []struct {
		name, in string
		n        int
		want     string
	}{
		{"name before a title", "会上市委常委范国强局长作了讲话" + long, 7, "会上市委常委…"},
		{"name before a title, Traditional", "會上市委常委范國強局長作了講話" + long, 7, "會上市委常委…"},
		{"cut inside the title: before it", "会上市委常委范国强局长作了讲话" + long, 10, "会上市委常委范国强…"},
		{"after the title and the name's reach", "会上市委常委范国强局长作了讲话" + long, 15, "会上市委常委范国强局长作了讲话…"},
		{"within a name's reach after the title", "会上市委常委范国强局长作了讲话" + long, 13, "会上市委常委范国强局长…"},
		{"name after a title", "全体参会的市委书记余建华指出" + long, 11, "全体参会的市委书记…"},
		{"name after a title, Traditional", "全體參會的市委書記余建華指出" + long, 11, "全體參會的市委書記…"},
		{"two-character name (the reach is three)", "本次活动由学校的周敏老师负责组织" + long, 9, "本次活动由学校…"},
		{"after 姓", "这位来自县城的老人姓于名叫于海" + long, 9, "这位来自县城的老人…"},
		{"no name: at n", strings.Repeat("甲", 60), 10, strings.Repeat("甲", 10) + "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := shorten(tc.in, tc.n); got != tc.want {
				t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}
