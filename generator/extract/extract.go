package extract

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of observation.
const (
	KindActual = "actual" // achieved or current state
	KindTarget = "target" // promised, planned, projected
	KindChange = "change" // a difference against a base (增长14.80%, 比2019年增加…)
)

// PlaceRef names a place: GB/T 2260 code (empty for anonymised places) and
// name as the places stage resolved it.
type PlaceRef struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Mention is a place name found in a paragraph, at byte offsets of Text.
type Mention struct {
	Start, End int
	Place      PlaceRef
}

// Input is one cleaned paragraph tied to its place and year. The extract
// stage defines it so that it depends on no other stage.
type Input struct {
	SourceID, ParagraphID string
	Text                  string // cleaned paragraph, original script (Simplified or Traditional)
	// Folded is Text already folded by the registry's fold (the pipeline
	// has the Simplified text anyway); "" makes Extract fold Text itself.
	Folded   string
	Place    PlaceRef  // the paragraph's place (section or report)
	Year     int       // the paragraph's year
	Mentions []Mention // place names in Text; a county named in the sentence wins
}

// Observation is one figure with its provenance. Offsets are byte offsets
// into the paragraph's Text: Start/End the quote, FigureStart/FigureEnd the
// figure itself (qualifier, number, unit), for marking it in the report.
type Observation struct {
	ID            string   `json:"id"`
	Source        string   `json:"source"`
	Paragraph     string   `json:"paragraph"`
	Indicator     string   `json:"indicator"` // registry id; "" for an unregistered figure
	Label         string   `json:"label"`     // the words that say what is counted, as written
	Value         string   `json:"value"`     // numeral as written, with 万/亿: "2.67万"
	Unit          string   `json:"unit"`      // unit as written: "个", "元", "%", "個百分點"
	Number        float64  `json:"number"`    // value in canonical_unit
	CanonicalUnit string   `json:"canonical_unit"`
	Qualifier     string   `json:"qualifier"` // "more than", "at least", "at most", "about", "nearly", "less than" or ""
	QualifierText string   `json:"qualifier_text,omitempty"`
	RangeHigh     *float64 `json:"range_high,omitempty"`
	Place         PlaceRef `json:"place"`
	Year          int      `json:"year"`
	Kind          string   `json:"kind"`
	Cue           string   `json:"cue,omitempty"`       // the words that decided kind (将, 到2025年, 增长 …)
	BaseYear      int      `json:"base_year,omitempty"` // for changes: the year compared against
	Shape         string   `json:"shape,omitempty"`     // distributive | before | after | comparison | breakdown | base | range
	// Level (of schooling) and Span are the figure's scope (scope.go):
	// figures of one indicator compare only within one scope.
	Level string `json:"level,omitempty"`
	Span  string `json:"span,omitempty"`
	// LabelFlag is "no-measure" when the label names nothing countable
	// (成立 1个, a bare verb or nothing at all): the figure stays in the
	// record but out of tables and charts.
	LabelFlag   string `json:"label_flag,omitempty"`
	Quote       string `json:"quote"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	FigureStart int    `json:"figure_start"`
	FigureEnd   int    `json:"figure_end"`
}

// fig is a figure while the paragraph is being analysed (rune offsets).
type fig struct {
	q                       Quantity
	sent, sentEnd           int // sentence bounds (。！？)
	clause, clauseEnd       int // clause bounds (，；：)
	quote, quoteEnd         int
	left                    int // start of the left context (after the previous figure in the clause)
	ind                     *Indicator
	label                   string
	kind, cue, shape        string
	year, baseYear          int
	fixedYear, fixedLabel   bool
	distributive, inherited bool
	rangeOf                 *fig // the low end, for the high end of a range
	headEnd                 int  // after the noun that follows the unit (V个X), once the label is made
}

// paragraph holds the folded and original runes of one Input.
type paragraph struct {
	in   Input
	orig []rune
	f    []rune
	excl []bool
	byte []int // byte offset of each rune, plus len(Text)
	figs []*fig
	r    *Registry
}

// scratch holds the arrays of a paragraph's runes and offsets, reused from
// one paragraph to the next of a report: nothing extract returns refers to
// them.
type scratch struct {
	orig, f []rune
	excl    []bool
	byte    []int
}

// Extract finds every figure in one paragraph. It never drops a figure
// for lack of an indicator: such a figure has an empty Indicator and a Label.
func (r *Registry) Extract(in Input) []Observation {
	return r.extract(in, r.foldRunes(in.Text, in.Folded))
}

// extract is Extract on the paragraph's text already folded (foldRunes).
func (r *Registry) extract(in Input, folded []rune) []Observation {
	return r.extractWith(in, folded, &scratch{})
}

// extractWith is extract with its arrays in sc.
func (r *Registry) extractWith(in Input, folded []rune, sc *scratch) []Observation {
	sc.orig = appendRunes(sc.orig[:0], in.Text)
	p := &paragraph{in: in, orig: sc.orig, f: folded, r: r}
	sc.excl = excludedSpansInto(sc.excl, p.f)
	p.excl = sc.excl
	p.scan()
	if len(p.figs) == 0 {
		return nil
	}
	p.byte = sc.byte[:0]
	defer func() { sc.byte = p.byte }()
	// byte offsets as Go ranges over the string: an invalid byte is one rune
	for off := range in.Text {
		p.byte = append(p.byte, off)
	}
	p.byte = append(p.byte, len(in.Text))
	p.segment()
	for _, g := range p.figs {
		p.year(g)
		p.kind(g)
	}
	p.shapes()
	for i, g := range p.figs {
		p.indicator(i, g)
	}
	out := make([]Observation, 0, len(p.figs))
	for i, g := range p.figs {
		out = append(out, p.observation(i, g))
	}
	return out
}

// scan finds the figures, dropping numbers that are not figures (package doc).
func (p *paragraph) scan() {
	f := p.f
	for i := 0; i < len(f); {
		c := f[i]
		if !isASCIIDigit(c) && !isCNNumeral(c) {
			i++
			continue
		}
		if i > 0 && (isASCIIDigit(f[i-1]) || isCNNumeral(f[i-1]) || isWordChar(f[i-1])) {
			i++
			continue
		}
		q, next, ok := scanQuantity(f, p.orig, i)
		if next <= i {
			next = i + 1
		}
		if ok && p.isFigure(q) {
			if q.HasRange {
				lo, hi := splitRange(q, p.orig)
				low := &fig{q: lo}
				p.figs = append(p.figs, low, &fig{q: hi, rangeOf: low, shape: "range"})
			} else {
				p.figs = append(p.figs, &fig{q: q})
			}
		}
		i = next
	}
}

// splitRange makes two figures of a range (13至38个, 600元至1000元): each
// end is a figure of its own with the shared unit and qualifier; the low
// end keeps RangeHigh, the value it runs to.
func splitRange(q Quantity, orig []rune) (Quantity, Quantity) {
	lo, hi := q, q
	lo.RangeEnd = q.End
	lo.End = q.HiNumStart - 1 // before the separator
	if lo.End < lo.ValEnd {
		lo.End = lo.ValEnd
	}
	if lo.UnitStart > lo.End { // 13至38个: the unit is written once, after the high end
		lo.UnitEnd = lo.UnitStart + utf8.RuneCountInString(q.Unit)
	}
	hi.Start, hi.NumStart, hi.ValEnd, hi.UnitStart = q.HiNumStart, q.HiNumStart, q.HiValEnd, q.HiUnitStart
	hi.Value = string(orig[q.HiNumStart:q.HiValEnd])
	hi.Number = q.RangeHigh
	hi.HasRange, hi.RangeHigh = false, 0
	hi.Chinese = !isASCIIDigit(orig[q.HiNumStart])
	return lo, hi
}

func isWordChar(c rune) bool {
	return c < 128 && (unicode.IsLetter(c) || c == '_' || c == '/' || c == '+' || c == '.' || c == ':' || c == '#' || c == '-')
}

func (p *paragraph) isFigure(q Quantity) bool {
	f := p.f
	for i := q.Start; i < q.End; i++ {
		if p.excl[i] {
			return false
		}
	}
	// Small Chinese counts are wording (两类学校); 两个百分点 and 三倍 are figures.
	if q.Chinese && q.Number < 10 && q.UnitKind == "count" && !hasMagnitudeRune(f[q.NumStart:q.UnitEnd]) {
		return false
	}
	// 十件民生实事, 十项措施: a round Chinese numeral before 件/项/条 and a
	// noun is the name of a programme, not a count.
	if q.Chinese && (q.Value == "十" || q.Value == "百") && strings.ContainsRune("件项条", f[q.UnitStart]) &&
		q.End < len(f) && unicode.Is(unicode.Han, f[q.End]) {
		return false
	}
	if q.NumStart > 0 {
		switch f[q.NumStart-1] {
		case '第', '首', '每':
			return false
		case '数', '几', '若', '數', '幾':
			if q.Chinese { // 数十个 is "dozens", not ten
				return false
			}
		}
	}
	if q.End < len(f) {
		c := f[q.End]
		if c == '+' || c < 128 && unicode.IsLetter(c) {
			return false
		}
		// 56人及以上大班额: a threshold that defines a term.
		if q.QualifierText == "及以上" && unicode.Is(unicode.Han, c) && c != '的' {
			return false
		}
	}
	return true
}

func hasMagnitudeRune(rs []rune) bool {
	for _, c := range rs {
		if isMagnitude(c) {
			return true
		}
	}
	return false
}

// excludedSpansInto marks titles 《…》 and short quoted names or slogans.
// The result is in ex's array when it is long enough.
func excludedSpansInto(ex []bool, f []rune) []bool {
	if cap(ex) < len(f) {
		ex = make([]bool, len(f))
	} else {
		ex = ex[:len(f)]
		clear(ex)
	}
	pairs := []struct {
		open, close rune
		max         int
	}{{'《', '》', 80}, {'“', '”', 20}, {'‘', '’', 20}, {'「', '」', 20}, {'『', '』', 20}, {'"', '"', 20}, {'〔', '〕', 12}, {'[', ']', 12}}
	for _, pr := range pairs {
		for i := 0; i < len(f); i++ {
			if f[i] != pr.open {
				continue
			}
			for j := i + 1; j < len(f) && j-i-1 <= pr.max; j++ {
				if f[j] == pr.close {
					for k := i; k <= j; k++ {
						ex[k] = true
					}
					i = j
					break
				}
				if f[j] == pr.open && pr.open != pr.close {
					break
				}
			}
		}
	}
	return ex
}

// Sentence and clause boundaries.
func isSentenceEnd(c rune) bool {
	switch c {
	case '。', '！', '？', '!', '?', '\n':
		return true
	}
	return false
}

func (p *paragraph) isClauseEnd(i int) bool {
	c := p.f[i]
	if isSentenceEnd(c) {
		return true
	}
	switch c {
	case '，', '；', ';', '：', ':':
		return true
	case ',':
		// 5,599 is a number, not two clauses.
		return !(i > 0 && i+1 < len(p.f) && isASCIIDigit(p.f[i-1]) && isASCIIDigit(p.f[i+1]))
	}
	return false
}

func isQuoteEnd(c rune) bool { return isSentenceEnd(c) || c == '；' || c == ';' }

// segment finds each figure's sentence, clause and quote.
func (p *paragraph) segment() {
	f := p.f
	for k, g := range p.figs {
		s := g.q.Start
		for s > 0 && !isSentenceEnd(f[s-1]) {
			s--
		}
		e := g.q.End
		for e < len(f) && !isSentenceEnd(f[e]) {
			e++
		}
		g.sent, g.sentEnd = s, e
		cs := g.q.Start
		for cs > 0 && !p.isClauseEnd(cs-1) {
			cs--
		}
		ce := g.q.End
		for ce < len(f) && !p.isClauseEnd(ce) {
			ce++
		}
		g.clause, g.clauseEnd = cs, ce
		qs := g.q.Start
		for qs > 0 && !isQuoteEnd(f[qs-1]) {
			qs--
		}
		qe := g.q.End
		for qe < len(f) && !isQuoteEnd(f[qe]) {
			qe++
		}
		if qe < len(f) && f[qe] != '\n' {
			qe++ // keep the closing punctuation
		}
		for qs < qe && unicode.IsSpace(p.orig[qs]) {
			qs++
		}
		for qe > qs && unicode.IsSpace(p.orig[qe-1]) {
			qe--
		}
		g.quote, g.quoteEnd = qs, qe
		g.left = cs
		if k > 0 && p.figs[k-1].q.End > cs {
			g.left = p.figs[k-1].q.End
		}
	}
}

// text returns the original text of runes [i, j), byte for byte.
func (p *paragraph) text(i, j int) string { return p.in.Text[p.byte[i]:p.byte[j]] }

// observation turns a fig into its public form.
func (p *paragraph) observation(i int, g *fig) Observation {
	label := p.r.tidyLabel(g.label)
	o := Observation{
		ID:            fmt.Sprintf("%s-%s-%d", p.in.SourceID, p.in.ParagraphID, i+1),
		Source:        p.in.SourceID,
		Paragraph:     p.in.ParagraphID,
		Label:         label,
		Value:         p.text(g.q.NumStart, g.q.ValEnd),
		Unit:          p.text(g.q.UnitStart, g.q.UnitStart+utf8.RuneCountInString(g.q.Unit)),
		Number:        g.q.Number,
		CanonicalUnit: g.q.CanonicalUnit,
		Qualifier:     g.q.Qualifier,
		Place:         p.place(g),
		Year:          g.year,
		Kind:          g.kind,
		Cue:           g.cue,
		BaseYear:      g.baseYear,
		Shape:         g.shape,
		Level:         p.level(g, label),
		Span:          p.span(g),
		Quote:         p.text(g.quote, g.quoteEnd),
		Start:         p.byte[g.quote],
		End:           p.byte[g.quoteEnd],
		FigureStart:   p.byte[g.q.Start],
		FigureEnd:     p.byte[g.q.End],
	}
	if g.q.QualifierText != "" {
		o.QualifierText = p.qualifierAsWritten(g)
	}
	if g.ind != nil {
		o.Indicator = g.ind.ID
	}
	if g.ind == nil && namesNothing(foldString(p.r, label)) {
		o.LabelFlag = "no-measure"
	}
	if g.q.HasRange {
		h := g.q.RangeHigh
		o.RangeHigh = &h
	}
	return o
}

// qualifierAsWritten copies the qualifier from the original script.
func (p *paragraph) qualifierAsWritten(g *fig) string {
	w := []rune(g.q.QualifierText)
	for i := g.q.Start; i+len(w) <= g.q.End; i++ {
		if hasRunes(p.f, i, w) {
			return p.text(i, i+len(w))
		}
	}
	return g.q.QualifierText
}
