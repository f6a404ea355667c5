package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Labels: the words that say what a figure counts, cut from the text
// before it (or the noun after its unit) and trimmed of connectors, years,
// places and verbs.

// headStops end the noun after a unit: verbs and particles.
var headStops = []string{"全部", "全面", "已", "均", "被", "实现", "开工", "完成", "成为", "参加", "的", "进行",
	"丰富", "主动", "凝结", "充实", "形成", "获", "评为", "入选", "纳入", "用于", "以上", "以下", "左右", "及",
	"等", "为", "达", "和", "与", "待", "是", "有", "服务", "安全", "惠及", "取得", "组成", "回", "就业岗位",
	"正在", "由", "建设为", "建成", "下发", "联合", "不等", "之间", "以内"}

// headStopWords are words that begin with a head stop and are nouns
// themselves (均衡 is balance, not the adverb 均): they do not end a noun.
var headStopWords = []string{"均衡"}

// stopsHead says whether a head stop begins at f[j].
func stopsHead(f []rune, j int) bool {
	for _, w := range headStopWords {
		if hasAt(f, j, w) {
			return false
		}
	}
	for _, w := range headStops {
		if hasAt(f, j, w) {
			return true
		}
	}
	return false
}

// headStopsInside end the noun after a unit only after its first
// character: a new predicate (5个城市新建…, 6个省份存在…), while a noun may
// itself begin with them (26所新建改扩建学校).
// 到 and 都 open a predicate the same way (21个党支部到社区开展…, 21个地市都
// 签订…), unless they are part of a word (see wordsAroundStop); after a
// one-character noun, 都 is left to the rule on what the noun became
// (5个镇都建成了中心幼儿园 counts towns, see indicator).
var headStopsInside = []string{"存在", "对", "新建", "新增", "名列", "通过", "共有", "到", "都", "投入使用", "最多", "最少"}

// trimLabel returns f[from:to] as written, without connectors, years and verbs.
func (p *paragraph) trimLabel(from, to int) string {
	if from >= to {
		return ""
	}
	// drop year marks and what precedes them in the span
	for _, m := range p.yearMarks(from, to) {
		if m.end <= to && !m.from && !m.base {
			from = m.end
		}
	}
	from, to = p.trimSpan(from, to)
	return trimLabelText(p.text(from, to))
}

// Words a label does not begin or end with, matched on the folded text so
// that both scripts are trimmed alike. A label is a noun phrase saying what
// is counted: not where (全省, a place name), not when (今年), not the
// speaker's plan or the verb that leads to the number.
var (
	spanLead = []string{"全省", "全国", "全州", "全盟", "全港", "全澳", "全台", "全自治区", "全市", "全区", "全县",
		"我省", "我市", "我区", "我县", "本省", "本市", "本区", "本县", "今年", "明年", "去年", "当年", "年内",
		"计划", "还将", "将", "预计", "拟", "正在", "抓紧", "先后", "已经", "实现了", "实现", "另有", "此外", "又有", "又",
		"设有", "共提供", "提供", "拥有", "现有", "确定了", "确定", "大幅", "其中", "本年度", "本学年"}
	spanTail = append(append([]string{}, tailTrim...), "了", "保持在", "稳定在", "均在", "均达", "均为", "在", "新台币", "港币", "港元", "人民币", "美元",
		"不等", "多达", "高达", "约为", "逾", "超", "介乎", "介于", "以来", "由现在", "由现时", "由目前",
		// 教育医疗类占12.57%, 今年新建的学校就343所, 补助为每学年最高5.2万元:
		// a verb of share, an adverb and a bound before the number
		"占", "约占", "就", "最高", "最多", "最低", "最少", "每学年", "每学期")
	// A note in brackets at the end of a label says what is included or
	// left out (教职工（含其他非学历高等教育机构）): kept in the quote, not
	// in the label.
	noteOpeners = []string{"含", "包括", "不含", "不包括", "以下", "下同", "即"}
)

