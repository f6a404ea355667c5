package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unitDef is a unit or measure word as it appears after a number.
type unitDef struct {
	word      string  // Simplified form matched on folded text
	canonical string  // canonical unit of the normalised value
	factor    float64 // multiplier to the canonical unit
	kind      string  // percent | pp | money | area | times | count
}

// units, longest first where one is a prefix of another. Dates and
// durations (年, 月, 日, 天, 周) are deliberately absent: see the package doc.
var units = []unitDef{
	{"个百分点", "pp", 1, "pp"},
	{"百分点", "pp", 1, "pp"},
	{"%", "%", 1, "percent"},
	{"‰", "‰", 1, "permille"},
	{"万元", "元", 1e4, "money"},
	{"亿元", "元", 1e8, "money"},
	{"元", "元", 1, "money"},
	{"平方米", "平方米", 1, "area"},
	{"平方公里", "平方公里", 1, "area"},
	{"亩", "亩", 1, "area"},
	{"倍", "倍", 1, "times"},
	{"人次", "人次", 1, "count"},
	{"部门", "部门", 1, "count"},
	{"课时", "课时", 1, "count"},
	{"学时", "学时", 1, "count"},
	{"小时", "小时", 1, "count"},
	{"公里", "公里", 1, "count"},
	{"所", "所", 1, "count"},
	{"个", "个", 1, "count"},
	{"名额", "名额", 1, "count"},
	// 四成, 七至八成: tenths, normalised to percent (4成 = 40%).
	{"成", "%", 10, "percent"},
	{"人", "人", 1, "count"},
	{"名", "名", 1, "count"},
	{"位", "位", 1, "count"},
	{"套", "套", 1, "count"},
	{"辆", "辆", 1, "count"},
	{"班", "班", 1, "count"},
	{"处", "处", 1, "count"},
	{"项", "项", 1, "count"},
	{"次", "次", 1, "count"},
	{"条", "条", 1, "count"},
	{"门", "门", 1, "count"},
	{"栋", "栋", 1, "count"},
	{"幢", "幢", 1, "count"},
	{"间", "间", 1, "count"},
	{"座", "座", 1, "count"},
	{"台", "台", 1, "count"},
	{"件", "件", 1, "count"},
	{"份", "份", 1, "count"},
	{"家", "家", 1, "count"},
	{"支", "支", 1, "count"},
	{"批", "批", 1, "count"},
	{"场", "场", 1, "count"},
	{"节", "节", 1, "count"},
	{"张", "张", 1, "count"},
	{"册", "册", 1, "count"},
	{"本", "本", 1, "count"},
	{"户", "户", 1, "count"},
	{"块", "块", 1, "count"},
	// administrative units counted (现辖1乡1镇) and scores (自评总分102分)
	{"乡", "乡", 1, "count"},
	{"镇", "镇", 1, "count"},
	{"分", "分", 1, "count"},
}

// notAfterUnit lists what may not follow a unit for it to be one: 个月 is a
// duration, 名单 and 位于 are words, 次年 is a date.
var notAfterUnit = map[string][]string{
	"个": {"月"},
	"名": {"单", "称", "校", "师", "额"},
	"位": {"于", "置", "次"},
	"次": {"年", "日"},
	"门": {"口"},
	"家": {"庭", "长"},
	"支": {"出", "持", "付", "部"},
	"台": {"阶"},
	"本": {"科", "级", "市", "区", "县", "地"},
	"场": {"所", "地", "馆"},
	"处": {"理", "置", "室", "长"},
	"条": {"件", "例"},
	"班": {"子", "级", "主"},
	"块": {"钱"},
	"乡": {"镇", "村", "长", "贤", "土", "下", "里", "愁", "亲"},
	"镇": {"街", "长", "党", "政", "中", "村", "区", "级", "域"},
	"分": {"钟", "别", "为", "期", "类", "批", "级", "配", "布", "析", "担", "工", "享", "校", "数", "管", "局", "会",
		"子", "之", "割", "离", "散", "解", "流", "开", "段", "组", "头", "区", "部", "支", "摊", "成", "化", "红",
		"秒", "值", "档", "项", "制", "层", "明", "量", "外", "享"},
	"成": {"为", "立", "功", "果", "绩", "员", "本", "效", "长", "熟", "型", "都", "交", "不", "就", "了", "份", "分",
		"品", "人", "年", "才", "家", "批", "套", "片", "群", "语", "规", "全", "败", "形", "色", "千", "百"},
}

// Qualifiers, as written → the English word a reader of the data sees.
var (
	prefixQualifiers = []struct{ word, q string }{
		{"不低于", "at least"}, {"不少于", "at least"}, {"不超过", "at most"},
		{"不高于", "at most"}, {"不足", "less than"}, {"不到", "less than"},
		{"超过", "more than"}, {"大约", "about"}, {"将近", "nearly"},
		{"接近", "nearly"}, {"约", "about"}, {"近", "nearly"}, {"逾", "more than"},
	}
	infixQualifiers = []struct{ word, q string }{
		{"多余", "more than"}, {"余", "more than"}, {"多", "more than"},
	}
	suffixQualifiers = []struct{ word, q string }{
		{"及以上", "at least"}, {"以上", "at least"}, {"以下", "at most"},
		{"以内", "at most"}, {"左右", "about"},
	}
)

