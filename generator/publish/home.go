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
	order := make([]*pipeline.Report, len(reports))
	for i := range reports {
		order[i] = &reports[i]
	}
	newestFirst(order)
	var latest []string
	for _, r := range order[:min(len(order), 10)] {
		latest = append(latest, r.Source.ID)
	}
	return map[string]any{"indicators": inds, "places": places, "latest": latest}
}
