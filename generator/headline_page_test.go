package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A figure read from the headline is shown in it on the report page, in
// both scripts: the headline is the text's first paragraph, anchored #p0
// with its ¶ link and the figure's link #f-p0-1, and markup in it stays
// text. The body's paragraphs keep their anchors from #p1.
func TestHeadlineFigureOnReportPage(t *testing.T) {
	root := copyTree(t)
	addRaw(t, root, "headline", "济南新建扩建学校12所 <b>粗体</b>\n全市今年共有中小学300所。\n")
	if err := generate(root, generateOptions{noCache: true}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh-hans", "zh-hant"} {
		page := readFile(t, filepath.Join(root, "content", lang, "sources", "headline.md"))
		body := page[strings.LastIndex(page, "\n}\n")+3:]
		first, rest, _ := strings.Cut(body, "\n\n")
		for _, want := range []string{"](#f-p0-1", "[¶](#p0)", "{#p0 .headline}", `\<b\>`} {
			if !strings.Contains(first, want) {
				t.Errorf("%s: the text's first paragraph %q lacks %q", lang, first, want)
			}
		}
		if !strings.Contains(rest, "{#p1}") || strings.Contains(rest, "p0") {
			t.Errorf("%s: the body after the headline is not p1 on: %q", lang, rest)
		}
	}
	var found bool
	for _, o := range readObservations(t, root) {
		if o.Source == "headline" && o.ID == "headline-p0-1" {
			found = o.Value+o.Unit == "12所"
		}
	}
	if !found {
		t.Error("observations.json has no headline-p0-1 of 12所")
	}
}
