package intake

import (
	"github.com/eduportal/portal/generator/clean"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// breadcrumbRE: a page's "you are here" trail or a menu of links.
	breadcrumbRE = regexp.MustCompile(`[>»＞][^>»＞]*[>»＞]|当前位置|现在的位置|您的位置|所在位置|首页\s*[>»＞/]|[>»＞]\s*正文|>>|\s[>»＞]\s`)
	// stampRE: a byline or stamp line — who, when, from where.
	stampRE = regexp.MustCompile(`(?:来源|作者|时间|日期|发布|记者|编辑|浏览|点击|阅读|字号|通讯员|稿源|出处)\s*[:：]|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}:\d{2}|\d{1,2}日电|中央社|本报讯|^\(?[（(]?记者`)
	// labelRE: a "label: value" line (主管单位:农业农村部), the shape of
	// mastheads and forms when several come in a row.
	labelRE = regexp.MustCompile(`^[^:，,。]{1,8}:`)
	// outlineRE: a heading inside the body (一、 (一) 1.).
	outlineRE = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])`)
	// decorationRE: a site's tag after a headline (【精选推荐】, 【范文】).
	decorationRE = regexp.MustCompile(`\s*【[^】]{1,6}】\s*$`)
	// siteSuffixRE: the site's name after a page <title> (…_青岛新闻网, … - 新华网).
	siteSuffixRE = regexp.MustCompile(`\s*(?:[_|｜]|\s[-–—]\s).{1,30}$`)
)

// title finds the headline by its shape and place: a line of 6 to 70
// characters, mostly Han, that is not a breadcrumb, menu, stamp, masthead
// field, keyword list or sentence, before the first paragraph of running
// text; preferred when a stamp follows it (headline, then byline), when it
// is printed twice (also in the other script), and when the page's
// <title> says it too. A copy that opens with its body has no headline to
// find: the title is then left for the editor.
func (t *text) title() Field[string] {
	page := t.in.Source.Page
	pageTitles := []string{page.Headline, siteSuffixRE.ReplaceAllString(page.Title, ""), page.Title}
	best, bestScore := -1, 0.0
	limit := t.body
	if limit > 15 {
		limit = 15
	}
	for i := 0; i < limit; i++ {
		u := t.units[i]
		// What the cleaner took out as page clutter is not a headline.
		if u.removed != "" && u.removed != "title" || !t.headlineShaped(i) {
			continue
		}
		score := 1 - 0.2*float64(i)
		if n := utf8.RuneCountInString(u.hans); n >= 10 && n <= 50 {
			score++
		}
		if i+1 < len(t.units) && stampRE.MatchString(t.units[i+1].hans) && !isRunningText(t.units[i+1].hans) {
			score += 3
		}
		for j := range t.units {
			if j != i && j < t.body+1 && sameTitle(t.units[j].hans, u.hans) {
				score += 3
				break
			}
		}
		if u.removed == "title" {
			for _, e := range t.in.Doc.Edits {
				if strings.HasPrefix(e.Rule, "title-repeat") {
					score += 3
					break
				}
			}
		}
		for _, pt := range pageTitles {
			if pt != "" && sameTitle(t.fold(pt), u.hans) {
				score += 2
				break
			}
		}
		if best < 0 || score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		u := t.units[best]
		return known(tidyTitle(u.plain), at(u)+": "+quote(u.text)+t.titleWhy(best))
	}
	if f, ok := t.inlineHeadline(); ok {
		return f
	}
	// No headline in the text: a web page's own title, when it has one.
	for _, pt := range pageTitles[:2] {
		if pt = strings.TrimSpace(pt); pt != "" && hanShare(pt) >= 0.5 {
			return known(tidyTitle(pt), "the page's own title (<title> or its headline): "+quote(pt))
		}
	}
	if t.body == 0 {
		return unknown[string]("the copy opens with its body (" + quote(t.units[0].text) + "): no headline to take; write the report's real title")
	}
	return unknown[string]("no line before the body has a headline's shape; write the report's real title")
}

func (t *text) titleWhy(i int) string {
	var why []string
	if i+1 < len(t.units) && stampRE.MatchString(t.units[i+1].hans) {
		why = append(why, "a byline or stamp follows it")
	}
	for j := range t.units {
		if j != i && sameTitle(t.units[j].hans, t.units[i].hans) {
			why = append(why, "printed again at line "+itoa(t.units[j].line))
			break
		}
	}
	if len(why) == 0 {
		return ""
	}
	return " (" + strings.Join(why, "; ") + ")"
}

// headlineShaped reports whether unit i could be a headline.
func (t *text) headlineShaped(i int) bool {
	s := strings.TrimSpace(t.units[i].hans)
	n := utf8.RuneCountInString(s)
	switch {
	case n < 5 || n > 70, hanShare(s) < 0.5:
		return false
	case breadcrumbRE.MatchString(s), stampRE.MatchString(s), outlineRE.MatchString(s):
		return false
	case strings.ContainsAny(lastChar(s), "。：:；;，,、"):
		return false
	case strings.Count(s, "。") > 0:
		return false
	case separators(s) >= 3, isMenu(s):
		return false
	case strings.Contains(s, "上一篇") || strings.Contains(s, "下一篇") || strings.Contains(s, "小编"):
		return false
	}
	// A "label: value" line among others like it is a masthead or a form.
	if labelRE.MatchString(s) {
		run := 0
		for j := i - 2; j <= i+2; j++ {
			if j >= 0 && j < len(t.units) && labelRE.MatchString(t.units[j].hans) {
				run++
			}
		}
		if run >= 3 {
			return false
		}
	}
	return true
}

func lastChar(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

// separators counts the list separators of a keyword list or spam line.
func separators(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ',', '，', '|', '｜':
			n++
		}
	}
	return n
}

// isMenu: four or more words of at most three characters each, separated
// by spaces (首页 资讯 社会 经济 …).
func isMenu(s string) bool {
	f := strings.Fields(s)
	if len(f) < 4 {
		return false
	}
	short := 0
	for _, w := range f {
		if utf8.RuneCountInString(w) <= 3 {
			short++
		}
	}
	return short*4 >= len(f)*3
}

// sameTitle compares two lines as titles: the same characters, whatever
// the spaces, punctuation and site tags.
func sameTitle(a, b string) bool {
	na, nb := titleKey(a), titleKey(b)
	return na != "" && na == nb
}

func titleKey(s string) string {
	s = decorationRE.ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
}

// tidyTitle drops a site's tag after a headline and outer spaces.
func tidyTitle(s string) string {
	return strings.TrimSpace(decorationRE.ReplaceAllString(strings.TrimSpace(s), ""))
}

// inlineHeadline finds the headline of a page whose head and body came as
// one line: between the stamp and the share bar, when it has a headline's
// shape (mostly Han, no sentence mark).
func (t *text) inlineHeadline() (Field[string], bool) {
	for i := 0; i <= t.body && i < len(t.units) && i < 15; i++ {
		u := t.units[i]
		m, ok := clean.FindInlineHead(u.plain)
		if !ok {
			continue
		}
		h := strings.TrimSpace(u.plain[m.HeadStart:m.HeadEnd])
		if breadcrumbRE.MatchString(h) {
			continue
		}
		return known(tidyTitle(h), at(u)+": "+quote(u.text)+" (between the page's date stamp and its share bar, on the line that holds the body)"), true
	}
	return Field[string]{}, false
}
