package publish

import (
	"strconv"
	"strings"

	"github.com/eduportal/portal/generator/internal/parallel"
	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/script"
)

// figureRow is one figure as a table row on a place-year or indicator page,
// in one script.
type figureRow struct {
	Anchor    string `json:"anchor"` // the figure's anchor in its report: "f-p4-1"
	Indicator string `json:"indicator,omitempty"`
	Name      string `json:"name"` // indicator name, or the figure's label
	Value     string `json:"value"`
	Unit      string `json:"unit"`
	Number    string `json:"number"` // normalised, formatted for sorting and display
	Canonical string `json:"canonical"`
	Qualifier string `json:"qualifier,omitempty"`
	Kind      string `json:"kind"`
	// Level and Span are the figure's scope beyond its indicator
	// (extract/scope.go); Level is empty when it is the indicator's own
	// (幼儿园数 is always preschool), so a row says only what sets it apart.
	Level     string `json:"level,omitempty"`
	Span      string `json:"span,omitempty"`
	Cue       string `json:"cue,omitempty"`
	Year      int    `json:"year"`
	BaseYear  int    `json:"base_year,omitempty"`
	Place     string `json:"place"`
	PlacePath string `json:"place_path,omitempty"`
	Source    string `json:"source"`
	Ref       int    `json:"ref"` // number of the source in the page's list of sources
	Paragraph string `json:"paragraph"`
	Quote     string `json:"quote,omitempty"` // on indicator pages only: place-year pages show excerpts
	Conflict  bool   `json:"conflict,omitempty"`
	// Conflicts link the figures of other reports that give another value
	// for the same indicator, place, year and kind.
	Conflicts []conflictLink `json:"conflicts,omitempty"`
	Label     string         `json:"-"` // the report's words, converted, for search and downloads
}

// conflictLink is a contradicting figure of another report, as a link.
type conflictLink struct {
	Source string `json:"source"`
	Anchor string `json:"anchor"`
	Value  string `json:"value"`
}

// rowsByReport holds every figure's row in one script: [report][figure].
type rowsByReport [][]figureRow

// rowRef points at a row in a rowsByReport. Pages gather and sort these,
// a fraction of a row's size, and copy the rows once, in their order.
type rowRef struct{ report, figure int32 }

func (rows rowsByReport) at(r rowRef) *figureRow { return &rows[r.report][r.figure] }

// gather copies the rows refs point at, in order.
func (rows rowsByReport) gather(refs []rowRef) []figureRow {
	out := make([]figureRow, len(refs))
	for i, r := range refs {
		out[i] = *rows.at(r)
	}
	return out
}

// figureRows converts every figure into a row in each script once, on all
// cores; report, place-year and indicator pages, search and downloads all
// read these instead of converting the same words again. A report's rows
// in both scripts are made together, each of its words converted once
// into both (conv.Twin when the converter has it: the first half of
// converting to Traditional is converting to Simplified). A figure's
// sentence is cut out of its paragraph's conversion when the converter can
// do that exactly (script.Converter.Align), not converted again.
func figureRows(conv pipeline.Converter, langs []Lang, reports []pipeline.Report, ind map[string]pipeline.Indicator) []rowsByReport {
	out := make([]rowsByReport, len(langs))
	for li := range langs {
		out[li] = make(rowsByReport, len(reports))
	}
	parallel.For(len(reports), func(ri int) {
		r := &reports[ri]
		memo, known := memoizedTwins(conv, langs)
		quotes := boundQuotes(r)
		if known != nil && langs[0].Align != nil {
			quotesFromParagraphs(langs[0].Align, r, quotes, known)
		}
		for li, lang := range memo {
			rows := make([]figureRow, len(r.Figures))
			for fi, o := range r.Figures {
				rows[fi] = lang.figureRow(o, quotes[fi], ind)
			}
			out[li][ri] = rows
		}
	})
	return out
}

// twinConverter converts a text into both scripts at once.
type twinConverter interface {
	Twin(string) (hans, hant string)
}

// spanConverter cuts a span's conversions out of its text's (Langs gives
// it to each Lang as Align).
type spanConverter interface {
	Align(text, hans, hant string) *script.Aligned
}

// quotesFromParagraphs tells known the conversions of the report's figure
// quotes that can be cut out of their paragraphs' conversions.
func quotesFromParagraphs(align func(text, hans, hant string) *script.Aligned, r *pipeline.Report, quotes []quoteWindow, known func(s, hans, hant string)) {
	byID := make(map[string]int, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		byID[p.ID] = i
	}
	aligned := map[int]*script.Aligned{}
	for fi, o := range r.Figures {
		quote := quotes[fi].text
		i, ok := byID[o.Paragraph]
		if !ok || quote == "" {
			continue
		}
		p := &r.Paragraphs[i]
		at := strings.Index(p.Text, quote)
		if at < 0 {
			continue
		}
		a := aligned[i]
		if a == nil {
			a = align(p.Text, p.Hans, p.Hant)
			aligned[i] = a
		}
		if hans, hant, ok := a.Slice(at, at+len(quote)); ok {
			known(quote, hans, hant)
		}
	}
}

