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

// addCorrectionsPage lists every span the cleaner marked, across reports,
// in report order and then paragraph order.
func (f *output) addCorrectionsPage(lang Lang, ui map[string]string, reports []pipeline.Report) {
	var rows []correctionRow
	for _, r := range reports {
		for _, p := range r.Paragraphs {
			if len(p.Spans) == 0 {
				continue
			}
			text := []rune(p.Text)
			for i, s := range p.Spans {
				if s.Start < 0 || s.End > len(text) || s.Start > s.End {
					continue
				}
				rows = append(rows, correctionRow{
					Source:    r.Source.ID,
					Title:     lang.pick(r.Title),
					Paragraph: p.ID,
					Anchor:    spanAnchor(p.ID, i, s.Kind),
					Kind:      s.Kind,
					Text:      lang.Convert(string(text[s.Start:s.End])),
					Original:  s.Original,
					Note:      s.Note,
				})
			}
		}
	}
	f.addMarkdown(lang, "corrections.md", frontMatter{
		Title:       lang.Convert(ui["corrections_title"]),
		Description: lang.Convert(ui["corrections_description"]),
		Layout:      "corrections",
		Params:      map[string]any{"corrections": rows},
	}, nil)
}
