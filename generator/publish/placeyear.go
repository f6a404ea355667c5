package publish

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/eduportal/portal/generator/pipeline"
)

// A place and year can gather many reports at national scale (a city's
// bureau news, its self-evaluation and its chief's speeches of one year),
// and one page listing them all would outgrow the page budget that keeps
// the site quick on a phone. Its figures and excerpts are then cut into
// parts of at most partRows rows and partExcerpts excerpts: the first part
// at …/<year>/, the others at …/<year>-2/, …/<year>-3/, linked from each
// part (layouts/_partials/parts-nav.html).
// The limits keep a part under 30 KB: a row is about 440 bytes of HTML, up
// to 600 when it links the figures of other reports that contradict it (two
// at most, conflict-note.html), an excerpt about 200, the rest of the page
// 4 to 8 KB (long place names and report titles). Measured on 2,000
// synthetic reports: at 40 and 32, 82 of 20,000 parts were over (up to
// 34.6 KB); at 30 and 28, none — until rows linked every contradicting
// figure: then 42 parts of 800 reports' were over (up to 34.5 KB).
const (
	partRows     = 24
	partExcerpts = 28
)

type partLink struct {
	N    int    `json:"n"`
	Path string `json:"path"`
}

// addPlaceYearPages writes the page, or the parts, of one place and year.
// params is the place's own page's parameters, to start from.
func (f *output) addPlaceYearPages(lang Lang, ui map[string]string, n *placeNode, y int, params placeParams, figures []figureRow, reportByID map[string]*pipeline.Report) {
	name := params.Name
	yp := params
	yp.Years, yp.Children, yp.Reports = nil, nil, nil
	yp.Year = y
	yp.Parents = append(lang.parentLinks(n.place), placeLink{Name: name, Path: placePath(n.place), Kind: n.place.Kind})
	sort.SliceStable(figures, func(i, j int) bool {
		a, b := &figures[i], &figures[j]
		if (a.Indicator == "") != (b.Indicator == "") {
			return a.Indicator != ""
		}
		return kindOrder(a.Kind) < kindOrder(b.Kind)
	})
	refs := n.years[y].excerpts
	parts := max(1, ceilDiv(len(figures), partRows), ceilDiv(len(refs), partExcerpts))
	partPath := func(k int) string {
		return placePath(n.place) + strconv.Itoa(y) + partSuffix(k) + "/"
	}
	links := partLinks(parts, partPath)
	cw := lang.citeWords(ui)
	for k := 1; k <= parts; k++ {
		part := yp
		part.Parts = links
		if parts > 1 {
			part.Part = k
		}
		part.Excerpts = excerptGroups(lang, slicePart(refs, k, partExcerpts))
		part.Figures = slicePart(figures, k, partRows)
		part.Sources = numberSources(lang, part.Figures, reportByID)
		title := fmt.Sprintf(lang.UI(ui["place_year_title"]), name, y)
		if parts > 1 {
			title += fmt.Sprintf(lang.UI(ui["part_title"]), k, parts)
		}
		f.addMarkdown(lang, strings.TrimPrefix(partPath(k), "/")+"index.md", frontMatter{
			Title:       title,
			Description: fmt.Sprintf(lang.UI(ui["place_year_description"]), name, y),
			Layout:      "place-year",
			Params:      part,
			Cite:        ptr(cw.cite(cw.pageWork(title, fmt.Sprintf("eduportal-%s-%d%s", n.place.Code, y, partSuffix(k)), false), true)),
		}, nil)
	}
}

// excerptGroups groups paragraphs by report, in the order given.
func excerptGroups(lang Lang, refs []excerptRef) []excerptGroup {
	var out []excerptGroup
	for _, e := range refs {
		if k := len(out); k == 0 || out[k-1].Source != e.report.Source.ID {
			out = append(out, excerptGroup{Source: e.report.Source.ID, Title: lang.pick(e.report.Title)})
		}
		g := &out[len(out)-1]
		g.Paragraphs = append(g.Paragraphs, excerpt{
			Paragraph: e.para.ID,
			Text:      shorten(lang.pick(pipeline.Twin{Hans: e.para.Hans, Hant: e.para.Hant}), excerptRunes),
		})
	}
	return out
}

// slicePart is the k-th (1-based) run of size items of s; nil past the end.
func slicePart[T any](s []T, k, size int) []T {
	from := (k - 1) * size
	if from >= len(s) {
		return nil
	}
	return s[from:min(from+size, len(s))]
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// partSuffix ends the path of part k: "" for the first, "-2", "-3" …
func partSuffix(k int) string {
	if k == 1 {
		return ""
	}
	return "-" + strconv.Itoa(k)
}

// partLinks lists the parts of a page cut into n, nil when n is 1.
func partLinks(n int, path func(k int) string) []partLink {
	if n < 2 {
		return nil
	}
	out := make([]partLink, n)
	for k := 1; k <= n; k++ {
		out[k-1] = partLink{N: k, Path: path(k)}
	}
	return out
}
