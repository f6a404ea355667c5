package publish

import (
	"strings"

	"github.com/eduportal/portal/generator/internal/jsonout"
)

// The citation model's machine formats (cite.go has the model and the
// styles for readers): BibTeX, RIS and CSL-JSON, each from the same work,
// with the same slots.

// bibEscape protects BibTeX's special characters.
func bibEscape(s string) string { return bibReplacer.Replace(s) }

// bibReplacer is built once: a Replacer builds its tables on first use,
// which per call was a tenth of publishing's time at 1,000 reports.
var bibReplacer = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "%", `\%`, "&", `\&`,
	"#", `\#`, "$", `\$`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)

func (cw citeWords) bibtex(w work) segments {
	var s segments
	kind := "misc"
	if w.Dataset {
		kind = "dataset"
	}
	s.text("@", kind, "{", w.Key, ",\n")
	if len(w.Authors) > 0 {
		names := make([]string, len(w.Authors))
		for i, a := range w.Authors {
			names[i] = "{" + bibEscape(a) + "}"
		}
		s.text("  author = {", strings.Join(names, " and "), "},\n")
	}
	title := w.withDetail(w.Title)
	s.text("  title = {", bibEscape(title), "},\n")
	s.text("  publisher = {", bibEscape(cw.portal), "},\n  year = {")
	s.slot("year", "")
	s.text("},\n  url = {")
	cw.where(&s, w)
	s.text("},\n  urldate = {")
	s.slot("accessed", "")
	s.text("},\n  version = {")
	s.slot("commit", "")
	s.text("},\n")
	if w.Original != "" {
		s.text("  origdate = {", w.Original, "},\n")
	}
	s.text("  language = {", cw.lang, "}\n}")
	return s
}

// ris is the RIS record (TY ELEC for a page, DATA for a data set).
func (cw citeWords) ris(w work) segments {
	var s segments
	ty := "ELEC"
	if w.Dataset {
		ty = "DATA"
	}
	s.text("TY  - ", ty, "\n")
	for _, a := range w.Authors {
		s.text("AU  - ", a, "\n")
	}
	title := w.withDetail(w.Title)
	s.text("TI  - ", title, "\n")
	if w.Hosted {
		s.text("T2  - ", cw.portal, "\n")
	}
	s.text("PB  - ", cw.portal, "\nPY  - ")
	s.slot("year", "")
	s.text("\nY2  - ")
	s.slot("accessed", "")
	s.text("\nUR  - ")
	cw.where(&s, w)
	s.text("\nET  - ")
	s.slot("commit", "")
	s.text("\nLA  - ", cw.lang, "\nER  - ")
	return s
}

// csl is the work as a CSL-JSON item, in an array as reference managers
// import it.
func (cw citeWords) csl(w work) segments {
	var s segments
	q := func(v string) string { return string(jsonout.AppendString(nil, v)) }
	typ := "webpage"
	if w.Dataset {
		typ = "dataset"
	}
	title := w.withDetail(w.Title)
	s.text("[{\"id\": ", q(w.Key), ", \"type\": ", q(typ), ", \"title\": ", q(title))
	if len(w.Authors) > 0 {
		s.text(", \"author\": [")
		for i, a := range w.Authors {
			if i > 0 {
				s.text(", ")
			}
			s.text("{\"literal\": ", q(a), "}")
		}
		s.text("]")
	}
	if w.Hosted {
		s.text(", \"container-title\": ", q(cw.portal))
	}
	s.text(", \"publisher\": ", q(cw.portal), ", \"issued\": {\"raw\": \"")
	s.slot("date", "")
	s.text("\"}, \"accessed\": {\"raw\": \"")
	s.slot("accessed", "")
	s.text("\"}, \"URL\": \"")
	cw.where(&s, w)
	s.text("\", \"version\": \"")
	s.slot("commit", "")
	s.text("\"")
	if w.Original != "" {
		s.text(", \"original-date\": {\"raw\": ", q(w.Original), "}")
	}
	s.text(", \"language\": ", q(cw.lang), "}]")
	return s
}
