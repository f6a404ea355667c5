package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/extract"
)

// How the corpus harness measures (README "Measuring on the corpus"):
//
//   - A gold figure is found when a published figure of the same report has
//     the same value and unit — a 万/亿 written after the number belongs to
//     the unit (20万 + 个 = 20 + 万个), Chinese numerals count as their value
//     — and its paragraph holds the gold quote (both folded to Simplified,
//     width and spaces normalised, pinyin annotations removed). The seeds'
//     gold has no quotes: value and unit only, the best agreeing first.
//   - recall = found / gold; precision = found / published.
//   - Of the found: place right when the names agree (a short name for its
//     full one: 广西 = 广西壮族自治区); a gold place that is a list of places
//     (天津、吉林…) is right only as the report's widest place (全国, 香港).
//     Year right when equal; a gold year of null (the text does not say) is
//     right when the figure has no year or the editor's covers_year. Kind
//     right when both are targets or both are not (the corpus gold writes
//     changes as actual); the seeds' gold also has change, compared as is.
//   - Label right (see labelRight): a short noun phrase — 2 to 16 runes, no
//     year (four digits, or digits before 年), no sentence punctuation, no unbalanced bracket, no aspect or
//     tense words (了 已 将 正在), not ending in a verb or preposition that
//     leads to the number (为 达 到 在 有 是 约 近) — whose words are the
//     gold's: at least half of its character pairs, and at least one, occur
//     in the gold label (a label of single characters between punctuation,
//     县（市、区）, by its characters) (seeds: the gold label, or the registry names and
//     wordings of the gold indicator).
//   - Wrong tie: a found figure tied to a registry id that the gold does not
//     allow (corpus: generator/testdata/corpus_ties.yaml, written by hand
//     from the gold labels and the registry's definitions; seeds: the gold
//     indicator id). Rate = wrong ties / found figures with a tie.
//   - Clutter left: a clutter string of the cleaning gold found in a
//     published paragraph. Sentence lost: a keep sentence of the cleaning gold
//     not found whole inside one published paragraph.

// goldFigure is one figure of a gold set (corpus JSON or seed YAML).
type goldFigure struct {
	Place     string `json:"place" yaml:"place"`
	Year      *int   `json:"year" yaml:"year"`
	Indicator string `json:"indicator" yaml:"indicator"` // corpus: a label; seeds: a registry id
	Label     string `json:"-" yaml:"label"`             // seeds: the label when no id fits
	Value     string `json:"value" yaml:"value"`
	Unit      string `json:"unit" yaml:"unit"`
	Kind      string `json:"kind" yaml:"kind"`
	Quote     string `json:"quote" yaml:"quote"`

	defaultPlace string // the report's widest place, for a gold place that lists several
	coversYear   int    // the editor's covers_year, for a gold year of null
}

