package pipeline

import (
	"unicode/utf8"

	"github.com/eduportal/portal/generator/extract"
	"github.com/eduportal/portal/generator/place"
)

// figures runs the extract stage on one paragraph, read in order by rd, and
// ties each figure to the site's places. year is the paragraph's section or
// report year: the extractor reads years written in the sentence itself.
func (e *Env) figures(rd *extract.Reader, sourceID string, p Paragraph, year int, mentions []place.Mention) ([]Observation, []extract.Observation) {
	in := extractInput(sourceID, p, year, mentions)
	raw := rd.Extract(in)
	var out []Observation
	var offsets runeOffsets
	for _, o := range raw {
		obs := Observation{
			ID: o.ID, Source: o.Source, Paragraph: o.Paragraph,
			Indicator: o.Indicator, Label: o.Label, LabelFlag: o.LabelFlag, Value: o.Value, Unit: o.Unit,
			Number: o.Number, NumberHigh: o.RangeHigh, CanonicalUnit: o.CanonicalUnit,
			Qualifier: o.Qualifier, PlaceCode: o.Place.Code, PlaceName: o.Place.Name,
			Year: o.Year, Kind: o.Kind, Level: o.Level, Span: o.Span, Cue: o.Cue, BaseYear: o.BaseYear, Quote: o.Quote,
			Start: offsets.of(p.Text, o.FigureStart), End: offsets.of(p.Text, o.FigureEnd),
		}
		switch {
		case p.Place != nil && o.Place.Code == p.Place.Code:
			obs.Place = p.Place
		case o.Place == extract.National:
			pl := e.place(e.Gazetteer.National())
			obs.Place = &pl
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
	return out, raw
}

func extractInput(sourceID string, p Paragraph, year int, mentions []place.Mention) extract.Input {
	in := extract.Input{SourceID: sourceID, ParagraphID: p.ID, Text: p.Text, Folded: p.Hans, Year: year}
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

// runeOffsets converts byte offsets in one text to rune offsets, counting
// on from the last offset asked for when the next is further on (a
// paragraph's figures come in order), from the start otherwise.
type runeOffsets struct{ byteAt, runeAt int }

func (c *runeOffsets) of(s string, b int) int {
	b = min(b, len(s))
	if b < c.byteAt {
		*c = runeOffsets{}
	}
	c.runeAt += utf8.RuneCountInString(s[c.byteAt:b])
	c.byteAt = b
	return c.runeAt
}

// flagConflicts marks figures for which another report gives another value
// for the same indicator, place, year and kind (the extract stage decides
// what conflicts). All are kept; the site shows each with its source.
func flagConflicts(reports []Report) {
	raws := make([][]extract.Observation, len(reports))
	for i := range reports {
		raws[i] = reports[i].Raw
	}
	byID := map[string]*extract.Observation{}
	for _, list := range raws {
		for i := range list {
			byID[list[i].ID] = &list[i]
		}
	}
	others := map[string][]ConflictRef{}
	for _, c := range extract.FindConflicts(raws...) {
		for _, id := range c.Observations {
			me := byID[id]
			for _, other := range c.Observations {
				if o := byID[other]; o.Source != me.Source && o.Number != me.Number {
					others[id] = append(others[id], ConflictRef{ID: o.ID, Source: o.Source, Paragraph: o.Paragraph, Value: o.Value, Unit: o.Unit})
				}
			}
		}
	}
	for ri := range reports {
		for fi := range reports[ri].Figures {
			o := &reports[ri].Figures[fi]
			o.ConflictsWith = others[o.ID]
			o.Conflict = len(o.ConflictsWith) > 0
		}
	}
}
