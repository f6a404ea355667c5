package place

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/clean"
)

// cityHeading is the outline of 001: "一、济南市" … "十六、菏泽市".
var cityHeading = regexp.MustCompile(`^[一二三四五六七八九十]+、\S{2,4}市$`)

// locateSource runs Locate over one real report with whatever cleaner is
// in the tree. Headings the cleaner does not (yet) mark are marked here,
// so the test checks this stage and not the cleaner's progress.
func locateSource(t *testing.T, id string) (Located, clean.Document) {
	t.Helper()
	dir := filepath.Join("..", "..", "data", "sources", id)
	b, err := os.ReadFile(filepath.Join(dir, "meta.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Title      string   `yaml:"title"`
		Published  string   `yaml:"published"`
		CoversYear int      `yaml:"covers_year"`
		Places     []string `yaml:"places"`
	}
	if err := yaml.Unmarshal(b, &meta); err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "original.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := clean.Clean(strings.ReplaceAll(string(text), "\r\n", "\n"), clean.Options{SourceID: id})
	for i := range d.Paragraphs {
		p := &d.Paragraphs[i]
		if !p.Heading && cityHeading.MatchString(p.Text) {
			p.Heading, p.Level = true, 1
		}
	}
	info := ReportInfo{Places: meta.Places, CoversYear: meta.CoversYear, Published: meta.Published, Title: meta.Title}
	return Locate(d, info, loadTest(t)), d
}

func TestCorpus(t *testing.T) {
	for _, tc := range []struct {
		id     string
		places []string // codes, widest first
		year   int
	}{
		{"liaocheng-2020-evaluation-news", []string{"370000", "371500"}, 2020},
		{"shandong-2020-typical-cases", []string{"370000"}, 2020},
		{"anonymised-district-2022-self-evaluation", []string{"x-xx-sheng", "x-xx-shi", "x-xx-shi-chengxiangyitihuashifanqu"}, 2022},
		{"jinan-2018-bureau-chief-speech", []string{"370000", "370100"}, 2018},
		{"pingyu-2022-bureau-chief-interview", []string{"410000", "411700", "411723"}, 2022},
	} {
		l, d := locateSource(t, tc.id)
		var got []string
		for _, r := range l.Places {
			got = append(got, r.Code)
		}
		if strings.Join(got, " ") != strings.Join(tc.places, " ") || l.Year.Year != tc.year {
			t.Errorf("%s: places %v year %+v, want %v %d", tc.id, got, l.Year, tc.places, tc.year)
		}
		if len(l.Paragraphs) != len(d.Paragraphs) {
			t.Fatalf("%s: %d paragraphs located of %d", tc.id, len(l.Paragraphs), len(d.Paragraphs))
		}
		for i, p := range l.Paragraphs {
			if p.ID != d.Paragraphs[i].ID || p.Place.Code == "" || p.Place.Path == "" {
				t.Errorf("%s: paragraph %d: %+v", tc.id, i, p)
			}
		}
		for _, w := range l.Warnings {
			t.Logf("%s: warning: %s", tc.id, w)
		}
	}
}

// TestCorpusSections checks 001's sixteen city sections and the context
// cases of the issue on the real text.
func TestCorpusSections(t *testing.T) {
	l, d := locateSource(t, "shandong-2020-typical-cases")
	cities := map[string]bool{}
	for i, p := range l.Paragraphs {
		text := d.Paragraphs[i].Text
		if d.Paragraphs[i].Heading && cityHeading.MatchString(text) {
			if p.Place.Level != LevelPrefecture || !strings.HasPrefix(p.Place.Path, "shandong/") {
				t.Errorf("%s %q: place %+v", p.ID, text, p.Place)
			}
			cities[p.Place.Code] = true
		}
		for _, m := range p.Mentions {
			switch m.Name {
			case "市中区":
				if m.Code != "370402" {
					t.Errorf("%s: 市中区 = %+v, want 370402 (枣庄)", p.ID, m)
				}
			case "商河县":
				if !strings.HasPrefix(l.Paragraphs[i].Place.Path, "shandong/jinan") {
					t.Errorf("%s: 商河县 in a paragraph placed at %s", p.ID, p.Place.Path)
				}
			}
		}
	}
	if len(cities) != 16 {
		t.Errorf("%d city sections, want 16: %v", len(cities), cities)
	}
	l, _ = locateSource(t, "liaocheng-2020-evaluation-news")
	found := false
	for _, p := range l.Paragraphs {
		for _, m := range p.Mentions {
			found = found || m.Code == "371526"
		}
	}
	if !found {
		t.Error("000: 高唐县 (371526) not found")
	}
}
