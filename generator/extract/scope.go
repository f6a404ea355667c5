package extract

import (
	"strings"
	"unicode"
)

// A figure's scope is what its indicator alone does not say: the level of
// schooling it counts at, and for a flow whether it is one period's or a
// total over several years. 新增学位 is one indicator whether a report
// counts kindergarten places, high-school places or all of them, and
// whether it counts one year's or "以上共" four years'; two such figures
// are not comparable, so the site sets them apart (publish groups an
// indicator's page by scope, conflicts are only found within one).

// Levels of schooling a figure can be scoped to.
const (
	LevelPreschool  = "preschool"  // 学前教育: 幼儿园, 学前, 在园
	LevelCompulsory = "compulsory" // 义务教育 as such
	LevelSchools    = "schools"    // 中小学: primary and secondary together
	LevelPrimary    = "primary"    // 小学
	LevelJunior     = "junior"     // 初中
	LevelSecondary  = "secondary"  // 中学: junior and senior secondary
	LevelHigh       = "high"       // 高中: general senior secondary
	LevelVocational = "vocational" // 职业教育, 中职, 技工学校
	LevelHigher     = "higher"     // 高等教育, 高校, 高职
	LevelSpecial    = "special"    // 特殊教育
	LevelSeveral    = "several"    // the sentence names more than one of the above
)

// Levels lists the levels in the order pages show them.
var Levels = []string{LevelPreschool, LevelCompulsory, LevelSchools, LevelPrimary, LevelJunior,
	LevelSecondary, LevelHigh, LevelVocational, LevelHigher, LevelSpecial, LevelSeveral}

// SpanYears marks a flow that is a total over several years (累计, 以上共,
// 近三年, 2022-2025年, 未来三年) rather than one period's.
const SpanYears = "years"

// levelWords are the words that name a level of schooling, in Simplified
// (the text is folded). Where two start at one place the longer wins
// (中小学 before 小学, 普通高中 before 高中), so a word is read once.
// Degrees of teachers (本科以上学历) and titles (高级职称) are not levels
// and are not listed. 学校 and 校舍 name no level (levelAny).
var levelWords = []struct{ word, level string }{
	{"幼儿园", LevelPreschool}, {"幼儿", LevelPreschool}, {"学前", LevelPreschool}, {"幼稚园", LevelPreschool},
	{"托育", LevelPreschool}, {"托幼", LevelPreschool}, {"公办园", LevelPreschool}, {"民办园", LevelPreschool},
	{"普惠园", LevelPreschool}, {"普惠性园", LevelPreschool}, {"在园", LevelPreschool}, {"入园", LevelPreschool},
	{"义务教育", LevelCompulsory}, {"九年一贯制", LevelCompulsory},
	{"中小学", LevelSchools},
	{"小学", LevelPrimary},
	{"初中", LevelJunior}, {"初级中学", LevelJunior},
	{"中学", LevelSecondary},
	{"普通高中", LevelHigh}, {"综合高中", LevelHigh}, {"高级中学", LevelHigh}, {"高中", LevelHigh}, {"普高", LevelHigh},
	{"职业学校", LevelVocational}, {"职业教育", LevelVocational}, {"职业院校", LevelVocational},
	{"职业高中", LevelVocational}, {"职高", LevelVocational}, {"中职", LevelVocational}, {"中等职业", LevelVocational},
	{"职教", LevelVocational}, {"技工学校", LevelVocational}, {"技工院校", LevelVocational},
	{"高等教育", LevelHigher}, {"高等学校", LevelHigher}, {"高校", LevelHigher}, {"高职", LevelHigher},
	{"特殊教育", LevelSpecial}, {"特教", LevelSpecial}, {"特殊学校", LevelSpecial},
	{"学校", levelAny}, {"校舍", levelAny},
}

type levelWord struct {
	word  []rune
	level string
}

// levelWordsByFirst is levelWords by their first character: levelsIn asks
// at every character of a figure's sentence.
var levelWordsByFirst = func() map[rune][]levelWord {
	m := map[rune][]levelWord{}
	for _, w := range levelWords {
		r := []rune(w.word)
		m[r[0]] = append(m[r[0]], levelWord{r, w.level})
	}
	return m
}()

