package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page clutter is what belongs to the hosting page, not to the report. Each
// rule is a name and a pattern matched against a whole line (after leading
// bullets and white space), written for the kinds of page the reports come
// from (news sites, document-sharing sites, WeChat mirrors) in both scripts,
// not for these reports' lines. A removed line is an edit record naming the
// rule.
type clutterRule struct {
	name string
	re   *regexp.Regexp
}

func rule(name, pattern string) clutterRule {
	return clutterRule{name: name, re: regexp.MustCompile(pattern)}
}

// clutterRules are tried in order; the first match names the removal.
var clutterRules = []clutterRule{
	// 找記者、求報道、求幫助 … 下載“齊魯壹點”APP … 報料!
	rule("app-promotion", `(找[记記]者|求[报報]道|[报報]料[!！]?$|各大[应應]用市[场場]|下[载載]客[户戶]端|扫码下[载載]|掃碼下[載载])|^(立即|马上|馬上)?(下[载載]|打开|打開|更新)\S{0,12}(APP|App|客户端|客戶端)`),
	rule("share-prompt", `^(分享到|分享|轉發到|转发到)[:：]?\s*$|[微]信[扫掃]一[扫掃]|在手[机機][阅閱][读讀]|在手[机機]打[开開]|分享本文|分享到朋友圈`),
	rule("tip-widget", `[赏賞][赞讚]|打[赏賞]|[赞讚][赏賞]鼓[励勵]|^[¥¥￥]\s*[\d.]+\s*$|^(赞|讚|点赞|點讚)\s*\d*$`),
	rule("login-wall", `^([阅閱][读讀]全文|展开全文|展開全文|[查][看]全文)\s*[>》]*$|想[阅閱][读讀]完全部|需要先登[陆录錄陸]|登[录錄]后|登入後|[请請]先登[录錄]`),
	rule("site-chrome", `^(联系客服|聯繫客服|聯系客服|二维码|二維碼|微信订阅号|微信訂閱號|微信公众号|微信公眾號|联系我们|聯繫我們|聯系我們|关于我们|關於我們|关于本文|關於本文)[^。,，;；]{0,12}$|^(查看更多|更多|返回顶部|返回頂部|返回首页|返回首頁|上一篇|下一篇|打印|列印|关闭|關閉|收藏|加入收藏)\s*[>》]*$`),
	rule("page-metadata", `^(本文标题|本文標題|链接地址|鏈接地址|本文链接|本文鏈接|原文链接|原文鏈接|原文地址|网址|網址)[:：]|^https?://\S+$`),
	rule("copyright-notice", `版[权權][声聲]明|版[权權]所有|^Copyright|^©|[侵][权權]必究|法律[顾顧][问問]`),
	rule("editor-credit", `^[(（\[]?(责任编辑|責任編輯|编辑|編輯|校对|校對|审核|審核|审校|審校|美编|美編|值班编辑|值班編輯)[:：]\s*\S{1,12}[)）\]]?$`),
	rule("mood-poll", `心情排行|看到此篇文章的感受|[你您]的心情`),
	// 文明上网,理性发言; 已有12人参与
	rule("comment-prompt", `文明上[网網]|理性[发發]言|登[录錄]后[发發]表|^已有\d+人(参与|參與|评论|評論)`),
	rule("comment-header", `^(网友评论|網友評論|发表评论|發表評論|评论|評論|我要评论|我要評論|全部评论|全部評論|热门评论|熱門評論)[:：]?\s*(\(\d+\))?$`),
	rule("related-list", `^(相关文章|相關文章|相关阅读|相關閱讀|相关内容|相關內容|相关新闻|相關新聞|热门推荐|熱門推薦|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|猜你喜欢|猜你喜歡|本周热门|本週熱門|本周熱門|本月热门|本月熱門|热门文章|熱門文章|点击排行|點擊排行)[:：]?$`),
	// 2023-01-12 09:03:52 600: an upload time and a view count.
	rule("upload-stamp", `^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s+\d+)?$`),
	rule("view-counter", `^(阅读|閱讀|浏览|瀏覽|点击|點擊|阅读量|閱讀量|浏览量|瀏覽量|浏览次数|瀏覽次數)[:：]?\s*\d+\s*(次)?$`),
	rule("separator", `^[-—–_=*·•|~]+$`),
	// 当前位置:首页 > 通知公告 >; 您的位置:首頁 >> 要聞
	rule("breadcrumb", `^(您的位置|您现在的位置|您現在的位置|您当前位置|您當前位置|您当前的位置|您當前的位置|当前位置|當前位置|现在位置|現在位置|所在位置)[:：]`),
	// 声明:本站文章来源于网络,如有侵权请联系删除; 免責聲明:…
	rule("disclaimer", `^(免[责責])?[声聲]明[:：]|如有侵[权權]|[联聯][系繫][删刪]除|[来來]源[于於][网網][络絡]`),
	// 如需转载请注明出处; 未经授权禁止转载
	rule("reprint-notice", `如需[转轉][载載]|[转轉][载載][请請]注明|未[经經](书面|書面)?(授[权權]|许可|許可)|禁止[转轉][载載]`),
	// document-sharing sites: 以下是小编整理的…; 为您提供各类范文
	rule("document-site-blurb", `^(下面|以下)是小[编編]|[为為]您提供.{0,10}(范文|範文)`),
	rule("icp-license", `ICP[备備证證]|公网安备|公網安備`),
	// 建议使用IE9以上浏览器; 最佳分辨率1366×768
	rule("browser-advice", `(建议|建議|最佳).{0,24}(分辨率|浏览器|瀏覽器)|(分辨率|解析度).{0,8}\d{3,4}\s*[*×xX]\s*\d{3,4}`),
	// 查看更多; << 阅读原文; 点击查看详情; 更多精彩内容…
	rule("more-link", `^[-—–\s<《]*(了解详情|了解詳情|阅读更多|閱讀更多|查看更多|往下看更多|更多精彩|点击查看|點擊查看|阅读原文|閱讀原文)`),
	rule("prev-next", `^(上一篇|下一篇|上一条|下一条|上一條|下一條)[:：]`),
	// 附件:某县统计表.xlsx: a link to a file
	// 【打印本页】【关闭窗口】; 字号:大 中 小
	rule("page-toolbar", `^(字号|字號|字体|字體)[:：]?\s*[【\[]?[大中小]|打印本[页頁]|[关關][闭閉]窗口`),
	// 关键词:教育 学校; 標籤:; Tags:
	rule("seo-tags", `^(关键词|關鍵詞|关键字|關鍵字|标签|標籤|Tags|tags|TAGS|Tag|tag|TAG)\s*[:：]`),
	rule("attachment-link", `^附件\d*[:：].*\.(zip|rar|7z|docx?|xlsx?|pdf|wps)$`),
}

