package extract

import (
	"strings"
	"unicode/utf8"
)

// Tying a figure to an indicator, precision first: a wrong tie files a
// number under a measure it is not, on every indicator page, chart and
// download, so a figure is tied only when its own noun phrase (its label)
// states the indicator's measure:
//
//   - head-final: the wording ends the noun phrase (Chinese puts the head
//     last: 幼儿园教职工 counts staff, not kindergartens), after notes in
//     brackets (教职工（含…）, 在园(班)幼儿) and a trailing count word (数,
//     数量, 总数, 人数, 项目) are set aside;
//   - a wording written with … (新增…学位) matches its parts in order with at
//     most gapMax characters between them and no list separator there
//     (新增公办普高学位, not 新增中小学、幼儿园学位);
//   - not the last item of a list: a wording right after 、和及与 (中小学、
//     幼儿园 17所) names only part of what is counted;
//   - a rate is not tied when another rate is named before it
//     (入学率和在校生巩固率 100%: of which?);
//   - a stock (measure: stock — how many kindergartens there are) is tied
//     only when nothing but a place or "there are" stands before its
//     wording: 普惠性幼儿园, 新建幼儿园, 排查幼儿园 are subsets or flows;
//   - the figure's unit is of the indicator's kind (a growth rate in % is
//     never filed under an amount in 元 or a count).
//
// Anything else stays unregistered with its label.
func (r *Registry) tie(label string, unitKind string) *Indicator {
	np := tieNounPhrase([]rune(foldString(r, label)))
	if len(np) == 0 {
		return nil
	}
	var best *Indicator
	bestLen := 0
	for i := range r.aliases {
		a := &r.aliases[i]
		if a.runes <= bestLen || !unitFits(a.ind.Unit, unitKind) {
			continue
		}
		start, ok := matchTail(np, a.text)
		if !ok || !prefixAllows(np[:start], a.ind) {
			continue
		}
		best, bestLen = a.ind, a.runes
	}
	return best
}

// gapMax is how many characters a … in a wording stands for at most.
const gapMax = 6

// matchTail reports whether the wording w (parts separated by …) ends np,
// and where the match starts.
func matchTail(np, w []rune) (int, bool) {
	parts := strings.Split(string(w), "…")
	end := len(np)
	for k := len(parts) - 1; k >= 0; k-- {
		p := []rune(parts[k])
		if k == len(parts)-1 {
			if end < len(p) || !hasRunes(np, end-len(p), p) {
				return 0, false
			}
			end -= len(p)
			continue
		}
		// the part must end within gapMax characters before end, with no
		// list separator in between
		found := false
		for gap := 0; gap <= gapMax && end-gap-len(p) >= 0; gap++ {
			if gap > 0 && isListSep(np[end-gap]) {
				break
			}
			if hasRunes(np, end-gap-len(p), p) {
				end -= gap + len(p)
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return end, true
}

func isListSep(c rune) bool {
	switch c {
	case '、', '和', '及', '与', ',', '，', '/':
		return true
	}
	return false
}

// Words that may stand before a stock's wording without changing what is
// counted: where and "there are".
var (
	stockPlacePrefixes = []string{"全省", "全市", "全区", "全县", "全州", "全盟", "全国", "全港", "全澳", "全台", "全自治区",
		"我省", "我市", "我区", "我县", "本省", "本市", "本区", "本县", "各地", "目前"}
	stockHaveWords = []string{"共有", "现有", "拥有", "共计", "有", "共", "各类"}
)

// prefixAllows says whether the words before a wording in the noun phrase
// leave its measure as it is (see tie).
func prefixAllows(prefix []rune, ind *Indicator) bool {
	if len(prefix) > 0 && isListSep(prefix[len(prefix)-1]) {
		return false
	}
	s := string(prefix)
	if ind.Unit == "percent" && (strings.Contains(s, "率") || strings.Contains(s, "比例")) {
		return false
	}
	if ind.Measure != "stock" {
		return true
	}
	// strip "there are" words from the end, then a place word from the start
	for changed := true; changed; {
		changed = false
		for _, w := range stockHaveWords {
			if strings.HasSuffix(s, w) {
				s, changed = strings.TrimSuffix(s, w), true
			}
		}
	}
	for _, w := range stockPlacePrefixes {
		s = strings.TrimPrefix(s, w)
	}
	if s == "" {
		return true
	}
	// whatever precedes 共有/现有/有 is the subject (示范区共有各类幼儿园)
	for _, w := range stockHaveWords[:3] {
		if strings.HasSuffix(string(prefix), w) || strings.Contains(string(prefix), w+"各类") {
			return utf8.RuneCountInString(s) <= 10 && !strings.ContainsAny(s, "新建增扩改公民普")
		}
	}
	return false
}

// Trailing count words after a wording: 专职保安人员配备数量 is still a
// count of guards, 整治项目 still the rectification.
var tieCountTails = []string{"配备数量", "数量", "总数", "总量", "人数", "数", "项目"}

// tieNounPhrase is the label as matched: notes in brackets removed, a
// trailing count word removed.
func tieNounPhrase(f []rune) []rune {
	out := make([]rune, 0, len(f))
	depth := 0
	for _, c := range f {
		switch c {
		case '(', '（':
			depth++
			continue
		case ')', '）':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 && c != ' ' {
			out = append(out, c)
		}
	}
	s := string(out)
	for _, t := range tieCountTails {
		if strings.HasSuffix(s, t) && utf8.RuneCountInString(s) > utf8.RuneCountInString(t)+1 {
			return []rune(strings.TrimSuffix(s, t))
		}
	}
	return out
}
