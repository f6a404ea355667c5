package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Shapes of a label's words that the trimming rules in label.go must not
// break, and shapes of whole labels that tidyLabel rewrites. Each works on
// the folded text, so that both scripts are treated alike.

// wordsEndingInTrim are words whose last character is also trimmed from a
// label's end as a preposition or particle (在 in 保持在): 存在, 现在, 所在
// are words, so 省份存在 keeps its 在 and 由现在 is trimmed whole.
var wordsEndingInTrim = []string{"存在", "现在", "所在", "实在", "正在", "潜在", "内在", "外在", "自在",
	"成就", "造就", "霸占", "侵占"}

// endsWord says whether the last n characters of f[from:to] end a word of
// wordsEndingInTrim that starts inside the span: cutting them would leave
// half a word.
func endsWord(f []rune, from, to, n int) bool {
	for _, w := range wordsEndingInTrim {
		k := len([]rune(w))
		if k > n && to-k >= from && hasAt(f, to-k, w) {
			return true
		}
	}
	return false
}

// wordsAroundStop are words whose second character is a head stop (对 in
// 相对, 都 in 首都): inside a noun after a unit they do not open a predicate
// (5个城市公办园学位相对不足, 3所首都高校).
var wordsAroundStop = []string{"相对", "绝对", "针对", "面对", "应对", "反对", "核对", "比对", "结对", "配对",
	"首都", "成都", "京都", "古都", "国都"}

// inWordAroundStop says whether the stop at f[j] is the second character
// of one of wordsAroundStop.
func inWordAroundStop(f []rune, j int) bool {
	if j == 0 {
		return false
	}
	for _, w := range wordsAroundStop {
		if hasAt(f, j-1, w) {
			return true
		}
	}
	return false
}

// mannerLead are adverbs of manner at the start of a label (严厉查处,
// 大力推进, 随机抽查): how the work was done, not what is counted. Adverbs
// that also modify nouns (有效, 积极 as in 积极分子) are not listed.
// changeLead are verbs of raising a measure at the start of a label
// (提高私幼就学补助为…, 上调生均公用经费至…): the measure raised is counted.
var changeLead = []string{"提高", "提升", "上调", "下调", "调高"}

var mannerLead = []string{"严厉", "严格", "大力", "全力", "切实", "扎实", "认真", "深入", "不断", "持续",
	"稳步", "依法", "随机", "进一步"}

// stageTail are words at the end of a label saying that the work is under
// way (819个正在整改过程中): the label is the work (整改), not its stage.
var stageTail = []string{"过程中", "过程之中"}

// dropGloss removes a bracketed gloss at the end of a label: a note that
// explains the noun before it with a clause of its own (准公幼（接受政府补助
// 的私幼）, 特教班（附设在普通学校的班级）). The gloss stays in the quote.
// A short note naming a part or a list (在园（班）幼儿, 县（市、区）) holds
// no 的 and is kept.
func dropGloss(f []rune, from, to int) int {
	if to-from < 4 || !isCloser(f[to-1]) {
		return to
	}
	open := -1
	for k, d := to-1, 0; k >= from; k-- {
		switch {
		case isCloser(f[k]):
			d++
		case isOpener(f[k]):
			d--
		}
		if d == 0 {
			open = k
			break
		}
	}
	if open-from < 2 || !slices.Contains(f[open:to], '的') || !hasHan(f[from:open]) {
		return to
	}
	return open
}

// coordinators join the items of a coordinated noun phrase.
var coordinators = []rune{'和', '与', '及', '、'}

// factorSharedTail writes a coordination of two noun phrases that end in
// the same words once (小学学龄儿童净入学率和初中阶段净入学率 → 小学学龄儿童
// 和初中阶段净入学率, 高职院校学生和中职院校学生 → 高职和中职院校学生): the
// shared head is what is counted, the items before it qualify it. It
// applies only to exactly two items and a shared tail of at least two
// characters, and leaves at least two characters of each item.
func factorSharedTail(rs []rune, f []rune) []rune {
	at := -1
	for k, c := range f {
		if slices.Contains(coordinators, c) {
			if at >= 0 {
				return rs // more than two items
			}
			at = k
		}
	}
	if at < 2 || at > len(f)-3 {
		return rs
	}
	a, b := f[:at], f[at+1:]
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] && unicode.Is(unicode.Han, a[len(a)-1-n]) {
		n++
	}
	n = min(n, len(a)-2, len(b)-2) // 高职院校学生和中职院校学生: 高职 and 中职 stay whole
	if n < 2 {
		return rs
	}
	return slices.Concat(rs[:at-n], rs[at:])
}

