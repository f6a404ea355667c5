package extract

import (
	"regexp"
	"slices"
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
		// base: 总收入21.27亿元，比上年18.39亿元增加2.88亿元 — the number
		// right after 比上年 is the same measure a year before.
		if prev != nil && g.shape == "" && isBaseLead(left) {
			g.shape, g.kind, g.cue = "base", KindActual, ""
			g.year, g.fixedYear = prev.year-1, true
			for _, m := range p.yearMarks(g.left, g.q.Start) {
				if m.base {
					g.year = m.year // 比2019年
				}
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

// isBaseLead reports whether the words before a figure name the base of a
// comparison and nothing else (，比上年 / 较去年的 / 比2019年).
func isBaseLead(s string) bool {
	s = strings.Trim(s, ", ，")
	s = strings.TrimSuffix(s, "的")
	for _, w := range []string{"比上年", "较上年", "比去年", "较去年", "上年为", "上年", "去年同期"} {
		if s == w {
			return true
		}
	}
	return baseYearLead.MatchString(s)
}

var baseYearLead = regexp.MustCompile(`^(比|较)\d{4}年$`)

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
				subjects = append(subjects, p.forLevel(s, ps))
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
	if g.rangeOf != nil { // the high end of a range measures what the low end does
		g.label, g.ind, g.kind, g.cue, g.year = g.rangeOf.label, g.rangeOf.ind, g.rangeOf.kind, g.rangeOf.cue, g.rangeOf.year
		return
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
	g.headEnd = headEnd
	left := g.left
	if prev != nil && prev.headEnd > left && prev.headEnd <= g.q.Start {
		left = prev.headEnd // 2班32个名额、3至5岁班4班: 名额 was the last figure's noun
	}
	label := head
	if label == "" || g.q.UnitKind != "count" && g.q.UnitKind != "bare" {
		label = p.trimLabel(left, g.q.Start)
		if label == "" && left != g.left {
			label = p.trimLabel(g.left, g.q.Start)
		}
	} else if utf8.RuneCountInString(head) <= 2 {
		// 4所学校被评为“全国文明校园”: a bare noun says little; keep what
		// it became.
		// A single character was cut off a longer word (党|组成员): keep
		// the rest whatever it is.
		// Not when the rest opens a predicate (18个县均达到…, 14个市最多):
		// the noun ended there.
		if rest := p.rest(headEnd); rest != "" && (startsWithAny(rest, resultMarkers) ||
			utf8.RuneCountInString(head) == 1 && !startsWithAny(foldString(p.r, rest), predicateAdverbs)) {
			label = head + rest
		} else if l := lastVerbPhrase(p.trimLabel(g.left, g.q.Start)); l != "" && utf8.RuneCountInString(l) <= 6 && !strings.ContainsAny(l, "、和及与在") && !p.isPlaceOnly(l) {
			label = l + head // 新增 + 学位; not a list or a place before it
		}
	}
	if isNounUnit(g.q.CanonicalUnit) {
		label = p.nounUnitLead(g, prev) + g.q.Unit
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
	if prev != nil && (g.shape == "after" || g.shape == "base" || g.kind == KindChange && (label == "" || isVerbOnly(label))) {
		label, fromPrev = prev.label, true
		tieText = label
	}
	var partInd *Indicator
	if g.shape == "breakdown" && prev != nil && utf8.RuneCountInString(label) <= 4 && prev.label != "" &&
		(label != "" || p.rest(max(g.q.End, g.q.RangeEnd)) == "") {
		// 教职工…，其中专任教师…: the part is counted by the whole's
		// measure, unless its own words state one (其中已整改…). A part
		// named only after the figure (其中逾2.2万获派位) is named there,
		// below. A whole too long to repeat (抽查学校和教学点…，其中小学…)
		// leaves the part its own name, as the parts after it have.
		partInd = r.tie(label, g.q.UnitKind)
		fromPrev = true
		if label == "" || utf8.RuneCountInString(prev.label) <= maxWholeInPart {
			label = p.wholeNoun(prev.label) + "(" + label + ")"
		}
		tieText = label
	}
	if label == "" && prev != nil && prev.clause == g.clause && prev.label != "" && p.isFrom(prev) &&
		containsAny(string(p.f[g.left:g.q.Start]), afterVerbs) {
		// 开支由现在每年约40亿元大幅增加至二○一七/一八学年的约67亿元: the
		// words between the verb and the figure say only when; the figure
		// after the verb is the same measure as the one after 由.
		label, tieText, fromPrev = prev.label, prev.label, true
	}
	if label == "" {
		label = p.trimLabel(g.clause, g.q.Start)
	}
	if label == "" || isVerbOnly(label) && !fromPrev {
		// 全市100%学校用…, 70%以上的新录用教师…, 预计七至八成的学位:
		// the words after the figure.
		if r := strings.TrimPrefix(p.rest(max(g.q.End, g.q.RangeEnd)), "的"); r != "" {
			label = r
		}
	}
	if (label == "" || isVerbOnly(label)) && prev == nil && g.clause > g.sent {
		// 学前三年毛入园率从2010年以来，提高了39.6个百分点: the subject
		// stands in the clause before.
		if s := p.trimLabel(g.sent, g.clause-1); s != "" {
			label, tieText = s, s
		}
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
	// institutions (an unregistered one, or a part: 其中普惠性民办园34所)
	// are that subset's (公办园在园幼儿), not the stock of all. Institutions
	// after people (在园幼儿9621人，其中普惠性民办园34所) are not members.
	if ind != nil && ind.Measure == "stock" && !fromPrev && prev != nil && (prev.ind == nil || prev.shape == "breakdown") &&
		prev.q.UnitKind == "count" && !countsPeople(prev.q.CanonicalUnit) && prev.clause != g.clause && prev.label != "" &&
		utf8.RuneCountInString(label) <= 6 {
		ind, label = nil, prev.label+label
	}
	label = p.labelInContext(g, prev, label)
	g.ind, g.label = ind, label
}

// rest returns the rest of the clause from i, as written, at most maxRest
// characters and never cut inside a word (cutAtBreak), ending before a predicate of tense (学位将会免费: 将会 opens
// what is said of the noun, not the noun) after its first character.
func (p *paragraph) rest(i int) string {
	j := i
	for j < len(p.f) && !p.isClauseEnd(j) && p.f[j] != '、' && !isASCIIDigit(p.f[j]) {
		if j > i && startsWithAny(string(p.f[j:min(j+2, len(p.f))]), restStops) {
			break
		}
		if j-i == maxRest {
			j = cutAtBreak(p.f, i, j)
			break
		}
		j++
	}
	return strings.TrimSuffix(strings.TrimSpace(p.text(i, j)), "的")
}

// maxRest is the most characters of a clause after a figure taken as its
// label; maxHead is the most of a noun after a unit.
const (
	maxRest = 20
	maxHead = 16
)

// coverbs open an adverbial between a noun and its verb (学校用“食堂+配餐”
// 的方式解决…, 项目按“…”标准建设): the noun ended before them.
var coverbs = []rune{'用', '以', '按', '把', '被', '向', '对', '给', '从', '在'}

// cutAtBreak ends words that ran to a length limit at f[j] without a word
// boundary: a cut there would end the label inside a word (推进基础教育高质量发).
// It ends them instead before the first quotation or bracket that opens
// after them, without a coverb standing just before it, and returns i (no
// words) when there is no such break: no label is better than half a word.
func cutAtBreak(f []rune, i, j int) int {
	for k := i + 1; k < j; k++ {
		switch f[k] {
		case '“', '「', '『', '"', '（', '(', '《':
			end := k
			if slices.Contains(coverbs, f[end-1]) {
				end--
			}
			if end-i >= 2 {
				return end
			}
			return i
		}
	}
	return i
}

// resultMarkers open what a bare noun after a number became (被评为,
// 获评, 入选): the label keeps them.
var resultMarkers = []string{"被", "获", "入选", "成为", "评为", "纳入", "通过", "达到", "荣获", "已", "建成", "全部"}

// maxWholeInPart is the longest label of a whole (in characters) that a
// part's label repeats before its own name: 教职工(专任教师).
const maxWholeInPart = 8

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func startsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// lastVerbPhrase keeps, of the words before a number, the part after the
// last preposition or particle (新启用的学校为孩子们新增 → 新增): the verb
// that says what the number does to the noun after it.
func lastVerbPhrase(s string) string {
	rs := []rune(s)
	for k := len(rs) - 1; k > 0; k-- {
		if strings.ContainsRune("为给向对把的让使", rs[k]) && k < len(rs)-1 {
			return string(rs[k+1:])
		}
	}
	return s
}

func isVerbOnly(s string) bool { return trimVerbs(s) == "" }

func foldString(r *Registry, s string) string { return string(r.foldRunes(s, "")) }

// head returns, for "V个X" (83个教育集团), the noun phrase after the unit as
// written, and where it ends.
func (p *paragraph) head(g *fig) (string, int) {
	f := p.f
	end := max(g.q.End, g.q.RangeEnd) // after the whole of 13至38个
	i := end
	if g.q.UnitKind != "count" && g.q.UnitKind != "bare" || isNounUnit(g.q.CanonicalUnit) {
		return "", i
	}
	if i < len(f) && (f[i] == '“' || f[i] == '"') {
		i++
	}
	if i >= len(f) || !unicode.Is(unicode.Han, f[i]) {
		return "", end
	}
	if stopsHead(f, i) {
		return "", end
	}
	j, depth, open := i, 0, -1
	for j < len(f) {
		if j-i == maxHead {
			j = cutAtBreak(f, i, j)
			break
		}
		c := f[j]
		switch c {
		case '（', '(':
			if depth == 0 {
				open = j
			}
			depth++
		case '）', ')':
			depth--
		}
		// 县（市、区）: a list inside brackets belongs to the noun, and
		// closes it (县（市、区）义务教育…: what follows is the next word)
		if depth == 0 && (c == '）' || c == ')') && open >= i && slices.Contains(f[open:j], '、') {
			j++
			break
		}
		if depth <= 0 && (p.isClauseEnd(j) || c == '、') || c == '。' || isASCIIDigit(c) {
			break
		}
		stop := stopsHead(f, j)
		for _, w := range headStopsInside {
			if j > i && hasAt(f, j, w) && !inWordAroundStop(f, j) && (w != "都" || j > i+1) {
				stop = true
			}
		}
		if stop {
			break
		}
		j++
	}
	if depth > 0 && open >= i {
		j = open // 幼稚园（约占合资格幼稚园96%）: a note left open is not the noun
	}
	if j == i {
		return "", end
	}
	return strings.TrimSpace(p.text(end, j)), j
}
