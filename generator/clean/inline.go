package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A page whose head and body were copied as one line (some news sites'
// mobile pages, saved from the reader view): navigation words, the date
// stamp with its clock time, the headline, the share bar's first word, then
// the body — "返回 本地 2018-11-27 06:00:00 小一自行分配學位 成功率逾四成 分享:
// 全港…". Line by line, nothing in it is a headline or clutter; cut at the
// stamp and the share bar, the head is lines like any other page's.

// inlineHeadRE finds the stamp, the headline after it and the share bar's
// first word (分享, 分享到, 字号, 打印, 收藏) with its colon.
var inlineHeadRE = regexp.MustCompile(`(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?\s+(\S.{3,68}?\S)\s*(?:分享到|分享|字号|字號|打印|列印|收藏)\s*[:：]`)

// InlineHead is the head of a one-line page: byte offsets into the line of
// the stamp's start, the headline [HeadStart, HeadEnd) and the body's start.
type InlineHead struct {
	Stamp, HeadStart, HeadEnd, Body int
}

// FindInlineHead finds the head of a page copied as one line, when the
// words between the stamp and the share bar have a headline's shape (mostly
// Han, no sentence or clause mark).
func FindInlineHead(s string) (InlineHead, bool) {
	m := inlineHeadRE.FindStringSubmatchIndex(s)
	if m == nil || m[0] > 200 {
		return InlineHead{}, false
	}
	h := s[m[2]:m[3]]
	if strings.ContainsAny(h, "。，,；;：:！？!?>»＞") || 2*hanCount(h) < utf8.RuneCountInString(h) {
		return InlineHead{}, false
	}
	return InlineHead{Stamp: m[0], HeadStart: m[2], HeadEnd: m[3], Body: m[1]}, true
}

// splitInlineHead cuts the first lines that hold a page's head and body
// into the head's lines (what comes before the stamp, the stamp, the
// headline, the share bar) and the body's, each after a break so that no
// rule joins them again. Only a line of plain text is cut (no damaged
// span in it); the cut is an edit record.
func (c *cleaner) splitInlineHead(lines []*line) []*line {
	for i, l := range lines[:min(len(lines), 5)] {
		if len(l.segs) != 1 || l.segs[0].kind != "" {
			continue
		}
		t := l.segs[0].text
		h, ok := FindInlineHead(t)
		if !ok || !strings.ContainsAny(t[h.Body:], "。！？!?") { // a body: at least a sentence after the head
			continue
		}
		var parts []string
		for _, p := range []string{t[:h.Stamp], t[h.Stamp:h.HeadStart], t[h.HeadStart:h.HeadEnd], t[h.HeadEnd:h.Body], t[h.Body:]} {
			if p = strings.TrimFunc(p, isSpace); p != "" {
				parts = append(parts, p)
			}
		}
		c.edit(Edit{Kind: "split", Line: l.n, Before: t, After: strings.Join(parts, "\n"), Rule: "split-inline-head"})
		var cut []*line
		for k, p := range parts {
			cut = append(cut, &line{n: l.n, raw: p, breakBefore: k > 0 || l.breakBefore, segs: []seg{{text: p}}})
		}
		return append(append(append([]*line{}, lines[:i]...), cut...), lines[i+1:]...)
	}
	return lines
}
