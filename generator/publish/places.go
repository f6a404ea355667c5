package publish

import (
	"fmt"
	"path"
	"sort"
	"strconv"

	"github.com/eduportal/portal/generator/pipeline"
)

// placeNode gathers what the site shows about one place: its material by
// year, and the places under it that have material.
type placeNode struct {
	place    pipeline.Place
	years    map[int]*yearMaterial
	children map[string]*placeNode // by path
	// paragraphs and figures here and below: the counts every list of
	// places shows, so that they agree from page to page.
	paragraphs, figures int
}

// yearMaterial is what one place has for one year: paragraphs (quoted as
// excerpts) and figures, of which targets are plans for that year, not
// results reported in it.
type yearMaterial struct {
	excerpts []excerptRef
	figures  int
	targets  int
}

type excerptRef struct {
	report *pipeline.Report
	para   *pipeline.Paragraph
}

// paragraphYear is the year a paragraph is material about. A paragraph whose
// only year is a target (到2025年) speaks in its report's year about a plan:
// it belongs to the report's year, so that a target year never looks like a
// year some report covered.
func paragraphYear(r *pipeline.Report, p *pipeline.Paragraph) int {
	if p.YearIsTarget && r.Year > 0 {
		return r.Year
	}
	return p.Year
}

// placeTree builds the tree of places that have material, with every
// ancestor of such a place, keyed by path.
func placeTree(reports []pipeline.Report) map[string]*placeNode {
	nodes := map[string]*placeNode{}
	// get returns p's node. An ancestor's Place carries no parents of its
	// own, so it is given the chain above it here: a node made first as
	// someone's parent must not look like a root.
	get := func(p pipeline.Place, parents []pipeline.Place) *placeNode {
		n, ok := nodes[p.Path]
		if !ok {
			p.Parents = parents
			n = &placeNode{place: p, years: map[int]*yearMaterial{}, children: map[string]*placeNode{}}
			nodes[p.Path] = n
		} else if len(n.place.Parents) < len(parents) {
			n.place.Parents = parents
		}
		return n
	}
	// link makes the node for p and its ancestors, adding the counts to
	// each, and returns p's material for year y.
	link := func(p pipeline.Place, y, paragraphs, figures int) *yearMaterial {
		n := get(p, p.Parents)
		n.paragraphs += paragraphs
		n.figures += figures
		child := n
		for i := len(p.Parents) - 1; i >= 0; i-- {
			parent := get(p.Parents[i], p.Parents[:i])
			parent.children[child.place.Path] = child
			parent.paragraphs += paragraphs
			parent.figures += figures
			child = parent
		}
		m := n.years[y]
		if m == nil {
			m = &yearMaterial{}
			n.years[y] = m
		}
		return m
	}
	for ri := range reports {
		r := &reports[ri]
		for pi := range r.Paragraphs {
			para := &r.Paragraphs[pi]
			y := paragraphYear(r, para)
			if para.Place == nil || para.Place.Path == "" || y == 0 {
				continue
			}
			m := link(*para.Place, y, 1, 0)
			m.excerpts = append(m.excerpts, excerptRef{r, para})
		}
		// A figure's place may be named only inside a sentence (a county
		// in its city's section): it still gets its place-year page.
		for _, o := range r.Figures {
			if o.Place == nil || o.Place.Path == "" || o.Year == 0 {
				continue
			}
			m := link(*o.Place, o.Year, 0, 1)
			m.figures++
			if o.Kind == "target" {
				m.targets++
			}
		}
	}
	return nodes
}

// Roots are the places with no parent: provinces, and places outside the
// gazetteer that have no listed parent.
func roots(nodes map[string]*placeNode) []*placeNode {
	var out []*placeNode
	for _, n := range nodes {
		if len(n.place.Parents) == 0 {
			out = append(out, n)
		}
	}
	sortNodes(out)
	return out
}

func nodeRank(n *placeNode) int {
	switch {
	case n.place.Kind == "national":
		return 0
	case n.place.SetApart():
		return 2
	}
	return 1
}

func sortNodes(ns []*placeNode) {
	sort.Slice(ns, func(i, j int) bool {
		if ri, rj := nodeRank(ns[i]), nodeRank(ns[j]); ri != rj {
			return ri < rj // the whole country, then listed places, then those set apart
		}
		if ns[i].place.Code != ns[j].place.Code {
			return ns[i].place.Code < ns[j].place.Code
		}
		return ns[i].place.Path < ns[j].place.Path
	})
}

func (n *placeNode) sortedChildren() []*placeNode {
	var out []*placeNode
	for _, c := range n.children {
		out = append(out, c)
	}
	sortNodes(out)
	return out
}

// feedLength is how many reports a place's feed lists: the newest, as
// feed readers expect, and a province's feed stays small at national scale.
const feedLength = 20

