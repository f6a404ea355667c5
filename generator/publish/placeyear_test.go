package publish

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/source"
)

type sameScript struct{}

func (sameScript) ToHans(s string) string { return s }
func (sameScript) ToHant(s string) string { return s }

// TestPlaceYearPartsHoldEverythingOnce builds a place and year with more
// figures and paragraphs than one page holds, and checks that the parts
// together list each figure and each paragraph exactly once, and that each
// part links every part.
// manyFigures is a report on Jinan in 2020 with n figures (tied to
// indicator, when given) and m paragraphs.
func manyFigures(n, m int, indicator string) pipeline.Report {
	jinan := &pipeline.Place{Code: "370100", Name: "济南市", NameHant: "濟南市", Level: "prefecture", Path: "shandong/jinan",
		Parents: []pipeline.Place{{Code: "370000", Name: "山东省", Level: "province", Path: "shandong"}}}
	r := pipeline.Report{
		Source: source.Report{ID: "r1", OriginalPath: "data/sources/r1/original.txt", Meta: source.Meta{Kind: "news", Published: "2020-05-01"}},
		Title:  pipeline.Twin{Hans: "报告", Hant: "報告"},
	}
	for i := 1; i <= m; i++ {
		id := fmt.Sprintf("p%d", i)
		r.Paragraphs = append(r.Paragraphs, pipeline.Paragraph{Paragraph: clean.Paragraph{ID: id, Text: "段落" + id}, Hans: "段落" + id, Hant: "段落" + id, Place: jinan, Year: 2020})
	}
	for i := 1; i <= n; i++ {
		r.Figures = append(r.Figures, pipeline.Observation{
			ID: fmt.Sprintf("r1-p1-%d", i), Source: "r1", Paragraph: "p1", Label: "学校", Value: fmt.Sprint(i), Unit: "所",
			Number: float64(i), CanonicalUnit: "所", PlaceCode: jinan.Code, PlaceName: jinan.Name, Place: jinan, Year: 2020, Kind: "actual",
			Quote: "句子", Start: 0, End: 1,
		})
	}
	for i := range r.Figures {
		r.Figures[i].Indicator = indicator
	}
	return r
}

func TestPlaceYearPartsHoldEverythingOnce(t *testing.T) {
	const nFigures, nParagraphs = 2*partRows + 5, 2*partExcerpts + 1 // three parts either way
	r := manyFigures(nFigures, nParagraphs, "")
	files, err := Build([]pipeline.Report{r}, Site{UI: map[string]string{"place_year_title": "%s %d年", "part_title": "（第%d页，共%d页）"}}, sameScript{})
	if err != nil {
		t.Fatal(err)
	}
	figures, paragraphs := map[string]int{}, map[string]int{}
	for _, dir := range []string{"2020", "2020-2", "2020-3"} {
		raw, ok := files["content/zh-hans/places/shandong/jinan/"+dir+"/index.md"]
		if !ok {
			t.Fatalf("no part %s", dir)
		}
		var fm struct {
			Title  string
			Params struct {
				Part     int
				Parts    []partLink
				Figures  []figureRow
				Excerpts []excerptGroup
			}
		}
		if err := json.NewDecoder(strings.NewReader(string(raw))).Decode(&fm); err != nil {
			t.Fatal(err)
		}
		if len(fm.Params.Parts) != 3 || fm.Params.Parts[2].Path != "/places/shandong/jinan/2020-3/" {
			t.Errorf("%s: parts %+v", dir, fm.Params.Parts)
		}
		if !strings.Contains(fm.Title, fmt.Sprintf("第%d页", fm.Params.Part)) {
			t.Errorf("%s: title %q does not say part %d", dir, fm.Title, fm.Params.Part)
		}
		if len(fm.Params.Figures) > partRows {
			t.Errorf("%s: %d figures, over %d", dir, len(fm.Params.Figures), partRows)
		}
		for _, f := range fm.Params.Figures {
			figures[f.Anchor]++
		}
		for _, g := range fm.Params.Excerpts {
			for _, p := range g.Paragraphs {
				paragraphs[p.Paragraph]++
			}
		}
	}
	if _, ok := files["content/zh-hans/places/shandong/jinan/2020-4/index.md"]; ok {
		t.Error("a fourth part")
	}
	if len(figures) != nFigures || len(paragraphs) != nParagraphs {
		t.Errorf("parts hold %d of %d figures and %d of %d paragraphs", len(figures), nFigures, len(paragraphs), nParagraphs)
	}
	for k, n := range figures {
		if n != 1 {
			t.Errorf("figure %s listed %d times", k, n)
		}
	}
	for k, n := range paragraphs {
		if n != 1 {
			t.Errorf("paragraph %s listed %d times", k, n)
		}
	}
}

