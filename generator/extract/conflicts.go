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
	scope            string // level and span: 新增学位 of kindergartens do not contradict a high school's
}

func keyOf(o *Observation) conflictKey {
	place := o.Place.Code
	if place == "" {
		place = "name:" + o.Place.Name
	}
	return conflictKey{o.Indicator, place, o.Year, o.Kind, o.BaseYear, o.CanonicalUnit, ScopeKey(o.Level, o.Span)}
}

// String is the key as conflicts are ordered by.
func (k conflictKey) String() string {
	return fmt.Sprintf("%s|%s|%d|%s|%d|%s|%s", k.indicator, k.place, k.year, k.kind, k.baseYear, k.unit, k.scope)
}

// FindConflicts groups registered observations by indicator, place, year,
// kind (and base year, unit and scope) and returns the groups in which at least two
// different reports give different exact numbers, ordered by key. A tie
// is made only when the figure's own words state the indicator's measure
// (tie.go), and the scope (scope.go) sets apart what the indicator's words
// leave open — the level of schooling, one year or several — so two
// figures in one group count the same thing. Unregistered, qualified and range figures
// are never in conflict. The observations come as any number of slices (one per report,
// say), read in order and never copied.
func FindConflicts(obs ...[]Observation) []Conflict {
	type group struct {
		first int // position of the group's first observation, a tie-break so map order never shows
		obs   []*Observation
	}
	groups := map[conflictKey]*group{}
	n := 0
	for _, list := range obs {
		for i := range list {
			o := &list[i]
			n++
			// Unregistered figures: nothing says two labels count the same
			// thing. Qualified values (约200, 2100余人) and the ends of a
			// range do not contradict an exact one.
			if o.Indicator == "" || o.Qualifier != "" || o.RangeHigh != nil || o.Shape == "range" {
				continue
			}
			k := keyOf(o)
			g := groups[k]
			if g == nil {
				g = &group{first: n}
				groups[k] = g
			}
			g.obs = append(g.obs, o)
		}
	}
	type found struct {
		key   string
		first int
		c     Conflict
	}
	var conflicts []found
	for k, g := range groups {
		if !differ(g.obs) {
			continue
		}
		o := g.obs[0]
		c := Conflict{Indicator: o.Indicator, Place: o.Place, Year: o.Year, Kind: o.Kind}
		for _, m := range g.obs {
			c.Observations = append(c.Observations, m.ID)
		}
		conflicts = append(conflicts, found{k.String(), g.first, c})
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

// differ reports whether the observations come from at least two reports
// and give at least two numbers.
func differ(obs []*Observation) bool {
	first := obs[0]
	otherSource, otherNumber := false, false
	for _, o := range obs[1:] {
		otherSource = otherSource || o.Source != first.Source
		otherNumber = otherNumber || o.Number != first.Number
	}
	return otherSource && otherNumber
}
