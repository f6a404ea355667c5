package pipeline

import (
	"fmt"

	"unicode/utf8"

	"github.com/eduportal/portal/generator/extract"
	"github.com/eduportal/portal/generator/place"
)

// figures runs the extract stage on one paragraph and ties each figure to
// the site's places.
func (e *Env) figures(sourceID string, p Paragraph, mentions []place.Mention) []Observation {
	in := extractInput(sourceID, p, mentions)
	var out []Observation
	for _, o := range e.Registry.Extract(in) {
		obs := Observation{
			ID: o.ID, Source: o.Source, Paragraph: o.Paragraph,
			Indicator: o.Indicator, Label: o.Label, Value: o.Value, Unit: o.Unit,
			Number: o.Number, NumberHigh: o.RangeHigh, CanonicalUnit: o.CanonicalUnit,
			Qualifier: o.Qualifier, PlaceCode: o.Place.Code, PlaceName: o.Place.Name,
			Year: o.Year, Kind: o.Kind, Cue: o.Cue, BaseYear: o.BaseYear, Quote: o.Quote,
			Start: runeOffset(p.Text, o.FigureStart), End: runeOffset(p.Text, o.FigureEnd),
		}
		switch {
		case p.Place != nil && o.Place.Code == p.Place.Code:
			obs.Place = p.Place
		case o.Place.Code != "":
			if gp, ok := e.Gazetteer.Place(o.Place.Code); ok {
				pl := e.place(place.Ref{Code: gp.Code, Name: gp.Name, NameHant: gp.NameHant, Level: gp.Level, Path: e.Gazetteer.URLPath(gp.Code)})
				obs.Place = &pl
			}
		}
		if obs.Place != nil {
			obs.PlaceCode, obs.PlaceName = obs.Place.Code, obs.Place.Name
		}
		out = append(out, obs)
	}
	return out
}

func extractInput(sourceID string, p Paragraph, mentions []place.Mention) extract.Input {
	in := extract.Input{SourceID: sourceID, ParagraphID: p.ID, Text: p.Text, Year: p.Year}
	if p.Place != nil {
		in.Place = extract.PlaceRef{Code: p.Place.Code, Name: p.Place.Name}
	}
	for _, m := range mentions {
		if m.Code == "" {
			continue
		}
		in.Mentions = append(in.Mentions, extract.Mention{Start: m.Start, End: m.End, Place: extract.PlaceRef{Code: m.Code, Name: m.Name}})
	}
	return in
}

// runeOffset converts a byte offset in s to a rune offset.
func runeOffset(s string, b int) int {
	if b > len(s) {
		b = len(s)
	}
	return utf8.RuneCountInString(s[:b])
}

// flagConflicts marks figures for which another report gives another value
// for the same indicator, place, year and kind. All are kept; the site
// shows each with its source.
func flagConflicts(reports []Report) {
	type key struct {
		indicator, place, unit, kind string
		year                         int
	}
	groups := map[key][]*Observation{}
	for ri := range reports {
		for fi := range reports[ri].Figures {
			o := &reports[ri].Figures[fi]
			if o.Indicator == "" || o.PlaceCode == "" || o.Year == 0 {
				continue
			}
			k := key{o.Indicator, o.PlaceCode, o.CanonicalUnit, o.Kind, o.Year}
			groups[k] = append(groups[k], o)
		}
	}
	for _, g := range groups {
		sources, values := map[string]bool{}, map[string]bool{}
		for _, o := range g {
			sources[o.Source] = true
			values[fmt.Sprint(o.Number)] = true
		}
		if len(sources) > 1 && len(values) > 1 {
			for _, o := range g {
				o.Conflict = true
			}
		}
	}
}
