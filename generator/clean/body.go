package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boilerplate by shape. The named rules of clutter.go know the phrases page
// chrome is made of; most of a page's chrome, though, is recognised the way
// jusText, boilerpipe and Readability recognise it: by where it stands and
// what it looks like, not by what it says. A report's body is prose — lines
// of Han text with sentence punctuation — or an outline (一、 1. …); what
// comes before its headline and after its last sentence, and does not look
// like prose, belongs to the page:
//
//   - date stamps: a line without sentence punctuation holding a date in
//     digits with a time of day, at its start or after a label
//     (2021-05-06 08:30, 作者: 張三 來源: 某某網 日期: 2022-03-01), wherever
//     it stands; a date written in words (2023年3月8日) is a signature and
//     stays;
//   - navigation: short items set apart by |, >, >> or » (breadcrumbs,
//     menus, spam link lists), anywhere; short items set apart by spaces
//     only before the body's first sentence (a list of names in the body has
//     that shape too);
//   - publication details: three or more lines in a row of "label: value"
//     (主管单位:…, 国际标准刊号:…);
//   - a feed of other stories: a separator line after the body followed by
//     items one of which ends in a time stamp (1 day ago, 3小时前); two or
//     more headlines in a row each followed by its date (某地召开会议
//     2023-01-05), anywhere;
//   - before the headline (the last title-shaped line before the body), the
//     lines that are not prose, when the head shows it is page chrome (a
//     line a rule removed, or two or more such lines: a ticker of other
//     headlines); a line with no Han text (✂, 123 456 7890,
//     page_image_tag) always; between the headline and the body only
//     rows of symbols (＊＊＊); an issuer's name (某某县人民政府) stays;
//   - after the body's last sentence, the lines that are not prose when the
//     tail shows it is page chrome, and lines with no Han text always; a
//     signature (a date in words and the line before it, an issuer's name)
//     stays, and so does a last line cut off mid-sentence by the copy;
//   - on a page copied as one line, the items before its first sentence and
//     after its last, when there are several, and a source credit run on
//     after the last sentence (…。转自某某网).
//
// Every line removed this way is an edit record naming its rule, like the
// named rules' removals.

// Shape rules' names, as the edit records give them.
const (
	ruleDateStamp      = "date-stamp"
	ruleNavigation     = "navigation"
	rulePublication    = "publication-details"
	ruleFeed           = "other-stories"
	ruleDatedHeadlines = "dated-headlines"
	ruleBeforeHead     = "before-headline"
	ruleBeforeBody     = "before-body"
	ruleAfterBody      = "after-body"
	ruleLineHead       = "page-head-on-the-line"
	ruleLineTail       = "page-tail-on-the-line"
	minProseHan        = 6  // Han characters a line needs to count as prose
	maxNavItem         = 12 // the longest item of a navigation line, in runes
	minSpaceMenuItems  = 4  // items a space-separated menu has at least
	minLineChrome      = 3  // items before a one-line page's first sentence
	maxTailItem        = 25 // the longest item after a one-line page's last sentence
)

