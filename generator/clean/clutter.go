package clean

import (
	"regexp"
	"regexp/syntax"
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
	rule("app-promotion", `(找[记記]者|求[报報]道|[报報]料[!！]?$|各大[应應]用市[场場]|下[载載]客[户戶]端|扫码下[载載]|掃碼下[載载])`),
	rule("share-prompt", `^(分享到|分享|轉發到|转发到)[:：]?\s*$|[微]信[扫掃]一[扫掃]|在手[机機][阅閱][读讀]|分享本文|分享到朋友圈`),
	rule("tip-widget", `[赏賞][赞讚]|打[赏賞]|[赞讚][赏賞]鼓[励勵]|^[¥¥￥]\s*[\d.]+\s*$|^(赞|讚|点赞|點讚)\s*\d*$`),
	rule("login-wall", `^([阅閱][读讀]全文|展开全文|展開全文|[查][看]全文)\s*[>》]*$|想[阅閱][读讀]完全部|需要先登[陆录錄陸]|登[录錄]后|登入後|[请請]先登[录錄]`),
	rule("site-chrome", `^(联系客服|聯繫客服|聯系客服|二维码|二維碼|微信订阅号|微信訂閱號|微信公众号|微信公眾號|联系我们|聯繫我們|聯系我們|关于我们|關於我們|关于本文|關於本文)[^。,，;；]{0,12}$|^(查看更多|更多|返回顶部|返回頂部|返回首页|返回首頁|上一篇|下一篇|打印|列印|关闭|關閉|收藏|加入收藏)\s*[>》]*$`),
	rule("page-metadata", `^(本文标题|本文標題|链接地址|鏈接地址|本文链接|本文鏈接|原文链接|原文鏈接|原文地址|网址|網址)[:：]|^https?://\S+$`),
	rule("copyright-notice", `版[权權][声聲]明|版[权權]所有|^Copyright|^©|[侵][权權]必究|法律[顾顧][问問]`),
	rule("editor-credit", `^[(（\[]?(责任编辑|責任編輯|编辑|編輯|校对|校對|审核|審核|审校|審校|美编|美編|值班编辑|值班編輯)[:：]\s*\S{1,12}[)）\]]?$`),
	rule("mood-poll", `心情排行|看到此篇文章的感受|[你您]的心情`),
	rule("comment-header", `^(网友评论|網友評論|发表评论|發表評論|评论|評論|我要评论|我要評論|全部评论|全部評論|热门评论|熱門評論)[:：]?\s*(\(\d+\))?$`),
	rule("related-list", `^(相关文章|相關文章|相关阅读|相關閱讀|相关内容|相關內容|相关新闻|相關新聞|热门推荐|熱門推薦|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|猜你喜欢|猜你喜歡|本周热门|本週熱門|本周熱門|本月热门|本月熱門|热门文章|熱門文章|点击排行|點擊排行)[:：]?$`),
	// 2023-01-12 09:03:52 600: an upload time and a view count.
	rule("upload-stamp", `^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s+\d+)?$`),
	rule("view-counter", `^(阅读|閱讀|浏览|瀏覽|点击|點擊|阅读量|閱讀量|浏览量|瀏覽量|浏览次数|瀏覽次數)[:：]?\s*\d+\s*(次)?$`),
	rule("separator", `^[-—–_=*·•|~]+$`),
	// 当前位置:首页 > 专题范文 >; 您當前位置:首頁 >> 新聞中心 >> 正文
	rule("breadcrumb", `^(您的位置|您现在的位置|您現在的位置|您当前位置|您當前位置|您当前的位置|您當前的位置|当前位置|當前位置|现在位置|現在位置|所在位置)[:：]`),
	// 聲明:本媒體部分圖片、文章來源於網絡,版權歸原作者所有,如有侵權,請聯繫刪除
	rule("disclaimer", `^(免[责責])?[声聲]明[:：]|如有侵[权權]|[联聯][系繫][删刪]除|[来來]源[于於][网網][络絡]`),
	// 本文由…整理发布,如需转载,请注明来源。
	rule("reprint-notice", `如需[转轉][载載]|[转轉][载載][请請]注明|未[经經](书面|書面)?(授[权權]|许可|許可)|禁止[转轉][载載]`),
	// document-sharing sites: 下面是小编为大家整理的…; 为您提供优质参考范文
	rule("document-site-blurb", `^(下面|以下)是小[编編]|[为為]您提供.{0,10}(范文|範文)`),
	rule("icp-license", `ICP[备備证證]|公网安备|公網安備`),
	// 浏览本网主页,建议将电脑显示屏的分辨率调为1024*768
	rule("browser-advice", `(建议|建議|最佳).{0,24}(分辨率|浏览器|瀏覽器)|(分辨率|解析度).{0,8}\d{3,4}\s*[*×xX]\s*\d{3,4}`),
	// 了解詳情; - 閱讀更多 -; 往下看更多文章; 更多精彩新闻请点击:…
	rule("more-link", `^[-—–\s<《]*(了解详情|了解詳情|阅读更多|閱讀更多|查看更多|往下看更多|更多精彩|点击查看|點擊查看|阅读原文|閱讀原文)`),
	rule("prev-next", `^(上一篇|下一篇|上一条|下一条|上一條|下一條)[:：]`),
	// 附件:青田县2022年教育经费统计执行情况统计表.zip: a link to a file
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
	return ""
}

