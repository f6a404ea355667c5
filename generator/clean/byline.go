package clean

import (
	"regexp"
	"strings"
)

// Bylines and datelines are not clutter: they say who wrote the report and
// who published it. They leave the text for the document's metadata
// (Authors, Contributors, Publisher), each with an edit record.
//
//	齊魯晚報·齊魯壹點記者張超     → publisher 齊魯晚報·齊魯壹點, author 張超
//	記者 張龍 張寧 通訊員 張偉     → authors 張龍, 張寧; contributor 張偉
//	本报讯(记者 王五)             → author 王五
//	新华社北京8月20日电           → publisher 新华社
var (
	bylineRe      = regexp.MustCompile(`^(?:(\S{2,20}?)\s*)?(?:本[报報])?(?:特约|特約|见习|見習)?(?:记者|記者)[:：]?\s*((?:\p{Han}{2,4}[\s、,，]*)+?)\s*(?:(?:通讯员|通訊員)[:：]?\s*((?:\p{Han}{2,4}[\s、,，]*)+?))?\s*$`)
	bylineParenRe = regexp.MustCompile(`^(?:本[报報]|本[网網])[讯訊][(（](?:记者|記者)\s*((?:\p{Han}{2,4}[\s、,，]*)+?)(?:\s*(?:通讯员|通訊員)\s*((?:\p{Han}{2,4}[\s、,，]*)+?))?[)）]$`)
	datelineRe    = regexp.MustCompile(`^(\p{Han}{2,10}?(?:社|网|網|报|報|台))\s*[／/]?\s*(?:\p{Han}{2,4})?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:电|電|讯|訊)$`)
	nameSplitRe   = regexp.MustCompile(`[\s、,，]+`)
)

// byline reads a byline or dateline line; ok is false for any other line.
// Only short lines are considered: a sentence that mentions a reporter is
// report text.
func byline(s string) (publisher string, authors, contributors []string, ok bool) {
	if len([]rune(s)) > 40 {
		return "", nil, nil, false
	}
	if m := bylineParenRe.FindStringSubmatch(s); m != nil {
		return "", names(m[1]), names(m[2]), true
	}
	if m := bylineRe.FindStringSubmatch(s); m != nil {
		pub := strings.TrimRight(m[1], "·・ ")
		return pub, names(m[2]), names(m[3]), true
	}
	if m := datelineRe.FindStringSubmatch(s); m != nil {
		return m[1], nil, nil, true
	}
	return "", nil, nil, false
}

func names(s string) []string {
	var out []string
	for _, n := range nameSplitRe.Split(strings.TrimSpace(s), -1) {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// moveBylines moves bylines into the document's metadata. Bylines sit near
// the top of a report; only the first five lines are looked at, so a list of
// names deep in the text is never taken for one.
func (c *cleaner) moveBylines(lines []*line) []*line {
	rules := make([]string, len(lines))
	for i := 0; i < len(lines) && i < 5; i++ {
		pub, au, co, ok := byline(lines[i].text())
		if !ok {
			continue
		}
		if pub != "" && c.doc.Publisher == "" {
			c.doc.Publisher = pub
		}
		c.doc.Authors = append(c.doc.Authors, au...)
		c.doc.Contributors = append(c.doc.Contributors, co...)
		rules[i] = "byline"
		c.edit(Edit{Kind: "byline", Line: lines[i].n, Before: lines[i].raw, After: "", Rule: "byline", Note: bylineNote(pub, au, co)})
	}
	return c.removeMarked(lines, rules, "")
}

// bylineNote says where a byline's parts went.
func bylineNote(pub string, authors, contributors []string) string {
	var parts []string
	if pub != "" {
		parts = append(parts, "publisher: "+pub)
	}
	if len(authors) > 0 {
		parts = append(parts, "authors: "+strings.Join(authors, ", "))
	}
	if len(contributors) > 0 {
		parts = append(parts, "contributors: "+strings.Join(contributors, ", "))
	}
	return "moved to the report's metadata (" + strings.Join(parts, "; ") + ")"
}