// trimSpan narrows f[from:to] to the label's noun phrase (see spanLead).
func (p *paragraph) trimSpan(from, to int) (int, int) {
	f := p.f
	for changed := true; changed && from < to; {
		changed = false
		for from < to && (f[from] == ' ' || f[from] == ',' || f[from] == '、') {
			from, changed = from+1, true
		}
		for _, w := range spanLead {
			if n := len([]rune(w)); from+n <= to && hasAt(f, from, w) {
				from, changed = from+n, true
			}
		}
		for _, w := range spanTail {
			if n := len([]rune(w)); to-n > from && hasAt(f, to-n, w) && !endsWord(f, from, to, n) {
				to, changed = to-n, true
			}
		}
		if m := p.mentionAt(from); m > from && m < to {
			from, changed = m, true // a place name standing for where, not what
		}
		if to-from > 2 && (f[to-1] == '）' || f[to-1] == ')') {
			for k := to - 2; k > from; k-- {
				if f[k] == '（' || f[k] == '(' {
					for _, w := range noteOpeners {
						if hasAt(f, k+1, w) {
							to, changed = k, true
							break
						}
					}
					break
				}
			}
		}
	}
	return from, to
}

// mentionAt returns the rune offset where a place mention starting at rune
// i ends, or i.
func (p *paragraph) mentionAt(i int) int {
	if i >= len(p.byte) {
		return i
	}
	at := p.byte[i]
	for _, m := range p.in.Mentions {
		if m.Start == at && m.Place.Name != "" {
			for k := i; k < len(p.byte); k++ {
				if p.byte[k] >= m.End {
					return k
				}
			}
		}
	}
	return i
}

var (
	leadTrim = []string{"约占", "約佔", "还有", "還有", "共", "有", "会同", "會同", "、", "和", "及", "与", "以及", "其中", "共有", "全市", "全区", "全县", "累计", "目前", "并", "还",
		"同时", "度", "，", ",", " ", "已", "；", "对", "（", "(", "分别", "以上共", "以上", "其中,", "連續兩年", "连续两年",
		"共計", "共计", "全縣", "全區", "目前已", "累計", "與", "並", "還", "對", "同時", "分別", "其中，"}
	tailTrim = []string{"达到", "达", "为", "是", "提高至", "提高到", "提升至", "提升到", "增长", "增加", "共", "约", "近",
		"超过", "仅", "总计", "合计", "有", "的", "已", "全部实现", "实现", "分别", "同比", "比上年", "较上年",
		"至", "到", "由", "从", "，", ",", " ", "接近", "大约", "不低于", "不超过", "多", "余", "累计", "共计",
		"将", "压减", "控制在", "每月", "每年", "每人", "降至", "全部", "都", "均", "已达", "分别达",
		"下降", "减少", "降低", "上升", "提升", "提高", "增幅"}
)

// trimLabelText strips connectors at the start and verbs at the end. It works
// on Simplified and Traditional text: the trimmed words are written the same
// in both scripts or listed in both.
func trimLabelText(s string) string {
	s = strings.TrimSpace(s)
	for changed := true; changed && s != ""; {
		changed = false
		if t := trimLabelPatterns(s); t != s {
			s, changed = strings.TrimSpace(t), true
		}
		for _, w := range leadTrim {
			if strings.HasPrefix(s, w) && !opensWord(s, w) {
				s, changed = strings.TrimSpace(s[len(w):]), true
			}
		}
		for _, w := range tailTrimAll {
			if strings.HasSuffix(s, w) {
				s, changed = strings.TrimSpace(s[:len(s)-len(w)]), true
			}
		}
	}
	return s
}

// Traditional forms of the trimmed verbs (the label is cut on the original
// text, which may be Traditional).
var tailTrimAll = append(append([]string{}, tailTrim...),
	"達到", "達", "為", "提高到", "將", "減少", "提昇", "壓減", "全部", "已達", "分別達", "增長", "總計", "合計", "實現", "全部實現", "分別", "較上年", "餘", "超過", "約", "由", "從", "累計", "共計")

