package intake

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is one piece of the report in reading order: a cleaned paragraph,
// or a line the cleaner took out of the text (clutter, a byline, the
// first line it read as a title). Bylines and stamps are often among the
// latter, so the dates and names in them are read from there.
type unit struct {
	line    int    // first line in the decoded original
	text    string // as written (a paragraph as cleaned)
	hans    string // in Simplified, pinyin annotations and full-width digits folded, for matching
	removed string // the cleaner's edit kind when it took the line out; "" for a paragraph
	para    int    // index of the paragraph, -1 for a removed line
}

type text struct {
	in    Input
	units []unit
	// body is the index in units of the first paragraph of running text
	// (long, with sentence punctuation); len(units) when there is none.
	body int
}

// pinyinRE matches a pinyin annotation a mirror put after a character
// (學(xué), 學(xue)(xue)); the cleaner removes them from paragraphs, not from
// the lines it takes out.
var pinyinRE = regexp.MustCompile(`[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}[)）]`)

func newText(in Input) *text {
	t := &text{in: in}
	for i, p := range in.Doc.Paragraphs {
		t.units = append(t.units, unit{line: p.Line, text: p.Text, para: i})
	}
	for _, e := range in.Doc.Edits {
		if e.After != "" || e.Before == "" {
			continue
		}
		switch e.Kind {
		case "clutter", "byline", "title", "repeat":
			t.units = append(t.units, unit{line: e.Line, text: e.Before, removed: e.Kind, para: -1})
		}
	}
	sort.SliceStable(t.units, func(i, j int) bool { return t.units[i].line < t.units[j].line })
	for i := range t.units {
		t.units[i].hans = t.fold(t.units[i].text)
	}
	t.body = len(t.units)
	for i, u := range t.units {
		if u.removed == "" && isRunningText(u.hans) {
			t.body = i
			break
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
	return s
}

// isRunningText: a paragraph of prose, not a headline or a stamp: at least
// 50 characters and a sentence mark inside.
func isRunningText(s string) bool {
	return utf8.RuneCountInString(s) >= 50 && strings.ContainsAny(s, "。！？；，,")
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
