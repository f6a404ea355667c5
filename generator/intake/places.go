package intake

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

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
		if codes := t.codesIn(t.fold(title)); len(codes) > 0 {
			c := narrowest(g, codes)
			return known(t.chain(c), "the title names "+t.nameOf(c)+": "+quote(title))
		}
		if m := anonRE.FindString(t.fold(title)); m != "" {
			return known([]string{m}, "the title names an anonymised place: "+quote(title))
		}
	}
	weight, firstAt, order := t.bodyMentions()
	named := append([]string(nil), order...) // in the order first named
	deictic, speaks := t.deictic(), "the body speaks of 我"
	if deictic == "" {
		deictic, speaks = t.titleLevel(title), "the title opens with its unnamed "
	}
	// A title about each city (各市, 各县) is about the place that holds
	// them: the body's 全市 is then each city's, not the report's.
	if eachLevelRE.MatchString(t.fold(title)) {
		deictic = ""
	}
	if len(order) == 0 {
		if names, u, ok := t.anonymised(deictic); ok {
			return known(names, at(u)+" names an anonymised place: "+quote(u.text))
		}
		if c, u := t.markedPlace(deictic, nil); c != "" {
			return known(t.chain(c), speaks+deictic+" and "+at(u)+" writes its short name as a place: "+quote(u.text))
		}
		if c, words, u := t.regionByUsage(); c != "" {
			return known(t.chain(c), "no place named, but the words of "+t.nameOf(c)+"'s usage: "+joinQuoted(words)+" (first at "+at(u)+": "+quote(u.text)+")")
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
	// The report says 我区, 全县 of its own place: the place it names
	// most often with that ending is the one it speaks for.
	if deictic != "" {
		for _, c := range order {
			if p, _ := g.Place(c); strings.HasSuffix(p.Name, deictic) {
				u := t.units[firstAt[c]]
				return known(t.chain(c), "the body speaks of 我"+deictic+"/全"+deictic+" and names "+t.nameOf(c)+" (first at "+at(u)+": "+quote(u.text)+")")
			}
		}
		// None of the places named is of that level: the one of that
		// level inside them that the page writes by its short name.
		if c, u := t.markedPlace(deictic, named); c != "" {
			return known(t.chain(c), speaks+deictic+", names none, and "+at(u)+" writes "+t.nameOf(c)+" by its short name as a place, inside a place it names: "+quote(u.text))
		}
	}
	// A body that names three provinces or more, none of them most of the
	// time, is a national or multi-province report: which place it is
	// about is for the editor.
	provinces := map[string]bool{}
	for _, c := range order {
		provinces[g.Path(c)[0].Code] = true
	}
	if top := g.Path(order[0])[0].Code; len(provinces) >= 3 && total[top]*2 < sumWeights(weight) {
		if u, ok := t.national(); ok {
			list := t.provincesInOrder()
			return known(append([]string{"全国"}, list...), itoa(len(list))+" provinces are named, none most of the time, and "+at(u)+" speaks as a national report: "+quote(u.text))
		}
		return unknown[[]string](itoa(len(provinces)) + " provinces are named, none most of the time: a national or multi-province report? name its places")
	}
	top := order[0]
	// The narrowest place that carries most of the weight of the widest
	// place over the most named one: a report that names sixteen cities of
	// a province, none most of the time, is about the province.
	root := g.Path(top)[0].Code
	best := root
	for _, c := range order {
		if g.Within(c, root) && total[c]*2 > total[root] && len(g.Path(c)) > len(g.Path(best)) {
			best = c
		}
	}
	if _, ok := firstAt[best]; !ok {
		firstAt[best] = firstAt[top]
	}
	u := t.units[firstAt[best]]
	if best == root && best != top {
		return known(t.chain(best), "the places the body names lie mostly in "+t.nameOf(best)+", none of them most of the time (first at "+at(u)+": "+quote(u.text)+")")
	}
	return known(t.chain(best), "the body names "+t.nameOf(best)+" most often (first at "+at(u)+": "+quote(u.text)+")")
}

// bodyMentions counts the gazetteer places the body names: each mention
// once (repeats count: how often a body names a place is what it is
// about), the lead's three lines double, with the unit each place is first
// named in, and the places in the order first named.
func (t *text) bodyMentions() (weight map[string]float64, firstAt map[string]int, order []string) {
	weight, firstAt = map[string]float64{}, map[string]int{}
	paras := 0
	for i, u := range t.units {
		// Only the body: what comes before it is headline, chrome and
		// stamps (a masthead's 出版地:北京市 is not what a report is about).
		if u.removed != "" || i < t.body {
			continue
		}
		// A short line without a sentence mark after the lead is a list
		// of headlines (related articles, a footer), not the subject.
		// A signature (the issuing body above its date) is kept.
		if i > t.body+2 && !strings.ContainsAny(u.hans, "。！？；，,") && !t.signature(i) {
			continue
		}
		paras++
		if paras > 200 {
			break
		}
		w := 1.0
		if paras <= 3 {
			w = 2
		}
		for _, c := range t.codesEach(u.hans) {
			if _, ok := weight[c]; !ok {
				firstAt[c] = i
				order = append(order, c)
			}
			weight[c] += w
		}
	}
	return weight, firstAt, order
}

// signature reports whether unit i is a signature: a short line followed
// by a line that is only a date (青田县教育局 / 2024年1月2日).
func (t *text) signature(i int) bool {
	if i+1 >= len(t.units) || utf8.RuneCountInString(t.units[i].hans) > 30 {
		return false
	}
	next := strings.TrimSpace(t.units[i+1].hans)
	m := dateRE.FindStringIndex(next)
	return m != nil && m[0] == 0 && utf8.RuneCountInString(next[m[1]:]) <= 2
}

func sumWeights(w map[string]float64) float64 {
	s := 0.0
	for _, v := range w {
		s += v
	}
	return s
}

// eachLevelRE: a title about each place of a level (各市, 各县区).
var eachLevelRE = regexp.MustCompile(`各(?:省|市|县|区|地)`)

// deicticRE: the words a report uses of its own place (我区, 全县, 本市).
var deicticRE = regexp.MustCompile(`(?:我|全|本)(省|市|县|区)`)

// deictic is the ending (省, 市, 县, 区) of the place the body speaks for
// as 我X/全X/本X most often, "" when it never does.
func (t *text) deictic() string {
	count := map[string]int{}
	for i, u := range t.units {
		if u.removed != "" || i < t.body {
			continue
		}
		for _, m := range deicticRE.FindAllStringSubmatch(u.hans, -1) {
			count[m[1]]++
		}
	}
	best := ""
	for _, k := range []string{"区", "县", "市", "省"} {
		if count[k] > count[best] {
			best = k
		}
	}
	return best
}

// anonLevels orders the endings of masked names from the widest.
var anonLevels = []string{"省", "市", "州", "县", "区", "旗"}

// anonymised finds the masked places (XX省, XX市, XX管理区) the body is
// about, widest first: for each level, the name of that level named most
// often outside 《》 titles; a name of the level the body's 我X/全X speaks
// for ends the chain; names inside 《》 count only when there are no
// others. Masked townships and villages are not report places.
func (t *text) anonymised(deictic string) ([]string, unit, bool) {
	if chain, u, ok := t.anonymisedChain(deictic, false); ok {
		return chain, u, ok
	}
	// Only inside titles: the masked authorities that issued the documents
	// the report answers to (《XX省人民政府…通知》) are its parents.
	return t.anonymisedChain(deictic, true)
}

func (t *text) anonymisedChain(deictic string, inTitles bool) ([]string, unit, bool) {
	count := map[string]int{}
	first := map[string]unit{}
	byLevel := map[string][]string{}
	for _, u := range t.units {
		if u.removed != "" {
			continue
		}
		for _, m := range anonRE.FindAllStringIndex(u.hans, -1) {
			if !inTitles && strings.Count(u.hans[:m[0]], "《") > strings.Count(u.hans[:m[0]], "》") {
				continue // inside a document's title
			}
			n := u.hans[m[0]:m[1]]
			level := ""
			for _, l := range anonLevels {
				if strings.HasSuffix(n, l) {
					level = l
				}
			}
			if level == "" {
				continue
			}
			if count[n] == 0 {
				byLevel[level] = append(byLevel[level], n)
				first[n] = u
			}
			count[n]++
		}
	}
	var chain []string
	var ev unit
	for _, l := range anonLevels {
		names := byLevel[l]
		if len(names) == 0 {
			continue
		}
		sort.SliceStable(names, func(i, j int) bool { return count[names[i]] > count[names[j]] })
		if len(chain) == 0 {
			ev = first[names[0]]
		}
		chain = append(chain, names[0])
		if l == deictic {
			break
		}
	}
	return chain, ev, len(chain) > 0
}

// regionRE: 全港, 本澳, 全台 — a special region or Taiwan spoken of as a
// whole by its one-character name.
var regionRE = regexp.MustCompile(`[全本](港|澳|台)`)

var regionNames = map[string]string{"港": "香港", "澳": "澳门", "台": "台湾"}

// codesEach lists the codes of every settled mention, repeats included:
// how often a body names a place is what it is about.
func (t *text) codesEach(s string) []string {
	settled := t.codesIn(s)
	ok := map[string]bool{}
	for _, c := range settled {
		ok[c] = true
	}
	var out []string
	for _, m := range regionRE.FindAllStringSubmatch(s, -1) {
		if codes := t.in.Gazetteer.Lookup(regionNames[m[1]]); len(codes) == 1 {
			out = append(out, codes[0])
		}
	}
	for _, m := range t.in.Gazetteer.Mentions(s) {
		if m.Code != "" {
			out = append(out, m.Code)
		} else {
			for _, c := range m.Ambiguous {
				if ok[c] {
					out = append(out, c)
					break
				}
			}
		}
	}
	return out
}

// codesIn lists the gazetteer codes a text names, in order, each once;
// an ambiguous name is settled when exactly one of its candidates lies
// under or over another place the text names.
func (t *text) codesIn(s string) []string {
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