// trimLabelPatterns removes a leading list marker, a trailing base-year
// phrase and a leading year, in that order. Each pattern is tried only on
// text it could match (it is anchored at one end, and that end must hold
// a digit, a parenthesis or 年), which most labels do not.
func trimLabelPatterns(s string) string {
	if s != "" && (isASCIIDigit(rune(s[0])) || s[0] == '(' || strings.HasPrefix(s, "（")) {
		s = listMarkerRe.ReplaceAllString(s, "")
	}
	if strings.HasSuffix(s, "年") || strings.HasSuffix(s, "年的") {
		s = basePhraseRe.ReplaceAllString(s, "")
	}
	if s != "" && isASCIIDigit(rune(s[0])) {
		s = leadYearRe.ReplaceAllString(s, "")
	}
	return s
}

var (
	listMarkerRe = regexp.MustCompile(`^(\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]+[)）])`)
	leadYearRe   = regexp.MustCompile(`^\d{4}年度?`)
	basePhraseRe = regexp.MustCompile(`(比|较|較|由|从|從)(\d{4}年|上年|去年)(的)?$`)
)

// Verbs of doing that, standing alone as a label, name no thing counted
// (成立了1个, 召开3次 without an object).
var bareVerbs = map[string]bool{"成立": true, "建立": true, "开展": true, "召开": true, "举办": true, "组织": true,
	"印发": true, "下发": true, "完成": true, "实现": true, "达到": true, "推进": true, "落实": true, "发展": true,
	"拨付": false, "投入": false, "新增": false, "增加": false}

// namesNothing reports whether a label (folded) names nothing countable:
// empty, without a Han character, or a bare verb of doing.
func namesNothing(label string) bool {
	hasHan := false
	for _, r := range label {
		if unicode.Is(unicode.Han, r) {
			hasHan = true
			break
		}
	}
	return !hasHan || bareVerbs[label] || isVerbOnly(label)
}

// trimVerbs strips verbs and comparison words from a shared 分别 label.
func trimVerbs(s string) string {
	s = trimLabelText(s)
	for _, w := range []string{"比上年", "較上年", "较上年", "同比", "增长", "增長", "增加", "提高", "达", "達", "为", "為"} {
		s = strings.TrimSuffix(strings.TrimPrefix(s, w), w)
	}
	return strings.TrimSpace(s)
}

// Words inside a finished label after which the noun phrase counted
// begins: a subject holding or finding what is counted (示范区共有各类幼儿园,
// 督查发现省份, 局党委共确定突破项目) names who, not what.
// A subject providing places (建成后可提供学位, 新校可容纳学生) is likewise
// who, not what.
var holdingVerbs = []string{"共有", "现有", "拥有", "设有", "另有", "发现", "确定", "提供", "容纳"}

// predicateAdverbs open a predicate after a noun (县均达到, 市最多, 学校都…):
// a one-character noun before them is whole.
var predicateAdverbs = []string{"均", "都", "最", "正在", "将"}

// restStops end the words after a figure: tense and aspect opening a
// predicate (将, 将会, 已, 已经, 正在).
var restStops = []string{"将", "已", "正在"}

// comparisonLead open a label with what the figure is compared with
// (对照私幼1万多元, 相比之下): the compared thing is the label.
var comparisonLead = []string{"对照", "对比", "相比", "相较"}

// aspectLead are adverbs of aspect at the start of a label (正在抓紧推进…,
// the words after a figure): when the work stands, not what is counted.
var aspectLead = []string{"正在", "抓紧", "已经", "还将", "还要", "即将"}

// workLead are verbs of carrying out work at the start of a label
// (实施农村中小学校舍维修改造项目学校): the label is what the work counts.
// 进行 is a light verb before the work itself (进行问卷调查).
var workLead = []string{"实施了", "实施", "组织开展", "开展了", "开展", "进行了", "进行"}

// spanStartRe opens a period of time at the start of a label (近3年,
// 三年来, 过去五年间): when, not what.
var spanStartRe = regexp.MustCompile(`^(近|过去|這|这)?[\d一二三四五六七八九十两兩]+年(来|來|间|間|内|內|中)?`)