// TestIndicatorParts checks that an indicator with more figures than one
// page shows is cut into parts that together list each figure once, with
// the chart on the first part only.
func TestIndicatorParts(t *testing.T) {
	n := indicatorPartRows + 7
	r := manyFigures(n, 1, "schools")
	ind := pipeline.Indicator{ID: "schools", Name: pipeline.Twin{Hans: "学校数", Hant: "學校數"}, Unit: "count", Category: "compulsory"}
	files, err := Build([]pipeline.Report{r}, Site{UI: map[string]string{"part_title": "（第%d页，共%d页）"}, Indicators: []pipeline.Indicator{ind}}, sameScript{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for k, name := range []string{"schools.md", "schools-2.md"} {
		raw, ok := files["content/zh-hant/indicators/"+name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		var fm struct {
			Params indicatorParams
		}
		if err := json.NewDecoder(strings.NewReader(string(raw))).Decode(&fm); err != nil {
			t.Fatal(err)
		}
		p := fm.Params
		if p.Part != k+1 || len(p.Parts) != 2 || p.Parts[1].Path != "/indicators/schools-2/" {
			t.Errorf("%s: part %d of %+v", name, p.Part, p.Parts)
		}
		if (k == 0) != (len(p.Years) > 0) {
			t.Errorf("%s: coverage %v: want it on the first part only", name, p.Years)
		}
		for _, g := range p.Groups {
			for _, row := range g.Rows {
				seen[row.Anchor]++
			}
		}
	}
	if _, ok := files["content/zh-hant/indicators/schools-3.md"]; ok {
		t.Error("a third part")
	}
	if len(seen) != n {
		t.Errorf("parts list %d of %d figures", len(seen), n)
	}
	for a, c := range seen {
		if c != 1 {
			t.Errorf("%s listed %d times", a, c)
		}
	}
}

// TestIndicatorScopes checks that an indicator's figures of different
// levels of schooling, and a total over several years, are set apart on
// its page: a group each, every figure in one, each group with a chart of
// its own figures only, and the level the report does not state last.
func TestIndicatorScopes(t *testing.T) {
	r := manyFigures(6, 1, "places")
	scopes := [][2]string{{"", ""}, {"preschool", ""}, {"high", ""}, {"preschool", "years"}, {"preschool", ""}, {"", ""}}
	qingdao := &pipeline.Place{Code: "370200", Name: "青岛市", NameHant: "青島市", Level: "prefecture", Path: "shandong/qingdao"}
	for i, s := range scopes {
		f := &r.Figures[i]
		f.Level, f.Span = s[0], s[1]
		f.Number, f.Value = float64((i+1)*111), fmt.Sprint((i+1)*111)
		if i >= 4 { // a second place, so that the first place's groups have two bars to compare
			f.Place, f.PlaceCode, f.PlaceName = qingdao, qingdao.Code, qingdao.Name
		}
	}
	ind := pipeline.Indicator{ID: "places", Name: pipeline.Twin{Hans: "新增学位", Hant: "新增學位"}, Unit: "places", Category: "compulsory", Measure: "flow"}
	ui := map[string]string{"school_level_preschool": "学前教育", "school_level_high": "普通高中", "school_level_none": "学段未说明", "span_years": "多年合计",
		"chart_bars": "%s：%s年各地比较", "chart_panel": "%d年（%d地）", "chart_rule": "%d %d"}
	files, err := Build([]pipeline.Report{r}, Site{UI: ui, Indicators: []pipeline.Indicator{ind}}, sameScript{})
	if err != nil {
		t.Fatal(err)
	}
	var fm struct{ Params indicatorParams }
	if err := json.NewDecoder(strings.NewReader(string(files["content/zh-hans/indicators/places.md"]))).Decode(&fm); err != nil {
		t.Fatal(err)
	}
	var got []string
	charts := map[string]bool{}
	for _, g := range fm.Params.Groups {
		var values []string
		for _, row := range g.Rows {
			if row.Level != g.Level || row.Span != g.Span {
				t.Errorf("group %s/%s holds a %s/%s figure", g.Level, g.Span, row.Level, row.Span)
			}
			values = append(values, row.Value)
		}
		got = append(got, g.Level+"/"+g.Span+":"+strings.Join(values, ","))
		// A chart needs two places in a year: the two groups that have them
		// are drawn, each from its own figures only.
		if two := len(g.Rows) == 2; two != (g.ChartFile != "") {
			t.Errorf("group %s/%s: %d figures, chart %q", g.Level, g.Span, len(g.Rows), g.ChartFile)
		}
		if g.ChartFile != "" {
			if charts[g.ChartFile] || !strings.Contains(g.ChartTitle, "（") {
				t.Errorf("chart %q (%s) shared or not naming its scope", g.ChartFile, g.ChartTitle)
			}
			charts[g.ChartFile] = true
			for _, v := range []string{"111", "222", "333", "444", "555", "666"} {
				if strings.Contains(g.ChartAlt, v) != strings.Contains(strings.Join(values, ","), v) {
					t.Errorf("chart of %s/%s: %q and its figures %v differ about %s", g.Level, g.Span, g.ChartAlt, values, v)
				}
			}
		}
	}
	want := []string{"preschool/:222,555", "preschool/years:444", "high/:333", "/:111,666"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("groups %v, want %v", got, want)
	}
}

// A chart compares people counted in 名 with people counted in 人, and
// nothing else across units.
func TestChartUnitClass(t *testing.T) {
	for _, c := range []struct {
		units []string
		want  string
	}{
		{[]string{"名", "人", "人"}, "人"},
		{[]string{"名", "名", "所"}, "人"},
		{[]string{"所", "所", "个"}, "所"},
	} {
		var rows []figureRow
		for _, u := range c.units {
			rows = append(rows, figureRow{Canonical: u})
		}
		if got := commonUnit(rows); got != c.want {
			t.Errorf("commonUnit(%v) = %s, want %s", c.units, got, c.want)
		}
	}
}
