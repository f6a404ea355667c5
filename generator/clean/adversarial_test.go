package clean_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eduportal/portal/generator/clean"
)

// adversarial are inputs built to make a cleaner that rescans the text
// (per character, per line, per annotation) super-linear. Each builds
// about n bytes. A report is tens of kilobytes; these exist so that one bad
// or hostile report cannot hang a whole site build.
var adversarial = []struct {
	name string
	gen  func(n int) string
}{
	// a "?" after a ")" looks back for the annotation's "(": the look back
	// once searched the whole line (quadratic)
	{"paren-question", func(n int) string { return "中" + strings.Repeat(")?", n/2) }},
	{"fullwidth-paren-question", func(n int) string { return "中" + strings.Repeat("\uff09?", n/4) }},
	// stacked annotations 中(lǐng)(lǐng)…: each pass of the stripper once
	// removed one layer (quadratic)
	{"stacked-annotations", func(n int) string { return "中" + strings.Repeat("(lǐng)", n/8) }},
	{"stacked-annotations-across-lines", func(n int) string {
		// a sentence first, so the broken line is not taken for the title
		return "正文。\n教育经费投入持续增加并且逐年提高的中\n" + strings.Repeat("(lǐng)", n/8)
	}},
	{"question-marks-between-han", func(n int) string { return "中" + strings.Repeat("?", n) + "文" }},
	{"han-question", func(n int) string { return strings.Repeat("中?", n/4) }},
	{"debris", func(n int) string { return "中" + strings.Repeat("?qū)", n/5) }},
	{"replacement-chars", func(n int) string { return strings.Repeat("\uFFFD", n/3) }},
	{"open-parens", func(n int) string { return strings.Repeat("(", n) }},
	{"pinyin-line", func(n int) string { return strings.Repeat("領(lǐng)導(dǎo)", n/22) }},
	{"short-lines", func(n int) string { return strings.Repeat("教育经费投入持续增加并且\n", n/37) }},
	{"comma-lines", func(n int) string { return strings.Repeat("中,\n", n/5) }},
	// separator and clutter lines: each run of separators once scanned the
	// rest of the page (quadratic in lines)
	{"separator-clutter", func(n int) string { return strings.Repeat("---\n分享到\n", n/14) }},
	{"separator-headlines", func(n int) string { return strings.Repeat("---\n标题\n", n/11) }},
	{"quotes", func(n int) string { return strings.Repeat("中\"", n/4) }},
	{"outline-markers", func(n int) string { return strings.Repeat("一、(一)1.①\n", n/20) }},
	// the body's shapes: a page head of headlines, a one-line page of menu
	// items, separators after prose with a time stamp at the end, untoned
	// annotations
	{"headline-head", func(n int) string {
		return strings.Repeat("某地新闻标题在此\n", n/25) + "正文第一句话在这里。"
	}},
	{"one-line-menu", func(n int) string { return strings.Repeat("菜单 ", n/7) + "正文第一句话在这里。 尾巴" }},
	{"feed-separators", func(n int) string {
		return "正文第一句话在这里。\n" + strings.Repeat("-\n正文第二句话在这里。\n", n/33) + "1 day ago"
	}},
	{"untoned-annotations", func(n int) string { return strings.Repeat("教(jiao)室(shi)", n/16) }},
}

// BenchmarkCleanAdversarial cleans each adversarial input of about 256 KB.
func BenchmarkCleanAdversarial(b *testing.B) {
	for _, a := range adversarial {
		text := a.gen(256 << 10)
		b.Run(a.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				clean.Clean(text, clean.Options{SourceID: "adversarial"})
			}
		})
	}
}

// TestCleanScalesLinearly cleans each adversarial input at two sizes, n and
// 4n, and fails when the larger takes more than maxRatio times as long.
// This is a ratio, not a wall-clock limit, so a slow or busy machine does
// not fail it: a linear cleaner gives about 4, a quadratic one 16 and more
// (the inputs that were quadratic gave 18 to 28 before they were fixed).
// TestCleanScalesLinearly compares the time of each adversarial input with
// the time of the same input 4× larger, in the same process. Timings are
// not unit-test material (a loaded machine makes them noisy), so it runs
// only when asked: CLEAN_SCALING=1 go test -run TestCleanScalesLinearly
// ./generator/clean. It is not in CI: on a loaded machine the ratio swings
// (6 to 13 for the same code), and a gate that flakes is worse than none.
func TestCleanScalesLinearly(t *testing.T) {
	if os.Getenv("CLEAN_SCALING") == "" {
		t.Skip("a timing check: set CLEAN_SCALING=1 to run it")
	}
	const n, maxRatio = 32 << 10, 12
	for _, a := range adversarial {
		t.Run(a.name, func(t *testing.T) {
			small, large := a.gen(n), a.gen(4*n)
			ts, tl := minTime(small), minTime(large)
			ratio := float64(tl) / float64(ts)
			t.Logf("%d bytes: %v; %d bytes: %v; ratio %.1f", len(small), ts, len(large), tl, ratio)
			if ratio > maxRatio {
				t.Errorf("cleaning 4× the input took %.1f× as long (%v → %v): super-linear", ratio, ts, tl)
			}
		})
	}
}

// minTime is the shortest of a few runs of Clean on text, at least a
// microsecond so a ratio is defined.
func minTime(text string) time.Duration {
	best := time.Duration(1<<63 - 1)
	for i := 0; i < 3; i++ {
		start := time.Now()
		clean.Clean(text, clean.Options{SourceID: "adversarial"})
		if d := time.Since(start); d < best {
			best = d
		}
	}
	return max(best, time.Microsecond)
}
