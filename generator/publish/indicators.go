package publish

import (
	"fmt"
	"path"
	"sort"

	"github.com/eduportal/portal/generator/pipeline"
)

// indicatorPage is one indicator across places and years.
type indicatorParams struct {
	ID       string     `json:"indicator"`
	Part     int        `json:"part,omitempty"`  // of an indicator cut into parts, 1-based
	Parts    []partLink `json:"parts,omitempty"` // every part, when there are several
	NameEn   string     `json:"name_en"`
	Unit     string     `json:"unit"`
	Category string     `json:"category"`
	Measure  string     `json:"measure"`
	// Definition (in the page's script) and DefinitionEn: what the
	// indicator counts and leaves out, shown as the comparability note.
	Definition   string      `json:"definition"`
	DefinitionEn string      `json:"definition_en"`
	Rows         []figureRow `json:"rows,omitempty"`
	Chart        string      `json:"chart,omitempty"` // inline SVG, made by chart.go
	ChartAlt     string      `json:"chart_alt,omitempty"`
	// ChartFile is the chart as a standalone SVG (under /data/charts/);
	// ChartFlagged says some place had several figures in a year, of
	// which the chart drew the first.
	ChartFile    string      `json:"chart_file,omitempty"`
	ChartRule    string      `json:"chart_rule,omitempty"` // which figures the chart draws, stated under it
	ChartTitle   string      `json:"chart_title,omitempty"`
	ChartFlagged bool        `json:"chart_flagged,omitempty"`
	Years        []int       `json:"years,omitempty"`
	Places       []string    `json:"places,omitempty"`
	Sources      []sourceRef `json:"sources,omitempty"`
}

type indicatorLink struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type categoryGroup struct {
	Category   string          `json:"category"`
	Indicators []indicatorLink `json:"indicators"`
}

// addIndicatorPages writes the indicators index (by category) and a page
// per indicator with its figures across places and years, and a chart.
func (f *output) addIndicatorPages(lang Lang, ui map[string]string, reports []pipeline.Report, reportByID map[string]*pipeline.Report, figRows rowsByReport, indicators []pipeline.Indicator) {
	byInd := map[string][]rowRef{}
	for ri := range reports {
		for fi := range figRows[ri] {
			if ind := figRows[ri][fi].Indicator; ind != "" {
				byInd[ind] = append(byInd[ind], rowRef{int32(ri), int32(fi)})
			}
		}
	}
	var groups []categoryGroup
	for _, i := range indicators {
		if len(groups) == 0 || groups[len(groups)-1].Category != i.Category {
			groups = append(groups, categoryGroup{Category: i.Category})
		}
		g := &groups[len(groups)-1]
		g.Indicators = append(g.Indicators, indicatorLink{ID: i.ID, Name: lang.pick(i.Name), Count: len(byInd[i.ID])})

		refs := byInd[i.ID]
		sort.SliceStable(refs, func(a, b int) bool {
			ra, rb := figRows.at(refs[a]), figRows.at(refs[b])
			if ra.Year != rb.Year {
				return ra.Year < rb.Year
			}
			return ra.Place < rb.Place
		})
		f.addIndicatorPage(lang, ui, i, figRows.gather(refs), reportByID)
	}
	f.addMarkdown(lang, "indicators/_index.md", frontMatter{
		Title:       lang.UI(ui["indicators_title"]),
		Description: lang.UI(ui["indicators_description"]),
		Layout:      "indicators",
		Params:      map[string]any{"categories": groups},
	}, nil)
}

// coverage lists the years and places of rows once each, sorted, for the
// indicator's Dataset description.
func coverage(rows []figureRow) ([]int, []string) {
	years, places := map[int]bool{}, map[string]bool{}
	for _, r := range rows {
		years[r.Year] = true
		places[r.Place] = true
	}
	ys := make([]int, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	ps := make([]string, 0, len(places))
	for p := range places {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ys, ps
}

// indicatorPartRows is how many rows one page of an indicator shows. At
// national scale an indicator gathers thousands of figures (1,300 for the
// largest at 2,000 synthetic reports, 4.8 MB of HTML on one page); past
// this, the table is cut into parts /indicators/<id>/, /indicators/<id>-2/
// …, in year and place order, and the chart and the Dataset description
// stay on the first.
const indicatorPartRows = 100

// addIndicatorPage writes one indicator's page, or its parts.
func (f *output) addIndicatorPage(lang Lang, ui map[string]string, i pipeline.Indicator, rows []figureRow, reportByID map[string]*pipeline.Report) {
	name := lang.pick(i.Name)
	parts := max(1, ceilDiv(len(rows), indicatorPartRows))
	links := partLinks(parts, func(k int) string {
		return "/indicators/" + i.ID + partSuffix(k) + "/"
	})
	cw := lang.citeWords(ui)
	for k := 1; k <= parts; k++ {
		params := indicatorParams{ID: i.ID, NameEn: lang.Convert(i.NameEn), // an English name may quote the Chinese term
			Unit: i.Unit, Category: i.Category, Parts: links,
			Measure: i.Measure, Definition: lang.pick(i.Definition), DefinitionEn: i.DefinitionEn}
		params.Rows = slicePart(rows, k, indicatorPartRows)
		params.Sources = numberSources(lang, params.Rows, reportByID)
		title := name
		if parts > 1 {
			params.Part = k
			title += fmt.Sprintf(lang.UI(ui["part_title"]), k, parts)
		}
		if k == 1 {
			params.Years, params.Places = coverage(rows)
			if c := chart(lang, ui, name, rows); c.inline != "" {
				params.Chart, params.ChartAlt, params.ChartFlagged, params.ChartTitle = c.inline, c.alt, c.flagged, c.title
				params.ChartRule = fmt.Sprintf(lang.UI(ui["chart_rule"]), chartBars, chartPanels)
				file := path.Join("charts", lang.Code, i.ID+".svg")
				params.ChartFile = "/data/" + file
				f.add(path.Join(downloadsDir, file), []byte(c.file))
			}
		}
		f.addMarkdown(lang, "indicators/"+i.ID+partSuffix(k)+".md", frontMatter{
			Title:       title,
			Description: fmt.Sprintf(lang.UI(ui["indicator_description"]), name),
			Layout:      "indicator",
			Params:      params,
			Cite:        ptr(cw.cite(cw.pageWork(title, "eduportal-"+i.ID+partSuffix(k), true), true)),
		}, nil)
	}
}
