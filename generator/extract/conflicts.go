package extract

import (
	"fmt"
	"sort"
)

// Conflict is a set of observations from different reports that give
// different values for the same indicator, place, year and kind. All are
// kept; the site shows them side by side, each with its source.
type Conflict struct {
	Indicator    string   `json:"indicator"`
	Place        PlaceRef `json:"place"`
	Year         int      `json:"year"`
	Kind         string   `json:"kind"`
	Observations []string `json:"observations"` // ids, in input order
}

// conflictKey is what two figures must share to be about the same thing.
// Changes compare only with changes of the same base year and unit.
func conflictKey(o Observation) string {
	place := o.Place.Code
	if place == "" {
		place = "name:" + o.Place.Name
	}
	return fmt.Sprintf("%s|%s|%d|%s|%d|%s", o.Indicator, place, o.Year, o.Kind, o.BaseYear, o.CanonicalUnit)
}

// FindConflicts groups registered observations by indicator, place, year,
// kind (and base year and unit) and returns the groups in which at least two
// different reports give different numbers. Unregistered figures are never
// in conflict: nothing says two labels count the same thing.
func FindConflicts(obs []Observation) []Conflict {
	groups := map[string][]int{}
	var keys []string
	for i, o := range obs {
		if o.Indicator == "" {
			continue
		}
		k := conflictKey(o)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	sort.Strings(keys)
	var out []Conflict
	for _, k := range keys {
		idx := groups[k]
		sources := map[string]bool{}
		numbers := map[float64]bool{}
		for _, i := range idx {
			sources[obs[i].Source] = true
			numbers[obs[i].Number] = true
		}
		if len(sources) < 2 || len(numbers) < 2 {
			continue
		}
		o := obs[idx[0]]
		c := Conflict{Indicator: o.Indicator, Place: o.Place, Year: o.Year, Kind: o.Kind}
		for _, i := range idx {
			c.Observations = append(c.Observations, obs[i].ID)
		}
		out = append(out, c)
	}
	return out
}