// Quantity is one number with its unit as found in a text. Offsets are rune
// offsets into the text that was scanned.
type Quantity struct {
	Start, End    int    // whole figure: prefix qualifier … unit … suffix qualifier
	NumStart      int    // start of the numeral
	ValEnd        int    // end of the numeral and its magnitude
	UnitStart     int    // start of the unit
	UnitEnd       int    // end of the unit (before a suffix qualifier)
	Value         string // numeral as written, with 万/亿 magnitude: "2.67万"
	Unit          string // unit as written: "个", "元", "%", "个百分点"
	Number        float64
	CanonicalUnit string
	UnitKind      string
	Qualifier     string // "more than", "about" … or ""
	QualifierText string // as written: "多", "约" …
	RangeHigh     float64
	HasRange      bool
	// The high end of a range (600至1000元, 600元至1000元): its numeral
	// and its unit, so that the scanner can give it a figure of its own.
	HiNumStart, HiValEnd, HiUnitStart int
	RangeEnd                          int // of the low end of a range: where the whole range ends
	Chinese                           bool
}

// hasAt reports whether rs[i:] starts with w.
func hasAt(rs []rune, i int, w string) bool {
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// durationVerbs are the verbs that give a measure its value. A number of
// years right after one is that value (人均受教育年限达到12年, 比1995年增加
// 2.1年, 服务期为5年); elsewhere a number of years is a period (近3年, 连续5年,
// 3年规划), which counts nothing, and is not read.
var durationVerbs = []string{"达到", "达", "为", "增加", "提高", "提升", "延长", "缩短", "减少", "降低", "增至", "降至", "超过"}

// isMeasuredYears reports whether the number n, followed by 年 at rs[j], is
// a measured number of years: Arabic digits (a year, 2020年, has four and
// is never read here; 五年 is wording), right after a value verb (了
// between them allowed), and not opening a period (5年来, 3年内, 5年级).
func isMeasuredYears(rs []rune, n numeral, j int) bool {
	if j >= len(rs) || rs[j] != '年' || n.chinese || n.hasMag || n.end-n.start >= 4 {
		return false
	}
	if j+1 < len(rs) && strings.ContainsRune("来內内间级后前度底初末中代", rs[j+1]) {
		return false
	}
	at := n.start
	if at > 0 && rs[at-1] == '了' {
		at--
	}
	for _, v := range durationVerbs {
		if k := at - utf8.RuneCountInString(v); k >= 0 && hasAt(rs, k, v) {
			return true
		}
	}
	return false
}

// unitAt returns the unit starting at rs[i].
func unitAt(rs []rune, i int) (unitDef, bool) {
	for _, u := range units {
		if !hasAt(rs, i, u.word) {
			continue
		}
		n := utf8.RuneCountInString(u.word)
		bad := false
		for _, w := range notAfterUnit[u.word] {
			if hasAt(rs, i+n, w) {
				bad = true
			}
		}
		if bad {
			continue
		}
		return u, true
	}
	return unitDef{}, false
}

// scanQuantity reads a quantity whose numeral starts at rs[i]. orig is the
// unfolded text (same rune count) from which Value and Unit are copied.
func scanQuantity(rs, orig []rune, i int) (Quantity, int, bool) {
	n, ok := scanNumeral(rs, i)
	if !ok {
		return Quantity{}, i + 1, false
	}
	q := Quantity{Start: n.start, NumStart: n.start, Chinese: n.chinese, Number: n.value}
	j := n.end
	valEnd := j
	// 30多个, 2100余人, 2.5万余人
	for _, iq := range infixQualifiers {
		if hasAt(rs, j, iq.word) {
			q.Qualifier, q.QualifierText = iq.q, iq.word
			j += utf8.RuneCountInString(iq.word)
			break
		}
	}
	// 600至1000元: a range whose first number has no unit of its own.
	var hi numeral
	hasHi := false
	if k, ok := rangeSep(rs, j); ok && q.Qualifier == "" {
		if h, ok := scanNumeral(rs, k); ok {
			if _, ok := unitAt(rs, h.end); ok {
				hi, hasHi = h, true
				j = h.end
			}
		}
	}
	u, ok := unitAt(rs, j)
	if !ok && !hasHi && isMeasuredYears(rs, n, j) {
		u, ok = unitDef{word: "年", canonical: "年", factor: 1, kind: "duration"}, true
	}
	if !ok && isRatioOne(rs, j) {
		// 生师比15.2:1 — a ratio to one; 9:00 is a time and not this.
		u, ok = unitDef{word: string(rs[j : j+2]), canonical: ":1", factor: 1, kind: "ratio"}, true
	}
	// 2000多万师生, 3000余万人: a magnitude after the qualifier belongs to
	// the unit (value 2000, unit 万 or 万人).
	lateMag, magAt := 1.0, -1
	if !ok && q.Qualifier != "" && j < len(rs) && isMagnitude(rs[j]) && !hasHi {
		lateMag, magAt = magnitude[rs[j]], j
		u, ok = unitAt(rs, j+1)
		if ok {
			j++
		}
	}
	if !ok && (n.hasMag || magAt >= 0) && bareEnd(rs, max(j, magAt+1)) {
		// 总人口5.78万, 逾2.2万获派位: a magnitude with no unit counts
		// something the words around it name; its unit kind fits no
		// indicator, so it is never tied.
		u, ok = unitDef{word: "", canonical: "", factor: 1, kind: "bare"}, true
		if magAt >= 0 {
			j = magAt + 1
		}
	}
	if !ok {
		return Quantity{}, n.end, false
	}
	unitFrom := j
	if magAt >= 0 {
		unitFrom = magAt
	}
	q.Value = string(orig[n.start:valEnd])
	q.Unit = string(orig[unitFrom : j+utf8.RuneCountInString(u.word)])
	q.ValEnd, q.UnitStart = valEnd, unitFrom
	q.CanonicalUnit, q.UnitKind = u.canonical, u.kind
	q.Number = roundSig(n.value * lateMag * u.factor)
	if u.kind == "money" && u.factor == 1 && n.hasMag {
		// 22亿元 is scanned as 22亿 + 元: already in 元.
		q.Number = roundSig(n.value)
	}
	j += utf8.RuneCountInString(u.word)
	q.UnitEnd = j
	if u.word == "成" && j < len(rs) {
		// 一成二: the digit after 成 is the next decimal place.
		if d, ok := cnDigit[rs[j]]; ok && d > 0 && (j+1 >= len(rs) || !isCNNumeral(rs[j+1]) && !isASCIIDigit(rs[j+1])) {
			q.Number = roundSig(q.Number + float64(d))
			j++
			q.ValEnd = j
			q.Value = string(orig[n.start:j])
		}
	}
	if hasHi {
		q.HasRange, q.RangeHigh = true, roundSig(hi.value*u.factor)
		q.HiNumStart, q.HiValEnd, q.HiUnitStart = hi.start, hi.end, q.UnitStart
	} else if k, ok := rangeSep(rs, j); ok {
		// 600元至1000元
		if h, ok := scanNumeral(rs, k); ok {
			if u2, ok := unitAt(rs, h.end); ok && u2.word == u.word {
				q.HasRange, q.RangeHigh = true, roundSig(h.value*u.factor)
				q.HiNumStart, q.HiValEnd, q.HiUnitStart = h.start, h.end, h.end
				j = h.end + utf8.RuneCountInString(u.word)
				q.UnitEnd = j
			}
		}
	}
	for _, sq := range suffixQualifiers {
		if hasAt(rs, j, sq.word) {
			if q.Qualifier == "" {
				q.Qualifier, q.QualifierText = sq.q, sq.word
			}
			j += utf8.RuneCountInString(sq.word)
			break
		}
	}
	// Prefix qualifiers: 约3.3万名, 超过5%, 不超过5%.
	for _, pq := range prefixQualifiers {
		w := utf8.RuneCountInString(pq.word)
		if n.start-w >= 0 && hasAt(rs, n.start-w, pq.word) {
			if q.Qualifier == "" {
				q.Qualifier, q.QualifierText = pq.q, pq.word
			}
			q.Start = n.start - w
			break
		}
	}
	q.End = j
	return q, j, true
}

// bareEnd reports whether a magnitude without a unit ends at rs[j]: before
// a word (师生, 获派位), punctuation or the end of the text, not before a
// digit or an annotation in brackets.
func bareEnd(rs []rune, j int) bool {
	if j >= len(rs) {
		return true
	}
	c := rs[j]
	return unicode.Is(unicode.Han, c) || strings.ContainsRune("，。；：、,.;:！？!? ", c)
}

// rangeSep reports whether a range separator (至, 到, -, ~, —) starts at
// rs[j] and is followed by a numeral; it returns the numeral's offset.
func rangeSep(rs []rune, j int) (int, bool) {
	if j >= len(rs) {
		return 0, false
	}
	switch rs[j] {
	case '至', '到', '-', '~', '～', '—', '－':
		if j+1 < len(rs) && (isASCIIDigit(rs[j+1]) || isCNNumeral(rs[j+1])) {
			return j + 1, true
		}
	}
	return 0, false
}

// roundSig removes float noise from multiplications (2.67*1e4).
func roundSig(v float64) float64 {
	s := strings.TrimRight(strings.TrimRight(formatFloat(v), "0"), ".")
	f, err := parseFloat(s)
	if err != nil {
		return v
	}
	return f
}

// isRatioOne reports whether rs[j:] is ":1" or "：1" not followed by more digits.
func isRatioOne(rs []rune, j int) bool {
	if j+1 >= len(rs) || (rs[j] != ':' && rs[j] != '：') || rs[j+1] != '1' {
		return false
	}
	return j+2 == len(rs) || !isASCIIDigit(rs[j+2]) && rs[j+2] != '.' && rs[j+2] != ':'
}