// spamWords are the words of the link lists mirrors insert (video and
// porn spam). Some are ordinary words too (成人教育, 国产教材), so a line is
// spam only when it holds several different ones and no sentence.
var spamWords = []string{"在线观看", "在線觀看", "免费观看", "免費觀看", "久久", "无码", "無碼", "中文字幕", "成人免费", "成人免費",
	"成人草", "亚洲", "亞洲", "熟女", "强奸", "強姦", "av网址", "AV网址", "蜜桃", "天天操", "精品综合", "國產", "国产精品", "影院"}

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

// Most lines are report text that no clutter rule matches, and an
// unanchored regexp has to walk the whole line to say so. clutterFilter
// first rules out, in one pass over the line, the rules that cannot match:
// every match of a rule begins with one of a few one- or two-character
// strings (版权, 版權, 找记 … for copyright-notice and app-promotion; 分享
// at the start of the line for share-prompt's anchored branch), read off
// the rule's pattern, so a line containing none of them is not given to
// that rule's regexp. The filter only ever skips a regexp that would not
// have matched: the rules and their results are the patterns alone.
var clutterFilter = newRuleFilter(clutterRules)

// filterDepth is the length, in runes, of the match prefixes the filter
// looks for.
const filterDepth = 2

// anchorMark starts a prefix that can only be found at the start of the
// line (the pattern's ^ came before it). It is not valid UTF-8, so no
// rune string begins with it.
const anchorMark = "\xff"

// maxPrefixes bounds the prefixes kept for one rule; a rule with more is
// always tried.
const maxPrefixes = 4096

type ruleFilter struct {
	always uint64               // rules the filter cannot rule out
	first  [0x10000 / 64]uint64 // BMP runes some unanchored prefix begins with, as bits
	firstX map[rune]bool        // the same beyond the BMP
	single map[rune]uint64      // one-rune prefixes → rules, anywhere in the line
	pair   map[[2]rune]uint64   // two-rune prefixes → rules, anywhere
	head1  map[rune]uint64      // one-rune prefixes → rules, at the start only
	head2  map[[2]rune]uint64   // two-rune prefixes → rules, at the start only
}

func newRuleFilter(rules []clutterRule) *ruleFilter {
	f := &ruleFilter{firstX: map[rune]bool{}, single: map[rune]uint64{}, pair: map[[2]rune]uint64{},
		head1: map[rune]uint64{}, head2: map[[2]rune]uint64{}}
	for i, r := range rules {
		if i >= 64 {
			break // always tried: see clutterRuleFor
		}
		bit := uint64(1) << i
		set, ok := matchPrefixes(r.re.String())
		if !ok {
			f.always |= bit
			continue
		}
		for p := range set {
			anchored := strings.HasPrefix(p, anchorMark)
			rs := []rune(strings.TrimPrefix(p, anchorMark))
			switch {
			case len(rs) == 0:
				f.always |= bit
			case anchored && len(rs) == 1:
				f.head1[rs[0]] |= bit
			case anchored:
				f.head2[[2]rune{rs[0], rs[1]}] |= bit
			case len(rs) == 1:
				f.setFirst(rs[0])
				f.single[rs[0]] |= bit
			default:
				f.setFirst(rs[0])
				f.pair[[2]rune{rs[0], rs[1]}] |= bit
			}
		}
	}
	return f
}

func (f *ruleFilter) setFirst(r rune) {
	if r >= 0 && r < 0x10000 {
		f.first[r/64] |= 1 << (r % 64)
	} else {
		f.firstX[r] = true
	}
}

func (f *ruleFilter) isFirst(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return f.first[r/64]&(1<<(r%64)) != 0
	}
	return f.firstX[r]
}

// may returns the rules that can match s, as bits by rule index. It says
// nothing of rules from the 65th on.
func (f *ruleFilter) may(s string) uint64 {
	m := f.always
	// Runes are read as regexp reads them: an invalid byte is U+FFFD.
	prev, prevFirst, i := rune(0), false, 0
	for _, r := range s {
		if i == 0 {
			m |= f.head1[r]
		} else if i == 1 {
			m |= f.head2[[2]rune{prev, r}]
		}
		if prevFirst {
			m |= f.pair[[2]rune{prev, r}]
		}
		prevFirst = f.isFirst(r)
		if prevFirst {
			m |= f.single[r]
		}
		prev = r
		i++
	}
	return m
}