// levelAny is 学校 and the like: schools of no level said. Beside a level
// as an item of a list (学校、幼儿园) it makes the figure count several;
// anywhere else (义务教育学校, 项目学校) it says nothing.
const levelAny = "any"

// levelsIn returns the distinct levels named in f[from:to), in order of
// first mention. A level word that runs into another within one noun
// (小学附属幼儿园, 中职学校教师) only says whose the next one is: the last
// word of the noun is its level, so a kindergarten attached to a primary
// school is preschool. Words apart in a list (中小学、幼儿园) each count.
func levelsIn(f []rune, from, to int) []string {
	type match struct {
		start, end int
		level      string
	}
	var ms []match
	for i := from; i < to; i++ {
		best, level := 0, ""
		for _, w := range levelWordsByFirst[f[i]] {
			if n := len(w.word); n > best && i+n <= to && hasRunes(f, i, w.word) {
				best, level = n, w.level
			}
		}
		if best == 0 {
			continue
		}
		// 高职称 and 中高职 are titles and mixed wording, not 高职 the level.
		if level == LevelHigher && i+best < to && f[i+best] == '称' {
			continue
		}
		ms = append(ms, match{i, i + best, level})
		i += best - 1
	}
	var out []string
	for k, m := range ms {
		if k+1 < len(ms) && ms[k+1].level != levelAny && sameNoun(f, m.end, ms[k+1].start) {
			continue // 小学附属幼儿园: the noun's last level word is its level
		}
		if m.level == levelAny && !(k > 0 && listed(f, ms[k-1].end, m.start) || k+1 < len(ms) && listed(f, m.end, ms[k+1].start)) {
			continue // 高中学校, or far from any level: it says nothing
		}
		if !contains(out, m.level) {
			out = append(out, m.level)
		}
	}
	if len(out) == 1 && out[0] == levelAny {
		return nil
	}
	return out
}

// listed reports whether two words at f[from] and f[to] are items side by
// side in a list: 学校、幼儿园, 学校和幼儿园.
func listed(f []rune, from, to int) bool {
	return to == from+1 && strings.ContainsRune("、和及与", f[from])
}

// sameNoun reports whether f[from:to), between two level words, keeps them
// in one noun: a few characters with no list or clause separator.
func sameNoun(f []rune, from, to int) bool {
	if to-from > 6 {
		return false
	}
	for _, c := range f[from:to] {
		if strings.ContainsRune("、，,；;：:。和及与或并（）()", c) || !unicode.Is(unicode.Han, c) && c != 'X' && c != 'x' {
			return false
		}
	}
	return true
}

// oneLevel is the level a list of levels comes to: none, the one, or several.
func oneLevel(ls []string) string {
	switch len(ls) {
	case 0:
		return ""
	case 1:
		return ls[0]
	}
	return LevelSeveral
}

// level decides the level a figure counts at. An indicator that exists at
// one level only (幼儿园数) gives it. Otherwise the figure's own words: its
// label (the item of a list, 普通高中新增学位), then the words of its clause
// before it, after any figure before it, and the noun after its unit
// (新建10所幼儿园, 540个学位), then the clauses before it in its sentence, up
// to a semicolon, nearest first (…4所幼儿园，新增660个学位). Where those name
// several levels the figure is "several"; where they name none the report
// does not say, and the level stays empty.
func (p *paragraph) level(g *fig, label string) string {
	if g.ind != nil && g.ind.Level != "" {
		return g.ind.Level
	}
	end := max(g.q.End, g.headEnd)
	headList := end > g.q.End && end < g.clauseEnd && p.f[end] == '、'
	if headList {
		end = g.clauseEnd // 59所中小学校、幼儿园: the noun after the unit is a list, of which the label is the first item
	} else {
		rs := p.r.foldRunes(label, "")
		if l := oneLevel(levelsIn(rs, 0, len(rs))); l != "" {
			return l
		}
	}
	if g.distributive {
		return "" // the items' words are in their labels; the sentence names all of them
	}
	own := levelsIn(p.f, g.left, g.q.Start)
	for _, l := range levelsIn(p.f, g.q.End, end) {
		if !contains(own, l) {
			own = append(own, l)
		}
	}
	if l := oneLevel(own); l != "" {
		return l
	}
	// 项目学校47所、…项目学校12所、改厕项目学校18所: an item of a list of
	// like figures has its words after the item before; the sentence's
	// levels are the other items'.
	for _, o := range p.figs {
		if o.q.End == g.left && o.clause == g.clause && o.q.CanonicalUnit == g.q.CanonicalUnit {
			return ""
		}
	}
	// The clauses before, nearest first: the first that names a level.
	for to := g.left; to > g.quote; {
		from := to - 1
		for from > g.quote && !p.isClauseEnd(from-1) {
			from--
		}
		if l := oneLevel(levelsIn(p.f, from, to)); l != "" {
			return l
		}
		to = from - 1
	}
	return ""
}