// bulletTrim removes the bullets and white space page chrome puts before its
// items ("    • 本周热门").
func bulletTrim(s string) string {
	return strings.TrimLeft(strings.TrimSpace(s), "•·*>-–—  \t")
}

// clutterRuleFor names the rule a line matches, or "".
func clutterRuleFor(s string) string {
	t := bulletTrim(s)
	if t == "" {
		t = strings.TrimSpace(s)
	}
	may := clutterFilter.may(t)
	for i, r := range clutterRules {
		if (i >= 64 || may&(1<<i) != 0) && r.re.MatchString(t) {
			return r.name
		}
	}
	if isSlogan(t) {
		return "site-slogan"
	}
	if isSpam(t) {
		return "mirror-spam"
	}
	if isBracketBar(t) {
		return "page-toolbar"
	}
	return ""
}

// spamWords are the words of the link lists mirrors insert (video and
// porn spam). Some are ordinary words too (成人教育, 国产教材), so a line is
// spam only when it holds several different ones and no sentence.
var spamWords = []string{"在线观看", "在線觀看", "免费观看", "免費觀看", "久久", "无码", "無碼", "中文字幕", "成人免费", "成人免費",
	"成人草", "亚洲", "亞洲", "熟女", "强奸", "強姦", "av网址", "AV网址", "蜜桃", "天天操", "精品综合", "國產", "国产精品", "影院"}

// isBracketBar reports whether s is a bar of two or more short bracketed
// links and nothing else: 【打印】【关闭】, [收藏] [分享].
func isBracketBar(s string) bool {
	items := 0
	for s = strings.TrimFunc(s, isSpace); s != ""; s = strings.TrimLeftFunc(s, isSpace) {
		open, size := utf8.DecodeRuneInString(s)
		closer := map[rune]string{'[': "]", '【': "】", '［': "］"}[open]
		end := strings.Index(s[size:], closer)
		if closer == "" || end < 0 {
			return false
		}
		if n := utf8.RuneCountInString(s[size : size+end]); n < 1 || n > 8 {
			return false
		}
		s = s[size+end+len(closer):]
		items++
	}
	return items >= 2
}

// minSpamWords is how many different spam words make a line spam.
const minSpamWords = 3

func isSpam(s string) bool {
	if strings.ContainsAny(s, "。！？") {
		return false
	}
	n := 0
	for _, w := range spamWords {
		if strings.Contains(s, w) {
			n++
		}
	}
	return n >= minSpamWords
}

