package intake

import (
	"regexp"
	"strings"
)

var (
	// urlRE: a web address the copy prints (a page footer, a "原文链接").
	urlRE = regexp.MustCompile(`https?://[A-Za-z0-9.-]+(?:/[\x21-\x7e]*)?`)
	// sourceRE: the publisher a stamp names (来源：河北日报), in either script.
	sourceRE = regexp.MustCompile(`(?:来源|來源|稿源|出处|出處)\s*[:：]\s*([^\s　:：|｜]{2,20})`)
	// authorRE: the author a stamp names (作者：張曉龍, 作者: 张三 李四).
	authorRE = regexp.MustCompile(`(?:作者|撰稿)\s*[:：]\s*(\p{Han}{2,4}(?:[ 　、,，]+\p{Han}{2,4})*)`)
)

// kind reads the words each kind of report uses of itself in the title and
// the opening; "other" when none fits, for the editor to decide.
func (t *text) kind(title string) Field[string] {
	head := t.fold(title)
	for i, u := range t.units {
		if i > t.body+3 {
			break
		}
		if u.removed == "" {
			head += "\n" + u.hans
		}
	}
	rules := []struct {
		kind, why string
		words     []string
		titleOnly bool // in the body the words are verbs or citations (访谈家长, 根据《…通知》)
	}{
		{"self-evaluation", "a self-evaluation", []string{"自查", "自评"}, false},
		{"compilation", "a compilation of cases", []string{"典型", "案例"}, false},
		{"interview", "an interview", []string{"——访", "—访", "访谈", "专访", "采访"}, true},
		{"speech", "a speech", []string{"讲话", "这样说", "发言", "致辞"}, true}, // 发言人说, 在致辞中指出: news
		{"report", "a report or bulletin", []string{"统计公报", "统计公告", "工作总结", "情况报告", "执行情况"}, false},
		{"notice", "a notice", []string{"通知", "公告"}, true}, // 《…的通知》, 书信通知: cited
		{"news", "news", []string{"记者", "讯", "电（", "电("}, false},
	}
	for _, r := range rules {
		in := head
		if r.titleOnly {
			in = t.fold(title)
		}
		for _, w := range r.words {
			if i := strings.Index(in, w); i >= 0 {
				return known(r.kind, "the opening says "+quote(w)+", the words of "+r.why)
			}
		}
	}
	return known("other", "none of the words of a known kind in the title and opening: decide")
}

// byline reads the publisher, the authors and the URL: the cleaner's
// bylines (记者 张超, 来源：…), the page's site name and canonical URL, a
// URL the copy prints.
func (t *text) byline() (publisher Field[string], authors Field[[]string], url Field[string]) {
	page := t.in.Source.Page
	doc := t.in.Doc
	switch {
	case doc.Publisher != "":
		publisher = known(doc.Publisher, "the byline the cleaner moved out of the text")
	case page.SiteName != "":
		publisher = known(page.SiteName, "the page's site name (og:site_name)")
	default:
		publisher = unknown[string]("no 来源 or site name printed")
		for i, u := range t.units {
			if i > t.body+3 {
				break
			}
			if m := sourceRE.FindStringSubmatch(u.plain); m != nil {
				publisher = known(m[1], at(u)+": "+quote(u.text))
				break
			}
		}
	}
	switch {
	case len(doc.Authors) > 0:
		authors = known(doc.Authors, "the byline the cleaner moved out of the text")
	case page.Byline != "":
		authors = known([]string{page.Byline}, "the page's author (meta or byline)")
	default:
		authors = unknown[[]string]("no reporter or speaker named in a byline")
		for i, u := range t.units {
			if i > t.body+3 {
				break
			}
			if m := authorRE.FindStringSubmatch(u.plain); m != nil && !isRunningText(u.hans) {
				var names []string
				rest := u.plain[strings.Index(u.plain, m[1]):]
				for _, n := range strings.FieldsFunc(m[1], func(r rune) bool { return strings.ContainsRune(" 　、,，", r) }) {
					// The next field's label (作者: 張三  來源: 新華網) ends the names.
					after := strings.TrimLeft(rest[strings.Index(rest, n)+len(n):], " 　")
					if strings.HasPrefix(after, ":") || strings.HasPrefix(after, "：") {
						break
					}
					names = append(names, n)
				}
				if len(names) == 0 {
					continue
				}
				authors = known(names, at(u)+": "+quote(u.text))
				break
			}
		}
	}
	if c := strings.TrimSpace(page.Canonical); strings.HasPrefix(c, "http://") || strings.HasPrefix(c, "https://") {
		url = known(c, "the page's canonical URL")
	} else {
		url = unknown[string]("the copy prints no web address: add where it was found")
		for _, u := range t.units {
			if m := urlRE.FindString(u.text); m != "" {
				url = known(strings.TrimRight(m, ".,;)\"'"), at(u)+" prints it")
				break
			}
		}
	}
	return publisher, authors, url
}