// forLevel names the subject of a distributive list repeated for another
// level of schooling (高职院校生均经费和公用经费分别增长…，中职学校分别增长…):
// the new level (中职学校) replaces the level that opens the earlier subject
// (高职院校生均经费 → 中职学校生均经费) instead of standing before it, and
// stands before a subject that names no level (公用经费 → 中职学校公用经费).
func (p *paragraph) forLevel(level, subject string) string {
	if !namesLevel(foldString(p.r, level)) {
		return level + subject
	}
	n := leadingLevel([]rune(foldString(p.r, subject)))
	return level + string([]rune(subject)[n:])
}

// namesLevel says whether folded text holds a word naming a level of
// schooling (levelWords; 学校 alone names none).
func namesLevel(s string) bool {
	for _, w := range levelWords {
		if w.level != levelAny && strings.Contains(s, w.word) {
			return true
		}
	}
	return false
}

// leadingLevel returns how many characters of folded f a level of
// schooling opens (高职, 高职院校, 普通高中学校), or 0.
func leadingLevel(f []rune) int {
	n := 0
	for _, w := range levelWords {
		if k := len([]rune(w.word)); w.level != levelAny && k > n && hasAt(f, 0, w.word) {
			n = k
		}
	}
	if n > 0 && (hasAt(f, n, "院校") || hasAt(f, n, "学校")) {
		n += 2
	}
	return n
}

// nounUnits are units that are themselves what is counted (5部门, 1乡1镇,
// 280名额): the label is the words before the figure and the unit.
var nounUnits = []string{"部门", "乡", "镇", "名额"}

func isNounUnit(canonical string) bool { return slices.Contains(nounUnits, canonical) }

// nounUnitLead returns the words before a figure whose unit is a noun
// (see nounUnits). A figure written right after another (现辖1乡1镇,
// 增3间280名额) has no words of its own: it shares the lead of a previous
// figure counted in a noun unit too (现辖 → 现辖镇), and otherwise the lead
// was the previous figure's (3间), and the unit alone is the label.
func (p *paragraph) nounUnitLead(g, prev *fig) string {
	if prev == nil || prev.q.End > g.q.Start || prev.q.End < g.left {
		return p.trimLabel(g.left, g.q.Start)
	}
	if own := p.trimLabel(prev.q.End, g.q.Start); own != "" || strings.TrimSpace(p.text(prev.q.End, g.q.Start)) != "" {
		return own
	}
	if isNounUnit(prev.q.CanonicalUnit) && prev.left < prev.q.Start {
		return p.trimLabel(prev.left, prev.q.Start)
	}
	return ""
}

// offices are the words that end the name of a government office or body
// (市委编办, 区教育局, 市政府): before a verb in a label they name who acted,
// and what the figure counts follows (市委编办核增编制 → 核增编制).
var offices = []string{"编办", "教育局", "财政局", "人社局", "教体局", "教育厅", "财政厅", "教育部", "财政部",
	"发改委", "政府", "教工委"}

// meansClause opens a label with the means of the work (吸收社会资金建设
// 公租房, 利用闲置资源改建幼儿园): what was built or done follows it.
var meansClause = regexp.MustCompile(`^(利用|吸收|筹集|争取|统筹|整合|使用)[^、，,]{0,8}?(资金|经费|资源)`)

// locativeHosts end a noun after which 中 means "among" (民办学校中举办者投入
// → 举办者投入 among private schools: the scope stays in the quote).
var locativeHosts = []string{"学校", "院校", "机构", "单位"}

