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
type conflictKey struct {
	indicator, place string
	year             int
	kind             string
	baseYear         int
	unit             string
}

func keyOf(o *Observation) conflictKey {
	place := o.Place.Code
	if place == "" {
		place = "name:" + o.Place.Name
	}
	return conflictKey{o.Indicator, place, o.Year, o.Kind, o.BaseYear, o.CanonicalUnit}
}

// String is the key as conflicts are ordered by.
func (k conflictKey) String() string {
	return fmt.Sprintf("%s|%s|%d|%s|%d|%s", k.indicator, k.place, k.year, k.kind, k.baseYear, k.unit)
}

// FindConflicts groups registered observations by indicator, place, year,
// kind (and base year and unit) and returns the groups in which at least two
// different reports give different numbers, ordered by key. Unregistered
// figures are never in conflict: nothing says two labels count the same
// thing.
func FindConflicts(obs []Observation) []Conflict {
	groups := map[conflictKey][]int{}
	for i := range obs {
		if obs[i].Indicator == "" {
			continue
		}
		k := keyOf(&obs[i])
		groups[k] = append(groups[k], i)
	}
	type found struct {
		key   string
		first int // tie-break, so map order never shows
		c     Conflict
	}
	var conflicts []found
	for k, idx := range groups {
		if !differ(obs, idx) {
			continue
		}
		o := obs[idx[0]]
		c := Conflict{Indicator: o.Indicator, Place: o.Place, Year: o.Year, Kind: o.Kind}
		for _, i := range idx {
			c.Observations = append(c.Observations, obs[i].ID)
		}
		conflicts = append(conflicts, found{k.String(), idx[0], c})
	}
	sort.Slice(conflicts, func(i, j int) bool {
		if conflicts[i].key != conflicts[j].key {
			return conflicts[i].key < conflicts[j].key
		}
		return conflicts[i].first < conflicts[j].first
	})
	var out []Conflict
	for _, f := range conflicts {
		out = append(out, f.c)
	}
	return out
}

// differ reports whether the observations idx come from at least two
// reports and give at least two numbers.
func differ(obs []Observation, idx []int) bool {
	first := obs[idx[0]]
	otherSource, otherNumber := false, false
	for _, i := range idx[1:] {
		otherSource = otherSource || obs[i].Source != first.Source
		otherNumber = otherNumber || obs[i].Number != first.Number
	}
	return otherSource && otherNumber
}
