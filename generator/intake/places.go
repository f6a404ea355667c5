package intake

import (
	"regexp"
	"sort"
	"strings"

	"github.com/eduportal/portal/generator/place"
)

// anonRE: a place name masked before upload (XX市, ××县, X区).
var anonRE = regexp.MustCompile(`(?:XX|ＸＸ|××|X|Ｘ)[\p{Han}]{0,8}?(?:省|市|县|区|管理区|镇|乡)`)

// places finds the places the report is about, widest first, as full
// gazetteer names: the narrowest place the title names (its parents
// before it), else the place the body's paragraphs name most often
// (earlier paragraphs weigh more: the lead says what a report is about),
// with its parents. Lines the cleaner took out (breadcrumbs, related
// headlines, spam) are not read. A name several places share is kept only
// when the others named settle it.
func (t *text) places(title string) Field[[]string] {
	g := t.in.Gazetteer
	if g == nil {
		return unknown[[]string]("no gazetteer loaded")
	}
	if title != "" {
		if codes := t.codesIn(t.fold(title), nil); len(codes) > 0 {
			c := narrowest(g, codes)
			return known(t.chain(c), "the title names "+t.nameOf(c)+": "+quote(title))
		}
		if m := anonRE.FindString(t.fold(title)); m != "" {
			return known([]string{m}, "the title names an anonymised place: "+quote(title))
		}
	}
	weight := map[string]float64{}
	firstAt := map[string]int{}
	var order []string
	paras := 0
	for i, u := range t.units {
		if u.removed != "" {
			continue
		}
		paras++
		if paras > 30 {
			break
		}
		w := 1.0
		if paras <= 3 {
			w = 2
		}
		for _, c := range t.codesIn(u.hans, nil) {
			if _, ok := weight[c]; !ok {
				firstAt[c] = i
				order = append(order, c)
			}
			weight[c] += w
		}
	}
	if len(order) == 0 {
		for _, u := range t.units {
			if u.removed == "" {
				if m := anonRE.FindString(u.hans); m != "" {
					return known([]string{m}, at(u)+" names an anonymised place: "+quote(u.text))
				}
			}
		}
		return unknown[[]string]("neither the title nor the body names a place the gazetteer knows")
	}
	// A place's weight counts for its parents too: a report about three
	// districts of one city is about the city.
	total := map[string]float64{}
	for _, c := range order {
		for _, p := range g.Path(c) {
			total[p.Code] += weight[c]
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return weight[order[i]] > weight[order[j]] })
	top := order[0]
	// Prefer the narrowest place that carries most of the weight of the
	// widest place over it.
	root := g.Path(top)[0].Code
	best := top
	for _, c := range order {
		if g.Within(c, root) && total[c]*2 > total[root] && len(g.Path(c)) > len(g.Path(best)) {
			best = c
		}
	}
	u := t.units[firstAt[best]]
	return known(t.chain(best), "the body names "+t.nameOf(best)+" most often (first at "+at(u)+": "+quote(u.text)+")")
}

// codesIn lists the gazetteer codes a text names, in order, each once;
// an ambiguous name is settled when exactly one of its candidates lies
// under or over another place the text names.
func (t *text) codesIn(s string, _ []string) []string {
	g := t.in.Gazetteer
	ms := g.Mentions(s)
	var out []string
	seen := map[string]bool{}
	add := func(c string) {
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, m := range ms {
		add(m.Code)
	}
	for _, m := range ms {
		if m.Code != "" || len(m.Ambiguous) == 0 {
			continue
		}
		var fits []string
		for _, cand := range m.Ambiguous {
			for _, c := range out {
				if g.Within(cand, c) || g.Within(c, cand) {
					fits = append(fits, cand)
					break
				}
			}
		}
		if len(fits) == 1 {
			add(fits[0])
		}
	}
	return out
}

// narrowest picks, from the codes a title names, the deepest one on the
// line of the first: 聊城市 over 山东省, 平舆县 over 驻马店市.
func narrowest(g *place.Gazetteer, codes []string) string {
	best := codes[0]
	for _, c := range codes[1:] {
		if g.Within(c, best) {
			best = c
		}
	}
	return best
}

func (t *text) chain(code string) []string {
	var out []string
	for _, p := range t.in.Gazetteer.Path(code) {
		out = append(out, p.Name)
	}
	return out
}

func (t *text) nameOf(code string) string {
	names := t.chain(code)
	return strings.Join(names, " > ")
}
