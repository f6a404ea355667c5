package pipeline

import (
	"cmp"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/source"
)

// TestHeadlineFigures runs synthetic copies of several shapes through the
// stages: the line the cleaner moves into the title is read for figures as
// paragraph p0, with ids <source>-p0-<n>, its place and year decided as for
// the first paragraph, and the body's ids start at p1 as before.
func TestHeadlineFigures(t *testing.T) {
	env, err := LoadEnv(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		headline   string   // the headline in Simplified; "" when the copy has none
		figures    []string // the headline's figures, value+unit+" "+kind, in order
		year       int      // the headline's year
		place      string   // of the headline's figures: the report's 济南市 when ""
		body       int      // paragraphs of the body
	}{
		{
			name:     "news headline with a count",
			text:     "某市将新建扩建59所学校\n记者从市教育局获悉，全市今年将新增学位2万个。\n",
			headline: "某市将新建扩建59所学校", figures: []string{"59所 target"}, year: 2021, body: 1,
		},
		{
			name:     "Traditional headline with two counts",
			text:     "北市非營利幼兒園增3間 280名額\n市教育局表示，今年新設幼兒園共有學生500人。\n",
			headline: "北市非营利幼儿园增3间 280名额", figures: []string{"3間 actual", "280名額 actual"}, year: 2021, body: 1,
		},
		{
			name:     "headline with only a year",
			text:     "2020年全市教育工作总结\n全市共有幼儿园120所，在园幼儿3万人。\n",
			headline: "2020年全市教育工作总结", year: 2020, body: 1,
		},
		{
			name:     "title printed twice, in the other script",
			text:     "济南市新建学校12所\n濟南市新建學校12所\n本市今年共有中小学300所。\n",
			headline: "济南市新建学校12所", figures: []string{"12所 actual"}, year: 2021, body: 1,
		},
		{
			name:     "headline naming a district of the report's city",
			text:     "历下区新建幼儿园5所\n全区今年新增学位1200个。\n",
			headline: "历下区新建幼儿园5所", figures: []string{"5所 actual"}, year: 2021, place: "历下区", body: 1,
		},
		{
			name: "copy that opens with its body",
			text: "全市共有幼儿园120所，在园幼儿3万人。\n全市共有小学80所。\n",
			year: 2021, body: 2,
		},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := "headline-" + string(rune('a'+i))
			r, err := env.Process(source.Report{ID: id, Text: tc.text, Meta: source.Meta{
				ID: id, Title: "编辑写的标题", Places: []string{"山东省", "济南市"}, CoversYear: 2021, Published: "2021-06-01",
			}})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Paragraphs) != tc.body {
				t.Errorf("%d body paragraphs, want %d", len(r.Paragraphs), tc.body)
			}
			for j, p := range r.Paragraphs {
				if want := "p" + string(rune('1'+j)); p.ID != want {
					t.Errorf("body paragraph %d has id %s, want %s", j, p.ID, want)
				}
			}
			if tc.headline == "" {
				if r.Headline != nil {
					t.Fatalf("headline %q, want none", r.Headline.Text)
				}
				for _, o := range r.Figures {
					if o.Paragraph == "p0" {
						t.Errorf("figure %s read from a headline the copy does not have", o.ID)
					}
				}
				return
			}
			if r.Headline == nil {
				t.Fatal("no headline")
			}
			if r.Headline.ID != "p0" || r.Headline.Hans != tc.headline {
				t.Errorf("headline %s %q, want p0 %q", r.Headline.ID, r.Headline.Hans, tc.headline)
			}
			if r.Headline.Year != tc.year {
				t.Errorf("headline year %d, want %d", r.Headline.Year, tc.year)
			}
			if r.Headline.Place == nil || r.Headline.Place.Name != "济南市" {
				t.Errorf("headline place %+v, want the report's 济南市", r.Headline.Place)
			}
			var got []string
			for _, o := range r.Figures {
				if o.Paragraph != "p0" {
					continue
				}
				got = append(got, o.Value+o.Unit+" "+o.Kind)
				if !strings.HasPrefix(o.ID, id+"-p0-") {
					t.Errorf("figure id %s, want %s-p0-<n>", o.ID, id)
				}
				if o.Quote == "" || !strings.Contains(r.Headline.Text, o.Quote) {
					t.Errorf("figure %s quotes %q, not the headline", o.ID, o.Quote)
				}
				if want := cmp.Or(tc.place, "济南市"); o.PlaceName != want {
					t.Errorf("figure %s place %q, want %q", o.ID, o.PlaceName, want)
				}
				if o.Year != tc.year {
					t.Errorf("figure %s year %d, want %d", o.ID, o.Year, tc.year)
				}
			}
			if strings.Join(got, ", ") != strings.Join(tc.figures, ", ") {
				t.Errorf("headline figures %v, want %v", got, tc.figures)
			}
		})
	}
}
