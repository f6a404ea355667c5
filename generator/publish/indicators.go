package publish

import (
	"fmt"
	"path"
	"slices"
	"sort"

	"github.com/eduportal/portal/generator/extract"
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
	Definition   string `json:"definition"`
	DefinitionEn string `json:"definition_en"`
	Level        string `json:"level,omitempty"` // the one level of schooling it exists at, if any
	// Groups are the page's figures by scope (level of schooling, one year
	// or several): only figures of one group are comparable, so each has
	// its own table and chart.
	Groups    []scopeGroup `json:"groups,omitempty"`
	ChartRule string       `json:"chart_rule,omitempty"` // which figures a chart draws, stated under it
	Years     []int        `json:"years,omitempty"`
	Places    []string     `json:"places,omitempty"`
	Sources   []sourceRef  `json:"sources,omitempty"`
}

// scopeGroup is an indicator's figures of one scope, on one part of its page.
type scopeGroup struct {
	ID    string      `json:"id"` // for the heading's and the chart's ids: "g1", "g2" …
	Level string      `json:"level,omitempty"`
	Span  string      `json:"span,omitempty"`
	Rows  []figureRow `json:"rows"`
	// Chart is the group's inline SVG (chart.go), drawn from all of the
	// group's figures on the part where the group begins; ChartFile is the
	// same as a standalone SVG (under /data/charts/); ChartFlagged says
	// some place had several figures in a year, of which the chart drew
	// the first.
	Chart        string `json:"chart,omitempty"`
	ChartAlt     string `json:"chart_alt,omitempty"`
	ChartFile    string `json:"chart_file,omitempty"`
	ChartTitle   string `json:"chart_title,omitempty"`
	ChartFlagged bool   `json:"chart_flagged,omitempty"`
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
	rows, bounds := byScope(rows)
	parts := max(1, ceilDiv(len(rows), indicatorPartRows))
	links := partLinks(parts, func(k int) string {
		return "/indicators/" + i.ID + partSuffix(k) + "/"
	})
	cw := lang.citeWords(ui)
	rule := fmt.Sprintf(lang.UI(ui["chart_rule"]), chartBars, chartPanels)
	for k := 1; k <= parts; k++ {
		params := indicatorParams{ID: i.ID, NameEn: lang.Convert(i.NameEn), // an English name may quote the Chinese term
			Unit: i.Unit, Category: i.Category, Parts: links, Level: i.Level,
			Measure: i.Measure, Definition: lang.pick(i.Definition), DefinitionEn: i.DefinitionEn,
			ChartRule: rule}
		from := (k - 1) * indicatorPartRows
		part := slicePart(rows, k, indicatorPartRows)
		params.Sources = numberSources(lang, part, reportByID)
		for g, b := range bounds {
			lo, hi := max(b[0], from), min(b[1], from+len(part))
			if lo >= hi {
				continue
			}
			grp := scopeGroup{ID: fmt.Sprintf("g%d", g+1), Level: rows[b[0]].Level, Span: rows[b[0]].Span, Rows: part[lo-from : hi-from]}
			if lo == b[0] { // the group begins on this part: its chart is drawn here, from all its rows
				title := name
				if len(bounds) > 1 {
					title += "（" + scopeWords(lang, ui, i.Level, grp.Level, grp.Span) + "）"
				}
				if c := chart(lang, ui, title, rows[b[0]:b[1]]); c.inline != "" {
					grp.Chart, grp.ChartAlt, grp.ChartFlagged, grp.ChartTitle = c.inline, c.alt, c.flagged, c.title
					file := path.Join("charts", lang.Code, i.ID+chartSuffix(g)+".svg")
					grp.ChartFile = "/data/" + file
					f.add(path.Join(downloadsDir, file), []byte(c.file))
				}
			}
			params.Groups = append(params.Groups, grp)
		}
		title := name
		if parts > 1 {
			params.Part = k
			title += fmt.Sprintf(lang.UI(ui["part_title"]), k, parts)
		}
		if k == 1 {
			params.Years, params.Places = coverage(rows)
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

// chartSuffix names the chart file of an indicator's group g: the first
// group's is the indicator's own (<id>.svg), the others' <id>.g2.svg …
func chartSuffix(g int) string {
	if g == 0 {
		return ""
	}
	return fmt.Sprintf(".g%d", g+1)
}

// byScope orders an indicator's rows by scope — the levels of schooling
// in extract.Levels' order, the level a report does not state last, one
// period before several years — keeping the rows' order within a scope,
// and returns the bounds [start, end) of each scope's run.
func byScope(rows []figureRow) ([]figureRow, [][2]int) {
	rank := func(r *figureRow) int {
		n := len(extract.Levels)
		if k := slices.Index(extract.Levels, r.Level); k >= 0 {
			n = k
		}
		if r.Span != "" {
			return 2*n + 1
		}
		return 2 * n
	}
	sort.SliceStable(rows, func(a, b int) bool { return rank(&rows[a]) < rank(&rows[b]) })
	var bounds [][2]int
	for k := range rows {
		if k == 0 || rank(&rows[k]) != rank(&rows[k-1]) {
			bounds = append(bounds, [2]int{k, k})
		}
		bounds[len(bounds)-1][1] = k + 1
	}
	return rows, bounds
}

// scopeWords names a scope in the page's script: its level (the
// indicator's own when the figure's is the same, 学段未说明 when the report
// does not say) and, for a total over several years, 多年合计.
func scopeWords(lang Lang, ui map[string]string, indLevel, level, span string) string {
	if level == "" {
		level = indLevel
	}
	if level == "" {
		level = "none"
	}
	w := lang.UI(ui["school_level_"+level])
	if span != "" {
		w += "，" + lang.UI(ui["span_"+span])
	}
	return w
}
