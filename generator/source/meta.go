package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Meta is what an editor knows about a report, from its meta.yaml. The
// schema is documented in data/sources/README.md; keep the two together.
type Meta struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// TitleSupplied says the report bore no title and the editor wrote
	// one: citations show it in square brackets.
	TitleSupplied bool   `yaml:"title_supplied,omitempty"`
	Kind          string `yaml:"kind"`
	Publisher     string `yaml:"publisher,omitempty"`
	// PublisherPlace is where the publisher is (GB/T 7714's 出版地).
	PublisherPlace string `yaml:"publisher_place,omitempty"`
	// Host is the site the copy was taken from when it is not the
	// publisher (a document-sharing or mirror site): provenance, never
	// an author or publisher in a citation.
	Host       string   `yaml:"host,omitempty"`
	Authors    []string `yaml:"authors,omitempty"`
	URL        string   `yaml:"url,omitempty"`
	Published  string   `yaml:"published,omitempty"`   // YYYY-MM-DD, YYYY-MM or YYYY
	Retrieved  string   `yaml:"retrieved,omitempty"`   // YYYY-MM-DD
	CoversYear int      `yaml:"covers_year,omitempty"` // the year the report is about
	Places     []string `yaml:"places,omitempty"`      // names as the report gives them, widest first
	Script     string   `yaml:"script"`                // hans, hant or mixed: the script of the original
	Encoding   string   `yaml:"encoding,omitempty"`    // of the original; "" to detect
	SHA256     string   `yaml:"sha256"`
	ReceivedAs string   `yaml:"received_as,omitempty"` // the file name the report arrived under
	Notes      string   `yaml:"notes,omitempty"`

	lines map[string]int // field name → line in meta.yaml, for error messages
}

// Kinds a report may be.
var Kinds = []string{"news", "compilation", "self-evaluation", "speech", "interview", "report", "notice", "other"}

// Scripts an original may be written in.
var Scripts = []string{"hans", "hant", "mixed"}

var (
	datePattern = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	shaPattern  = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// ParseMeta parses and validates one meta.yaml. Errors name path and line.
func ParseMeta(path string, raw []byte) (Meta, error) {
	var m Meta
	if strings.TrimSpace(string(raw)) == "" {
		return Meta{}, fmt.Errorf("%s:1: empty; a meta.yaml needs at least id, title, kind, script and sha256", path)
	}
	if err := decodeYAML(raw, &m); err != nil {
		if errors.Is(err, io.EOF) {
			return Meta{}, fmt.Errorf("%s:1: no fields (only comments); a meta.yaml needs at least id, title, kind, script and sha256", path)
		}
		return Meta{}, fmt.Errorf("%s:%s", path, yamlMessage(err))
	}
	// One document only: a second ("---" and more fields) would be ignored.
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	var node, second yaml.Node
	if err := dec.Decode(&node); err != nil {
		return Meta{}, fmt.Errorf("%s:%s", path, yamlMessage(err))
	}
	if err := dec.Decode(&second); !errors.Is(err, io.EOF) {
		line := 1
		if err == nil {
			line = second.Line
		}
		return Meta{}, fmt.Errorf("%s:%d: a second YAML document; a meta.yaml is one mapping", path, line)
	}
	values := map[string]*yaml.Node{}
	if node.Kind == yaml.DocumentNode && len(node.Content) == 1 {
		m.lines = map[string]int{}
		doc := node.Content[0]
		for i := 0; i+1 < len(doc.Content); i += 2 {
			m.lines[doc.Content[i].Value] = doc.Content[i].Line
			values[doc.Content[i].Value] = doc.Content[i+1]
		}
	}
	var problems []string
	bad := func(field, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s:%d: %s: %s", path, m.line(field), field, fmt.Sprintf(format, args...)))
	}
	if m.ID == "" {
		bad("id", "missing")
	} else if !IDPattern.MatchString(m.ID) {
		bad("id", "%q is not a lowercase ASCII slug (letters, digits, single hyphens)", m.ID)
	}
	if strings.TrimSpace(m.Title) == "" {
		bad("title", "missing")
	}
	if !contains(Kinds, m.Kind) {
		bad("kind", "%q is not one of %s", m.Kind, strings.Join(Kinds, ", "))
	}
	if !contains(Scripts, m.Script) {
		bad("script", "%q is not one of %s", m.Script, strings.Join(Scripts, ", "))
	}
	if m.Encoding != "" && !contains(EncodingNames(), strings.ToLower(m.Encoding)) {
		bad("encoding", "%q is not one of %s", m.Encoding, strings.Join(EncodingNames(), ", "))
	}
	if !shaPattern.MatchString(m.SHA256) {
		bad("sha256", "%q is not 64 lowercase hex digits", m.SHA256)
	}
	for _, f := range []struct{ name, v string }{{"published", m.Published}, {"retrieved", m.Retrieved}} {
		if f.v == "" {
			continue
		}
		if !datePattern.MatchString(f.v) {
			bad(f.name, "%q is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", f.v)
			continue
		}
		layout := "2006-01-02"[:len(f.v)]
		if t, err := time.Parse(layout, f.v); err != nil {
			bad(f.name, "%q is not a real date", f.v)
		} else if t.Year() < minYear || t.Year() > maxYear {
			bad(f.name, "%q is not a plausible year (%d–%d)", f.v, minYear, maxYear)
		}
	}
	if v := values["covers_year"]; v != nil && v.ShortTag() != "!!int" {
		bad("covers_year", "%q is not a whole year", v.Value)
	} else if m.CoversYear != 0 && (m.CoversYear < minYear || m.CoversYear > maxYear) {
		bad("covers_year", "%d is not a plausible year", m.CoversYear)
	}
	if m.URL != "" {
		if why := badURL(m.URL); why != "" {
			bad("url", "%q %s", m.URL, why)
		}
	}
	if len(problems) > 0 {
		return Meta{}, fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return m, nil
}

// Years a report's dates may fall in: from the People's Republic's first
// education statistics to well past any report's target year.
const minYear, maxYear = 1949, 2100

// badURL says why u is not the address of a report on the web, or "".
func badURL(u string) string {
	if strings.IndexFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f }) >= 0 {
		return "holds white space or a control character"
	}
	p, err := url.Parse(u)
	switch {
	case err != nil:
		return "is not a URL"
	case p.Scheme != "http" && p.Scheme != "https":
		return "is not an http(s) URL"
	case p.Hostname() == "":
		return "has no host"
	}
	return ""
}

// line is the line of a field in meta.yaml, or 1 when it is absent.
func (m Meta) line(field string) int {
	if n, ok := m.lines[field]; ok {
		return n
	}
	return 1
}

// yamlMessage turns yaml.v3's "yaml: line 3: field x not found in type
// source.Meta" into "line 3: unknown field x".
func yamlMessage(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	s = strings.TrimPrefix(s, "unmarshal errors:\n  ")
	s = strings.ReplaceAll(s, "\n  ", "; ")
	s = regexp.MustCompile(`field (\S+) not found in type \S+`).ReplaceAllString(s, "unknown field $1")
	if strings.HasPrefix(s, "line ") {
		// "line 3: …" → "3: …" so the whole reads path:3: …
		return strings.TrimPrefix(s, "line ")
	}
	return " " + s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
