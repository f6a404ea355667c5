package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// shapes recognises statements that tie several figures together:
//
//	distributive  学前教育公办率、普惠性幼儿园覆盖率分别达77.54%、93.37%
//	before/after  职普比由2019年的28%提升至33.33%
//	breakdown     补充教师2100余人,其中研究生以上学历教师700余人
//	comparison    覆盖率提高至90%,超国家、省规定目标10个百分点
func (p *paragraph) shapes() {
	f := p.f
	figs := p.figs
	for k, g := range figs {
		var prev *fig
		if k > 0 && figs[k-1].sent == g.sent {
			prev = figs[k-1]
		}
		left := string(f[g.left:g.q.Start])
		// before/after: 由[2019年的]V1 提升至 V2
		if prev != nil && prev.clause == g.clause && isAfterVerb(left) && p.isFrom(prev) {
			prev.shape, g.shape = "before", "after"
			g.kind, g.cue = KindActual, ""
			if prev.kind == KindTarget {
				g.kind, g.cue = prev.kind, prev.cue
			}
		}
		// breakdown: 其中 between the previous figure and this one inherits a target.
		if prev != nil && strings.Contains(string(f[prev.q.End:g.q.Start]), "其中") {
			g.shape = "breakdown"
			if prev.kind == KindTarget && g.kind == KindActual && g.cue == "" {
				g.kind, g.cue = KindTarget, prev.cue
			}
		}
		// comparison with a norm
		if (g.q.UnitKind == "pp" || g.q.UnitKind == "percent") && isComparison(left) {
			g.shape = "comparison"
		}
	}
	p.distributive()
}

var afterVerbs = []string{"提升至", "提升到", "提高至", "提高到", "增长至", "增长到", "增加至", "增加到",
	"上升至", "上升到", "下降至", "下降到", "降低至", "降低到", "减少至", "减少到", "扩大至", "扩大到", "达到", "变为"}

func isAfterVerb(s string) bool {
	for _, v := range afterVerbs {
		if s == v {
			return true
		}
	}
	return false
}

// isFrom reports whether g is written 由…V or 从…V.
func (p *paragraph) isFrom(g *fig) bool {
	s := []rune(string(p.f[g.left:g.q.Start]))
	for i := len(s) - 1; i >= 0 && len(s)-i <= 8; i-- {
		if s[i] == '由' || s[i] == '从' {
			return true
		}
	}
	return false
}

func isComparison(s string) bool {
	for _, a := range []string{"超", "高于", "低于", "多于", "少于"} {
		if i := strings.Index(s, a); i >= 0 {
			rest := s[i:]
			for _, b := range []string{"目标", "标准", "要求", "平均", "全省", "全国", "水平"} {
				if strings.Contains(rest, b) {
					return true
				}
			}
		}
	}
	return false
}

// distributive handles 分别 lists: labels before 分别 go one to one with the
// figures after it; a label written after 分别 (分别新增学位…) is shared.
func (p *paragraph) distributive() {
	f := p.f
	var prevSubjects []string
	prevSent := -1
	for d := 0; d+1 < len(f); d++ {
		if f[d] != '分' || f[d+1] != '别' {
			continue
		}
		var members []*fig
		for _, g := range p.figs {
			if g.q.Start > d && g.clause <= d && g.clauseEnd > d {
				members = append(members, g)
			}
		}
		if len(members) < 2 {
			continue
		}
		first := members[0]
		if first.sent != prevSent {
			prevSubjects, prevSent = nil, first.sent
		}
		// subjects: from the clause start (or previous figure) to 分别
		from := first.clause
		for _, g := range p.figs {
			if g.q.End <= d && g.q.End > from {
				from = g.q.End
			}
		}
		subjects := p.splitList(from, d)
		if len(subjects) == 0 {
			// 建设普通高中7所、综合高中2所、职业学校1所,分别新增学位…
			for _, g := range p.figs {
				if g.clauseEnd <= d && g.sent == first.sent && g.clauseEnd >= first.clause-1 {
					subjects = append(subjects, p.trimLabel(g.left, g.q.Start))
				}
			}
		}
		common := trimVerbs(p.text(d+2, first.q.Start))
		switch {
		case len(subjects) == len(members):
			prevSubjects = subjects
		case len(subjects) == 1 && len(prevSubjects) == len(members):
			s := subjects[0]
			subjects = nil
			for _, ps := range prevSubjects {
				subjects = append(subjects, s+ps)
			}
		default:
			subjects = nil
		}
		for i, g := range members {
			g.distributive = true
			g.shape = "distributive"
			if i > 0 {
				g.kind, g.cue, g.baseYear = first.kind, first.cue, first.baseYear
			}
			switch {
			case common != "" && subjects != nil:
				g.label, g.fixedLabel = subjects[i]+common, true
			case common != "":
				g.label, g.fixedLabel = common, true
			case subjects != nil:
				g.label, g.fixedLabel = subjects[i], true
			}
		}
	}
}

