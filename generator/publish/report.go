package publish

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/script"
)

// reportParams are the report page's parameters. Text fields a reader sees
// are in the page's script; the edit log stays as received, because it
// records what the original said.
type reportParams struct {
	SourceID   string   `json:"source_id"`
	Kind       string   `json:"kind"`
	Publisher  string   `json:"publisher,omitempty"`
	Authors    []string `json:"authors,omitempty"`
	URL        string   `json:"url,omitempty"`
	Published  string   `json:"published,omitempty"`
	CoversYear int      `json:"covers_year,omitempty"`
	Places     []string `json:"places,omitempty"`
	Script     string   `json:"script"`
	Encoding   string   `json:"encoding"`
	SHA256     string   `json:"sha256"`
	Original   string   `json:"original"` // site path of the original bytes
	// Extraction is how the text was taken from the original (a saved web
	// page, a Word file, a PDF): what the source page tells a reader about
	// the copy. Empty for plain text.
	Extraction string         `json:"extraction"`
	ReceivedAs string         `json:"received_as,omitempty"`
	Notes      string         `json:"notes,omitempty"`
	Paragraphs int            `json:"paragraphs"`
	Figures    []reportFigure `json:"figures,omitempty"` // listed with a citation each
	// CiteOriginal cites the original report, with what meta.yaml knows.
	CiteOriginal citation        `json:"cite_original"`
	Host         string          `json:"host,omitempty"`
	Retrieved    string          `json:"retrieved,omitempty"`
	Bytes        int             `json:"bytes"`                 // size of the original as received
	Format       string          `json:"format"`                // its media type
	EditGroups   []editGroup     `json:"edit_groups,omitempty"` // the edit log, grouped for readers (editlog.go)
	EditCount    int             `json:"edit_count,omitempty"`
	Spans        []correctionRow `json:"spans,omitempty"` // corrected and damaged spans, as footnotes to their marks
}

// reportFigure is a figure as its report's list of citations shows it:
// the text marks it, so no quote or source is repeated.
type reportFigure struct {
	Anchor string   `json:"anchor"`
	Name   string   `json:"name"`
	Value  string   `json:"value"`
	Unit   string   `json:"unit"`
	Kind   string   `json:"kind"`
	Year   int      `json:"year"`
	Place  string   `json:"place"`
	Cite   citation `json:"cite"`
	// Conflict and Conflicts as in figureRow: other reports' values.
	Conflict  bool           `json:"conflict,omitempty"`
	Conflicts []conflictLink `json:"conflicts,omitempty"`
}

// mediaType names an original's format by its file name and encoding.
func mediaType(name, encoding string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", "":
		return "text/plain; charset=" + encoding
	case ".html", ".htm":
		return "text/html; charset=" + encoding
	case ".pdf":
		return "application/pdf"
	case ".doc":
		return "application/msword"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	}
	return "application/octet-stream"
}

// figureDetail is what a figure's citation says it cites.
func figureDetail(row figureRow) string {
	return joinNonEmpty(" ", row.Place, itoa(row.Year), row.Name, row.Value+row.Unit)
}

func ptr[T any](v T) *T { return &v }

func (l Lang) pick(t pipeline.Twin) string {
	if l.Code == "zh-hant" {
		return t.Hant
	}
	return t.Hans
}

func (l Lang) convertAll(in []string) []string {
	var out []string
	for _, s := range in {
		out = append(out, l.Convert(s))
	}
	return out
}

