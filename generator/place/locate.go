package place

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/eduportal/portal/generator/clean"
)

// ReportInfo is what meta.yaml says about a report that bears on places
// and years.
type ReportInfo struct {
	Places     []string // names as the report gives them, widest first
	CoversYear int      // 0 when the editor did not say
	Published  string   // YYYY, YYYY-MM or YYYY-MM-DD
	Title      string
	// Headline is the line the cleaner moved out of the text into the
	// report's title (clean.Document.Headline), nil when none: it is read
	// for places and a year as the first paragraph is, before any section.
	Headline *clean.Paragraph
}

// Ref is a place as the rest of the pipeline sees it: a gazetteer place,
// or an anonymised or unlisted place of the report's own.
//
// Anonymised places (XX省, XX市城乡一体化示范区) get the code "x-<slug>"
// and the path "anonymised/<slug>"; places not in the gazetteer get
// "u-<slug>" and "unlisted/<slug>". Both are flat (no parent in the path):
// an XX市 is nobody's child we know, and must never share a page with a
// real city. A place named after an anonymised parent carries the parent's
// name (城乡一体化示范区 under XX市 is "XX市城乡一体化示范区").
type Ref struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	NameHant   string `json:"name_hant"`
	Level      string `json:"level"`
	Path       string `json:"path"` // URL path under /places/
	Anonymised bool   `json:"anonymised,omitempty"`
	Unlisted   bool   `json:"unlisted,omitempty"`
	// National is the whole country (全国 in meta.yaml): not a gazetteer
	// place (it is also Unlisted, so no rule looks for places under it)
	// but no unknown one either.
	National bool `json:"national,omitempty"`
}

// NationalCode is the code of the whole country's place: not a GB/T 2260
// code, which has none for it.
const NationalCode = "cn"

// National is the whole country as a place of its own, /places/national/:
// for 全国 in meta.yaml and for the figures the extract stage finds about
// the country (全国共有幼儿园28.2万所).
func (g *Gazetteer) National() Ref {
	return Ref{Code: NationalCode, Name: "全国", NameHant: "全國", Level: LevelCountry, Path: "national", Unlisted: true, National: true}
}

// isNational reports whether a name of meta.yaml's places is the whole
// country.
func isNational(name string) bool {
	switch name {
	case "全国", "全國", "中国", "中國", "中华人民共和国", "中華人民共和國":
		return true
	}
	return false
}

// Paragraph is what Locate found in one paragraph.
type Paragraph struct {
	ID       string    `json:"id"`
	Place    Ref       `json:"place"`
	Year     YearRef   `json:"year"`
	Mentions []Mention `json:"mentions,omitempty"`
}

// Located is the output of the stage for one report.
type Located struct {
	Places     []Ref       `json:"places"` // widest first, as in meta.yaml
	Year       YearRef     `json:"year"`
	Paragraphs []Paragraph `json:"paragraphs"`         // same order and ids as the document's
	Headline   *Paragraph  `json:"headline,omitempty"` // ReportInfo.Headline's, nil when none
	// Warnings are what context could not settle (an ambiguous name, a 全市
	// with no city around it, a former name in a later report …). The
	// build prints them; inspect shows them.
	Warnings []string `json:"warnings,omitempty"`
}

