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
