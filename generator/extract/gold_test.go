package extract

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// goldFigure is one hand-written figure of testdata/gold.yaml.
type goldFigure struct {
	Value     string `yaml:"value"`
	Unit      string `yaml:"unit"`
	Indicator string `yaml:"indicator"`
	Label     string `yaml:"label"`
	Place     string `yaml:"place"`
	Year      int    `yaml:"year"`
	Kind      string `yaml:"kind"`
	BaseYear  int    `yaml:"base_year"`
}

// corpusSource says how the test cuts a report into paragraphs, standing in
// for the clean and place stages: which lines are body text, the report's
// place and year, and the place names to look for.
type corpusSource struct {
	id       string
	from, to int // 1-based line range of body text
	skip     []int
	place    PlaceRef
	year     int
	sections bool // 一、济南市 headings set the place; numbered items are paragraphs
	mentions []PlaceRef
}

var shandongCities = []PlaceRef{
	{"370100", "济南市"}, {"370200", "青岛市"}, {"370300", "淄博市"}, {"370400", "枣庄市"},
	{"370500", "东营市"}, {"370600", "烟台市"}, {"370700", "潍坊市"}, {"370800", "济宁市"},
	{"370900", "泰安市"}, {"371000", "威海市"}, {"371100", "日照市"}, {"371300", "临沂市"},
	{"371400", "德州市"}, {"371500", "聊城市"}, {"371600", "滨州市"}, {"371700", "菏泽市"},
}

var corpus = []corpusSource{
	{id: "liaocheng-2020-evaluation-news", from: 3, to: 8, place: PlaceRef{"371500", "聊城市"}, year: 2020,
		mentions: []PlaceRef{{"371526", "高唐县"}, {"371500", "聊城市"}}},
	{id: "shandong-2020-typical-cases", from: 2, to: 77, place: PlaceRef{"370000", "山东省"}, year: 2020, sections: true,
		mentions: append([]PlaceRef{{"370126", "商河县"}, {"370402", "市中区"}, {"370404", "峄城区"}, {"370523", "广饶县"},
			{"370704", "坊子区"}, {"370782", "诸城市"}, {"370883", "邹城市"}}, shandongCities...)},
	{id: "anonymised-district-2022-self-evaluation", from: 8, to: 72, place: PlaceRef{"", "城乡一体化示范区"}, year: 2022},
	{id: "jinan-2018-bureau-chief-speech", from: 5, to: 68, skip: []int{7, 8, 32}, place: PlaceRef{"370100", "济南市"}, year: 2018},
	{id: "pingyu-2022-bureau-chief-interview", from: 2, to: 13, skip: []int{3}, place: PlaceRef{"411723", "平舆县"}, year: 2022,
		mentions: []PlaceRef{{"411723", "平舆县"}}},
}

var (
	pinyinRe  = regexp.MustCompile(`\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)`)
	sectionRe = regexp.MustCompile(`^[一二三四五六七八九十]+、(.+)$`)
	itemRe    = regexp.MustCompile(`^\d+[.、]`)
)

// corpusInputs cuts one report into paragraphs as the earlier stages would.
func corpusInputs(t testing.TB, cs corpusSource) []Input {
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "sources", cs.id, "original.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	place := cs.place
	var paras []Input
	add := func(text string) {
		text = strings.TrimSpace(text)
		if text == "" {
			return
		}
		in := Input{SourceID: cs.id, ParagraphID: fmt.Sprintf("p%d", len(paras)+1), Text: text, Place: place, Year: cs.year}
		folded := testFold(text)
		for _, m := range cs.mentions {
			for off := 0; ; {
				i := strings.Index(folded[off:], m.Name)
				if i < 0 {
					break
				}
				in.Mentions = append(in.Mentions, Mention{Start: off + i, End: off + i + len(m.Name), Place: m})
				off += i + len(m.Name)
			}
		}
		sortMentions(in.Mentions)
		paras = append(paras, in)
	}
	var cur strings.Builder
	for n := cs.from; n <= cs.to && n <= len(lines); n++ {
		if contains(intsToStrings(cs.skip), fmt.Sprint(n)) {
			continue
		}
		line := strings.TrimSpace(pinyinRe.ReplaceAllString(lines[n-1], ""))
		if !cs.sections {
			add(line)
			continue
		}
		if m := sectionRe.FindStringSubmatch(line); m != nil {
			add(cur.String())
			cur.Reset()
			for _, c := range shandongCities {
				if c.Name == m[1] {
					place = c
				}
			}
			continue
		}
		if itemRe.MatchString(line) {
			add(cur.String())
			cur.Reset()
		}
		cur.WriteString(line)
	}
	add(cur.String())
	return paras
}