// Locate ties a cleaned report to places and years.
//
// A paragraph's place is the place of its section (a heading that starts
// with a place name: "一、济南市"), else the report's narrowest place. The
// section is read from Paragraph.Section, or, when that names no place,
// from the nearest enclosing heading paragraph that does (so "1.认真落实…"
// inside "一、济南市" is still 济南's).
//
// A mention that several places share is settled by context in this order:
// the section's place, then the report's places from narrowest to widest,
// then the whole country; at each step a candidate fits if it lies under
// the context place (or contains it). One fit settles the mention; two fits
// at the same step, or none anywhere, leave it ambiguous with a warning.
//
// 全市/我市/本市, 全区/我区, 全县, 全省 … are the nearest context place
// whose name ends in that character (市, 区, 县, 省, 州, 旗): in an
// interview about 平舆县, 全市 is 驻马店市.
func Locate(doc clean.Document, info ReportInfo, g *Gazetteer) Located {
	var out Located
	out.Places = g.reportPlaces(info.Places, &out.Warnings)
	texts := make([]string, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		texts[i] = p.Text
	}
	out.Year = reportYear(info, doc.Title, texts)
	if out.Year.Year == 0 {
		out.Warnings = append(out.Warnings, "report: no year (no covers_year in meta.yaml, no year in the title, no 去年/今年 with a publication date)")
	}
	pub := publishedYear(info.Published)
	narrowest := g.reportPlace(out.Places)
	report := slices.Clone(out.Places)
	slices.Reverse(report) // narrowest first

	type head struct {
		level int
		place *Ref
	}
	var stack []head
	// enclosing is the place of the nearest enclosing heading that has one.
	enclosing := func() *Ref {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].place != nil {
				return stack[i].place
			}
		}
		return nil
	}
	withCtx := func(r *Ref) []Ref {
		if r == nil {
			return report
		}
		return append([]Ref{*r}, report...)
	}
	for _, p := range doc.Paragraphs {
		var sec *Ref
		if p.Heading {
			for len(stack) > 0 && stack[len(stack)-1].level >= p.Level {
				stack = stack[:len(stack)-1]
			}
			sec = g.headingPlace(p.Text, withCtx(enclosing()))
			stack = append(stack, head{p.Level, sec})
		}
		if sec == nil && p.Section != "" {
			sec = g.headingPlace(p.Section, withCtx(enclosing()))
		}
		if sec == nil {
			sec = enclosing()
		}
		chain := report
		lp := Paragraph{ID: p.ID, Place: narrowest}
		// A heading naming a place that holds the report's (a bare 绍兴
		// above a 柯桥区 report) says where the report is, not what a
		// section is about: it narrows nothing.
		if sec != nil && !sec.Unlisted && !sec.Anonymised && !narrowest.Unlisted && !narrowest.Anonymised &&
			sec.Code != narrowest.Code && g.Within(narrowest.Code, sec.Code) {
			sec = nil
		}
		if sec != nil {
			chain = append([]Ref{*sec}, report...)
			lp.Place = *sec
		}
		lp.Year = paragraphYear(p.Text, out.Year, pub)
		lp.Mentions = g.resolveAll(p.ID, p.Text, chain, sec != nil, out.Year.Year, &out.Warnings)
		out.Paragraphs = append(out.Paragraphs, lp)
	}
	if h := info.Headline; h != nil {
		// As a first paragraph under no heading: the report's place, its
		// own year, names settled by the report's places. It comes after
		// the body so that the body's warnings keep their order, and it
		// does not count towards selfReference (a headline is not how
		// the report speaks of itself throughout).
		out.Headline = &Paragraph{ID: h.ID, Place: narrowest, Year: paragraphYear(h.Text, out.Year, pub),
			Mentions: g.resolveAll(h.ID, h.Text, report, false, out.Year.Year, &out.Warnings)}
	}
	if wider, ok := g.selfReference(out, narrowest); ok {
		for i := range out.Paragraphs {
			if out.Paragraphs[i].Place.Code == narrowest.Code {
				out.Paragraphs[i].Place = wider
			}
		}
		if out.Headline != nil && out.Headline.Place.Code == narrowest.Code {
			out.Headline.Place = wider
		}
	}
	return out
}

