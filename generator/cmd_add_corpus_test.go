package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/intake"
	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/source"
)

// goldMeta is what an editor knows about one document: the corpus's
// .meta.json or a seed's meta.yaml.
type goldMeta struct {
	name      string
	title     string
	noTitle   bool // the copy has no headline: the editor wrote one
	published string
	years     []int // one year, or [first, last]; nil when unknown
	place     string
}

// corpusGold reads ../shared/corpus/docs/*.meta.json and, for the five
// seeds, the meta.yaml each has in data/sources (matched by received_as).
func corpusGold(t *testing.T, root string) (files []string, gold []goldMeta) {
	t.Helper()
	shared := filepath.Join(root, "..", "shared")
	metas, _ := filepath.Glob(filepath.Join(shared, "corpus", "docs", "*.meta.json"))
	if len(metas) == 0 {
		t.Skip("../shared/corpus is absent")
	}
	for _, m := range metas {
		raw, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		var j struct {
			Title  string   `json:"title"`
			Date   *string  `json:"date"`
			Year   any      `json:"year_covered"`
			Places []string `json:"places"`
		}
		if err := json.Unmarshal(raw, &j); err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		g := goldMeta{name: filepath.Base(m), title: j.Title}
		g.noTitle = strings.Contains(j.Title, "title inferred") || strings.Contains(j.Title, "no headline")
		if j.Date != nil {
			g.published = *j.Date
		}
		switch y := j.Year.(type) {
		case float64:
			g.years = []int{int(y)}
		case []any:
			for _, v := range y {
				g.years = append(g.years, int(v.(float64)))
			}
		}
		if len(j.Places) > 0 {
			g.place = j.Places[0]
		}
		files = append(files, strings.TrimSuffix(m, ".meta.json")+".txt")
		gold = append(gold, g)
	}
	seeds, _ := filepath.Glob(filepath.Join(root, "data", "sources", "*", "meta.yaml"))
	for _, m := range seeds {
		raw, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		var y struct {
			Title      string   `yaml:"title"`
			Published  string   `yaml:"published"`
			CoversYear int      `yaml:"covers_year"`
			Places     []string `yaml:"places"`
			ReceivedAs string   `yaml:"received_as"`
			Notes      string   `yaml:"notes"`
		}
		if err := yaml.Unmarshal(raw, &y); err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		f := filepath.Join(shared, "sources", y.ReceivedAs)
		if _, err := os.Stat(f); err != nil {
			continue
		}
		g := goldMeta{name: y.ReceivedAs, title: y.Title, published: y.Published, noTitle: strings.Contains(y.Notes, "没有标题")}
		if y.CoversYear > 0 {
			g.years = []int{y.CoversYear}
		}
		if len(y.Places) > 0 {
			g.place = y.Places[0]
		}
		files = append(files, f)
		gold = append(gold, g)
	}
	return files, gold
}

// TestDraftAccuracyOnCorpus runs add's inference on every corpus document
// and seed, given only the file, and compares the draft's title,
// published date, covers_year and first place with what the editors
// wrote. It prints the per-field accuracy; the floors sit a little under
// what the rules reach, so that a change that loses ground fails.
//
// Judging: a title is right when its characters (script, spaces,
// punctuation aside) are the editor's title or the page headline the
// editor names; when the copy has no headline (the editor wrote one), the
// right answer is "could not tell". A date is right when it agrees with
// the editor's to the editor's precision; a missing date is right only when
// the editor has none. covers_year is right when inside the editor's year
// or span, or absent when the editor has none. The first place is right
// when the draft's places contain it (the draft gives whole chains, widest
// first, so a place's parents come before it).
func TestDraftAccuracyOnCorpus(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	files, gold := corpusGold(t, root)
	env, err := pipeline.LoadEnv(root)
	if err != nil {
		t.Fatal(err)
	}
	right := map[string]int{}
	fields := []string{"title", "published", "covers_year", "place"}
	for i, f := range files {
		g := gold[i]
		src, err := source.ReadOriginal(f)
		if err != nil {
			t.Errorf("%s: add would fail: %v", g.name, err)
			continue
		}
		d := draftFor(env, src, "corpus-doc", filepath.Base(f))
		ok := map[string]bool{
			"title":       titleRight(env, d.Title, g),
			"published":   publishedRight(d.Published, g.published),
			"covers_year": draftYearRight(d.CoversYear, g.years),
			"place":       placeRight(env, d.Places, g.place),
		}
		var wrong []string
		for _, k := range fields {
			if ok[k] {
				right[k]++
			} else {
				wrong = append(wrong, k)
			}
		}
		if len(wrong) > 0 {
			t.Logf("%-50s wrong: %s\n\tdraft: title=%q published=%q covers_year=%d places=%v (%s)\n\tgold:  title=%q published=%q years=%v place=%q",
				g.name, strings.Join(wrong, ","), d.Title.Value, d.Published.Value, d.CoversYear.Value, d.Places.Value, d.Places.Unknown+d.Places.Evidence,
				g.title, g.published, g.years, g.place)
		}
	}
	floors := map[string]float64{"title": 0.84, "published": 0.64, "covers_year": 0.80, "place": 0.80}
	for _, k := range fields {
		acc := float64(right[k]) / float64(len(files))
		t.Logf("%-12s %d/%d right (%.0f%%)", k, right[k], len(files), acc*100)
		if acc < floors[k] {
			t.Errorf("%s: %.0f%% right, under the %.0f%% floor", k, acc*100, floors[k]*100)
		}
	}
}

func titleKeyOf(env *pipeline.Env, s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, env.Converter.ToHans(s))
}

func titleRight(env *pipeline.Env, f intake.Field[string], g goldMeta) bool {
	if f.Unknown != "" {
		return g.noTitle
	}
	want := []string{g.title}
	if i := strings.Index(g.title, " ("); i > 0 {
		want = []string{g.title[:i]}
		note := g.title[i:]
		if j := strings.Index(note, "page headline: "); j >= 0 {
			want = append(want, strings.TrimSuffix(note[j+len("page headline: "):], ")"))
		}
	}
	got := titleKeyOf(env, f.Value)
	for _, w := range want {
		if got == titleKeyOf(env, w) {
			return true
		}
	}
	return false
}

func publishedRight(f intake.Field[string], want string) bool {
	if want == "" {
		return f.Unknown != ""
	}
	return f.Unknown == "" && strings.HasPrefix(f.Value, want)
}

func draftYearRight(f intake.Field[int], want []int) bool {
	switch {
	case len(want) == 0:
		return f.Unknown != ""
	case f.Unknown != "":
		return false
	}
	return f.Value >= want[0] && f.Value <= want[len(want)-1]
}

func placeRight(env *pipeline.Env, f intake.Field[[]string], want string) bool {
	if want == "" {
		return f.Unknown != ""
	}
	codes := map[string]bool{}
	for _, c := range env.Gazetteer.Lookup(want) {
		codes[c] = true
	}
	for _, p := range f.Value {
		if p == want {
			return true
		}
		for _, c := range env.Gazetteer.Lookup(p) {
			if codes[c] {
				return true
			}
		}
	}
	return false
}