var (
	// numericDateRe is a date written in digits, as pages stamp them.
	numericDateRe = regexp.MustCompile(`(?:^|[^\d])(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?:[^\d]|$)`)
	// clockRe is a time of day after a date stamp's date.
	clockRe = regexp.MustCompile(`^\D?\s*\d{1,2}:\d{2}`)
	// stampLabelRe ends the label before a date stamp's date.
	stampLabelRe = regexp.MustCompile(`(?i)(时间|時間|日期|发布|發布|发表|發表|更新|来源|來源|作者|date|posted|published|updated)\S*\s*[:：]?$`)
	// wordDateInRe is a date written with 年月日 anywhere in a line.
	wordDateInRe = regexp.MustCompile(`(?:19|20)\d{2}年\d{1,2}月\d{1,2}日`)
	// wordDateRe is a line that is only a date written with 年月日.
	wordDateRe = regexp.MustCompile(`^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九○]{4})年\S{1,3}月\S{1,3}日$`)
	// labelValueRe is a "label: value" line: a short label (spaces inside
	// it, as 语 言 is set) and a colon.
	labelValueRe = regexp.MustCompile(`^[\p{Han}A-Za-z ]{1,8}\s*[:：]`)
	// timeAgoRe ends an item of a feed of stories.
	timeAgoRe = regexp.MustCompile(`(?i)(?:\d+\s*(?:second|minute|hour|day|week|month|year)s?\s+ago|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月)前|刚刚|剛剛)\s*$`)
	// attributionRe is a source credit run on after the body's last
	// sentence (…已全部完工。转自某某网): a fragment with no
	// punctuation after a sentence end, starting with a word that credits a
	// source. Shape alone cannot tell it from a sentence the copy cut off,
	// so the words are named.
	attributionRe = regexp.MustCompile(`[。！？!?」”](摘自|转自|轉自|选自|選自|来自|來自|来源[:：]|來源[:：]|稿件来源|稿件來源)[^。！？!?，,；;：:]{2,24}$`)
	// navSepRe splits navigation items.
	navSepRe = regexp.MustCompile(`\s*(?:\||｜|>>|>|»|›|＞)\s*`)
)

// terminators are the marks a sentence ends with (and ; inside one).
const terminators = "。！？；!?;"

// hanCount counts the Han characters of s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// isProse reports whether a line reads as running text: enough Han
// characters and a sentence mark, or a sentence leading into what follows
// (现将有关情况报告如下:).
func isProse(s string) bool {
	if hanCount(s) < minProseHan {
		return false
	}
	if strings.ContainsAny(s, terminators) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return last == ':' || last == '：'
}

// isDateStamp reports whether s is a page's date stamp: a date in digits
// on a line with no sentence in it.
func isDateStamp(s string) bool {
	if utf8.RuneCountInString(s) > maxTitle || strings.ContainsAny(s, "。，,；;") {
		return false
	}
	if n := countStampLabels(s); n >= 2 || n == 1 && wordDateInRe.MatchString(s) {
		return true // 发布时间:2023年1月5日; 来源:某局 浏览次数:123
	}
	if !strings.ContainsAny(s, "-/.") {
		return false
	}
	loc := numericDateRe.FindStringIndex(s)
	if loc == nil {
		return false
	}
	// a stamp has a time of day, opens the line, or follows a label
	head := strings.TrimFunc(s[:loc[0]], isSpace)
	return clockRe.MatchString(s[loc[1]-1:]) || head == "" || stampLabelRe.MatchString(head)
}

// stampLabels are the labels of a page's stamp line.
var stampLabels = []string{"发布时间", "發布時間", "發佈時間", "发布日期", "發布日期", "發佈日期", "更新时间", "更新時間",
	"浏览次数", "瀏覽次數", "点击数", "點擊數", "阅读次数", "閱讀次數", "来源", "來源", "作者", "编辑", "編輯", "日期", "时间", "時間"}

// countStampLabels counts the stamp labels followed by a colon in s (时间
// inside 发布时间 counts once).
func countStampLabels(s string) int {
	if !strings.ContainsAny(s, ":：") {
		return 0
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '：' })
	if !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, "：") {
		parts = parts[:len(parts)-1] // the last part is a value
	}
	n := 0
	for _, part := range parts {
		for _, l := range stampLabels {
			if strings.HasSuffix(strings.TrimFunc(part, isSpace), l) {
				n++
				break
			}
		}
	}
	return n
}

// isNavigation reports whether s is a list of short links set apart by
// explicit separators, every item short and none a sentence.
func isNavigation(s string) bool {
	if !strings.ContainsAny(s, "|｜>»›＞") {
		return false
	}
	items := navSepRe.Split(strings.Trim(s, " |｜>»›＞"), -1)
	// two items only when set apart by a bar (简体 | 繁體): 甲>乙 is
	// also how a comparison is written
	if len(items) < 2 || len(items) == 2 && !strings.ContainsAny(s, "|｜") {
		return false
	}
	for _, it := range items {
		if n := utf8.RuneCountInString(it); n > maxNavItem || strings.ContainsAny(it, "。，,；;") {
			return false
		}
	}
	return true
}