// subjectCut returns where the counted words begin in folded f[from:to]
// after an office acting (see offices), people in the plural (孩子们), a
// means clause (meansClause) or a host of 中 (locativeHosts), or from when
// none opens the label. At least
// two characters are left; an office named inside brackets or quotes is
// part of a name or a note, not the subject.
func subjectCut(f []rune, from, to int) int {
	for k := from + 1; k < to && !isOpener(f[k]) && !isQuote(f[k]); k++ {
		for _, w := range offices {
			if n := len([]rune(w)); k+n+2 <= to && hasAt(f, k, w) && f[k+n] != '门' {
				return k + n // not 教育部门, 财政部门: a department, not the ministry
			}
		}
	}
	// 为孩子们新增学位: people named in the plural (们) before a verb are
	// whom the work served, not what is counted.
	for k := from + 1; k < min(from+5, to-2); k++ {
		if f[k] == '们' {
			return k + 1
		}
	}
	if loc := meansClause.FindStringIndex(string(f[from:to])); loc != nil {
		if k := from + len([]rune(string(f[from:to])[:loc[1]])); to-k >= 2 {
			return k
		}
	}
	for k := from + 2; k+3 <= to; k++ {
		if f[k] != '中' {
			continue
		}
		for _, w := range locativeHosts {
			if n := len([]rune(w)); k-n >= from && hasAt(f, k-n, w) {
				return k + 1
			}
		}
	}
	return from
}

// stateVerbs say what became of a subject (高等教育进入大众化阶段).
var stateVerbs = []string{"进入", "迈入", "步入", "实现", "达到", "完成", "建成", "形成"}

// dropSubjectClause writes a subject, a clause about it and a measure of it
// (高等教育进入大众化阶段、毛入学率达29%) as the subject's measure (高等教育
// 毛入学率): the clause is a statement of its own, the figure measures the
// item after it. Only two items, the first holding a verb of state after at
// least two characters, the second a short noun without 的.
func dropSubjectClause(rs, f []rune) []rune {
	a := slices.Index(f, '、')
	if a < 0 || slices.Contains(f[a+1:], '、') || len(f)-a-1 < 2 || len(f)-a-1 > 8 || slices.Contains(f[a+1:], '的') {
		return rs
	}
	for _, w := range stateVerbs {
		if k := strings.Index(string(f[:a]), w); k >= 0 {
			if k = len([]rune(string(f[:a])[:k])); k >= 2 {
				return slices.Concat(rs[:k], rs[a+1:])
			}
		}
	}
	return rs
}

func isQuote(c rune) bool { return strings.ContainsRune("“”「」『』\"", c) }

// wholeNoun is the whole's label as a part repeats it: without the verb of
// holding or finding that opened it (发现各类隐患4221个，其中已整改3402个 →
// 各类隐患(整改)): the part was found too, what it counts is the noun.
func (p *paragraph) wholeNoun(label string) string {
	f := []rune(foldString(p.r, label))
	for _, w := range holdingVerbs {
		if n := len([]rune(w)); hasAt(f, 0, w) && len(f)-n >= 2 {
			return string([]rune(label)[n:])
		}
	}
	return label
}

// wordsOpenedByTrim are words that begin with a connector trimmed from a
// label's start (对 in 对照, 与 in 与会, 共 in 共享, 有 in 有效): the label is
// the word, or the comparison rule takes it (对照私幼 → 私幼, not 照私幼).
// 共有 and 共计 are trimmed whole by their own entries.
var wordsOpenedByTrim = []string{"对照", "對照", "对比", "對比", "对象", "對象", "对口", "對口", "对外", "對外", "与会", "與會",
	"共享", "共建", "共同", "共青", "共产", "共產", "共用", "共育", "共治", "共性", "共识", "共識", "共有", "共计", "共計",
	"有效", "有关", "有關", "有偿", "有償", "有线", "有線", "有机", "有機", "有限", "有力", "有益", "有利", "有害", "有色",
	"有序", "有名", "有的", "有些", "有所", "有时", "有望", "共和"}

// opensWord says whether the trimmed word w at the start of s is the start
// of one of wordsOpenedByTrim.
func opensWord(s, w string) bool {
	for _, word := range wordsOpenedByTrim {
		if len(word) > len(w) && strings.HasPrefix(word, w) && strings.HasPrefix(s, word) {
			return true
		}
	}
	return false
}

// demonstratives point back to something named before (这批, 这些, 该批).
var demonstratives = []string{"这批", "这些", "那些", "该批", "此批"}

// demonstrativeAt returns the length of a demonstrative at folded f[k]
// after 的 (新投入使用的这批中小学), or 0: only there is it sure to stand
// inside a noun phrase rather than open the label's own subject.
func demonstrativeAt(f []rune, k int) int {
	if f[k-1] != '的' {
		return 0
	}
	for _, w := range demonstratives {
		if hasAt(f, k, w) {
			return len([]rune(w))
		}
	}
	return 0
}
