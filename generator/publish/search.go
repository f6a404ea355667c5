package publish

import (
	"encoding/json"
	"path"
	"sort"
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

// A search index is a JSON array of entries, one per searchable unit:
// {"u": path with anchor, "t": what the result is called, "x": the text
// searched and shown, "k": its kind, "n": a figure's normalised value}.
// Places ("k":"p"), indicators ("i") and reports ("r") come first, so a
// reader who types a city's name finds its page before its 50 paragraphs;
// then figures ("f", with "n", so that 12.8万 finds 128557) and paragraphs
// (no "k"). The entries are written as they are made, in json.Marshal's
// bytes, without being gathered first.

func (f *output) addSearch(conv pipeline.Converter, langs []Lang, reports []pipeline.Report, rows []rowsByReport, tree map[string]*placeNode, indicators []pipeline.Indicator) error {
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
				size += len(`{"u":"","t":"","x":""},`) + base + len(row.Anchor) + len(row.Place) + len(row.Name) + len(row.Value) + len(row.Unit) + len(" 2020  ") + len(row.Quote) + len(`,"k":"f","n":`) + len(row.Number)
			}
			size += len(`{"u":"","t":"","x":"","k":"r"},`) + len(lang.Code) + len("//sources//") + len(r.Source.ID) + len(lang.pick(r.Title)) + 120
		}
		// places and indicators: a path, a name and what they lie within
		size += (len(tree) + len(indicators)) * 200
		b := make([]byte, 0, size+size/32)
		// entry appends one entry; kind "" is a paragraph, number "" none.
		entry := func(url, title, text, kind, number string) {
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
			if kind != "" {
				b = append(b, `,"k":`...)
				b = jsonout.AppendString(b, kind)
			}
			if number != "" {
				b = append(b, `,"n":`...)
				b = append(b, number...)
			}
			b = append(b, '}')
			see(title)
			see(text)
		}
		prefix := "/" + lang.Code
		paths := make([]string, 0, len(tree))
		for p := range tree {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			n := tree[p]
			var within []string
			for i := len(n.place.Parents) - 1; i >= 0; i-- {
				within = append(within, lang.placeName(n.place.Parents[i]))
			}
			entry(prefix+placePath(n.place), lang.placeName(n.place), strings.Join(within, " · "), "p", "")
		}
		for _, i := range indicators {
			entry(prefix+"/indicators/"+i.ID+"/", lang.pick(i.Name), lang.Convert(i.NameEn), "i", "")
		}
		for _, r := range reports {
			m := r.Source.Meta
			about := lang.convertAll(m.Places)
			if m.Publisher != "" {
				about = append(about, lang.Convert(m.Publisher))
			}
			if m.Published != "" {
				about = append(about, m.Published)
			}
			entry(prefix+"/sources/"+r.Source.ID+"/", lang.pick(r.Title), strings.Join(about, " · "), "r", "")
		}
		for ri, r := range reports {
			base := "/" + lang.Code + "/sources/" + r.Source.ID + "/"
			title := lang.pick(r.Title)
			see(title)
			for _, p := range r.Paragraphs {
				text := lang.pick(pipeline.Twin{Hans: p.Hans, Hant: p.Hant})
				entry(base+"#"+p.ID, title+" #"+p.ID, text, "", "")
			}
			for _, row := range rows[li][ri] {
				title := strings.TrimSpace(row.Place + " " + itoa(row.Year) + " " + row.Name + " " + row.Value + row.Unit)
				entry(base+"#"+row.Anchor, title, row.Quote, "f", row.Number)
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