// isSlogan reports whether s is a site's tagline: two to four short phrases
// of Han characters set apart by a middle dot with spaces (科技改變生活 ·
// 科技引領未來). A byline (齊魯晚報·齊魯壹點記者張超) has no spaces around
// its dot and is left to byline.go.
func isSlogan(s string) bool {
	parts := strings.Split(s, " · ")
	if len(parts) < 2 || len(parts) > 4 {
		return false
	}
	for _, p := range parts {
		n := utf8.RuneCountInString(p)
		if n < 2 || n > 10 {
			return false
		}
		for _, r := range p {
			if !unicode.Is(unicode.Han, r) {
				return false
			}
		}
	}
	return true
}

// isCopyrightClause reports whether a line continues a copyright notice: a
// numbered clause about the site's rights, or the site's lawyers.
var copyrightClauseRe = regexp.MustCompile(`本[网網站]|[转轉][载載]|版[权權]|侵[权權]|法律[责責]任|律[师師]|知[识識]产[权權]|知[識识]產[權权]`)

// isHeadline reports whether s could be an item of a list of article
// headlines: short and not ending a sentence.
func isHeadline(s string) bool {
	n := utf8.RuneCountInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return n > 0 && n <= 40 && !strings.ContainsRune("。;；,，", last)
}

// dropClutter removes page clutter, line by line and then by runs:
//
//   - a copyright notice takes its numbered clauses with it (lines after
//     it that speak of the site's rights, reprints or lawyers);
//   - a run of short headlines separated by lines of dashes (at least three
//     separators), at the end of the page or followed only by clutter, is a
//     related-article list, whatever the headlines say: the headlines of
//     other stories are not part of this one.
func (c *cleaner) dropClutter(lines []*line) []*line {
	rules := make([]string, len(lines))
	inCopyright := false
	for i, l := range lines {
		t := l.text()
		r := clutterRuleFor(t)
		switch {
		case r == "copyright-notice":
			inCopyright = true
		case (r == "" || r == "reprint-notice") && inCopyright && copyrightClauseRe.MatchString(t):
			r = "copyright-notice"
		case r != "":
		default:
			inCopyright = false
		}
		rules[i] = r
	}
	markHeadlineRuns(lines, rules)
	c.markByShape(lines, rules)
	return c.removeMarked(lines, rules, "clutter")
}

// markHeadlineRuns marks related-article lists made of headlines and
// separator lines.
func markHeadlineRuns(lines []*line, rules []string) {
	// lastKept is the last line no rule removes. Marking below only touches
	// lines before the run being looked at, so whether only clutter follows
	// a run is read from it in constant time; scanning the rest of the page
	// for each run was quadratic in the number of lines.
	lastKept := -1
	for k := range rules {
		if rules[k] == "" {
			lastKept = k
		}
	}
	for i := 0; i < len(lines); {
		if rules[i] != "separator" {
			i++
			continue
		}
		// extend the run: separator, headline, separator, headline …
		j, seps := i, 0
		for j < len(lines) {
			if rules[j] == "separator" {
				seps++
				j++
				continue
			}
			if rules[j] == "" && isHeadline(lines[j].text()) && rules[j-1] == "separator" {
				j++
				continue
			}
			break
		}
		tailClean := lastKept < j
		// the headline just before the first separator belongs to the run
		start := i
		if start > 0 && rules[start-1] == "" && isHeadline(lines[start-1].text()) && seps >= 3 && tailClean && lastSentenceEnded(lines, start-2, rules) {
			start--
		}
		if seps >= 3 && tailClean {
			for k := start; k < j; k++ {
				if rules[k] == "" || rules[k] == "separator" {
					rules[k] = "related-headlines"
				}
			}
		}
		i = j + 1
	}
}

// lastSentenceEnded reports whether the kept line at i ends a sentence, so
// a headline after it cannot be the tail of a broken sentence.
func lastSentenceEnded(lines []*line, i int, rules []string) bool {
	for ; i >= 0; i-- {
		if rules[i] == "" {
			last, _ := utf8.DecodeLastRuneInString(lines[i].text())
			return strings.ContainsRune(sentenceEnd, last)
		}
	}
	return true
}

// removeMarked drops the lines with a rule, recording each, and marks the
// next kept line as starting after a break. kind "" means the caller has
// recorded the edits itself.
func (c *cleaner) removeMarked(lines []*line, rules []string, kind string) []*line {
	var out []*line
	brk := false
	for i, l := range lines {
		if rules[i] != "" {
			if kind != "" {
				c.edit(Edit{Kind: kind, Line: l.n, Before: l.raw, After: "", Rule: rules[i]})
			}
			brk = true
			continue
		}
		if brk {
			l.breakBefore = true
			brk = false
		}
		out = append(out, l)
	}
	return out
}
