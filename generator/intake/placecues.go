package intake

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/eduportal/portal/generator/place"
)

// The cues in this file name a report's place when the gazetteer's
// Mentions cannot: a place written by a county's short name (Mentions
// leaves county short names out: 平原, 和平, 光明 are ordinary words), the
// whole country, a special region known by its usage. Each is read only
// where the ordinary rules find nothing, and each is a shape of text, not
// a list of documents.

// titleLevelRE: a title that opens with the report's own body, its name
// left out (县教育局2022年工作总结, 区管委会…自评报告): the report speaks
// for a place of that level.
var titleLevelRE = regexp.MustCompile(`^(省|市|县|区)(?:教育局|教体局|教育和体育局|教育体育局|人民政府|政府|管委会|委员会|教育)`)

// titleLevel is the ending (县, 区 …) of the place a title's unnamed body
// speaks for, "" when the title opens otherwise.
func (t *text) titleLevel(title string) string {
	if m := titleLevelRE.FindStringSubmatch(strings.TrimSpace(t.fold(title))); m != nil {
		return m[1]
	}
	return ""
}

// placeMarkRE: words written right after a place's short name that make
// it one: 凤台籍 (a native of), 庆云新闻网 (a local outlet named after its
// place). National outlets (光明日报, 新华网) have other shapes and are not
// read.
var placeMarkRE = regexp.MustCompile(`籍|新闻网`)

// markedPlace finds a place of the level the report speaks for (ending in
// level: 县, 区) written by its short name before a place mark, in any
// line (a local outlet's name sits in the page's chrome): the one such
// place, inside one of the places named in the text when it names any
// (within), else the only place in the gazetteer of that short name. ""
// when none is, or when several are.
func (t *text) markedPlace(level string, within []string) (code string, u unit) {
	if level == "" {
		return "", unit{}
	}
	g := t.in.Gazetteer
	found := map[string]unit{}
	for _, un := range t.units {
		s := un.hans
		for _, m := range placeMarkRE.FindAllStringIndex(s, -1) {
			before := []rune(s[:m[0]])
			// The longer name first: 三个字 before 两个字.
			for n := 3; n >= 2; n-- {
				if len(before) < n {
					continue
				}
				var fits []string
				for _, c := range g.Lookup(string(before[len(before)-n:])) {
					p, _ := g.Place(c)
					if !strings.HasSuffix(p.Name, level) {
						continue
					}
					if len(within) > 0 && !insideAny(t, c, within) {
						continue
					}
					fits = append(fits, c)
				}
				if len(fits) == 1 {
					if _, ok := found[fits[0]]; !ok {
						found[fits[0]] = un
					}
					break
				}
			}
		}
	}
	if len(found) != 1 {
		return "", unit{}
	}
	for c, un := range found {
		return c, un
	}
	return "", unit{}
}

func insideAny(t *text, code string, places []string) bool {
	for _, p := range places {
		if t.in.Gazetteer.Within(code, p) {
			return true
		}
	}
	return false
}

// nationalRE: the national bodies a report of the whole country speaks
// with (国务院, 教育部, 国家教育督导), and 全国 as a clause's subject
// (全国共有…; not 全国第一 or 全国文明城市 inside a clause).
var nationalRE = regexp.MustCompile(`国务院|教育部|国家教育督导|国家督导|国家统计局|(?:^|[。；，,])\s*全国(?:共|各|有|累计|范围内)`)

// national reports whether the body speaks as a national report (the
// first body line with a national body's name), for a body that names
// several provinces, none most of the time.
func (t *text) national() (unit, bool) {
	for i, u := range t.units {
		if u.removed != "" || i < t.body {
			continue
		}
		if nationalRE.MatchString(u.hans) {
			return u, true
		}
	}
	return unit{}, false
}

// provincesInOrder lists the provinces of the places the body names, in
// the order first named, each once. A name a province shares with a city
// (吉林) is the province when it stands in a list (、) next to a province.
func (t *text) provincesInOrder() []string {
	g := t.in.Gazetteer
	var out []string
	seen := map[string]bool{}
	add := func(c string) {
		if p := g.Path(c)[0]; !seen[p.Code] {
			seen[p.Code] = true
			out = append(out, p.Name)
		}
	}
	isProvince := func(c string) bool {
		p, _ := g.Place(c)
		return p.Level == place.LevelProvince
	}
	for i, u := range t.units {
		if u.removed != "" || i < t.body {
			continue
		}
		ms := g.Mentions(u.hans)
		for k, m := range ms {
			if m.Code != "" {
				add(m.Code)
				continue
			}
			var prov []string
			for _, c := range m.Ambiguous {
				if isProvince(c) {
					prov = append(prov, c)
				}
			}
			listed := func(j int, between string) bool {
				return j >= 0 && j < len(ms) && ms[j].Code != "" && isProvince(ms[j].Code) && strings.TrimSpace(between) == "、"
			}
			if len(prov) == 1 && (k > 0 && listed(k-1, u.hans[ms[k-1].End:m.Start]) || k+1 < len(ms) && listed(k+1, u.hans[m.End:ms[k+1].Start])) {
				add(prov[0])
			}
		}
	}
	return out
}

// regionUsage lists, for each special region, the words its reports use:
// its government's web domain, the region spoken of as a whole (全港,
// 本澳), its school system's terms (官立 and 資助 schools, the 2017/18
// school-year form; 小一 and 幼稚園, which others use too, are weak).
// Matched in Simplified.
var regionUsage = []struct {
	name    string // as the gazetteer knows it
	markers []regionMarker
}{
	{"香港", []regionMarker{
		{regexp.MustCompile(`(?i)\.gov\.hk`), true},
		{regexp.MustCompile(`[全本]港`), true},
		{regexp.MustCompile(`香港`), true},
		{regexp.MustCompile(`官立`), true},
		{regexp.MustCompile(`资助(?:小学|中学|学校|幼稚园)`), true},
		{regexp.MustCompile(`(?:19|20)\d{2}/\d{2}学年`), true},
		{regexp.MustCompile(`小一|中一派位`), false},
		{regexp.MustCompile(`幼稚园`), false},
	}},
	{"澳门", []regionMarker{
		{regexp.MustCompile(`(?i)\.gov\.mo`), true},
		{regexp.MustCompile(`[全本]澳`), true},
		{regexp.MustCompile(`澳门`), true},
		{regexp.MustCompile(`教青局|教育及青年发展局`), true},
	}},
}

type regionMarker struct {
	re     *regexp.Regexp
	strong bool // used by this region's reports only
}

// regionByUsage finds the special region whose usage the kept lines show
// in two different words at least, one of them its own (one word can be
// borrowed: 幼稚園 is also Taiwan's, 小一 anyone's), with the line of the
// first.
func (t *text) regionByUsage() (code string, words []string, u unit) {
	g := t.in.Gazetteer
	for _, r := range regionUsage {
		var hit []string
		var first unit
		strong := false
		for _, m := range r.markers {
			for _, un := range t.units {
				if un.removed != "" {
					continue
				}
				if w := m.re.FindString(un.hans); w != "" {
					if len(hit) == 0 {
						first = un
					}
					hit = append(hit, w)
					strong = strong || m.strong
					break
				}
			}
		}
		codes := g.Lookup(r.name)
		if len(hit) >= 2 && strong && len(codes) == 1 {
			return codes[0], hit, first
		}
	}
	return "", nil, unit{}
}

func joinQuoted(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteString(", ")
		}
		if utf8.RuneCountInString(w) > 20 {
			w = string([]rune(w)[:20]) + "…"
		}
		b.WriteString(w)
	}
	return b.String()
}