// spaceItems splits s at runs of white space.
func spaceItems(s string) []string { return strings.FieldsFunc(s, isSpace) }

// isSpaceMenu reports whether s ends in a menu of short items set apart by
// spaces (首页 新闻 体育 财经 …).
func isSpaceMenu(s string) bool {
	items := spaceItems(s)
	k := 0
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		if utf8.RuneCountInString(it) > 6 || strings.ContainsAny(it, terminators+"，,、") || hanCount(it) == 0 {
			break
		}
		k++
	}
	return k >= minSpaceMenuItems
}

// isLabelValue reports whether s is one "label: value" line of a block of
// publication details.
func isLabelValue(s string) bool {
	return utf8.RuneCountInString(s) <= 40 && !strings.ContainsAny(s, terminators) && labelValueRe.MatchString(s)
}

// isHeadlineShaped reports whether s could be a page's headline.
func isHeadlineShaped(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return isTitleLike(s) && hanCount(s) >= 4 && !strings.ContainsRune(headingEnd, last)
}

// isSubtitle reports whether a headline-shaped line continues the one
// before it (——访平舆县教育局局长).
func isSubtitle(s string) bool {
	return strings.HasPrefix(s, "—") || strings.HasPrefix(s, "--") || strings.HasPrefix(s, "－")
}

// markByShape adds the shape rules' marks to the named rules' (rules[i] is
// "" for a line no rule removes yet).
func (c *cleaner) markByShape(lines []*line, rules []string) {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text()
	}
	for i, t := range texts {
		if rules[i] != "" {
			continue
		}
		switch {
		case isDateStamp(t):
			rules[i] = ruleDateStamp
		case isNavigation(t):
			rules[i] = ruleNavigation
		}
	}
	markLabelBlocks(texts, rules)
	markDatedHeadlines(texts, rules)
	markFeed(texts, rules)

	first := -1 // the body's first line
	for i, t := range texts {
		if rules[i] != "" {
			continue
		}
		if startsItem(t) || isProse(t) && !isSpaceMenu(t) {
			first = i
			break
		}
		if isSpaceMenu(t) {
			rules[i] = ruleNavigation
		}
	}
	if first < 0 {
		return // no body: nothing to tell page from report by
	}
	last := first // the body's last line
	for i := len(texts) - 1; i > first; i-- {
		if rules[i] == "" && (startsItem(texts[i]) || isProse(texts[i])) {
			last = i
			break
		}
	}
	c.trimLineHead(lines[first])
	texts[first] = lines[first].text()
	c.trimLineTail(lines[last])
	texts[last] = lines[last].text()
	markHead(texts[:first], rules[:first])
	markTail(texts, rules, last)
}

// markLabelBlocks marks runs of three or more "label: value" lines.
func markLabelBlocks(texts []string, rules []string) {
	for i := 0; i < len(texts); {
		j := i
		for j < len(texts) && rules[j] == "" && isLabelValue(texts[j]) {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				rules[k] = rulePublication
			}
		}
		i = max(j, i+1)
	}
}

// datedHeadlineRe is an item of a list of other stories: a headline, then
// the date it was posted (某地召开教育工作会议 2023-01-05, … [01-05]).
// The date has its year or brackets: 1.15 and 1-2 after a label are figures.
var datedHeadlineRe = regexp.MustCompile(`^\S.{3,40}?\s*(?:[\[(（](?:(?:19|20)\d{2}[-/.])?` + monthDay + `[\])）]|(?:19|20)\d{2}[-/.]` + monthDay + `)$`)

const monthDay = `(?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])`

// markDatedHeadlines marks runs of two or more dated headlines.
func markDatedHeadlines(texts []string, rules []string) {
	dated := func(i int) bool {
		t := texts[i]
		return rules[i] == "" && !strings.ContainsAny(t, terminators+"，,") && hanCount(t) >= 4 && datedHeadlineRe.MatchString(t)
	}
	for i := 0; i < len(texts); {
		j := i
		for j < len(texts) && dated(j) {
			j++
		}
		if j-i >= 2 {
			for k := i; k < j; k++ {
				rules[k] = ruleDatedHeadlines
			}
		}
		i = max(j, i+1)
	}
}

