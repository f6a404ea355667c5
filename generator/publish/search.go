package publish

import (
	"encoding/json"
	"path"
	"sort"
	"strings"

	"github.com/eduportal/portal/generator/pipeline"
)

// The site search is our own small index: no service, no library. Each
// script gets an index of its pages' text (report paragraphs, figures),
// and one shared table folds Traditional characters to Simplified, so that
// a query in either script finds text in either: static/js/search.js folds
// both the query and the text before comparing.
const searchDir = "data/generated/search"

// searchEntry is one searchable unit: a paragraph or a figure.
type searchEntry struct {
	URL   string `json:"u"` // path with anchor
	Title string `json:"t"` // what the result is called
	Text  string `json:"x"` // the text searched and shown
}

func (f Files) addSearch(conv pipeline.Converter, reports []pipeline.Report, indicators []pipeline.Indicator) error {
	ind := indicatorIndex(indicators)
	seen := map[rune]bool{}
	for _, lang := range Langs(conv) {
		var entries []searchEntry
		for _, r := range reports {
			base := "/" + lang.Code + "/sources/" + r.Source.ID + "/"
			title := lang.pick(r.Title)
			for _, p := range r.Paragraphs {
				text := lang.pick(pipeline.Twin{Hans: p.Hans, Hant: p.Hant})
				entries = append(entries, searchEntry{URL: base + "#" + p.ID, Title: title + " #" + p.ID, Text: text})
			}
			for _, o := range r.Figures {
				name := lang.Convert(o.Label)
				if i, ok := ind[o.Indicator]; ok {
					name = lang.pick(i.Name)
				}
				place := lang.Convert(o.PlaceName)
				if o.Place != nil {
					place = lang.placeName(*o.Place)
				}
				entries = append(entries, searchEntry{
					URL:   base + "#" + reportAnchor(o),
					Title: strings.TrimSpace(place + " " + itoa(o.Year) + " " + name + " " + lang.Convert(o.Value) + lang.Convert(o.Unit)),
					Text:  lang.Convert(o.Quote),
				})
			}
		}
		for _, e := range entries {
			for _, r := range e.Title + e.Text {
				seen[r] = true
			}
		}
		b, err := json.Marshal(entries)
		if err != nil {
			return err
		}
		f[path.Join(searchDir, lang.Code+".json")] = b
	}
	// The fold table: every character the indexes hold whose Simplified
	// form is a different single character.
	var runes []rune
	for r := range seen {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	var from, to strings.Builder
	for _, r := range runes {
		s := []rune(conv.ToHans(string(r)))
		if len(s) == 1 && s[0] != r {
			from.WriteRune(r)
			to.WriteRune(s[0])
		}
	}
	b, err := json.Marshal(map[string]string{"from": from.String(), "to": to.String()})
	if err != nil {
		return err
	}
	f[path.Join(searchDir, "fold.json")] = b
	return nil
}