// splitList splits 学前教育公办率、普惠性幼儿园覆盖率 into its items, on the
// original text, using the folded text to find separators.
func (p *paragraph) splitList(from, to int) []string {
	var out []string
	start := from
	flush := func(end int) {
		s := trimLabelText(p.text(start, end))
		if s != "" {
			out = append(out, s)
		}
	}
	for i := from; i < to; i++ {
		switch p.f[i] {
		case '、', '和', '及', '与':
			flush(i)
			start = i + 1
		}
	}
	flush(to)
	return out
}

// indicator ties figure i to an indicator and gives it a label.
func (p *paragraph) indicator(i int, g *fig) {
	r := p.r
	var prev *fig
	if i > 0 && p.figs[i-1].sent == g.sent {
		prev = p.figs[i-1]
	}
	head, headEnd := p.head(g)
	if g.shape == "comparison" {
		if !g.fixedLabel {
			g.label = p.trimLabel(g.left, g.q.Start)
		}
		return
	}
	if g.fixedLabel {
		g.ind = r.tie(g.label, g.q.UnitKind)
		return
	}
	label := head
	if label == "" || g.q.UnitKind != "count" {
		label = p.trimLabel(g.left, g.q.Start)
	} else if utf8.RuneCountInString(head) <= 2 {
		// 4所学校被评为“全国文明校园”: a bare noun says little; keep its clause.
		if rest := p.rest(headEnd); rest != "" {
			label = head + rest
		} else if l := p.trimLabel(g.left, g.q.Start); l != "" {
			label = l + head
		}
	}
	if g.q.CanonicalUnit == "部门" {
		label = p.trimLabel(g.left, g.q.Start) + g.q.Unit
	}
	// 新建10所幼儿园: the verb before the number belongs to what is
	// counted (new kindergartens, not kindergartens).
	tieText := label
	if head != "" && label == head && g.q.UnitKind == "count" {
		if l := p.trimLabel(g.left, g.q.Start); l != "" {
			tieText = l + head
		}
	}
	fromPrev := false
	if prev != nil && (g.shape == "after" || g.kind == KindChange && (label == "" || isVerbOnly(label))) {
		label, fromPrev = prev.label, true
		tieText = label
	}
	var partInd *Indicator
	if g.shape == "breakdown" && prev != nil && utf8.RuneCountInString(label) <= 4 && prev.label != "" {
		// 教职工…，其中专任教师…: the part is counted by the whole's
		// measure, unless its own words state one (其中已整改…).
		partInd = r.tie(label, g.q.UnitKind)
		label, fromPrev = prev.label+"("+label+")", true
		tieText = label
	}
	if label == "" {
		label = p.trimLabel(g.clause, g.q.Start)
	}
	if label == "" {
		// 全市100%学校用…, 70%以上的新录用教师…: the words after the figure.
		label = strings.TrimPrefix(p.rest(g.q.End), "的")
	}
	if tieText == "" {
		tieText = label
	}
	ind := partInd
	if ind == nil {
		ind = r.tie(tieText, g.q.UnitKind)
	}
	if ind == nil && fromPrev && prev.ind != nil && unitFits(prev.ind.Unit, g.q.UnitKind) {
		ind, g.inherited = prev.ind, true
	}
	// 公办园7所，在园幼儿1531人: the members counted after a subset of
	// institutions are that subset's (公办园在园幼儿), not the stock of all.
	if ind != nil && ind.Measure == "stock" && !fromPrev && prev != nil && prev.ind == nil &&
		prev.q.UnitKind == "count" && prev.clause != g.clause && prev.label != "" && utf8.RuneCountInString(label) <= 6 {
		ind, label = nil, prev.label+label
	}
	g.ind, g.label = ind, label
}

// rest returns the rest of the clause from i, as written, at most 20 characters.
func (p *paragraph) rest(i int) string {
	j := i
	for j < len(p.f) && j-i < 20 && !p.isClauseEnd(j) && p.f[j] != '、' && !isASCIIDigit(p.f[j]) {
		j++
	}
	return strings.TrimSuffix(strings.TrimSpace(p.text(i, j)), "的")
}

func isVerbOnly(s string) bool { return trimVerbs(s) == "" }

func foldString(r *Registry, s string) string { return string(r.foldRunes(s, "")) }

// head returns, for "V个X" (83个教育集团), the noun phrase after the unit as
// written, and where it ends.
func (p *paragraph) head(g *fig) (string, int) {
	f := p.f
	i := g.q.End
	if g.q.UnitKind != "count" || g.q.CanonicalUnit == "部门" {
		return "", i
	}
	if i < len(f) && (f[i] == '“' || f[i] == '"') {
		i++
	}
	if i >= len(f) || !unicode.Is(unicode.Han, f[i]) {
		return "", g.q.End
	}
	for _, w := range headStops {
		if hasAt(f, i, w) {
			return "", g.q.End
		}
	}
	j := i
	for j < len(f) && j-i < 16 {
		c := f[j]
		if p.isClauseEnd(j) || c == '、' || c == '。' || isASCIIDigit(c) {
			break
		}
		stop := false
		for _, w := range headStops {
			if hasAt(f, j, w) {
				stop = true
			}
		}
		if stop {
			break
		}
		j++
	}
	if j == i {
		return "", g.q.End
	}
	return strings.TrimSpace(p.text(g.q.End, j)), j
}