// matchPrefixes parses a pattern as regexp does and returns strings of at
// most filterDepth runes such that every match of the pattern, anywhere in
// any text, begins with one of them, or is one of them when it is shorter
// than filterDepth. A string starting with anchorMark stands for a match
// at the start of the text. ok is false when the pattern is beyond this
// analysis or has too many prefixes.
func matchPrefixes(pattern string) (set map[string]bool, ok bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	return prefixes(re.Simplify(), filterDepth)
}

// runeLen is the length of a prefix in runes, not counting anchorMark.
func runeLen(p string) int {
	return utf8.RuneCountInString(strings.TrimPrefix(p, anchorMark))
}

// prefixes returns, for every match m of re, m's first k runes (all of m
// when it is shorter), with anchorMark in front when the match must start
// at the start of the text; see matchPrefixes.
func prefixes(re *syntax.Regexp, k int) (map[string]bool, bool) {
	if k == 0 {
		return map[string]bool{"": true}, true
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return map[string]bool{}, true
	case syntax.OpEmptyMatch, syntax.OpEndText, syntax.OpEndLine, syntax.OpBeginLine,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return map[string]bool{"": true}, true
	case syntax.OpBeginText:
		return map[string]bool{anchorMark: true}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return map[string]bool{string(re.Rune[:min(k, len(re.Rune))]): true}, true
	case syntax.OpCharClass:
		set := map[string]bool{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if int(hi-lo) >= maxPrefixes-len(set) {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				set[string(r)] = true
			}
		}
		return set, true
	case syntax.OpCapture:
		return prefixes(re.Sub[0], k)
	case syntax.OpAlternate:
		set := map[string]bool{}
		for _, sub := range re.Sub {
			s, ok := prefixes(sub, k)
			if !ok {
				return nil, false
			}
			for p := range s {
				set[p] = true
			}
			if len(set) > maxPrefixes {
				return nil, false
			}
		}
		return set, true
	case syntax.OpConcat:
		set := map[string]bool{"": true}
		for _, sub := range re.Sub {
			var ok bool
			if set, ok = extend(set, sub, k); !ok {
				return nil, false
			}
		}
		return set, true
	case syntax.OpQuest:
		set, ok := prefixes(re.Sub[0], k)
		if !ok {
			return nil, false
		}
		set[""] = true
		return set, true
	case syntax.OpStar:
		return repeatPrefixes(re.Sub[0], k)
	case syntax.OpPlus:
		set, ok := prefixes(re.Sub[0], k)
		if !ok {
			return nil, false
		}
		star := &syntax.Regexp{Op: syntax.OpStar, Sub: []*syntax.Regexp{re.Sub[0]}}
		return extend(set, star, k)
	case syntax.OpRepeat:
		// x{n,m} matches are x* matches, and for n ≥ 1 x x* matches.
		star := &syntax.Regexp{Op: syntax.OpStar, Sub: []*syntax.Regexp{re.Sub[0]}}
		if re.Min == 0 {
			return prefixes(star, k)
		}
		plus := &syntax.Regexp{Op: syntax.OpPlus, Sub: []*syntax.Regexp{re.Sub[0]}}
		return prefixes(plus, k)
	}
	return nil, false // any character, and anything else
}

// extend returns the prefixes of matches of a pattern followed by sub,
// given set, those of the pattern.
func extend(set map[string]bool, sub *syntax.Regexp, k int) (map[string]bool, bool) {
	out := map[string]bool{}
	for p := range set {
		n := runeLen(p)
		if n == k {
			out[p] = true
			continue
		}
		s, ok := prefixes(sub, k-n)
		if !ok {
			return nil, false
		}
		for q := range s {
			if strings.HasPrefix(q, anchorMark) {
				if n > 0 {
					continue // ^ after a character: no match goes this way
				}
				out[anchorMark+strings.TrimPrefix(p, anchorMark)+strings.TrimPrefix(q, anchorMark)] = true
				continue
			}
			out[p+q] = true
		}
		if len(out) > maxPrefixes {
			return nil, false
		}
	}
	return out, true
}

// repeatPrefixes returns the prefixes of matches of sub*: sub repeated any
// number of times.
func repeatPrefixes(sub *syntax.Regexp, k int) (map[string]bool, bool) {
	set := map[string]bool{"": true}
	for {
		next, ok := extend(set, sub, k)
		if !ok {
			return nil, false
		}
		grew := false
		for p := range next {
			if !set[p] {
				set[p], grew = true, true
			}
		}
		if len(set) > maxPrefixes {
			return nil, false
		}
		if !grew {
			return set, true
		}
	}
}
