package publish

import (
	"encoding/json"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/eduportal/portal/generator/internal/jsonout"
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

func (f Files) addSearch(conv pipeline.Converter, langs []Lang, reports []pipeline.Report, rows []rowsByReport) error {
	seen := make([]bool, utf8.MaxRune+1)
	for li, lang := range langs {
		var entries []searchEntry
		for ri, r := range reports {
			base := "/" + lang.Code + "/sources/" + r.Source.ID + "/"
			title := lang.pick(r.Title)
			for _, p := range r.Paragraphs {
				text := lang.pick(pipeline.Twin{Hans: p.Hans, Hant: p.Hant})
				entries = append(entries, searchEntry{URL: base + "#" + p.ID, Title: title + " #" + p.ID, Text: text})
			}
			for _, row := range rows[li][ri] {
				entries = append(entries, searchEntry{
					URL:   base + "#" + row.Anchor,
					Title: strings.TrimSpace(row.Place + " " + itoa(row.Year) + " " + row.Name + " " + row.Value + row.Unit),
					Text:  row.Quote,
				})
			}
		}
		for _, e := range entries {
			for _, r := range e.Title + e.Text {
				seen[r] = true
			}
		}
		size := 2
		for _, e := range entries {
			size += len(e.URL) + len(e.Title) + len(e.Text) + 20
		}
		b, err := jsonout.AppendCompact(make([]byte, 0, size), entries)
		if err != nil {
			return err
		}
		f[path.Join(searchDir, lang.Code+".json")] = b
	}
	// The fold table: every character the indexes hold whose Simplified
	// form is a different single character.
	var from, to strings.Builder
	for r, ok := range seen {
		if !ok {
			continue
		}
		s := []rune(conv.ToHans(string(rune(r))))
		if len(s) == 1 && s[0] != rune(r) {
			from.WriteRune(rune(r))
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