// Words that say what period a flow covers, read backwards from the figure:
// the nearest decides. Several years: a total (累计, 以上共), a span named
// (近三年, 三年来, 未来三年, 十三五期间) or written (2022-2025年, 2014年以来).
// One period: a year written alone (2023年) or named (今年, 全年, 每年,
// 今年以来). 三年内 is several years, 一年来 one.
var (
	spanYearsWords = []string{"累计", "以上共", "近年来", "多年来", "历年", "至今", "五期间", "五”期间", "五\"期间", "五时期", "以来"}
	spanOneWords   = []string{"今年以来", "年初以来", "今年", "全年", "当年", "本年", "去年", "上年", "年内", "每年", "年度", "一年来"}
)

// span says whether a flow figure is a total over several years.
func (p *paragraph) span(g *fig) string {
	if g.ind != nil && g.ind.Measure != "flow" {
		return ""
	}
	switch g.q.UnitKind {
	case "count", "money", "bare":
	default:
		return "" // a rate or an area is not summed over years
	}
	f := p.f
	// Most sentences hold no span word: look for the last character of one
	// before anything else.
	found := false
	for i := g.quote; i < g.q.Start && !found; i++ {
		found = spanEnds[f[i]]
	}
	if !found {
		return ""
	}
	marks := p.yearMarks(g.quote, g.q.Start)
	for i := g.q.Start - 1; i >= g.quote; i-- {
		if !spanEnds[f[i]] {
			continue
		}
		for _, m := range marks {
			if m.end-1 == i && !m.base && !m.deadline {
				if m.ranged || m.since {
					return SpanYears
				}
				return ""
			}
		}
		if endsWithAny(f, i, spanOneRunes) {
			if f[i] == '内' && i >= 2 && isCNNumeral(f[i-2]) && f[i-2] != '一' {
				return SpanYears // 三年内
			}
			return ""
		}
		if endsWithAny(f, i, spanYearsRunes) {
			return SpanYears
		}
		// N年来, 近N年, 未来N年, 今后N年: a count of years.
		if f[i] == '年' && i > g.quote && (isCNNumeral(f[i-1]) || isASCIIDigit(f[i-1])) && f[i-1] != '一' {
			k := i - 1
			for k > g.quote && (isCNNumeral(f[k-1]) || isASCIIDigit(f[k-1])) {
				k--
			}
			before := func(w string) bool { return k >= len([]rune(w)) && hasAt(f, k-len([]rune(w)), w) }
			if i+1 < len(f) && f[i+1] == '来' || before("近") || before("未来") || before("今后") || before("最近") {
				return SpanYears
			}
		}
	}
	return ""
}

// spanYearsRunes and spanOneRunes are the span words as runes, and
// spanEnds the characters they (and N年) end with.
var (
	spanYearsRunes = runesOf(spanYearsWords)
	spanOneRunes   = runesOf(spanOneWords)
	spanEnds       = func() map[rune]bool {
		m := map[rune]bool{'年': true}
		for _, w := range append(append([][]rune{}, spanYearsRunes...), spanOneRunes...) {
			m[w[len(w)-1]] = true
		}
		return m
	}()
)

func runesOf(words []string) [][]rune {
	out := make([][]rune, len(words))
	for i, w := range words {
		out[i] = []rune(w)
	}
	return out
}

// endsWithAny reports whether one of words ends at f[i].
func endsWithAny(f []rune, i int, words [][]rune) bool {
	for _, w := range words {
		if i+1 >= len(w) && hasRunes(f, i+1-len(w), w) {
			return true
		}
	}
	return false
}

// ScopeKey is the part of a figure's identity beyond its indicator: two
// figures of one indicator compare only when their keys are equal.
func ScopeKey(level, span string) string {
	return strings.Trim(level+"/"+span, "/")
}