// markFeed marks a feed of other stories: from a separator line that comes
// after prose to the end of the page, when an item of it ends in a time
// stamp.
func markFeed(texts []string, rules []string) {
	lastStamped := -1 // the last line ending in a time stamp
	for i, t := range texts {
		if endsInTimeAgo(t) {
			lastStamped = i
		}
	}
	if lastStamped < 0 {
		return
	}
	prose := false
	for i, t := range texts {
		if rules[i] == "" && isProse(t) {
			prose = true
		}
		if rules[i] != "separator" || !prose {
			continue
		}
		if lastStamped > i {
			for k := i; k < len(texts); k++ {
				if rules[k] == "" || rules[k] == "separator" {
					rules[k] = ruleFeed
				}
			}
			return
		}
	}
}

// endsInTimeAgo reports whether s ends in a relative time stamp. Only the
// end of the line is given to the regexp, and only when it holds one of
// the stamp's words: most lines hold none.
func endsInTimeAgo(s string) bool {
	tail := s[max(0, len(s)-48):]
	if !strings.Contains(strings.ToLower(tail), "ago") && !strings.Contains(tail, "前") && !strings.Contains(tail, "刚刚") && !strings.Contains(tail, "剛剛") {
		return false
	}
	return timeAgoRe.MatchString(tail)
}

// markHead marks the page chrome before the body: texts are the lines
// before the body's first line.
func markHead(texts []string, rules []string) {
	head := -1 // the headline
	for i := len(texts) - 1; i >= 0; i-- {
		if rules[i] != "" || isBylineLine(texts[i]) || !isHeadlineShaped(texts[i]) {
			continue
		}
		head = i
		if !isSubtitle(texts[i]) {
			break
		}
	}
	chrome := false // a rule has marked a line of the head
	for i := range texts {
		if rules[i] != "" && rules[i] != "separator" {
			chrome = true
		}
	}
	candidates := 0
	for i := 0; i < head; i++ {
		if rules[i] == "" && !isBylineLine(texts[i]) && !sameText(texts[i], texts[head]) {
			candidates++
		}
	}
	for i, t := range texts {
		if rules[i] != "" || i == head || isBylineLine(t) || isIssuer(t) || head >= 0 && sameText(t, texts[head]) {
			continue
		}
		switch {
		case i > head && head >= 0:
			// between the headline and the body: subtitles, dates,
			// salutations stay; rows of symbols go
			if isSymbolsOnly(t) {
				rules[i] = ruleBeforeBody
			}
		case hanCount(t) == 0 || chrome || candidates >= 2:
			rules[i] = ruleBeforeHead
			if head < 0 {
				rules[i] = ruleBeforeBody
			}
		}
	}
}

// issuerRe is an issuing body's name on a line of its own (某某县人民政府,
// 某某市教育局): the head of an official document and the signature at its
// end, not page chrome.
var issuerRe = regexp.MustCompile(`^\p{Han}{2,24}(人民政府|政府|教育局|教育厅|教育廳|教育委员会|教育委員會|委员会|委員會|办公室|辦公室|管委会|管委會|教体局|教體局|督导室|督導室)$`)

func isIssuer(s string) bool { return issuerRe.MatchString(s) }