func (f *output) addReportPage(lang Lang, ui map[string]string, r pipeline.Report, rows []figureRow) {
	m := r.Source.Meta
	params := reportParams{
		SourceID:   r.Source.ID,
		Kind:       m.Kind,
		Publisher:  lang.Convert(m.Publisher),
		Authors:    lang.convertAll(m.Authors),
		URL:        m.URL,
		Published:  m.Published,
		CoversYear: m.CoversYear,
		Places:     lang.convertAll(m.Places),
		Script:     m.Script,
		Encoding:   r.Source.Encoding,
		SHA256:     r.Source.SHA256,
		Original:   originalPath(r),
		Extraction: r.Source.Extraction,
		ReceivedAs: m.ReceivedAs,
		Notes:      lang.Convert(m.Notes),
		Paragraphs: len(r.Paragraphs),
		Host:       lang.Convert(m.Host),
		Retrieved:  m.Retrieved,
		Bytes:      len(r.Source.Bytes),
		Format:     mediaType(r.Source.OriginalPath, r.Source.Encoding),
		EditGroups: editGroups(lang, r.Doc.Edits),
		Spans:      spanRows(lang, ui, r),
	}
	for _, g := range params.EditGroups {
		params.EditCount += g.Count
	}
	cw := lang.citeWords(ui)
	original := lang.reportWork(r)
	copied := copyWork(original)
	params.CiteOriginal = cw.cite(original, false)
	if len(rows) > 0 {
		params.Figures = make([]reportFigure, 0, len(rows))
	}
	for _, row := range rows {
		params.Figures = append(params.Figures, reportFigure{
			Anchor: row.Anchor, Name: row.Name, Value: row.Value, Unit: row.Unit,
			Kind: row.Kind, Year: row.Year, Place: row.Place, Conflict: row.Conflict, Conflicts: row.Conflicts,
			Cite: cw.cite(figureWork(copied, figureDetail(row), row.Anchor), false),
		})
	}
	fm := frontMatter{
		Title:       lang.pick(r.Title),
		Description: description(lang, r),
		Layout:      "report",
		Params:      params,
		Cite:        ptr(cw.cite(copied, true)),
		Citation:    reportCitationMeta(original),
	}
	if len(m.Published) == len("2006-01-02") {
		fm.Date = m.Published
	}
	buf := scratch.Get().(*[]byte)
	defer scratch.Put(buf)
	body := (*buf)[:0]
	figs := byParagraph(r.Figures)
	if h := r.Headline; h != nil {
		// The headline as printed, at the top of the text with its
		// figures marked and its own anchor (#p0): a figure read from it
		// is cited to it like any other to its sentence.
		body = appendTextParagraph(body, lang, ui, r, rows, figs, *h, " .headline")
	}
	for _, p := range r.Paragraphs {
		if p.Heading {
			text := lang.pick(pipeline.Twin{Hans: p.Hans, Hant: p.Hant})
			level := p.Level + 1
			if level < 2 {
				level = 2
			}
			if level > 4 {
				level = 4
			}
			body = append(body, "####"[:level]...)
			body = append(body, ' ')
			body = appendEscaped(body, text, false)
			body = append(body, " {#"...)
			body = append(body, p.ID...)
			body = append(body, "}\n\n"...)
			continue
		}
		body = appendTextParagraph(body, lang, ui, r, rows, figs, p, "")
	}
	f.addMarkdown(lang, filepath.Join("sources", r.Source.ID+".md"), fm, body)
	*buf = body
}

// appendTextParagraph appends a paragraph that is not a heading, its figures
// and marked spans as links to their anchors; attrs are further block
// attributes (" .headline"), written into the paragraph's attribute block.
func appendTextParagraph(body []byte, lang Lang, ui map[string]string, r pipeline.Report, rows []figureRow, figs map[string][]int, p pipeline.Paragraph, attrs string) []byte {
	text := lang.pick(pipeline.Twin{Hans: p.Hans, Hant: p.Hant})
	if marks := append(spanMarks(lang, ui, p), figureMarks(r.Figures, rows, figs[p.ID])...); len(marks) > 0 {
		body = appendMarkedParagraph(body, p.ID, p.Text, marks, lang.pieces(p, text))
	} else {
		body = appendParagraph(body, p.ID, text)
	}
	if attrs == "" {
		return body
	}
	body = body[:len(body)-len("}\n\n")] // appendAnchor's end
	body = append(body, attrs...)
	return append(body, "}\n\n"...)
}

// spanMarks marks the cleaner's corrected and damaged spans. Their ids are
// the paragraph id and the span's position, the same in both scripts.
func spanMarks(lang Lang, ui map[string]string, p pipeline.Paragraph) []mark {
	var out []mark
	for i, s := range p.Spans {
		m := mark{start: s.Start, end: s.End}
		switch s.Kind {
		case "corrected":
			m.id = spanAnchor(p.ID, i, s.Kind)
			m.title = lang.UI(ui["mark_corrected"]) + s.Original
			if s.Note != "" {
				m.title += "；" + lang.Convert(s.Note)
			}
		case "damaged":
			m.id = spanAnchor(p.ID, i, s.Kind)
			m.title = lang.UI(ui["mark_damaged"])
		default:
			continue
		}
		out = append(out, m)
	}
	return out
}

// spanAnchor is the fragment of the i-th span of a paragraph.
func spanAnchor(paragraph string, i int, kind string) string {
	return fmt.Sprintf("%c-%s-%d", kind[0], paragraph, i+1)
}