// tidyLabel applies to a finished label the rules that need the whole
// phrase, on its folded form so that both scripts are cut alike:
//   - a bracket left open drops what precedes it (实施了“双千计划”（投入 →
//     投入), a bracket closed without an opener or an empty pair is dropped
//     (学校） → 学校);
//   - a verb of holding or finding after a subject keeps what follows it
//     (see holdingVerbs), unless the words before are a list (建立…制度、
//     提供课后服务、…的学校比例: the verb belongs to an item);
//   - an aspect marker 了 or 已 and a demonstrative (这批, 这些) inside are
//     dropped, the words stay (县进行了实地督导检查 → 县进行实地督导检查,
//     项目已完工 → 项目完工);
//   - adverbs of aspect and of manner, verbs of carrying out work (see
//     workLead), comparison leads and a period of time at the start are
//     dropped (正在抓紧推进… → 推进…, 严厉查处 → 查处, 近3年共撤并… → 撤并…);
//   - a stage at the end (整改过程中 → 整改) and a bracketed gloss at the
//     end (see dropGloss) are dropped;
//   - an office acting, a means clause or a host of 中 at the start is
//     dropped (see subjectCut);
//   - a subject with a clause about it and a measure of it is the
//     subject's measure (see dropSubjectClause), and two coordinated noun
//     phrases with the same head are written with the head once (see
//     factorSharedTail).
//
// Each cut keeps at least two characters, so a label never becomes shorter
// than the words it names.
func (r *Registry) tidyLabel(label string) string {
	orig := []rune(label)
	f := r.foldRunes(label, "")
	if len(f) != len(orig) {
		return label
	}
	from, to := 0, len(orig)
	keep := func(k int) bool { return to-k >= 2 && hasHan(orig[k:to]) }
	for changed := true; changed; {
		changed = false
		if k := unmatchedOpen(f[from:to]); k >= 0 && keep(from+k+1) {
			from, changed = from+k+1, true
		}
		if to-from > 2 && isCloser(f[to-1]) && unmatchedOpen(f[from:to]) < 0 && depth(f[from:to]) < 0 {
			to, changed = to-1, true
		}
		if to-from > 2 && isCloser(f[to-1]) && isOpener(f[to-2]) {
			to, changed = to-2, true
		}
		for _, w := range stageTail {
			if n := len([]rune(w)); to-n-from >= 2 && hasAt(f[:to], to-n, w) {
				to, changed = to-n, true
			}
		}
		if t := dropGloss(f, from, to); t < to {
			to, changed = t, true
		}
		if k := subjectCut(f, from, to); k > from && keep(k) {
			from, changed = k, true
		}
		for _, w := range holdingVerbs {
			n := len([]rune(w))
			for k := to - n - 2; k > from; k-- {
				if hasAt(f, k, w) && keep(k+n) && !slices.Contains(f[from:k], '、') {
					from, changed = k+n, true
					break
				}
			}
		}
		for _, w := range slices.Concat(aspectLead, comparisonLead, workLead, mannerLead, changeLead) {
			if n := len([]rune(w)); hasAt(f[:to], from, w) && keep(from+n) {
				from, changed = from+n, true
			}
		}
		// 项目已完工, 县进行了督导: an aspect marker inside a label is
		// dropped, the words stay (项目完工, 县进行督导), so that the noun
		// counted is kept (not 了解, 为了, 除了).
		for k := from + 1; k < to-1; k++ {
			aspect := f[k] == '已' && k > from+1 || f[k] == '了' && f[k+1] != '解' && f[k-1] != '为' && f[k-1] != '除'
			if aspect {
				n := 1
				if f[k] == '已' && f[k+1] == '经' {
					n = 2
				}
				if k+n < to {
					orig = slices.Delete(slices.Clone(orig), k, k+n)
					f = slices.Delete(slices.Clone(f), k, k+n)
					to, changed = to-n, true
					break
				}
			}
		}
		// 新投入使用的这批中小学: a demonstrative points back, it names
		// nothing; the words around it stay.
		for k := from + 1; k+2 < to; k++ {
			if w := demonstrativeAt(f, k); w > 0 {
				orig = slices.Delete(slices.Clone(orig), k, k+w)
				f = slices.Delete(slices.Clone(f), k, k+w)
				to, changed = to-w, true
				break
			}
		}
		if m := spanStartRe.FindString(string(f[from:to])); m != "" {
			if n := len([]rune(m)); keep(from+n) && !startsWithAny(string(f[from+n:to]), []string{"级", "制", "期"}) {
				from, changed = from+n, true
			}
		}
		if t := []rune(trimLabelText(string(orig[from:to]))); changed && len(t) > 0 {
			// trimLabelText only cuts at the ends: find where t sits
			for k := from; k+len(t) <= to; k++ {
				if string(orig[k:k+len(t)]) == string(t) {
					from, to = k, k+len(t)
					break
				}
			}
		}
	}
	if t := dropSubjectClause(orig[from:to], f[from:to]); len(t) < to-from {
		return string(t)
	}
	return string(factorSharedTail(orig[from:to], f[from:to]))
}

