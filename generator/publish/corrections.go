package publish

import (
	"github.com/eduportal/portal/generator/pipeline"
)

// correctionRow is one editorial correction or damaged span, for the
// corrections page.
type correctionRow struct {
	Source    string `json:"source"`
	Title     string `json:"title"`
	Paragraph string `json:"paragraph"`
	Anchor    string `json:"anchor"`
	Kind      string `json:"kind"`               // corrected | damaged
	Text      string `json:"text"`               // as shown on the site
	Original  string `json:"original,omitempty"` // as received
	Note      string `json:"note,omitempty"`
}

// spanRows lists a report's corrected and damaged spans in paragraph
// order: the corrections page lists them across reports, the report page
// as footnotes to its marks.
func spanRows(lang Lang, ui map[string]string, r pipeline.Report) []correctionRow {
	var rows []correctionRow
	for _, p := range r.Paragraphs {
		if len(p.Spans) == 0 {
			continue
		}
		text := []rune(p.Text)
		for i, s := range p.Spans {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				continue
			}
			row := correctionRow{
				Source:    r.Source.ID,
				Title:     lang.pick(r.Title),
				Paragraph: p.ID,
				Anchor:    spanAnchor(p.ID, i, s.Kind),
				Kind:      s.Kind,
				Text:      lang.Convert(string(text[s.Start:s.End])),
				Original:  s.Original,
				Note:      lang.Convert(s.Note),
			}
			if s.Kind == "damaged" {
				// The cleaner's note on a damaged span is for editors;
				// readers get the interface's words.
				row.Note = lang.UI(ui["mark_damaged"])
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// addCorrectionsPage lists every span the cleaner marked, across reports,
// in report order and then paragraph order.
func (f *output) addCorrectionsPage(lang Lang, ui map[string]string, reports []pipeline.Report) {
	var rows []correctionRow
	for _, r := range reports {
		rows = append(rows, spanRows(lang, ui, r)...)
	}
	f.addMarkdown(lang, "corrections.md", frontMatter{
		Title:       lang.UI(ui["corrections_title"]),
		Description: lang.UI(ui["corrections_description"]),
		Layout:      "corrections",
		Params:      map[string]any{"corrections": rows},
	}, nil)
}