// isSymbolsOnly reports whether s holds no letter and no digit (＊＊＊, ✂).
func isSymbolsOnly(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// markTail marks the page chrome after the body's last line.
func markTail(texts []string, rules []string, last int) {
	chrome := false
	for i := last + 1; i < len(texts); i++ {
		if rules[i] != "" && rules[i] != "separator" {
			chrome = true
		}
	}
	for i := last + 1; i < len(texts); i++ {
		t := texts[i]
		if rules[i] != "" {
			continue
		}
		switch {
		case hanCount(t) == 0:
			rules[i] = ruleAfterBody
		case wordDateRe.MatchString(t) || i+1 < len(texts) && wordDateRe.MatchString(texts[i+1]) || isIssuer(t):
			// a signature: the issuer and the date, in words
		case i == len(texts)-1 && i == last+1 && hanCount(t) >= 10 && strings.ContainsAny(t, "，,：:、"):
			// the copy ends in the middle of the body's next sentence
		case chrome:
			rules[i] = ruleAfterBody
		}
	}
}

// isBylineLine reports whether s is a byline or dateline, which byline.go
// moves to the report's metadata.
func isBylineLine(s string) bool {
	_, _, _, ok := byline(s)
	return ok
}

// trimLineHead removes, from the body's first line, the page items before
// its first sentence when the page was copied as one line: at least
// minLineChrome items set apart by spaces, none of them a sentence.
// Parentheses the removed part opens (a byline's (记者 张三 李四)) are
// closed in it.
func (c *cleaner) trimLineHead(l *line) {
	if len(l.segs) != 1 || l.segs[0].kind != "" {
		return
	}
	t := l.segs[0].text
	items := spaceItems(t)
	k := 0
	for k < len(items) && !strings.ContainsAny(items[k], terminators+"，,") {
		k++
	}
	if k < minLineChrome || k == len(items) || anyLatinWord(items[:k]) {
		return
	}
	cut := itemEnd(t, k)
	open := strings.Count(t[:cut], "(") + strings.Count(t[:cut], "（") - strings.Count(t[:cut], ")") - strings.Count(t[:cut], "）")
	if open > 0 {
		rest := t[cut:]
		if j := strings.IndexAny(rest, ")）"); j >= 0 && utf8.RuneCountInString(rest[:j]) <= maxNavItem {
			_, size := utf8.DecodeRuneInString(rest[j:])
			cut += j + size
		}
	}
	removed, rest := strings.TrimFunc(t[:cut], isSpace), strings.TrimFunc(t[cut:], isSpace)
	if rest == "" {
		return
	}
	l.segs[0].text = rest
	c.edit(Edit{Kind: "clutter", Line: l.n, Before: removed, After: "", Rule: ruleLineHead,
		Note: "page items before the first sentence of a page copied as one line"})
}

// trimLineTail removes, from the body's last line, page items after its
// last sentence: items set apart by spaces, each short, none a sentence.
func (c *cleaner) trimLineTail(l *line) {
	if len(l.segs) != 1 || l.segs[0].kind != "" {
		return
	}
	t := l.segs[0].text
	if m := attributionRe.FindStringIndex(t); m != nil {
		_, size := utf8.DecodeRuneInString(t[m[0]:])
		cut := m[0] + size
		l.segs[0].text = t[:cut]
		c.edit(Edit{Kind: "clutter", Line: l.n, Before: t[cut:], After: "", Rule: "source-credit-on-the-line",
			Note: "a source credit run on after the body's last sentence"})
		return
	}
	items := spaceItems(t)
	k := len(items)
	for k > 0 && utf8.RuneCountInString(items[k-1]) <= maxTailItem && !strings.ContainsAny(items[k-1], terminators+"，,") {
		k--
	}
	if k == len(items) || k == 0 || !strings.ContainsAny(items[k-1], "。！？!?") || anyLatinWord(items[k:]) {
		return
	}
	cut := itemEnd(t, k)
	removed := strings.TrimFunc(t[cut:], isSpace)
	l.segs[0].text = strings.TrimFunc(t[:cut], isSpace)
	c.edit(Edit{Kind: "clutter", Line: l.n, Before: removed, After: "", Rule: ruleLineTail,
		Note: "page items after the last sentence of a page copied as one line"})
}

// anyLatinWord reports whether one of items is a word of Latin letters:
// items set apart by spaces are then running Latin text, not page chrome.
func anyLatinWord(items []string) bool {
	for _, it := range items {
		latin := len(it) >= 2
		for _, r := range it {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				latin = false
				break
			}
		}
		if latin {
			return true
		}
	}
	return false
}

// itemEnd returns the byte offset in s just after its k-th item (k ≥ 1) of
// spaceItems.
func itemEnd(s string, k int) int {
	n := 0
	in := false
	for i, r := range s {
		sp := isSpace(r)
		if in && sp {
			n++
			if n == k {
				return i
			}
		}
		in = !sp
	}
	return len(s)
}