// memoizedTwins returns langs converting through one cache, for one
// goroutine: a report's figures share their labels, units and places, and
// a third of them share their sentence with another. Each text is
// converted into every script the first time either asks for it. known
// adds a text's conversions found otherwise (nil when langs are not the
// site's two scripts).
func memoizedTwins(conv pipeline.Converter, langs []Lang) ([]Lang, func(s, hans, hant string)) {
	twin := func(s string) (string, string) { return conv.ToHans(s), conv.ToHant(s) }
	if tc, ok := conv.(twinConverter); ok {
		twin = tc.Twin
	}
	if len(langs) != 2 || langs[0].Code != "zh-hans" || langs[1].Code != "zh-hant" {
		out := make([]Lang, len(langs))
		for i, l := range langs {
			out[i] = l.memoized()
		}
		return out, nil
	}
	seen := map[string][2]string{}
	convert := func(s string) [2]string {
		out, ok := seen[s]
		if !ok {
			hans, hant := twin(s)
			out = [2]string{hans, hant}
			seen[s] = out
		}
		return out
	}
	hans, hant := langs[0], langs[1]
	hans.Convert = func(s string) string { return convert(s)[0] }
	hant.Convert = func(s string) string { return convert(s)[1] }
	return []Lang{hans, hant}, func(s, hans, hant string) { seen[s] = [2]string{hans, hant} }
}

// memoized returns l converting through a cache of its own, for one
// goroutine.
func (l Lang) memoized() Lang {
	seen := map[string]string{}
	convert := l.Convert
	l.Convert = func(s string) string {
		out, ok := seen[s]
		if !ok {
			out = convert(s)
			seen[s] = out
		}
		return out
	}
	return l
}

func (l Lang) figureRow(o pipeline.Observation, quote quoteWindow, ind map[string]pipeline.Indicator) figureRow {
	label := l.Convert(o.Label)
	name := label
	level, span := "", ""
	if i, ok := ind[o.Indicator]; ok {
		name = l.pick(i.Name)
		level, span = o.Level, o.Span
		if level == i.Level {
			level = ""
		}
	}
	row := figureRow{
		Anchor: reportAnchor(o), Indicator: o.Indicator, Name: name, Label: label,
		Value: l.Convert(o.Value), Unit: l.Convert(o.Unit),
		Number: formatNumber(o.Number), Canonical: l.Convert(o.CanonicalUnit),
		Qualifier: l.Convert(o.Qualifier), Kind: o.Kind, Level: level, Span: span, Cue: l.Convert(o.Cue),
		Year: o.Year, BaseYear: o.BaseYear,
		Source: o.Source, Paragraph: o.Paragraph,
		Quote: quote.marked(l.Convert(quote.text)), Conflict: o.Conflict,
	}
	for _, c := range o.ConflictsWith {
		row.Conflicts = append(row.Conflicts, conflictLink{Source: c.Source,
			Anchor: "f-" + strings.TrimPrefix(c.ID, c.Source+"-"), Value: l.Convert(c.Value + c.Unit)})
	}
	if o.Place != nil {
		row.Place = l.placeName(*o.Place)
		row.PlacePath = placePath(*o.Place)
	} else {
		row.Place = l.Convert(o.PlaceName)
	}
	return row
}

// sourceRef is a report cited by a table, listed once under it so that
// rows carry a short "[n] #p4" instead of the full title.
type sourceRef struct {
	N     int    `json:"n"`
	ID    string `json:"id"`
	Title string `json:"title"`
}

// numberSources gives each report the rows cite a number, in order of first
// appearance, and returns the list.
func numberSources(lang Lang, rows []figureRow, reports map[string]*pipeline.Report) []sourceRef {
	var refs []sourceRef
	n := make(map[string]int, len(rows))
	for i := range rows {
		id := rows[i].Source
		k, seen := n[id]
		if !seen {
			title := id
			if r := reports[id]; r != nil {
				title = lang.pick(r.Title)
			}
			refs = append(refs, sourceRef{N: len(refs) + 1, ID: id, Title: title})
			k = len(refs)
			n[id] = k
		}
		rows[i].Ref = k
	}
	return refs
}

// formatNumber writes a normalised value without exponent or trailing
// zeros: 26700, 0.9337, 21380840000.
func formatNumber(f float64) string {
	// 68.1亿 is 6809999999.999999 in binary floating point; no report gives
	// more than 12 significant digits, so round there first.
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 12, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// reportAnchor is a figure's anchor on its report's page: the observation
// id without the report id, which the page's URL already says.
func reportAnchor(o pipeline.Observation) string {
	return "f-" + strings.TrimPrefix(o.ID, o.Source+"-")
}

// figureMarks are the figures of one paragraph (their indexes in figs),
// marked in the report text; the label and anchor come from the figures'
// rows in the page's script, already converted.
func figureMarks(figs []pipeline.Observation, rows []figureRow, idx []int) []mark {
	var out []mark
	for _, i := range idx {
		out = append(out, mark{start: figs[i].Start, end: figs[i].End, id: rows[i].Anchor, title: rows[i].Label})
	}
	return out
}

// byParagraph groups the indexes of a report's figures by paragraph id.
func byParagraph(figs []pipeline.Observation) map[string][]int {
	m := map[string][]int{}
	for i, o := range figs {
		m[o.Paragraph] = append(m[o.Paragraph], i)
	}
	return m
}

// kindOrder sorts actual before target before change in tables.
func kindOrder(k string) int {
	return strings.Index("actual target change", k)
}