// feedReports lists the newest reports with material about this place or a
// place under it, newest first.
func (n *placeNode) feedReports() []string {
	seen := map[string]bool{}
	var rs []*pipeline.Report
	var walk func(*placeNode)
	walk = func(n *placeNode) {
		for _, m := range n.years {
			for _, e := range m.excerpts {
				if !seen[e.report.Source.ID] {
					seen[e.report.Source.ID] = true
					rs = append(rs, e.report)
				}
			}
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	newestFirst(rs)
	ids := make([]string, 0, min(len(rs), feedLength))
	for _, r := range rs[:min(len(rs), feedLength)] {
		ids = append(ids, r.Source.ID)
	}
	return ids
}

// newestFirst sorts reports by publication date, newest first, then by id:
// the same order in both scripts (a title sort would differ between them).
func newestFirst(rs []*pipeline.Report) {
	sort.Slice(rs, func(a, b int) bool {
		pa, pb := rs[a].Source.Meta.Published, rs[b].Source.Meta.Published
		if pa != pb {
			return pa > pb
		}
		return rs[a].Source.ID < rs[b].Source.ID
	})
}

func (n *placeNode) sortedYears() []int {
	var ys []int
	for y := range n.years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

func (l Lang) placeName(p pipeline.Place) string {
	if l.Code == "zh-hant" && p.NameHant != "" {
		return p.NameHant
	}
	if l.Code == "zh-hant" {
		return l.Convert(p.Name)
	}
	return p.Name
}

// placeLink is a place as linked from another page.
type placeLink struct {
	Name string `json:"name"`
	Path string `json:"path"` // page path under the language, e.g. /places/shandong/jinan/
	Kind string `json:"kind,omitempty"`
	materialCount
}

// materialCount is what a list shows beside a place or a year: paragraphs
// and figures (targets among them), each with its unit on the page
// (layouts/_partials/counts.html).
type materialCount struct {
	Paragraphs int `json:"paragraphs,omitempty"`
	Figures    int `json:"figures,omitempty"`
	Targets    int `json:"targets,omitempty"`
}

type yearLink struct {
	Year int    `json:"year"`
	Path string `json:"path"`
	materialCount
}

// excerptGroup is one report's paragraphs about a place and year.
type excerptGroup struct {
	Source     string    `json:"source"`
	Title      string    `json:"title"`
	Paragraphs []excerpt `json:"paragraphs"`
}

type excerpt struct {
	Paragraph string `json:"paragraph"`
	Text      string `json:"text"`
}

type placeParams struct {
	Code     string         `json:"code"`
	Level    string         `json:"level"`
	Kind     string         `json:"kind,omitempty"`
	Name     string         `json:"name"`
	Parents  []placeLink    `json:"parents,omitempty"`
	Years    []yearLink     `json:"years,omitempty"`
	Children []placeLink    `json:"children,omitempty"`
	Year     int            `json:"year,omitempty"`
	Part     int            `json:"part,omitempty"`  // of a place-year cut into parts, 1-based
	Parts    []partLink     `json:"parts,omitempty"` // every part, when there are several
	Excerpts []excerptGroup `json:"excerpts,omitempty"`
	Figures  []figureRow    `json:"figures,omitempty"`
	Sources  []sourceRef    `json:"sources,omitempty"`
	Reports  []string       `json:"reports,omitempty"`  // the newest reports about this place or places under it, for its feed
	Download string         `json:"download,omitempty"` // the CSV of its figures and those of places under it
}

func placePath(p pipeline.Place) string { return "/places/" + p.Path + "/" }

func (l Lang) parentLinks(p pipeline.Place) []placeLink {
	var out []placeLink
	for _, a := range p.Parents {
		out = append(out, placeLink{Name: l.placeName(a), Path: placePath(a), Kind: a.Kind})
	}
	return out
}

// placePage is one place with its figures by year, in one script: the
// input of its place page and its place-year pages.
type placePage struct {
	node    *placeNode
	figures map[int][]figureRow
}

// placePages lists the places with material in path order. Figures go to
// the page of their own place and year, which may differ from their
// paragraph's (a county named in a city's section).
func placePages(tree map[string]*placeNode, rows rowsByReport, reports []pipeline.Report) []placePage {
	refs := map[string]map[int][]rowRef{}
	for ri := range reports {
		for fi, o := range reports[ri].Figures {
			if o.Place == nil || o.Year == 0 || o.LabelFlag != "" {
				continue // a figure whose label names nothing stays out of tables
			}
			byYear := refs[o.Place.Path]
			if byYear == nil {
				byYear = map[int][]rowRef{}
				refs[o.Place.Path] = byYear
			}
			byYear[o.Year] = append(byYear[o.Year], rowRef{int32(ri), int32(fi)})
		}
	}
	figures := make(map[string]map[int][]figureRow, len(refs))
	for p, byYear := range refs {
		figures[p] = make(map[int][]figureRow, len(byYear))
		for y, refs := range byYear {
			rows := rows.gather(refs)
			for i := range rows {
				rows[i].Quote = "" // place-year pages quote paragraphs, not sentences
			}
			figures[p][y] = rows
		}
	}
	paths := make([]string, 0, len(tree))
	for p := range tree {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := make([]placePage, len(paths))
	for i, p := range paths {
		out[i] = placePage{node: tree[p], figures: figures[p]}
	}
	return out
}

// addPlacesIndex writes the tree of places with material.
func (f *output) addPlacesIndex(lang Lang, ui map[string]string, tree map[string]*placeNode) {
	f.addMarkdown(lang, "places/_index.md", frontMatter{
		Title:       lang.UI(ui["places_title"]),
		Description: lang.UI(ui["places_description"]),
		Layout:      "places",
		Params:      map[string]any{"tree": lang.tree(roots(tree))},
	}, nil)
}

// addPlacePage writes a place's page (all years) and a page per year.
func (f *output) addPlacePage(lang Lang, ui map[string]string, pp placePage, reportByID map[string]*pipeline.Report) {
	n := pp.node
	name := lang.placeName(n.place)
	params := placeParams{
		Code: n.place.Code, Level: n.place.Level, Kind: n.place.Kind, Name: name,
		Parents: lang.parentLinks(n.place),
	}
	years := n.sortedYears()
	for _, y := range years {
		m := n.years[y]
		params.Years = append(params.Years, yearLink{Year: y, Path: placePath(n.place) + strconv.Itoa(y) + "/",
			materialCount: materialCount{Paragraphs: len(m.excerpts), Figures: m.figures, Targets: m.targets}})
	}
	for _, c := range n.sortedChildren() {
		params.Children = append(params.Children, lang.linkTo(c))
	}
	params.Reports = n.feedReports()
	if n.figures > 0 {
		params.Download = "/data/places/" + n.place.Code + ".csv"
	}
	params.Figures = latestByIndicator(pp.figures)
	params.Sources = numberSources(lang, params.Figures, reportByID)
	cw := lang.citeWords(ui)
	f.addMarkdown(lang, path.Join("places", n.place.Path, "_index.md"), frontMatter{
		Title:       name,
		Description: fmt.Sprintf(lang.UI(ui["place_description"]), name),
		Layout:      "place",
		Params:      params,
		Cite:        ptr(cw.cite(cw.pageWork(name, "eduportal-"+n.place.Code, false), true)),
	}, nil)
	for _, y := range years {
		f.addPlaceYearPages(lang, ui, n, y, params, pp.figures[y], reportByID)
	}
}

// latestByIndicator picks, for a place's page, each registered indicator's
// figures of the latest year with an actual figure, scope by scope (a
// kindergarten's places are not the latest of a high school's): all of them
// when that year has several (the page does not choose between reports), in
// indicator order. Targets and changes stay on the year pages, where their
// kind is beside them. The rows are copies: pages number their sources in
// them.
func latestByIndicator(byYear map[int][]figureRow) []figureRow {
	key := func(r *figureRow) string { return r.Indicator + "|" + r.Level + "|" + r.Span }
	latest := map[string]int{}
	for y, rows := range byYear {
		for i := range rows {
			if r := &rows[i]; r.Indicator != "" && r.Kind == "actual" && y > latest[key(r)] {
				latest[key(r)] = y
			}
		}
	}
	var out []figureRow
	for _, y := range sortedKeys(byYear) {
		for i := range byYear[y] {
			if r := &byYear[y][i]; r.Indicator != "" && r.Kind == "actual" && latest[key(r)] == y {
				out = append(out, *r)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Indicator < out[j].Indicator })
	return out
}

func sortedKeys[V any](m map[int]V) []int {
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	return ks
}

// excerptRunes is how much of a paragraph a place-year page quotes; the
// link leads to the whole paragraph in its report. Whole paragraphs would
// repeat entire reports on place pages and blow the page budget.
const excerptRunes = 60

func (l Lang) linkTo(n *placeNode) placeLink {
	return placeLink{Name: l.placeName(n.place), Path: placePath(n.place), Kind: n.place.Kind,
		materialCount: materialCount{Paragraphs: n.paragraphs, Figures: n.figures}}
}

// treeNode is the places index: provinces, then the places under them.
type treeNode struct {
	placeLink
	Children []treeNode `json:"children,omitempty"`
}

func (l Lang) tree(ns []*placeNode) []treeNode {
	var out []treeNode
	for _, n := range ns {
		out = append(out, treeNode{placeLink: l.linkTo(n), Children: l.tree(n.sortedChildren())})
	}
	return out
}
