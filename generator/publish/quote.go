package publish

import (
	"strings"
	"unicode/utf8"

	"github.com/eduportal/portal/generator/pipeline"
)

// A figure's quote is its sentence, copied into every download that holds
// the figure and into both search indexes. A sentence can be any length
// (one report had 2,500 numbers in a 42 KB sentence: 610 MB of data), so
// outside the report page, which shows the whole paragraph, the quote is
// bounded: a sentence up to quoteWhole runes is quoted whole, a longer one
// as a window of quoteContext runes either side of the figure, marked "…"
// where it was cut; and once a report's quotes reach reportQuoteBudget
// runes, its further figures are quoted as the figure alone ("…58所…").
// The permalink in every row leads to the whole sentence.
const (
	quoteWhole        = 240
	quoteContext      = 100
	reportQuoteBudget = 50000
)

// quoteWindow is the bounded quote of one figure: a span of its paragraph
// (so its conversions can be cut out of the paragraph's) and whether text
// was cut before or after it.
type quoteWindow struct {
	text                string
	cutBefore, cutAfter bool
}

// boundQuotes gives each of the report's figures its bounded quote.
func boundQuotes(r *pipeline.Report) []quoteWindow {
	byID := make(map[string]int, len(r.Paragraphs))
	for i, p := range r.Paragraphs {
		byID[p.ID] = i
	}
	out := make([]quoteWindow, len(r.Figures))
	used := 0
	for fi, o := range r.Figures {
		q := quoteWindow{text: o.Quote}
		n := utf8.RuneCountInString(o.Quote)
		if pi, ok := byID[o.Paragraph]; ok && (n > quoteWhole || used+n > reportQuoteBudget) {
			context := quoteContext
			if used+min(n, 2*quoteContext) > reportQuoteBudget {
				context = 0
			}
			q = window(r.Paragraphs[pi].Text, o, context)
		}
		used += utf8.RuneCountInString(q.text)
		out[fi] = q
	}
	return out
}

// window cuts the figure's sentence to context runes either side of the
// figure. It keeps the sentence whole when the figure cannot be found in
// it (then the sentence is what the extractor gave, and short enough not
// to have needed cutting in any report seen so far).
func window(text string, o pipeline.Observation, context int) quoteWindow {
	figStart, figEnd := byteOffset(text, o.Start), byteOffset(text, o.End)
	// The occurrence of the sentence that holds the figure.
	at, from := -1, 0
	for {
		i := strings.Index(text[from:], o.Quote)
		if i < 0 || o.Quote == "" {
			break
		}
		i += from
		if i <= figStart && figEnd <= i+len(o.Quote) {
			at = i
			break
		}
		from = i + 1
	}
	if at < 0 {
		return quoteWindow{text: o.Quote}
	}
	start, end := at, at+len(o.Quote)
	lo, hi := figStart, figEnd
	for k := 0; k < context && lo > start; k++ {
		_, size := utf8.DecodeLastRuneInString(text[start:lo])
		lo -= size
	}
	for k := 0; k < context && hi < end; k++ {
		_, size := utf8.DecodeRuneInString(text[hi:end])
		hi += size
	}
	return quoteWindow{text: text[lo:hi], cutBefore: lo > start, cutAfter: hi < end}
}

// byteOffset is the byte offset of rune offset n in s.
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// marked adds "…" where the window cut its sentence.
func (q quoteWindow) marked(converted string) string {
	if q.cutBefore {
		converted = "…" + converted
	}
	if q.cutAfter {
		converted += "…"
	}
	return converted
}
