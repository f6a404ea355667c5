package extract

import (
	"strings"
	"unicode/utf8"
)

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
	if p.nationalClause(g) {
		return National
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

// National is the place of a figure about the whole country. It has no
// code: the gazetteer's places are its parts.
var National = PlaceRef{Name: "全国"}

// nationalClause reports whether the figure's clause opens with 全国 as
// its subject (全国共有幼儿园28.2万所, 目前全国…): a national figure. 全国 inside
// a clause (全国文明校园, 高于全国平均) says nothing about the figure's place.
func (p *paragraph) nationalClause(g *fig) bool {
	i := g.clause
	for i < g.q.Start && strings.ContainsRune(" ,，、", p.f[i]) {
		i++
	}
	for _, w := range []string{"目前", "截至目前", "当前", "如今"} {
		if hasAt(p.f, i, w) {
			i += utf8.RuneCountInString(w)
			break
		}
	}
	if !hasAt(p.f, i, "全国") || hasAt(p.f, i, "全国性") {
		return false
	}
	next := i + 2
	return next < g.q.Start && !hasAt(p.f, next, "人大") && !hasAt(p.f, next, "政协") && !hasAt(p.f, next, "文明") &&
		!hasAt(p.f, next, "示范") && !hasAt(p.f, next, "先进") && !hasAt(p.f, next, "优秀")
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
