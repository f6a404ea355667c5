package publish

import (
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/clean"
)

// render writes a diff the way the edit log shows it: [-del-] {+ins+} … (+n).
func render(ps []diffPiece) string {
	var b strings.Builder
	for _, p := range ps {
		switch p.Op {
		case "del":
			b.WriteString("[-" + p.Text + "-]")
		case "ins":
			b.WriteString("{+" + p.Text + "+}")
		case "gap":
			b.WriteString("…")
		case "more":
			b.WriteString("(+" + p.Text + ")")
		default:
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func TestSmallDiff(t *testing.T) {
	tests := []struct{ name, before, after, want string }{
		{"pinyin removed, context cut", "科技改變生活，科技引領(lǐng)未來，一二三四五六七八九十", "科技改變生活，科技引領未來，一二三四五六七八九十", "…變生活，科技引領[-(lǐng)-]未來，一二三四五…"},
		{"punctuation replaced", "甲乙,丙丁", "甲乙，丙丁", "甲乙[-,-]{+，+}丙丁"},
		{"long middle cut", "甲,一二三四五六七八九十十一十二十三十四十五十六,乙", "甲，一二三四五六七八九十十一十二十三十四十五十六，乙", "甲[-,-]{+，+}一二三四五六七八…十三十四十五十六[-,-]{+，+}乙"},
		{"more changes than shown", "甲,乙,丙,丁,戊,己", "甲，乙，丙，丁，戊，己", "甲[-,-]{+，+}乙[-,-]{+，+}丙[-,-]{+，+}丁[-,-]{+，+}戊(+1)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(smallDiff(tc.before, tc.after, editContext)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestEditGroups: grouped by kind in reading order, counts include a line's
// several changes, removed lines flagged, notes only on corrections.
func TestEditGroups(t *testing.T) {
	edits := []clean.Edit{
		{Kind: "punct", Line: 1, Before: "甲,乙", After: "甲，乙", Rule: "halfwidth-punct-in-han", Count: 1},
		{Kind: "clutter", Line: 2, Before: "分享到微信", After: "", Rule: "share-prompt"},
		{Kind: "pinyin", Line: 3, Before: "領(lǐng)導(dǎo)", After: "領導", Rule: "pinyin-annotation", Count: 2},
		{Kind: "byline", Line: 4, Before: "記者張三", After: "", Rule: "byline", Note: "moved to the report's metadata"},
		{Kind: "correction", Line: 5, Before: "?", After: "報", Rule: "editor-correction", Note: "说明"},
		{Kind: "punct", Line: 6, Before: "丙;丁", After: "丙；丁", Rule: "halfwidth-punct-in-han"},
	}
	gs := editGroups(Lang{Code: "zh-hans", Convert: func(s string) string { return s }}, edits)
	var kinds []string
	for _, g := range gs {
		kinds = append(kinds, g.Kind)
	}
	if got := strings.Join(kinds, " "); got != "correction clutter pinyin byline punct" {
		t.Fatalf("kinds %s", got)
	}
	if gs[2].Count != 2 || gs[4].Count != 2 || len(gs[4].Entries) != 2 {
		t.Errorf("counts: pinyin %d, punct %d in %d entries", gs[2].Count, gs[4].Count, len(gs[4].Entries))
	}
	if !gs[1].Entries[0].Removed || gs[1].Entries[0].Diff[0].Op != "del" {
		t.Errorf("removed line: %+v", gs[1].Entries[0])
	}
	if gs[0].Entries[0].Note != "说明" || gs[3].Entries[0].Note != "" {
		t.Errorf("notes: correction %q, byline %q", gs[0].Entries[0].Note, gs[3].Entries[0].Note)
	}
}
