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

// A search index is a JSON array of entries, one per searchable unit (a
// paragraph or a figure): {"u": path with anchor, "t": what the result is
// called, "x": the text searched and shown}. The entries are written as
// they are made, in json.Marshal's bytes, without being gathered first.

func (f *output) addSearch(conv pipeline.Converter, langs []Lang, reports []pipeline.Report, rows []rowsByReport) error {
	seen := make([]bool, utf8.MaxRune+1)
	see := func(s string) {
		for _, r := range s {
			seen[r] = true
		}
	}
	for li, lang := range langs {
		// The index's size when nothing needs escaping, and a little
		// more: it is written into one buffer, never regrown.
		size := 2
		for ri, r := range reports {
			base := len("/") + len(lang.Code) + len("/sources/") + len(r.Source.ID) + len("/#")
			title := len(lang.pick(r.Title))
			for _, p := range r.Paragraphs {
				size += len(`{"u":"","t":"","x":""},`) + base + len(p.ID) + title + len(" #") + len(p.ID) + len(lang.pick(pipeline.Twin{Hans: p.Hans, Hant: p.Hant}))
			}
			for _, row := range rows[li][ri] {
				size += len(`{"u":"","t":"","x":""},`) + base + len(row.Anchor) + len(row.Place) + len(row.Name) + len(row.Value) + len(row.Unit) + len(" 2020  ") + len(row.Quote)
			}
		}
		b := make([]byte, 0, size+size/32)
		entry := func(url, title, text string) {
			if len(b) == 0 {
				b = append(b, '[')
			} else {
				b = append(b, ',')
			}
			b = append(b, `{"u":`...)
			b = jsonout.AppendString(b, url)
			b = append(b, `,"t":`...)
			b = jsonout.AppendString(b, title)
			b = append(b, `,"x":`...)
			b = jsonout.AppendString(b, text)
			b = append(b, '}')
			see(text)
		}
		for ri, r := range reports {
			base := "/" + lang.Code + "/sources/" + r.Source.ID + "/"
			title := lang.pick(r.Title)
			see(title)
			for _, p := range r.Paragraphs {
				text := lang.pick(pipeline.Twin{Hans: p.Hans, Hant: p.Hant})
				entry(base+"#"+p.ID, title+" #"+p.ID, text)
			}
			for _, row := range rows[li][ri] {
				title := strings.TrimSpace(row.Place + " " + itoa(row.Year) + " " + row.Name + " " + row.Value + row.Unit)
				see(title)
				entry(base+"#"+row.Anchor, title, row.Quote)
			}
		}
		if len(b) == 0 {
			b = append(b, "null"...) // json.Marshal of no entries
		} else {
			b = append(b, ']')
		}
		f.add(path.Join(searchDir, lang.Code+".json"), b)
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
	f.add(path.Join(searchDir, "fold.json"), b)
	return nil
}
