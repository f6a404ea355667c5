package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"

	"github.com/eduportal/portal/generator/place"
	"github.com/eduportal/portal/generator/source"
)

// gen is the state of one report being written.
type gen struct {
	gn   *Generator
	r    *rand.Rand
	i    int
	kind string

	year               int
	prov, city, county place.Place // county is zero for a city-level report
	subj               place.Place // the place the report is about
	anon               bool        // an anonymised self-evaluation (XX市)
	anonName           string
	scale              float64 // of counts and money, by level
	hant, pinyin       bool
	pDiff, pSame       float64 // annotation rates of converted and unchanged characters
	buf                *strings.Builder
	lastFig            string // indicator of the last figure written
	pyArgs             pinyin.Args
}

func (g *gen) report() Report {
	g.buf = &strings.Builder{}
	g.pyArgs = pinyin.NewArgs()
	g.pyArgs.Style = pinyin.Tone
	g.hant = g.r.IntN(2) == 0
	g.year = 2016 + g.r.IntN(10)
	ix := g.gn.ix
	g.prov = ix.provinces[g.r.IntN(len(ix.provinces))]
	cities := ix.cities(g.prov)
	g.city = cities[g.r.IntN(len(cities))]
	counties := ix.counties(g.city)
	county := func() {
		if len(counties) > 0 {
			g.county = counties[g.r.IntN(len(counties))]
		}
	}
	switch g.kind {
	case "news":
		if g.r.IntN(10) < 3 {
			county()
		}
	case "self-evaluation":
		county()
		g.anon = g.r.IntN(4) == 0
	case "interview":
		county()
	}
	g.subj = g.city
	g.scale = 1
	if g.kind == "compilation" {
		g.subj, g.scale = g.prov, 1
	} else if g.county.Code != "" {
		g.subj, g.scale = g.county, 0.15
	}
	if g.anon {
		g.anonName = g.pick("城乡一体化示范区", "经济技术开发区", "高新技术产业开发区", "XX区", "XX县")
	}
	switch {
	case !g.hant, g.kind == "speech":
	case g.kind == "news" || g.kind == "interview":
		g.pinyin = true
	default:
		g.pinyin = g.r.IntN(4) == 0
	}
	g.pDiff = 0.4 + g.r.Float64()*0.5
	g.pSame = g.r.Float64() * 0.04

	m := source.Meta{Kind: g.kind, CoversYear: g.year, Script: "hans", Encoding: "utf-8"}
	if g.hant {
		m.Script = "hant"
	}
	target := 5200 + g.r.IntN(13800) // bytes of the original
	switch g.kind {
	case "news":
		g.news(&m, target)
	case "compilation":
		g.compilation(&m, target)
	case "self-evaluation":
		g.selfEvaluation(&m, target)
	case "speech":
		g.speech(&m, target)
	default:
		g.interview(&m, target)
	}
	slug := g.subj.Slug
	if g.anon {
		slug = "anonymised"
	}
	m.ID = fmt.Sprintf("%s-%d-%s-%05d", slug, g.year, g.kind, g.i)
	m.Title = g.conv(m.Title)
	m.Notes = fmt.Sprintf("合成报告（go run ./generator synth，种子%d，第%d篇），按真实报告的样式生成，地名、人名与数字均为随机，不是真实报告。", g.gn.seed, g.i)
	orig := []byte(g.buf.String())
	return Report{ID: m.ID, Kind: g.kind, Script: m.Script, Pinyin: g.pinyin, Original: orig, Meta: metaYAML(m, orig)}
}

// ---------------------------------------------------------------- output

// line writes s (Simplified) in the report's script, with the mirror's
// annotations when the copy has them.
func (g *gen) line(s string) {
	g.buf.WriteString(g.render(s))
	g.buf.WriteByte('\n')
}

// raw writes s as it is.
func (g *gen) raw(s string) {
	g.buf.WriteString(s)
	g.buf.WriteByte('\n')
}