// selfReference finds the place a report speaks of as itself (全区, 我区)
// when that is a wider place of meta.yaml's list and the report never
// speaks so of its narrowest place: a news story on 广西 that names 南宁市
// in one sentence is about 广西, whose figures it gives as 全区 and 我区.
func (g *Gazetteer) selfReference(out Located, narrowest Ref) (Ref, bool) {
	if narrowest.Code == "" || narrowest.Unlisted || narrowest.Anonymised {
		return Ref{}, false
	}
	count := map[string]int{}
	for _, p := range out.Paragraphs {
		for _, m := range p.Mentions {
			if m.How == "deictic" && m.Code != "" {
				count[m.Code]++
			}
		}
	}
	if count[narrowest.Code] > 0 {
		return Ref{}, false
	}
	best, bestN := Ref{}, 0
	for _, r := range out.Places {
		if r.Code != narrowest.Code && !r.Unlisted && !r.Anonymised && g.Within(narrowest.Code, r.Code) && count[r.Code] > bestN {
			best, bestN = r, count[r.Code]
		}
	}
	return best, bestN >= 2
}

// reportPlace is the place a report is about, for paragraphs that name none:
// the narrowest place of meta.yaml's list while each lies inside the one
// before it (山东省, 济南市; an anonymised chain XX市, 城乡一体化示范区; a
// last place the gazetteer lacks). When the list goes on with places side
// by side — 保定市, then 徐水区, 满城区, 博野县; 香港, then 南區, 九龍城;
// 全国, then six provinces — the report is about the place that holds them,
// not about the last one written.
func (g *Gazetteer) reportPlace(places []Ref) Ref {
	if len(places) == 0 {
		return Ref{}
	}
	for i := 1; i < len(places); i++ {
		p, prev := places[i], places[i-1]
		switch {
		case p.Anonymised && prev.Anonymised:
			continue // the chain of masked names is one place
		case !p.Unlisted && !p.Anonymised && !prev.Unlisted && !prev.Anonymised && g.Within(p.Code, prev.Code):
			continue
		case p.Unlisted && i == len(places)-1 && !isRegion(p.Name):
			continue // one last place the gazetteer lacks: the narrowest
		}
		// the deepest earlier place that holds p, else the one before it
		for k := i - 1; k >= 0; k-- {
			if !p.Unlisted && !places[k].Unlisted && !places[k].Anonymised && g.Within(p.Code, places[k].Code) {
				return places[k]
			}
		}
		return prev
	}
	return places[len(places)-1]
}

