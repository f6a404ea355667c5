// Package intake writes the draft meta.yaml `generator add` leaves next to
// a new report: every field it can infer from the text alone, each with the
// evidence it came from (a line and its words), and every field it cannot
// infer marked "# could not tell: …" so that review is quick and nothing
// is guessed. It reads what the source and clean stages made of the file
// and the gazetteer; it writes nothing to disk.
package intake

import (
	"strings"
	"unicode/utf8"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/place"
	"github.com/eduportal/portal/generator/source"
)

// Field is one inferred value with the evidence for it, or, when Unknown
// is set, the reason it could not be told (Value is then empty).
type Field[T any] struct {
	Value    T
	Evidence string
	Unknown  string
}

func known[T any](v T, evidence string) Field[T] { return Field[T]{Value: v, Evidence: evidence} }
func unknown[T any](why string) Field[T]         { return Field[T]{Unknown: why} }

// Draft is the inferred meta.yaml of one new report.
type Draft struct {
	ID         string
	Title      Field[string]
	Kind       Field[string]
	Publisher  Field[string]
	Authors    Field[[]string]
	URL        Field[string]
	Published  Field[string] // YYYY-MM-DD, YYYY-MM or YYYY
	CoversYear Field[int]
	Places     Field[[]string] // full gazetteer names, widest first
	Script     Field[string]
	Encoding   Field[string]
	SHA256     string
	ReceivedAs string
	Format     string // source.Format name
	Extraction string // how the text was taken from the file
}

// Input is what the draft is inferred from.
type Input struct {
	ID         string
	ReceivedAs string
	Source     source.Report
	Doc        clean.Document
	Script     string              // hans, hant or mixed, as the script stage detected it
	ToHans     func(string) string // the site's converter: rules match Simplified text
	Gazetteer  *place.Gazetteer
}

// Infer writes the draft. It never fails: what it cannot tell it marks.
func Infer(in Input) Draft {
	t := newText(in)
	d := Draft{
		ID: in.ID, SHA256: in.Source.SHA256, ReceivedAs: in.ReceivedAs,
		Format: in.Source.Format, Extraction: in.Source.Extraction,
	}
	d.Title = t.title()
	d.Published = t.published()
	d.CoversYear = t.coversYear(d.Title.Value, d.Published.Value)
	d.Places = t.places(d.Title.Value)
	d.Kind = t.kind(d.Title.Value)
	d.Publisher, d.Authors, d.URL = t.byline()
	d.Script = known(in.Script, "the script stage's count of characters that exist in one script only")
	enc := strings.TrimSuffix(in.Source.Encoding, "-bom")
	switch {
	case enc == "":
		d.Encoding = unknown[string]("not a text file: " + in.Source.Format + " carries its own encoding; leave this out")
	case enc == "utf-8":
		d.Encoding = known(enc, "valid UTF-8 throughout")
	default:
		d.Encoding = known(enc, "detected from the bytes (a byte-order mark, or the encoding that decodes to the most common Chinese characters)")
	}
	return d
}

// quote shortens a line of the report to a comment's length, on one line.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:60]) + "…"
	}
	return "«" + s + "»"
}

// Missing names the fields that could not be told.
func (d Draft) Missing() []string {
	var out []string
	add := func(name, unknown string) {
		if unknown != "" {
			out = append(out, name)
		}
	}
	add("title", d.Title.Unknown)
	add("published", d.Published.Unknown)
	add("covers_year", d.CoversYear.Unknown)
	add("places", d.Places.Unknown)
	add("publisher", d.Publisher.Unknown)
	add("authors", d.Authors.Unknown)
	add("url", d.URL.Unknown)
	return out
}