func hasHan(rs []rune) bool {
	for _, c := range rs {
		if unicode.Is(unicode.Han, c) {
			return true
		}
	}
	return false
}

func isOpener(c rune) bool { return c == '（' || c == '(' }
func isCloser(c rune) bool { return c == '）' || c == ')' }

// depth is the count of opening minus closing brackets in rs.
func depth(rs []rune) int {
	d := 0
	for _, c := range rs {
		switch {
		case isOpener(c):
			d++
		case isCloser(c):
			d--
		}
	}
	return d
}

// unmatchedOpen returns the index of the last opening bracket in rs that
// is never closed, or -1.
func unmatchedOpen(rs []rune) int {
	var open []int
	for i, c := range rs {
		switch {
		case isOpener(c):
			open = append(open, i)
		case isCloser(c) && len(open) > 0:
			open = open[:len(open)-1]
		}
	}
	if len(open) == 0 {
		return -1
	}
	return open[len(open)-1]
}

// countsPeople says whether a canonical unit counts people (人, 名): a
// subset of them is not a set of institutions whose members follow.
func countsPeople(unit string) bool { return unit == "人" || unit == "名" }

// objectPrepositions end the words before a figure when the figure is the
// object of a preposition (通过网络平台对8090人进行了问卷调查): what is
// counted is said by the verb after it.
var objectPrepositions = []string{"对", "向", "给"}

// placePrepositions open a place after a figure (2间在文山区, 1间位于南港区).
var placePrepositions = []string{"在", "位于", "於", "于", "位於"}

// labelInContext corrects a label by the figure's neighbours, after its
// indicator is chosen (a corrected label does not change the tie):
//   - a label that is only a place (2间在文山区、1间在南港区 after 新增3间
//     非营利幼儿园) is a per-place breakdown of the figure before: it takes
//     that figure's label, and the place stays the figure's place;
//   - a label ending in a preposition whose object is the figure takes the
//     verb phrase after the figure (see objectPrepositions).
func (p *paragraph) labelInContext(g, prev *fig, label string) string {
	if prev != nil && prev.label != "" && p.isPlaceOnly(label) {
		return prev.label
	}
	folded := foldString(p.r, label)
	for _, w := range objectPrepositions {
		if strings.HasSuffix(folded, w) {
			if rest := p.rest(max(g.q.End, g.q.RangeEnd)); hasHan([]rune(rest)) {
				return rest
			}
		}
	}
	return label
}

// isPlaceOnly says whether a label is a place mention of the paragraph,
// perhaps after a preposition of place.
func (p *paragraph) isPlaceOnly(label string) bool {
	folded := foldString(p.r, label)
	for _, w := range placePrepositions {
		if strings.HasPrefix(folded, w) {
			label = string([]rune(label)[len([]rune(w)):])
			break
		}
	}
	if label == "" {
		return false
	}
	for _, m := range p.in.Mentions {
		if m.Place.Name != "" && p.in.Text[m.Start:m.End] == label {
			return true
		}
	}
	return false
}
