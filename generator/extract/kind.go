package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// yearMark is a year written in the text: 2020年, 2020年度, 2022-2025年
// (the last year counts), with what stands before it.
type yearMark struct {
	start, end int // runes, end after 年
	year       int
	base       bool // 比2019年, 较2019年, 同2019年: compared against, not the figure's year
	from       bool // 由2019年的28%: the year of the figure right after it
	deadline   bool // 到2025年: the year a target is due
	since      bool // 2014年以来: a span's start
	ranged     bool // 2022-2025年: a span of years, which counts by its last
}

func (p *paragraph) yearMarks(from, to int) []yearMark {
	f := p.f
	var out []yearMark
	for i := from; i+4 < to; i++ {
		y, ok := yearAt(f, i)
		if !ok || i > 0 && (isASCIIDigit(f[i-1]) || isCNNumeral(f[i-1])) || p.excl[i] {
			continue
		}
		j, ranged := i+4, false
		if j < len(f) && (f[j] == '-' || f[j] == '—' || f[j] == '~' || f[j] == '至' || f[j] == '到') {
			if y2, ok := yearAt(f, j+1); ok {
				if y2 > y {
					y = y2
				}
				j += 5
				ranged = true
			}
		}
		// 2017/18学年, 二○一七/一八学年: a school year counts by its start.
		if j+3 <= len(f) && f[j] == '/' && isYearDigit(f[j+1]) && isYearDigit(f[j+2]) {
			j += 3
		}
		end := 0
		switch {
		case hasAt(f, j, "学年"):
			end = j + 2
		case j < len(f) && f[j] == '年':
			end = j + 1
		default:
			continue
		}
		m := yearMark{start: i, end: end, year: y, ranged: ranged}
		j = end - 1
		// 2014年以来 / 2014年起: the start of a span that reaches the
		// report's time, not the year a figure is for.
		m.since = hasAt(f, end, "以来") || hasAt(f, end, "起") || hasAt(f, end, "开始")
		if i > 0 {
			switch f[i-1] {
			case '比', '较', '同':
				m.base = true
			case '由', '从':
				m.from = true
			case '到':
				m.deadline = true
			}
		}
		out = append(out, m)
		i = j
	}
	return out
}