func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func intsToStrings(xs []int) []string {
	var out []string
	for _, x := range xs {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

func loadTestRegistry(t testing.TB) *Registry {
	r, err := LoadRegistry(filepath.Join("..", "..", "data", "indicators.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r.SetFold(testFold)
	return r
}

func norm(s string) string { return string(loadFoldNorm(s)) }

func loadFoldNorm(s string) []rune {
	rs := []rune(testFold(s))
	for i, c := range rs {
		rs[i] = normRune(c)
	}
	return rs
}

// TestGold measures the extractor against the hand-written gold set.
func TestGold(t *testing.T) {
	r := loadTestRegistry(t)
	b, err := os.ReadFile(filepath.Join("testdata", "gold.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string][]goldFigure
	if err := yaml.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	var nObs, nGold, matched, placeOK, yearOK, kindOK, indOK, indN int
	var allObs []Observation
	for _, cs := range corpus {
		var obs []Observation
		obs = append(obs, r.ExtractAll(corpusInputs(t, cs))...)
		g := gold[cs.id]
		used := make([]bool, len(g))
		var unmatched []Observation
		pairs := map[int]int{}
		// two passes: first where year and kind agree too, then value and unit only
		for pass := 0; pass < 2; pass++ {
			for oi, o := range obs {
				if _, done := pairs[oi]; done {
					continue
				}
				for gi, gf := range g {
					if used[gi] || norm(o.Value) != norm(gf.Value) || norm(o.Unit) != norm(gf.Unit) {
						continue
					}
					if pass == 0 && (o.Year != gf.Year || o.Kind != gf.Kind) {
						continue
					}
					used[gi], pairs[oi] = true, gi
					break
				}
			}
		}
		m := 0
		for oi, o := range obs {
			gi, ok := pairs[oi]
			if !ok {
				unmatched = append(unmatched, o)
				continue
			}
			m++
			gf := g[gi]
			if norm(o.Place.Name) == norm(gf.Place) {
				placeOK++
			} else {
				t.Logf("%s: place %s %s%s: got %s, want %s", cs.id, o.ID, o.Value, o.Unit, o.Place.Name, gf.Place)
			}
			if o.Year == gf.Year {
				yearOK++
			} else {
				t.Logf("%s: year %s %s%s: got %d, want %d", cs.id, o.ID, o.Value, o.Unit, o.Year, gf.Year)
			}
			if o.Kind == gf.Kind {
				kindOK++
			} else {
				t.Logf("%s: kind %s %s%s: got %s (%s), want %s", cs.id, o.ID, o.Value, o.Unit, o.Kind, o.Cue, gf.Kind)
			}
			if gf.Indicator != "" {
				indN++
				if o.Indicator == gf.Indicator {
					indOK++
				} else {
					t.Logf("%s: indicator %s %s%s: got %q (%s), want %s", cs.id, o.ID, o.Value, o.Unit, o.Indicator, o.Label, gf.Indicator)
				}
			}
		}
		for _, o := range unmatched {
			t.Logf("%s: extra %s %s %s in %q", cs.id, o.ID, o.Value, o.Unit, o.Quote)
		}
		for gi, gf := range g {
			if !used[gi] {
				t.Logf("%s: missed %s %s (%s%s)", cs.id, gf.Value, gf.Unit, gf.Indicator, gf.Label)
			}
		}
		fmt.Printf("  %-42s gold %3d  extracted %3d  matched %3d\n", cs.id, len(g), len(obs), m)
		allObs = append(allObs, obs...)
		nObs += len(obs)
		nGold += len(g)
		matched += m
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	precision, recall := ratio(matched, nObs), ratio(matched, nGold)
	pa, ya, ka, ia := ratio(placeOK, matched), ratio(yearOK, matched), ratio(kindOK, matched), ratio(indOK, indN)
	fmt.Printf("gold: %d figures, extracted %d, matched %d\n", nGold, nObs, matched)
	fmt.Printf("precision %.3f recall %.3f | on matched: place %.3f year %.3f kind %.3f indicator %.3f (of %d with an indicator)\n",
		precision, recall, pa, ya, ka, ia, indN)
	for _, c := range FindConflicts(allObs) {
		t.Logf("conflict: %s %s %d %s: %v", c.Indicator, c.Place.Name, c.Year, c.Kind, c.Observations)
	}
	for name, v := range map[string]float64{"precision": precision, "recall": recall, "place": pa, "year": ya, "kind": ka} {
		if v < 0.90 || math.IsNaN(v) {
			t.Errorf("%s %.3f is below 0.90", name, v)
		}
	}
}
