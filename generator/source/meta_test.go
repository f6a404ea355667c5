package source

import (
	"strings"
	"testing"
)

// Each malformed meta.yaml is refused with the file, the line and what is
// wrong; the well-formed variants next to them are accepted.
func TestParseMetaRefusesWhatItCannotTrust(t *testing.T) {
	base := metaFor("x", []byte(goodText), "")
	for _, tc := range []struct {
		name, extra string
		want        string // "" when accepted
	}{
		{"month 13", "published: 2021-13\n", `x.yaml:6: published: "2021-13" is not a real date`},
		{"month 00", "published: 2021-00\n", `x.yaml:6: published: "2021-00" is not a real date`},
		{"year 0000", "published: \"0000\"\n", `x.yaml:6: published: "0000" is not a plausible year`},
		{"day 31 of February", "published: 2021-02-31\n", `"2021-02-31" is not a real date`},
		{"retrieved far future", "retrieved: 2999-01-01\n", `retrieved: "2999-01-01" is not a plausible year`},
		{"a month", "published: 2021-06\n", ""},
		{"a year", "published: \"2021\"\n", ""},
		{"fractional year", "covers_year: 2021.5\n", `x.yaml:6: covers_year: "2021.5" is not a whole year`},
		{"quoted year", "covers_year: \"2021\"\n", "x.yaml:6: cannot unmarshal"},
		{"whole year", "covers_year: 2021\n", ""},
		{"url without host", "url: http://\n", `x.yaml:6: url: "http://" has no host`},
		{"url with a newline", "url: \"https://example.gov.cn/a\\nb\"\n", "holds white space or a control character"},
		{"url with a space", "url: \"https://example.gov.cn/a b\"\n", "holds white space"},
		{"ftp url", "url: ftp://example.gov.cn/a\n", "is not an http(s) URL"},
		{"good url", "url: https://example.gov.cn/a?b=1#c\n", ""},
		{"second document", "---\nnotes: hidden\n", "x.yaml:6: a second YAML document"},
	} {
		_, err := ParseMeta("x.yaml", []byte(base+tc.extra))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: refused: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	for _, tc := range []struct{ name, text, want string }{
		{"empty file", "", "x.yaml:1: empty"},
		{"white space only", "\n  \n", "x.yaml:1: empty"},
		{"comments only", "# draft\n", "x.yaml:1: no fields"},
	} {
		_, err := ParseMeta("x.yaml", []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "EOF") {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// ParseMeta never panics, every error names the file, and what it accepts
// has the fields a report needs.
func FuzzParseMeta(f *testing.F) {
	f.Add(metaFor("x", []byte(goodText), "published: 2021-06\ncovers_year: 2021\nurl: https://a.gov.cn/\nplaces: [山东省]\n"))
	f.Add("id: x\ntitle: [unclosed\n")
	f.Add(metaFor("x", []byte(goodText), "---\nid: y\n"))
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := ParseMeta("x.yaml", []byte(text))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "x.yaml:") {
				t.Fatalf("error does not start with the file and line: %v", err)
			}
			return
		}
		if m.ID == "" || strings.TrimSpace(m.Title) == "" || m.SHA256 == "" || m.Kind == "" || m.Script == "" {
			t.Fatalf("accepted %q without a required field: %+v", text, m)
		}
	})
}
