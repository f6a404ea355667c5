package clean_test

import (
	"strings"
	"testing"
	"time"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/source"
)

func TestZZProbe(t *testing.T) {
	cases := map[string]func(n int) string{
		"q-between-han":   func(n int) string { return "中" + strings.Repeat("?", n) + "文" },
		"han-q":           func(n int) string { return strings.Repeat("中?", n/2) },
		"paren-q":         func(n int) string { return "中" + strings.Repeat(")?", n/2) },
		"open-paren":      func(n int) string { return strings.Repeat("(", n) },
		"nested-pinyin":   func(n int) string { return "中" + strings.Repeat("(lǐng)", n/8) },
		"nested-pinyin-x": func(n int) string { return "这是一个很长很长的句子没有标点符号的中\n" + strings.Repeat("(lǐng)", n/8) },
		"pinyin-line":     func(n int) string { return strings.Repeat("領(lǐng)導(dǎo)", n/20) },
		"short-lines":     func(n int) string { return strings.Repeat("教育经费投入持续增加并且\n", n/36) },
		"sep-share":       func(n int) string { return strings.Repeat("---\n分享到\n", n/14) },
		"sep-headline":    func(n int) string { return strings.Repeat("---\n标题\n", n/11) },
		"fffd":            func(n int) string { return strings.Repeat("\uFFFD", n/3) },
		"q-qu":            func(n int) string { return "中" + strings.Repeat("?qū)", n/5) },
		"commas":          func(n int) string { return strings.Repeat("中,\n", n/5) },
	}
	for name, gen := range cases {
		var prev time.Duration
		for _, n := range []int{1 << 14, 1 << 16, 1 << 18} {
			s := gen(n)
			st := time.Now()
			clean.Clean(s, clean.Options{})
			d := time.Since(st)
			t.Logf("%-16s n=%7d %v ratio=%.1f", name, len(s), d, float64(d)/float64(prev+1))
			prev = d
			if d > 5*time.Second {
				break
			}
		}
	}
}

func BenchmarkZZReports(b *testing.B) {
	for _, id := range reports {
		raw := readReport(b, id)
		b.Run(id, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				text, _, _ := source.Decode("x", raw, "")
				clean.Clean(text, clean.Options{})
			}
		})
	}
}