func (g *gen) blank() { g.buf.WriteByte('\n') }

// capture returns what f writes, without writing it.
func (g *gen) capture(f func()) string {
	saved := g.buf
	g.buf = &strings.Builder{}
	f()
	s := g.buf.String()
	g.buf = saved
	return s
}

// conv converts Simplified text to the report's script.
func (g *gen) conv(s string) string {
	if g.hant {
		return g.gn.hant(s)
	}
	return s
}

func (g *gen) render(s string) string {
	t := g.conv(s)
	if g.pinyin {
		t = g.annotate(s, t)
	}
	return t
}

// The cleaner's notion of an annotation (generator/clean/pinyin.go): one
// toned syllable. Readings of another shape (ń, m̀) are not added.
var syllableRe = regexp.MustCompile(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouvüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,4}(?:ng|n|r)?$`)

const toneVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

// annotate adds mirror pinyin after some Han characters of t, the
// conversion of s: mostly after characters the conversion changed (the
// mirrors annotate what they converted), rarely after others.
func (g *gen) annotate(s, t string) string {
	sr, tr := []rune(s), []rune(t)
	aligned := len(sr) == len(tr)
	var b strings.Builder
	b.Grow(len(t) * 2)
	for k, c := range tr {
		b.WriteRune(c)
		if !unicode.Is(unicode.Han, c) {
			continue
		}
		p := g.pSame
		if aligned && sr[k] != c {
			p = g.pDiff
		}
		if g.r.Float64() >= p {
			continue
		}
		py := g.reading(c)
		if py == "" && aligned {
			py = g.reading(sr[k])
		}
		if py != "" {
			b.WriteString("(" + py + ")")
		}
	}
	return b.String()
}

func (g *gen) reading(c rune) string {
	rs := pinyin.SinglePinyin(c, g.pyArgs)
	if len(rs) == 0 || !syllableRe.MatchString(rs[0]) || !strings.ContainsAny(rs[0], toneVowels) {
		return ""
	}
	return rs[0]
}

// ---------------------------------------------------------------- numbers

func (g *gen) pick(s ...string) string { return s[g.r.IntN(len(s))] }

func (g *gen) pickList(s []string) string { return s[g.r.IntN(len(s))] }

// scaled is a value between lo and hi times the report's scale.
func (g *gen) scaled(lo, hi float64) float64 {
	return (lo + g.r.Float64()*(hi-lo)) * g.scale
}

// count is a scaled whole number, at least 1.
func (g *gen) count(lo, hi float64) string {
	return strconv.Itoa(max(1, int(g.scaled(lo, hi))))
}

// count0 is a whole number between lo and hi, not scaled.
func (g *gen) count0(lo, hi int) string {
	return strconv.Itoa(lo + g.r.IntN(hi-lo+1))
}

// wan is a scaled sum in 万元.
func (g *gen) wan(lo, hi float64) string { return g.count(lo, hi) }

// dec is a number between lo and hi with d decimals, never 0.
func (g *gen) dec(lo, hi float64, d int) string {
	v := lo + g.r.Float64()*(hi-lo)
	if v < math.Pow(10, -float64(d)) {
		v = math.Pow(10, -float64(d))
	}
	return strconv.FormatFloat(v, 'f', d, 64)
}

// pct is a percentage between lo and hi (at most 100), written with 0, 1 or
// 2 decimals.
func (g *gen) pct(lo, hi float64) string {
	v := math.Min(100, lo+g.r.Float64()*(hi-lo))
	d := []int{0, 1, 2, 2}[g.r.IntN(4)]
	s := strconv.FormatFloat(v, 'f', d, 64)
	if f, _ := strconv.ParseFloat(s, 64); f > 100 {
		return "100"
	}
	return s
}

// planEnd is the last year of the five-year plan a report looks ahead to.
func (g *gen) planEnd() int {
	switch {
	case g.year < 2020:
		return 2020
	case g.year < 2025:
		return 2025
	}
	return 2030
}

// planName is that plan: 十三五, 十四五, 十五五.
func (g *gen) planName() string {
	switch g.planEnd() {
	case 2020:
		return "十三五"
	case 2025:
		return "十四五"
	}
	return "十五五"
}

// ---------------------------------------------------------------- words

// name is a person's name.
func (g *gen) name() string {
	n := string(surnames[g.r.IntN(len(surnames))]) + string(given[g.r.IntN(len(given))])
	if g.r.IntN(3) > 0 {
		n += string(given[g.r.IntN(len(given))])
	}
	return n
}

// scope is "the whole of" the report's place: 全市, 全县, 全区 …
func (g *gen) scope() string {
	if g.anon {
		return "全区"
	}
	return scopeOf(g.subj)
}

func scopeOf(p place.Place) string {
	n := []rune(p.Name)
	switch {
	case strings.HasSuffix(p.Name, "地区"):
		return "全地区"
	case strings.HasSuffix(p.Name, "自治州"), strings.HasSuffix(p.Name, "州"):
		return "全州"
	case len(n) > 0 && strings.ContainsRune("县区旗盟省", n[len(n)-1]):
		return "全" + string(n[len(n)-1])
	}
	return "全市"
}

// placeName is the report's place as its text names it.
func (g *gen) placeName() string {
	if g.anon {
		if strings.HasPrefix(g.anonName, "XX") {
			return g.anonName
		}
		return "XX市" + g.anonName
	}
	return g.subj.Name
}

// short is a place's short name (济南 for 济南市).
func short(p place.Place) string {
	if p.Short != "" {
		return p.Short
	}
	return p.Name
}

// cnNum writes 1 … 99 in Chinese numerals.
func cnNum(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n%10]
	}
	return d[n/10] + "十" + d[n%10]
}

// ---------------------------------------------------------------- prose

// figure is a clause with a figure on topic (any topic when it has none).
func (g *gen) figure(topic string, target bool) string {
	ts := g.gn.byTopic[topic]
	if len(ts) == 0 {
		ts = g.gn.figs
	}
	k := g.r.IntN(len(ts))
	if ts[k].ind == g.lastFig && len(ts) > 1 { // not the same figure twice in a row
		k = (k + 1 + g.r.IntN(len(ts)-1)) % len(ts)
	}
	t := ts[k]
	g.lastFig = t.ind
	if target && t.target != nil {
		return t.target(g)
	}
	return t.actual(g)
}

// filler is a sentence without figures on topic, ending in 。
func (g *gen) filler(topic string) string {
	if s := sentences[topic]; len(s) > 0 && g.r.IntN(3) == 0 {
		return g.pickList(s)
	}
	return g.pickList(verbs) + g.pickList(objects[topic]) + "，" + g.pickList(tails) + "。"
}

// prose is n sentences on topic, four in ten of them with figures (half a
// figure a sentence, which with the shapes' own figure lines gives about
// the density of the five real reports: 235 figures in 60 KB); with target,
// figures are plans.
func (g *gen) prose(topic string, n int, target bool) string {
	var b strings.Builder
	for k := 0; k < n; k++ {
		switch g.r.IntN(10) {
		case 0, 1, 2, 3, 4, 5:
			b.WriteString(g.filler(topic))
		case 6, 7:
			f := g.filler(topic)
			b.WriteString(strings.TrimSuffix(f, "。") + "，" + g.figure(topic, target) + "。")
		case 8:
			b.WriteString(g.figure(topic, target) + g.pick("；", "，") + g.figure(topic, target) + "。")
		default:
			b.WriteString(g.figure(topic, target) + "。")
		}
	}
	return b.String()
}

func (g *gen) topic() string { return topics[g.r.IntN(len(topics))] }