// cnYearDigit are the digits of a year written in Chinese (二○一七年).
var cnYearDigit = map[rune]int{'〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

func isYearDigit(c rune) bool {
	_, cn := cnYearDigit[c]
	return isASCIIDigit(c) || cn
}

// yearAt reads a year of four digits at f[i], Arabic or Chinese
// (2017, 二○一七), between 1949 and 2100.
func yearAt(f []rune, i int) (int, bool) {
	if isYearAt(f, i) {
		y, _ := strconv.Atoi(string(f[i : i+4]))
		return y, true
	}
	if i+4 > len(f) {
		return 0, false
	}
	y := 0
	for k := 0; k < 4; k++ {
		d, ok := cnYearDigit[f[i+k]]
		if !ok {
			return 0, false
		}
		y = y*10 + d
	}
	if i+4 < len(f) && isCNNumeral(f[i+4]) {
		return 0, false
	}
	return y, y >= 1949 && y <= 2100
}

func isYearAt(f []rune, i int) bool {
	if i+4 > len(f) {
		return false
	}
	for k := 0; k < 4; k++ {
		if !isASCIIDigit(f[i+k]) {
			return false
		}
	}
	if i+4 < len(f) && isASCIIDigit(f[i+4]) {
		return false
	}
	y, _ := strconv.Atoi(string(f[i : i+4]))
	return y >= 1949 && y <= 2100
}

// year sets the year a figure is about: the year written nearest before it
// in its sentence (not a base year), the year of 由2019年的28%, else the
// paragraph's year. Targets without a written year take 到2025年 even when
// it comes after the figure.
func (p *paragraph) year(g *fig) {
	g.year = p.in.Year
	marks := p.yearMarks(g.sent, g.sentEnd)
	for _, m := range marks {
		if m.end > g.q.Start {
			break
		}
		if m.from {
			gap := string(p.f[m.end:g.q.Start])
			if gap == "" || gap == "的" {
				g.year, g.fixedYear = m.year, true
			}
			continue
		}
		if m.base || m.since {
			continue
		}
		// 在2017年基本完成…基础上: the year of a premise, not of the figure.
		if m.start > 0 && p.f[m.start-1] == '在' && strings.Contains(string(p.f[m.end:g.q.Start]), "基础上") {
			continue
		}
		g.year, g.fixedYear = m.year, true
	}
}

// Target cues. Where a cue word is also an ordinary word (计划 in 行动计划,
// 规划 in 规划项目), it counts only before a verb of building or doing.
var (
	// Mainland, Hong Kong and Taiwan usage: 推算/预料/料 (estimates in HK
	// news), 预期, 可望; 明年/来年/下学年 name a future time; 还要 (还要新建
	// 2所) is "will also".
	targetCues = []string{"将", "还要", "力争", "争取", "预计", "拟", "确保", "年初确定", "有望", "规划面积", "推算", "预料",
		"预期", "可望", "估计", "预测", "明年", "来年", "下学年", "下年度"}
	verbCues = map[string][]string{
		"计划": {"新建", "建设", "实施", "投入", "招聘", "完成", "开工", "改扩建", "到", "在", "用", "于"},
		// 要求…达到50%: a norm to be reached
		"要求": {"进一步", "达到", "不低于", "不少于", "提高到", "确保"},
		"规划": {"实施", "建设", "新建", "到", "在", "改扩建"},
	}
	// Words that make what follows an achievement again: 目前已开工38所.
	actualCues = []string{"已", "目前", "实际", "现有", "现时"}
	// Change verbs directly before the number (增长14.80%); 新增 is a count
	// of new things, not a change.
	changeVerbs = []string{"同比增长", "同比下降", "同比增加", "同比减少", "增长了", "增加了", "提高了", "提升了",
		"增长", "增加", "提高", "提升", "上升", "下降", "降低", "减少", "增幅为", "增幅", "减幅"}
)

// kind decides actual / target / change and keeps the cue.
func (p *paragraph) kind(g *fig) {
	f := p.f
	g.kind = KindActual
	// change: a change verb right before the number (after a qualifier).
	left := string(f[g.left:g.q.Start])
	for _, v := range changeVerbs {
		if hasSuffix(left, v) && !hasSuffix(left, "新"+v) {
			g.kind, g.cue = KindChange, v
			g.baseYear = p.baseYear(g)
			break
		}
	}
	// target cues in scope: the sentence up to the figure, to a semicolon
	// (将用好资金，投入1.82亿元，新建11个… is one plan); an achievement word
	// after the cue (已, 目前) ends it.
	scope := g.quote
	cue, at := p.lastCue(scope, g.q.Start, g.clause)
	if cue != "" {
		if ac, aat := p.lastWord(actualCues, at, g.q.Start); ac != "" {
			if g.kind == KindActual {
				g.cue = p.text(aat, aat+utf8.RuneCountInString(ac))
			}
		} else {
			g.kind, g.cue = KindTarget, cue
		}
	}
	if g.kind == KindActual && g.cue == "" {
		if ac, at := p.lastWord(actualCues, g.clause, g.q.Start); ac != "" {
			g.cue = p.text(at, at+utf8.RuneCountInString(ac))
		}
	}
	if g.kind == KindActual && g.cue == "" {
		if cue := p.planAfter(g); cue != "" {
			g.kind, g.cue = KindTarget, cue
		}
	}
	if p.in.Year == 0 {
		return // without the paragraph's year nothing is "later"
	}
	if g.kind != KindTarget && g.year > p.in.Year && g.fixedYear {
		if ac, _ := p.lastWord(actualCues, g.clause, g.q.Start); ac == "" {
			g.kind, g.cue = KindTarget, strconv.Itoa(g.year)+"年"
		}
	}
	if g.kind == KindActual && g.cue == "" {
		for _, m := range p.yearMarks(g.sent, g.sentEnd) {
			if m.deadline && m.year > p.in.Year {
				g.kind, g.cue = KindTarget, p.text(m.start-1, m.end)
				if !g.fixedYear {
					g.year = m.year
				}
				break
			}
		}
	}
}

// futureAfterJiang are the words after 将 that make it "will" when it
// stands in an earlier clause than the figure; elsewhere 将 may be the
// object marker (利用平台将学校、校车…进行管理, 将“…”列为…).
var futureAfterJiang = []string{"有", "用", "新建", "建", "投入", "增加", "新增", "达到", "完成", "实现", "提供", "继续",
	"进一步", "在", "于", "会", "开工", "启动", "全面", "为", "成为", "推进", "加大", "安排", "筹集", "支持", "支援", "扩大"}

// lastCue finds the last target cue in f[from:to]; a 将 before the
// figure's clause (which starts at clause) counts only as "will".
func (p *paragraph) lastCue(from, to, clause int) (string, int) {
	best, at := "", -1
	for _, w := range targetCues {
		wr := []rune(w)
		for i := from; i+len(wr) <= to; i++ {
			if !hasRunes(p.f, i, wr) || i <= at {
				continue
			}
			if w == "将" && i < clause && !p.futureJiang(i) {
				continue
			}
			// 人均预期受教育年限, 预期寿命: the name of a statistic (the
			// years a child can expect), not a forecast.
			if w == "预期" && (i >= 2 && hasAt(p.f, i-2, "人均") || hasAt(p.f, i+2, "受教育") || hasAt(p.f, i+2, "寿命")) {
				continue
			}
			best, at = w, i
		}
	}
	for w, verbs := range verbCues {
		wr := []rune(w)
		for i := from; i+len(wr) <= to; i++ {
			if !hasRunes(p.f, i, wr) || i <= at {
				continue
			}
			// “双千计划”（投入…: the verb may follow the name's closing
			// quote and an opening bracket
			k := i + len(wr)
			for k < to && strings.ContainsRune("”」’\"（(", p.f[k]) {
				k++
			}
			for _, v := range verbs {
				if hasRunes(p.f, k, []rune(v)) {
					best, at = w, i
				}
			}
		}
	}
	if best == "将" && at+1 < len(p.f) && p.f[at+1] == '近' {
		return "", -1 // 将近 is a qualifier
	}
	if at >= 0 {
		best = p.text(at, at+utf8.RuneCountInString(best))
	}
	return best, at
}

func (p *paragraph) futureJiang(i int) bool {
	for _, v := range futureAfterJiang {
		if hasAt(p.f, i+1, v) {
			return true
		}
	}
	return false
}

// lastWord finds the last of words in f[from:to], returning it (folded) and its offset.
func (p *paragraph) lastWord(words []string, from, to int) (string, int) {
	best, at := "", -1
	for _, w := range words {
		wr := []rune(w)
		for i := from; i+len(wr) <= to; i++ {
			if hasRunes(p.f, i, wr) && i > at {
				best, at = w, i
			}
		}
	}
	return best, at
}

// baseYear is the year a change is measured against: 比2019年 → 2019,
// 比上年 / 同比 / 较去年 → the figure's year minus one.
func (p *paragraph) baseYear(g *fig) int {
	marks := p.yearMarks(g.sent, g.q.Start)
	by := 0
	for _, m := range marks {
		if m.base {
			by = m.year
		}
	}
	if by != 0 {
		return by
	}
	if w, _ := p.lastWord([]string{"比上年", "较上年", "同比", "比去年", "较去年", "上年"}, g.sent, g.q.Start); w != "" {
		return g.year - 1
	}
	return 0
}

func hasSuffix(s, suf string) bool {
	return len(s) >= len(suf) && s[len(s)-len(suf):] == suf
}

// planNouns name a plan that a figure before them measures (确定了6.7亿元的
// 学校建设规划, 制定总投资3亿元的三年行动计划).
var planNouns = []string{"规划", "计划", "方案"}

// doneVerbs before such a figure say the plan was carried out (完成了总投资
// 3亿元的年度计划): the figure is then achieved.
var doneVerbs = []string{"完成", "实现", "落实", "兑现", "建成"}

// planAfter returns the plan noun when the figure qualifies a plan: 的 right
// after its unit, then the plan's name (at most 8 characters) in the same
// clause, and no verb of completion before the figure in its clause.
func (p *paragraph) planAfter(g *fig) string {
	f := p.f
	i := max(g.q.End, g.q.RangeEnd)
	if i >= len(f) || f[i] != '的' {
		return ""
	}
	if w, _ := p.lastWord(doneVerbs, g.clause, g.q.Start); w != "" {
		return ""
	}
	for j := i + 1; j < len(f) && j <= i+9 && !p.isClauseEnd(j); j++ {
		for _, w := range planNouns {
			if hasAt(f, j, w) {
				return p.text(j, j+len([]rune(w)))
			}
		}
	}
	return ""
}