// headStops end the noun after a unit: verbs and particles.
var headStops = []string{"全部", "全面", "已", "均", "被", "实现", "开工", "完成", "成为", "参加", "的", "进行",
	"丰富", "主动", "凝结", "充实", "形成", "获", "评为", "入选", "纳入", "用于", "以上", "以下", "左右", "及",
	"等", "为", "达", "和", "与", "待", "是", "有", "服务", "安全", "惠及", "取得", "组成", "回", "就业岗位",
	"正在", "由", "建设为", "建成", "下发", "联合"}

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
	return trimLabelText(p.text(from, to))
}

var (
	leadTrim = []string{"、", "和", "及", "与", "以及", "其中", "共有", "全市", "全区", "全县", "累计", "目前", "并", "还",
		"同时", "度", "，", ",", " ", "已", "；", "对", "（", "(", "分别", "以上共", "以上", "其中,", "連續兩年", "连续两年",
		"共計", "共计", "全縣", "全區", "目前已", "累計"}
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
			if strings.HasPrefix(s, w) {
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

// trimVerbs strips verbs and comparison words from a shared 分别 label.
func trimVerbs(s string) string {
	s = trimLabelText(s)
	for _, w := range []string{"比上年", "較上年", "较上年", "同比", "增长", "增長", "增加", "提高", "达", "達", "为", "為"} {
		s = strings.TrimSuffix(strings.TrimPrefix(s, w), w)
	}
	return strings.TrimSpace(s)
}

// place gives the figure's place: a place named before it in its sentence
// (a county in a city's section), or one that opens the paragraph and is
// not superseded, else the paragraph's place. A mention of a place that
// contains the paragraph's place (the province in a county's text)
// overrides it only inside the figure's own clause (广西又有208所新建学校).
// Two shapes of per-place text are read as written:
//
//   - a place right after the figure with 在/位于 (2间在文山区、1间在南港区)
//     is that figure's;
//   - a list of places before a count (为乌鲁木齐市、库尔勒市…5个城市) is the
//     group the count is about, so none of its items is the figure's place.
func (p *paragraph) place(g *fig) PlaceRef {
	if m := p.placeAfter(g); m != nil {
		return m.Place
	}
	figByte := p.byte[g.q.Start]
	sentByte := p.byte[g.sent]
	clauseByte := p.byte[g.clause]
	var inSent, topic *Mention
	intervening := false
	limit := p.topicLimit()
	for i := range p.in.Mentions {
		m := &p.in.Mentions[i]
		if m.End > figByte || m.Place.Name == "" {
			continue
		}
		if isAncestor(m.Place.Code, p.in.Place.Code) && m.Start < clauseByte {
			continue
		}
		switch {
		case m.Start >= sentByte:
			if inSent == nil || m.Start > inSent.Start {
				inSent = m
			}
		case m.Start <= limit:
			topic = m
		default:
			intervening = true
		}
	}
	if inSent != nil {
		if p.inPlaceList(inSent) {
			return p.in.Place
		}
		return inSent.Place
	}
	if topic != nil && !intervening {
		return topic.Place
	}
	return p.in.Place
}

// placeAfter returns a mention standing right after the figure behind
// 在/位于/位在, before the clause ends.
func (p *paragraph) placeAfter(g *fig) *Mention {
	j := g.q.End
	for _, w := range []string{"位于", "位在", "在"} {
		if hasAt(p.f, j, w) {
			j += utf8.RuneCountInString(w)
			at := p.byte[min(j, len(p.f))]
			for i := range p.in.Mentions {
				if m := &p.in.Mentions[i]; m.Start == at && m.Place.Name != "" {
					return m
				}
			}
			return nil
		}
	}
	return nil
}

// inPlaceList reports whether mention m is the last item of a list of
// places (乌鲁木齐市、库尔勒市、伊宁市).
func (p *paragraph) inPlaceList(m *Mention) bool {
	for i := range p.in.Mentions {
		o := &p.in.Mentions[i]
		if o.End > m.Start || o.End < m.Start-len("、") {
			continue
		}
		if between := p.in.Text[o.End:m.Start]; between == "、" || between == "和" || between == "及" || between == "与" {
			return true
		}
	}
	return false
}

// topicLimit is how far into a paragraph a place may stand to be its topic
// (after a list marker such as "3.").
func (p *paragraph) topicLimit() int {
	n := 0
	for n < len(p.f) && n < 4 && (isASCIIDigit(p.f[n]) || strings.ContainsRune(".、．)）(（ ", p.f[n])) {
		n++
	}
	return p.byte[n]
}

// isAncestor reports whether GB/T 2260 code a is a province or city that
// contains b.
func isAncestor(a, b string) bool {
	if len(a) != 6 || len(b) != 6 || a == b {
		return false
	}
	switch {
	case strings.HasSuffix(a, "0000"):
		return a[:2] == b[:2]
	case strings.HasSuffix(a, "00"):
		return a[:4] == b[:4]
	}
	return false
}