// description is the page summary for search engines and link previews:
// the first paragraph that is not the title, cut to about 120 characters.
func description(lang Lang, r pipeline.Report) string {
	for _, p := range r.Paragraphs {
		text := lang.pick(pipeline.Twin{Hans: p.Hans, Hant: p.Hant})
		if p.Heading || text == lang.pick(r.Title) {
			continue
		}
		return shorten(text, 120)
	}
	return lang.pick(r.Title)
}

// record is the published data layer for one report: everything the
// pipeline knows about it, in both scripts.
type record struct {
	ID         string            `json:"id"`
	Title      pipeline.Twin     `json:"title"`
	Meta       any               `json:"meta"`
	SHA256     string            `json:"sha256"`
	Encoding   string            `json:"encoding"`
	Authors    []string          `json:"authors,omitempty"`
	Publisher  string            `json:"publisher,omitempty"`
	Paragraphs []recordParagraph `json:"paragraphs"`
	// Headline is the line moved into the title, read as paragraph p0.
	Headline *recordParagraph `json:"headline,omitempty"`
	Edits    []clean.Edit     `json:"edits"`
}

// recordParagraph is a paragraph in the record. Its place is named by code
// and path only: the rest (levels, parents, Traditional names) is the
// gazetteer's (from the code), and repeating it in every paragraph doubled the record.
type recordParagraph struct {
	clean.Paragraph
	Hans    string    `json:"hans"`
	Hant    string    `json:"hant"`
	Place   *placeRef `json:"place,omitempty"`
	Year    int       `json:"year,omitempty"`
	YearHow string    `json:"year_how,omitempty"`
}

type placeRef struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Level string `json:"level"`
	Path  string `json:"path,omitempty"`
	Kind  string `json:"kind,omitempty"`
}

func reportRecord(r pipeline.Report) record {
	m := r.Source.Meta
	return record{
		ID:    r.Source.ID,
		Title: r.Title,
		Meta: map[string]any{
			"kind": m.Kind, "publisher": m.Publisher, "authors": m.Authors, "url": m.URL,
			"published": m.Published, "retrieved": m.Retrieved, "covers_year": m.CoversYear,
			"places": m.Places, "script": m.Script, "received_as": m.ReceivedAs, "notes": m.Notes,
			"title_supplied": m.TitleSupplied, "publisher_place": m.PublisherPlace, "host": m.Host,
		},
		SHA256:     r.Source.SHA256,
		Encoding:   r.Source.Encoding,
		Authors:    r.Doc.Authors,
		Publisher:  r.Doc.Publisher,
		Paragraphs: recordParagraphs(r.Paragraphs),
		Headline:   recordHeadline(r.Headline),
		Edits:      nonNil(r.Doc.Edits),
	}
}

func recordHeadline(h *pipeline.Paragraph) *recordParagraph {
	if h == nil {
		return nil
	}
	return &recordParagraphs([]pipeline.Paragraph{*h})[0]
}

func recordParagraphs(ps []pipeline.Paragraph) []recordParagraph {
	out := make([]recordParagraph, len(ps))
	for i, p := range ps {
		out[i] = recordParagraph{Paragraph: p.Paragraph, Hans: p.Hans, Hant: p.Hant, Year: p.Year, YearHow: p.YearHow}
		if p.Place != nil {
			out[i].Place = &placeRef{Code: p.Place.Code, Name: p.Place.Name, Level: p.Place.Level, Path: p.Place.Path, Kind: p.Place.Kind}
		}
	}
	return out
}

func nonNil(e []clean.Edit) []clean.Edit {
	if e == nil {
		return []clean.Edit{}
	}
	return e
}

// pieces converts pieces of a paragraph, given as byte offsets into its
// text, whose conversion into lang's script is converted.
func (l Lang) pieces(p pipeline.Paragraph, converted string) func(from, to int) string {
	if converted == p.Text {
		// Already in this script as a whole: its pieces are too, and
		// need not go through the converter one by one.
		return func(from, to int) string { return p.Text[from:to] }
	}
	var a *script.Aligned
	return func(from, to int) string {
		if l.Align != nil {
			if a == nil {
				a = l.Align(p.Text, p.Hans, p.Hant)
			}
			if hans, hant, ok := a.Slice(from, to); ok {
				return l.pick(pipeline.Twin{Hans: hans, Hant: hant})
			}
		}
		return l.Convert(p.Text[from:to])
	}
}
