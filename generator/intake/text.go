package intake

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is one line of the report as received (pinyin annotations aside),
// in reading order. Headlines, bylines and stamps are lines, so they are
// read from the lines, not from the cleaned paragraphs (the cleaner may
// join a headline with the sentence after it); a line the cleaner took out
// of the text (clutter, a byline, a repeated title) is marked so.
type unit struct {
	line    int    // 1-based line in the decoded original
	text    string // as written
	plain   string // as written, pinyin annotations removed
	hans    string // in Simplified, pinyin annotations and full-width digits folded, for matching
	removed string // the cleaner's edit kind when it took the line out; "" when it kept it
}

type text struct {
	in    Input
	units []unit
	// body is the index in units of the first line of running text
	// (long, with sentence punctuation); len(units) when there is none.
	body int
}

// pinyinRE matches a pinyin annotation a mirror put after a character
// (學(xué), 學(xue)(xue)).
var pinyinRE = regexp.MustCompile(`[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}[)）]`)

func newText(in Input) *text {
	t := &text{in: in}
	type cut struct{ kind, before string }
	cuts := map[int][]cut{}
	for _, e := range in.Doc.Edits {
		if e.After == "" && e.Before != "" && e.Kind != "join" {
			cuts[e.Line] = append(cuts[e.Line], cut{e.Kind, e.Before})
		}
	}
	for i, l := range strings.Split(in.Source.Text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		// A line is taken out when the cleaner's cuts leave no Han text of
		// it: a cut of a page's head or tail from a line copied with its
		// body (返回 本地 … 分享: 全港…) leaves the body's words to read.
		removed, rest := "", l
		for _, c := range cuts[i+1] {
			rest = strings.Replace(rest, c.before, "", 1)
			removed = c.kind
		}
		if removed != "" && hasHan(rest) {
			removed = ""
		}
		plain := strings.TrimSpace(pinyinRE.ReplaceAllString(l, ""))
		t.units = append(t.units, unit{line: i + 1, text: l, plain: plain, hans: t.fold(plain), removed: removed})
	}
	t.body = len(t.units)
	for i, u := range t.units {
		if u.removed == "" && isRunningText(u.hans) {
			t.body = i
			break
		}
	}
	if t.body == len(t.units) {
		// A short copy: its first sentence is where the body starts.
		for i, u := range t.units {
			if u.removed == "" && utf8.RuneCountInString(u.hans) >= 15 && strings.ContainsAny(u.hans, "。！？；") {
				t.body = i
				break
			}
		}
	}
	return t
}

// fold makes text comparable: Simplified script, no pinyin annotations,
// ASCII digits and colons.
func (t *text) fold(s string) string {
	s = pinyinRE.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + r - '０'
		case r == '：':
			return ':'
		case r == '\u3000' || r == '\u00a0':
			return ' '
		}
		return r
	}, s)
	if t.in.ToHans != nil {
		s = t.in.ToHans(s)
	}
	return arabicYears(s)
}

var (
	// hanYearRE: a year written in Chinese numerals (二〇二一年, 二○一七/一八学年).
	hanYearRE = regexp.MustCompile(`([〇○零一二三四五六七八九]{4})(\s*(?:年|/|／|—|-|至))`)
	// hanYearTailRE: the second year of a span so written (2017/一八学年).
	hanYearTailRE = regexp.MustCompile(`((?:19|20)\d{2}\s*[/／—-]\s*)([〇○零一二三四五六七八九]{2})(\s*学年)`)
	// hanMonthDayRE: the month and day of a date in Chinese numerals, after
	// its year (2022年三月一日, from 二〇二二年三月一日 under a signature).
	hanMonthDayRE = regexp.MustCompile(`((?:19|20)\d{2}\s*年\s*)([一二三四五六七八九十]{1,2})(\s*月\s*)([一二三四五六七八九十]{1,3})(\s*日)`)
	// shortSchoolYearRE: a school year by its two-digit years (21/22学年).
	shortSchoolYearRE = regexp.MustCompile(`(^|[^0-9])([0-9]{2})\s*[/／]\s*([0-9]{2})(\s*学年)`)
)

var hanDigits = strings.NewReplacer("〇", "0", "○", "0", "零", "0", "一", "1", "二", "2", "三", "3", "四", "4", "五", "5", "六", "6", "七", "7", "八", "8", "九", "9")

// arabicYears writes years given in Chinese numerals or by two digits in
// Arabic four-digit form, so that the year rules read them: 二〇二一年 →
// 2021年, 二○一七/一八学年 → 2017/18学年, 21/22学年 → 2021/22学年 (only
// when the second year follows the first).
func arabicYears(s string) string {
	if strings.ContainsAny(s, "〇○零一二三四五六七八九") {
		s = hanYearRE.ReplaceAllStringFunc(s, func(m string) string {
			sub := hanYearRE.FindStringSubmatch(m)
			y := hanDigits.Replace(sub[1])
			if y[0] != '1' && y[0] != '2' {
				return m
			}
			return y + sub[2]
		})
		s = hanYearTailRE.ReplaceAllStringFunc(s, func(m string) string {
			sub := hanYearTailRE.FindStringSubmatch(m)
			return sub[1] + hanDigits.Replace(sub[2]) + sub[3]
		})
		s = hanMonthDayRE.ReplaceAllStringFunc(s, func(m string) string {
			sub := hanMonthDayRE.FindStringSubmatch(m)
			mo, da := smallHanNumber(sub[2]), smallHanNumber(sub[4])
			if mo == 0 || da == 0 {
				return m
			}
			return sub[1] + itoa(mo) + sub[3] + itoa(da) + sub[5]
		})
	}
	if strings.Contains(s, "学年") {
		s = shortSchoolYearRE.ReplaceAllStringFunc(s, func(m string) string {
			sub := shortSchoolYearRE.FindStringSubmatch(m)
			a, _ := strconv.Atoi(sub[2])
			b, _ := strconv.Atoi(sub[3])
			if b != (a+1)%100 {
				return m
			}
			return sub[1] + "20" + sub[2] + "/" + sub[3] + sub[4]
		})
	}
	return s
}

// smallHanNumber reads a number from 1 to 39 in Chinese numerals (三, 十,
// 十二, 二十, 三十一); 0 when s is no such number.
func smallHanNumber(s string) int {
	digit := func(p string, empty int) int {
		if p == "" {
			return empty
		}
		d, err := strconv.Atoi(hanDigits.Replace(p))
		if err != nil || d > 9 {
			return -100
		}
		return d
	}
	tens, units, ok := strings.Cut(s, "十")
	n := digit(s, 0)
	if ok {
		n = digit(tens, 1)*10 + digit(units, 0)
	}
	if n < 1 || n > 39 {
		return 0
	}
	return n
}

// isRunningText: a paragraph of prose, not a headline, a stamp or a
// keyword list: at least 50 characters and a full stop or other
// sentence-final mark inside (a spam line of phrases has only commas).
func isRunningText(s string) bool {
	return utf8.RuneCountInString(s) >= 50 && strings.ContainsAny(s, "。！？；")
}

func hanShare(s string) float64 {
	han, all := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(han) / float64(all)
}

func at(u unit) string {
	if u.removed != "" {
		return "line " + itoa(u.line) + " (taken out by the cleaner as " + u.removed + ")"
	}
	return "line " + itoa(u.line)
}

func itoa(n int) string { return strconv.Itoa(n) }

// hasHan reports whether s holds a Han character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
