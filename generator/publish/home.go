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
	var places []placeLink
	for _, n := range tree {
		if len(n.place.Parents) > 0 || n.place.Kind != "" {
			places = append(places, lang.linkTo(n))
		}
	}
	sort.Slice(places, func(a, b int) bool {
		if places[a].Count != places[b].Count {
			return places[a].Count > places[b].Count
		}
		return places[a].Path < places[b].Path
	})
	if len(places) > homeCount {
		places = places[:homeCount]
	}
	// Latest first by publication date, then by id, the same in both
	// scripts (a title sort would differ between them).
	var latest []string
	order := append([]pipeline.Report(nil), reports...)
	sort.SliceStable(order, func(a, b int) bool {
		pa, pb := order[a].Source.Meta.Published, order[b].Source.Meta.Published
		if pa != pb {
			return pa > pb
		}
		return order[a].Source.ID < order[b].Source.ID
	})
	for i, r := range order {
		if i == 10 {
			break
		}
		latest = append(latest, r.Source.ID)
	}
	return map[string]any{"indicators": inds, "places": places, "latest": latest}
}