// isRegion reports whether a name the gazetteer lacks names a region
// rather than a place: 苏南地区, 珠三角地区, 粤东片区, 沿海一带. The gazetteer
// holds every administrative 地区 (阿里地区), so an unknown one spans parts
// of places; a report listing it beside its province is the province's,
// and the region is only what some of its sentences speak of.
func isRegion(name string) bool {
	for _, w := range []string{"地区", "片区", "一带", "地带"} {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	return false
}

var outlineRE = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．])\s*`)

// headingPlace returns the place a heading is about: the place whose name
// the heading starts with, after its outline number. Nil for headings that
// are not about a place ("二、重点工作推进情况") and for names context
// cannot settle.
func (g *Gazetteer) headingPlace(heading string, report []Ref) *Ref {
	h := outlineRE.ReplaceAllString(heading, "")
	if h == "" {
		return nil
	}
	ms := g.Mentions(h)
	if len(ms) == 0 || ms[0].Start != 0 {
		return nil
	}
	var discard []string
	m, _ := g.resolve(ms[0], report, &discard)
	if m.Code == "" {
		return nil
	}
	r := g.ref(m.Code)
	return &r
}

// ref makes the Ref of a gazetteer place.
func (g *Gazetteer) ref(code string) Ref {
	p, _ := g.Place(code)
	return Ref{Code: p.Code, Name: p.Name, NameHant: p.NameHant, Level: p.Level, Path: g.URLPath(code)}
}

// resolve settles m against the context chain (see Locate) and returns
// the index in chain of the place that settled it, or -1.
func (g *Gazetteer) resolve(m Mention, chain []Ref, warn *[]string) (Mention, int) {
	if m.Code != "" {
		return m, -1
	}
	for i, ctx := range chain {
		if ctx.Anonymised || ctx.Unlisted {
			continue
		}
		var fit []string
		for _, c := range m.Ambiguous {
			if g.Within(c, ctx.Code) || g.Within(ctx.Code, c) {
				fit = append(fit, c)
			}
		}
		switch {
		case len(fit) == 1:
			m.Code, m.Ambiguous = fit[0], nil
			return m, i
		case len(fit) > 1:
			*warn = append(*warn, fmt.Sprintf("%s is ambiguous within %s: %s", m.Name, ctx.Name, g.describe(fit)))
			return m, -1
		}
	}
	*warn = append(*warn, fmt.Sprintf("%s is ambiguous and nothing in context settles it: %s", m.Name, g.describe(m.Ambiguous)))
	return m, -1
}

func (g *Gazetteer) describe(codes []string) string {
	var parts []string
	for _, c := range codes {
		ps := g.Path(c)
		var names []string
		for _, p := range ps {
			names = append(names, p.Name)
		}
		parts = append(parts, c+" "+strings.Join(names, ""))
	}
	return strings.Join(parts, ", ")
}

// resolveAll finds and settles the mentions of one paragraph, deictic ones
// (全市, 我区) included, and records what stays unsettled.
func (g *Gazetteer) resolveAll(id, text string, chain []Ref, hasSection bool, year int, warn *[]string) []Mention {
	var local []string
	var out []Mention
	for _, m := range g.Mentions(text) {
		if m.Code == "" {
			var by int
			m, by = g.resolve(m, chain, &local)
			switch {
			case by == 0 && hasSection:
				m.Settled = "section"
			case by >= 0:
				m.Settled = "report"
			}
		}
		if m.How == "former" && year >= m.Until && m.Code != "" {
			local = append(local, fmt.Sprintf("%s is a former name (replaced in %d) in a report about %d: read as %s %s", m.Name, m.Until, year, m.Code, g.ref(m.Code).Name))
		}
		out = append(out, m)
	}
	for _, loc := range deicticMatches(text) {
		if overlaps(loc[0], loc[1], out) || strings.HasPrefix(text[loc[1]:], "场") || strings.HasPrefix(text[loc[1]:], "場") ||
			strings.HasPrefix(text[loc[1]:], "域") || strings.HasPrefix(text[loc[1]:], "级") || strings.HasPrefix(text[loc[1]:], "級") {
			continue // 全市场, 全区域, 本县域, 全省级 are not the place
		}
		if before := text[:loc[0]]; strings.HasSuffix(before, "健") || strings.HasSuffix(before, "完") || strings.HasSuffix(before, "安") ||
			strings.HasSuffix(before, "齐") || strings.HasSuffix(before, "齊") || strings.HasSuffix(before, "周") || strings.HasSuffix(before, "保") {
			continue // 健全县域, 完全市场, 安全区: 全 belongs to the word before
		}
		suf := text[loc[2]:loc[3]]
		m := Mention{Start: loc[0], End: loc[1], Name: text[loc[0]:loc[1]], How: "deictic"}
		for _, r := range chain {
			if strings.HasSuffix(r.Name, suf) {
				m.Code = r.Code
				break
			}
		}
		if m.Code == "" {
			local = append(local, fmt.Sprintf("%s: no place ending in %s in context (%s)", m.Name, suf, names(chain)))
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Mention) int { return a.Start - b.Start })
	for _, w := range local {
		*warn = append(*warn, id+": "+w)
	}
	return out
}

func overlaps(a, b int, ms []Mention) bool {
	for _, m := range ms {
		if a < m.End && m.Start < b {
			return true
		}
	}
	return false
}

func names(chain []Ref) string {
	var s []string
	for _, r := range chain {
		s = append(s, r.Name)
	}
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}