func loadSeedGold(path string) (map[string][]goldFigure, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g map[string][]goldFigure
	if err := yaml.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

func loadTieTable(path string) (map[string][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t struct {
		Ties map[string][]string `yaml:"ties"`
	}
	if err := yaml.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t.Ties, nil
}

// loadRegistryWords gives each registry id its names and wordings, joined:
// the words a seed figure's label is compared with when its gold names an id.
func loadRegistryWords(path string) (map[string]string, error) {
	reg, err := extract.LoadRegistry(path)
	if err != nil {
		return nil, err
	}
	words := map[string]string{}
	for _, ind := range reg.Indicators {
		words[ind.ID] = ind.NameHans + " " + strings.Join(ind.Aliases, " ")
	}
	return words, nil
}

// published is one row of observations.json, the fields measured.
type published struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Paragraph string `json:"paragraph"`
	Indicator string `json:"indicator"`
	Label     string `json:"label_hans"`
	Place     string `json:"place_name_hans"`
	Year      *int   `json:"year"` // null when unknown
	Kind      string `json:"kind"`
	Value     string `json:"value"`
	Unit      string `json:"unit"`
	Quote     string `json:"quote_hans"`
	Flag      string `json:"label_flag"`
}

// year is the figure's year as text, "" when unknown.
func (o published) year() string {
	if o.Year == nil || *o.Year == 0 {
		return ""
	}
	return strconv.Itoa(*o.Year)
}

// readPublished reads observations.json, grouped by report.
func readPublished(dir string) (map[string][]published, error) {
	var all struct {
		Observations []published `json:"observations"`
	}
	if err := readJSON(filepath.Join(dir, "observations.json"), &all); err != nil {
		return nil, err
	}
	by := map[string][]published{}
	for _, o := range all.Observations {
		by[o.Source] = append(by[o.Source], o)
	}
	return by, nil
}

// record is the part of a published report record the harness reads.
type record struct {
	Paragraphs []recordParagraph `json:"paragraphs"`
	// Headline is the line moved into the title (p0): its figures are
	// matched against it like the body's, but it is not read for clutter
	// or lost sentences, which measure the body.
	Headline *recordParagraph `json:"headline"`
}

type recordParagraph struct {
	ID   string `json:"id"`
	Hans string `json:"hans"`
}

func readRecord(path string) (record, error) {
	var r record
	err := readJSON(path, &r)
	return r, err
}

// docResult is what the harness measured on one report.
type docResult struct {
	ID                           string
	Gold, Published, Found       int
	Place, Year, Kind, Label     int
	Tied, WrongTies, TiedUnfound int
	Clutter, ClutterLeft         int
	Keep, KeepLost               int
	Misses                       []string // for -v
}

type corpusResult struct {
	Seeds, Corpus []docResult
}

type measurer struct {
	fold     func(string) string
	ties     map[string][]string // folded gold label → right ids
	registry map[string]string   // id → names and wordings
}

var corpusPinyin = regexp.MustCompile(`[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]+[)）]`)

// norm folds text for comparison: Simplified script, half-width forms, no
// spaces, no pinyin annotations, one kind of quotation mark.
func (m measurer) norm(s string) string {
	s = corpusPinyin.ReplaceAllString(s, "")
	s = m.fold(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u3000':
			continue
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == '“' || r == '”' || r == '「' || r == '」':
			r = '"'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// figureKey is a value and unit in one form: a 万/亿 after the number moves
// to the unit, the number is its value in digits.
func (m measurer) figureKey(value, unit string) string {
	v := []rune(strings.TrimSpace(value))
	u := m.fold(strings.TrimSpace(unit))
	for len(v) > 1 {
		last := v[len(v)-1]
		if last != '万' && last != '萬' && last != '亿' && last != '億' {
			break
		}
		u = m.fold(string(last)) + u
		v = v[:len(v)-1]
	}
	s := string(v)
	if n, err := extract.ParseNumber(s); err == nil {
		s = strconv.FormatFloat(n, 'f', -1, 64)
	}
	return s + "|" + u
}

func (m measurer) measure(id string, gold []goldFigure, cg *cleanGold, obs []published, rec record, seed bool) docResult {
	res := docResult{ID: id, Gold: len(gold), Published: len(obs)}
	paras := map[string]string{}
	for _, p := range rec.Paragraphs {
		paras[p.ID] = m.norm(p.Hans)
	}
	if h := rec.Headline; h != nil {
		paras[h.ID] = m.norm(h.Hans)
	}
	used := make([]bool, len(obs))
	for _, g := range gold {
		key := m.figureKey(g.Value, g.Unit)
		quote := m.norm(g.Quote)
		best, bestScore := -1, -1
		for i, o := range obs {
			if used[i] || m.figureKey(o.Value, o.Unit) != key {
				continue
			}
			if quote != "" && !strings.Contains(paras[o.Paragraph], quote) {
				continue
			}
			score := 0
			for _, agree := range []bool{m.placeRight(o, g), yearRight(o, g), kindRight(o, g, seed)} {
				if agree {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			res.Misses = append(res.Misses, fmt.Sprintf("not found: %s%s %q", g.Value, g.Unit, g.Quote))
			continue
		}
		used[best] = true
		o := obs[best]
		res.Found++
		note := func(what string, args ...any) {
			res.Misses = append(res.Misses, fmt.Sprintf("%s %s%s: ", o.ID, o.Value, o.Unit)+fmt.Sprintf(what, args...))
		}
		if m.placeRight(o, g) {
			res.Place++
		} else {
			note("place %q, gold %q", o.Place, g.Place)
		}
		if yearRight(o, g) {
			res.Year++
		} else {
			note("year %q, gold %v", o.year(), yearString(g.Year))
		}
		if kindRight(o, g, seed) {
			res.Kind++
		} else {
			note("kind %s, gold %s", o.Kind, g.Kind)
		}
		goldWords := g.Indicator
		if seed {
			goldWords = g.Label
			if g.Label == "" {
				goldWords = m.registry[g.Indicator]
			}
		}
		if labelRight(m.norm(o.Label), m.norm(goldWords)) && o.Flag == "" {
			res.Label++
		} else {
			note("label %q, gold %q", o.Label, goldWords)
		}
		if o.Indicator != "" {
			res.Tied++
			if !m.tieRight(o.Indicator, g, seed) {
				res.WrongTies++
				note("tied to %s, gold %q", o.Indicator, goldWords)
			}
		}
	}
	for i, o := range obs {
		if !used[i] {
			if o.Indicator != "" {
				res.TiedUnfound++
			}
			res.Misses = append(res.Misses, fmt.Sprintf("not in gold: %s %s%s [%s] label %q", o.ID, o.Value, o.Unit, o.Indicator, o.Label))
		}
	}
	if cg != nil {
		var all []string
		for _, p := range rec.Paragraphs {
			all = append(all, paras[p.ID])
		}
		for _, c := range cg.Clutter {
			res.Clutter++
			if nc := m.norm(c); nc != "" && containsAny(all, nc) {
				res.ClutterLeft++
				res.Misses = append(res.Misses, fmt.Sprintf("clutter left: %q", c))
			}
		}
		for _, k := range cg.Keep {
			res.Keep++
			if !containsAny(all, m.norm(k)) {
				res.KeepLost++
				res.Misses = append(res.Misses, fmt.Sprintf("sentence lost or split: %q", k))
			}
		}
	}
	return res
}

func containsAny(texts []string, s string) bool {
	for _, t := range texts {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

func (m measurer) placeRight(o published, g goldFigure) bool {
	op, gp := m.norm(o.Place), m.norm(g.Place)
	if strings.ContainsAny(gp, "、及") {
		return g.defaultPlace != "" && m.samePlaceName(op, m.norm(g.defaultPlace))
	}
	return m.samePlaceName(op, gp)
}

// samePlaceName: equal, a short name for the full one (广西 for
// 广西壮族自治区, 香港 for 香港特别行政区), or an anonymised place qualified
// by its masked parent (XX市城乡一体化示范区 for 城乡一体化示范区).
func (m measurer) samePlaceName(published, gold string) bool {
	if gold == "" || published == "" {
		return gold == published
	}
	if published == gold {
		return true
	}
	if len([]rune(gold)) >= 2 && strings.HasPrefix(published, gold) {
		return true
	}
	return strings.HasPrefix(published, "XX") && strings.HasSuffix(published, gold)
}

func yearRight(o published, g goldFigure) bool {
	if g.Year == nil {
		return o.year() == "" || (g.coversYear != 0 && o.year() == strconv.Itoa(g.coversYear))
	}
	return o.year() == strconv.Itoa(*g.Year)
}

func yearString(y *int) string {
	if y == nil {
		return "null"
	}
	return strconv.Itoa(*y)
}

func kindRight(o published, g goldFigure, seed bool) bool {
	if seed {
		return o.Kind == g.Kind
	}
	return (o.Kind == "target") == (g.Kind == "target")
}

func (m measurer) tieRight(id string, g goldFigure, seed bool) bool {
	if seed {
		return id == g.Indicator
	}
	for _, ok := range m.ties[m.norm(g.Indicator)] {
		if ok == id {
			return true
		}
	}
	return false
}

// Words a noun phrase naming what is counted does not hold: aspect and
// tense (了 已 将 正在 还要), and, at its end, the verbs and prepositions
// that lead to a number (为 达 到 在 有 是 至 约 近 超 共 和 与 及 的).
var (
	labelTense = []string{"了", "已", "将", "正在", "还要"}
	labelTail  = "为达到在有是至约近超共和与及的"
)

// labelRight says whether a published label (normalised) is a short noun
// phrase in the gold label's words (see the definitions above).
func labelRight(label, gold string) bool {
	rs := []rune(label)
	if len(rs) < 2 || len(rs) > 16 {
		return false
	}
	if labelYear.MatchString(label) {
		return false
	}
	open := 0
	for _, r := range rs {
		switch {
		case strings.ContainsRune(",。;:!?，；：！？", r):
			return false
		case r == '(' || r == '（':
			open++
		case r == ')' || r == '）':
			open--
		}
	}
	if open != 0 {
		return false
	}
	for _, w := range labelTense {
		if strings.Contains(label, w) {
			return false
		}
	}
	if strings.ContainsRune(labelTail, rs[len(rs)-1]) {
		return false
	}
	pairs, shared := 0, 0
	for i := 0; i+1 < len(rs); i++ {
		if !unicode.Is(unicode.Han, rs[i]) || !unicode.Is(unicode.Han, rs[i+1]) {
			continue
		}
		pairs++
		if strings.Contains(gold, string(rs[i:i+2])) {
			shared++
		}
	}
	if pairs == 0 {
		// 县（市、区）: no two characters together; judge by characters
		chars := 0
		for _, r := range rs {
			if unicode.Is(unicode.Han, r) {
				chars++
				if strings.ContainsRune(gold, r) {
					shared++
				}
			}
		}
		return shared > 0 && 2*shared >= chars
	}
	return shared > 0 && 2*shared >= pairs
}

// labelYear is a year in a label: four digits, or digits before 年.
var labelYear = regexp.MustCompile(`\d{4}|\d年`)

// totals sums the per-report results.
func totals(docs []docResult) docResult {
	t := docResult{ID: "overall"}
	for _, d := range docs {
		t.Gold += d.Gold
		t.Published += d.Published
		t.Found += d.Found
		t.Place += d.Place
		t.Year += d.Year
		t.Kind += d.Kind
		t.Label += d.Label
		t.Tied += d.Tied
		t.WrongTies += d.WrongTies
		t.TiedUnfound += d.TiedUnfound
		t.Clutter += d.Clutter
		t.ClutterLeft += d.ClutterLeft
		t.Keep += d.Keep
		t.KeepLost += d.KeepLost
	}
	return t
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (d docResult) rates() map[string]float64 {
	return map[string]float64{
		"recall":         ratio(d.Found, d.Gold),
		"precision":      ratio(d.Found, d.Published),
		"place":          ratio(d.Place, d.Found),
		"year":           ratio(d.Year, d.Found),
		"kind":           ratio(d.Kind, d.Found),
		"label":          ratio(d.Label, d.Found),
		"wrong_tie_rate": 1 - ratio(d.Tied-d.WrongTies, d.Tied),
	}
}

func (r *corpusResult) print(w io.Writer, verbose bool) {
	for _, part := range []struct {
		name string
		docs []docResult
	}{{"seeds", r.Seeds}, {"corpus", r.Corpus}} {
		fmt.Fprintf(w, "\n%s\n%-58s %5s %5s %5s %6s %6s %5s %5s %5s %5s %9s %9s %7s %6s\n", part.name,
			"report", "gold", "publ", "found", "recall", "precis", "place", "year", "kind", "label", "wrong tie", "tied -gd", "clutter", "lost")
		for _, d := range append(part.docs, totals(part.docs)) {
			rt := d.rates()
			fmt.Fprintf(w, "%-58s %5d %5d %5d %6.2f %6.2f %5.2f %5.2f %5.2f %5.2f %4d/%-4d %9d %3d/%-3d %2d/%-3d\n",
				d.ID, d.Gold, d.Published, d.Found, rt["recall"], rt["precision"], rt["place"], rt["year"], rt["kind"], rt["label"],
				d.WrongTies, d.Tied, d.TiedUnfound, d.ClutterLeft, d.Clutter, d.KeepLost, d.Keep)
			if verbose {
				for _, m := range d.Misses {
					fmt.Fprintf(w, "    %s\n", m)
				}
			}
		}
	}
	fmt.Fprintln(w, "\nplace, year, kind, label: of found figures; wrong tie: of found figures with a tie;",
		"tied -gd: tied figures not in the gold; clutter: left/in gold; lost: keep sentences lost/in gold")
}

// floors are the least the harness accepts, overall, per part.
type floors struct {
	Corpus, Seeds floorSet
}

type floorSet struct {
	Recall       float64 `yaml:"recall"`
	Precision    float64 `yaml:"precision"`
	Place        float64 `yaml:"place"`
	Year         float64 `yaml:"year"`
	Kind         float64 `yaml:"kind"`
	Label        float64 `yaml:"label"`
	WrongTieRate float64 `yaml:"wrong_tie_rate"` // a ceiling
	ClutterLeft  *int    `yaml:"clutter_left"`   // a ceiling
	KeepLost     *int    `yaml:"keep_lost"`      // a ceiling
}

func loadFloors(path string) (floors, error) {
	var f floors
	b, err := os.ReadFile(path)
	if err != nil {
		return f, err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return f, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

func (r *corpusResult) belowFloors(f floors) []string {
	var out []string
	check := func(part string, d docResult, fs floorSet) {
		rt := d.rates()
		for name, floor := range map[string]float64{"recall": fs.Recall, "precision": fs.Precision, "place": fs.Place, "year": fs.Year, "kind": fs.Kind, "label": fs.Label} {
			if rt[name] < floor {
				out = append(out, fmt.Sprintf("%s %s %.3f < %.3f", part, name, rt[name], floor))
			}
		}
		if rt["wrong_tie_rate"] > fs.WrongTieRate {
			out = append(out, fmt.Sprintf("%s wrong ties %.3f > %.3f", part, rt["wrong_tie_rate"], fs.WrongTieRate))
		}
		if fs.ClutterLeft != nil && d.ClutterLeft > *fs.ClutterLeft {
			out = append(out, fmt.Sprintf("%s clutter strings left %d > %d", part, d.ClutterLeft, *fs.ClutterLeft))
		}
		if fs.KeepLost != nil && d.KeepLost > *fs.KeepLost {
			out = append(out, fmt.Sprintf("%s sentences lost %d > %d", part, d.KeepLost, *fs.KeepLost))
		}
	}
	check("corpus", totals(r.Corpus), f.Corpus)
	check("seeds", totals(r.Seeds), f.Seeds)
	return out
}
