package clean

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The outline of Chinese official writing is marked at the start of a
// paragraph: 一、 (level 1), (一) (level 2), 1. or 1、 (level 3), (1)
// (level 4), ① (level 5). Lines with 一、 or (一) are headings when they
// are a title rather than a paragraph (no sentence after their first);
// numbered items (1. …) are headings only when short and unpunctuated,
// otherwise list items that carry text. Short lines without a marker and
// without punctuation at the end (上半年回顧) are plain headings: level 1,
// or one below a heading they follow directly (a subtitle).
var markers = []struct {
	level int
	re    *regexp.Regexp
}{
	{1, regexp.MustCompile(`^[一二三四五六七八九十百零〇]+[、.．]`)},
	{2, regexp.MustCompile(`^[(（][一二三四五六七八九十百零〇]+[)）]、?`)},
	{3, regexp.MustCompile(`^\d{1,3}[、.．]`)},
	{4, regexp.MustCompile(`^[(（]\d{1,3}[)）]`)},
	{5, regexp.MustCompile(`^[①-⑳]`)},
}

// marker returns the outline level of s's marker (0 for none), the marker
// and the text after it. "1.8亿元" starts with a number, not an item.
func marker(s string) (level int, mark, body string) {
	// Every marker starts with one of these; most lines start otherwise.
	if r, _ := utf8.DecodeRuneInString(s); !(r >= '0' && r <= '9' || r >= '①' && r <= '⑳' || strings.ContainsRune("一二三四五六七八九十百零〇(（", r)) {
		return 0, "", s
	}
	for _, m := range markers {
		loc := m.re.FindStringIndex(s)
		if loc == nil {
			continue
		}
		if next, _ := utf8.DecodeRuneInString(s[loc[1]:]); next >= '0' && next <= '9' {
			return 0, "", s
		}
		return m.level, s[:loc[1]], s[loc[1]:]
	}
	return 0, "", s
}

// startsItem reports whether s starts an outline or list item.
func startsItem(s string) bool {
	lv, _, _ := marker(s)
	return lv > 0
}

// headingEnd holds the characters a plain heading cannot end with; unlike
// sentenceEnd it leaves out closing quotes and brackets (寫好濟南教育“奮進之筆”).
const headingEnd = "。.!?！？;；:：…,，、"

// maxPlainHeading is the longest line taken for a heading without a marker.
const maxPlainHeading = 30

// headingLevel returns the heading level of a paragraph (0 if it is not a
// heading) and its list level (0 if it is not a list item).
func headingLevel(text string, afterHeading int) (heading, item int) {
	lv, _, body := marker(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	// Only whether body is short matters: count no further than that.
	n := runesUpTo(body, max(20, maxPlainHeading)+1)
	switch {
	case lv == 1 || lv == 2:
		// a heading is one sentence at most: nothing after its first 。
		if i := strings.IndexAny(body, "。;；"); i < 0 || i+len("。") >= len(body) {
			return lv, 0
		}
		return 0, lv
	case lv > 0:
		if n <= 20 && !strings.ContainsAny(body, ",，。;；:：!?！？") {
			return lv, 0
		}
		return 0, lv
	}
	if n <= maxPlainHeading && !strings.ContainsRune(headingEnd, last) && !strings.Contains(text, "。") {
		if afterHeading > 0 {
			return afterHeading + 1, 0
		}
		return 1, 0
	}
	return 0, 0
}

// outline sets Heading, Level, Section and SectionID on each paragraph.
// Section is the nearest top-level heading: the smallest heading level the
// report uses is top level.
func outline(ps []Paragraph) {
	prevHeading := 0
	top := 0
	for i := range ps {
		h, item := headingLevel(ps[i].Text, prevHeading)
		if h > 0 {
			ps[i].Heading, ps[i].Level = true, h
			if top == 0 || h < top {
				top = h
			}
		} else {
			ps[i].Level = item
		}
		prevHeading = h
	}
	section, sectionID := "", ""
	for i := range ps {
		if ps[i].Heading && ps[i].Level == top {
			section, sectionID = ps[i].Text, ps[i].ID
		}
		ps[i].Section, ps[i].SectionID = section, sectionID
	}
}

// runesUpTo counts the runes of s, stopping at limit.
func runesUpTo(s string, limit int) int {
	n := 0
	for range s {
		if n == limit {
			break
		}
		n++
	}
	return n
}
