package publish

import (
	"sort"

	"github.com/eduportal/portal/generator/pipeline"
)

// homeCount is how many indicators and places the home page highlights.
const homeCount = 8

// homeParams picks what the home page highlights: the indicators with the
// most figures, and the places (below province level) with the most
// material. Reports are listed by the template from the sources section.
func homeParams(lang Lang, reports []pipeline.Report, indicators []pipeline.Indicator, tree map[string]*placeNode) map[string]any {
	counts := map[string]int{}
	for _, r := range reports {
		for _, o := range r.Figures {
			if o.Indicator != "" {
				counts[o.Indicator]++
			}
		}
	}
	var inds []indicatorLink
	for _, i := range indicators {
		if counts[i.ID] > 0 {
			inds = append(inds, indicatorLink{ID: i.ID, Name: lang.pick(i.Name), Count: counts[i.ID]})
		}
	}
	sort.SliceStable(inds, func(a, b int) bool { return inds[a].Count > inds[b].Count })
	if len(inds) > homeCount {
		inds = inds[:homeCount]
	}
	// Real places below province level and places the reports mask (XX市…)
	// or the gazetteer does not list are ranked apart: an anonymised district
	// must not stand first among the cities a reader can look up.
	var places, other []placeLink
	for _, n := range tree {
		switch {
		case n.place.SetApart():
			other = append(other, lang.linkTo(n))
		case len(n.place.Parents) > 0:
			places = append(places, lang.linkTo(n))
		}
	}
	places, other = mostMaterial(places, homeCount), mostMaterial(other, homeCount)
	order := make([]*pipeline.Report, len(reports))
	for i := range reports {
		order[i] = &reports[i]
	}
	newestFirst(order)
	var latest []string
	for _, r := range order[:min(len(order), 10)] {
		latest = append(latest, r.Source.ID)
	}
	return map[string]any{"indicators": inds, "places": places, "other_places": other, "latest": latest}
}

// mostMaterial sorts places by paragraphs and figures together, most first,
// then by path, and keeps the first n.
func mostMaterial(ps []placeLink, n int) []placeLink {
	size := func(p placeLink) int { return p.Paragraphs + p.Figures }
	sort.Slice(ps, func(a, b int) bool {
		if size(ps[a]) != size(ps[b]) {
			return size(ps[a]) > size(ps[b])
		}
		return ps[a].Path < ps[b].Path
	})
	return ps[:min(len(ps), n)]
}
