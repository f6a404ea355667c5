package site

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

// The preview sends, for each kind of path, what netlify.toml gives it:
// read from the repository's own netlify.toml, so that a rule changed
// there is a rule changed in the preview.
func TestHeaderRulesFromNetlifyToml(t *testing.T) {
	rules, err := LoadHeaderRules("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	site := "default-src 'self'"
	cases := []struct {
		path, header, wantPrefix string
	}{
		{"/zh-hans/", "Content-Security-Policy", site},
		{"/zh-hant/places/shandong/", "X-Frame-Options", "DENY"},
		{"/css/style.abc123.css", "Cache-Control", "public, max-age=31536000, immutable"},
		{"/css/style.abc123.css", "Content-Security-Policy", site},
		{"/zh-hans/", "Cache-Control", ""},
		// A later rule replaces an earlier one's value for the same header.
		{"/originals/some-report/original.html", "Content-Security-Policy", "sandbox; default-src 'none'"},
		{"/originals/some-report/original.html", "Content-Disposition", "attachment"},
		{"/originals/some-report/original.txt", "Content-Type", "text/plain; charset=utf-8"},
		{"/originals/some-report/original.txt", "Content-Disposition", ""},
		{"/ORIGINALS/some-report/original.PDF", "Content-Type", "application/pdf"},
		// :id is one segment.
		{"/originals/a/b/original.pdf", "Content-Type", ""},
	}
	for _, c := range cases {
		got := rules.For(c.path).Get(c.header)
		if c.wantPrefix == "" && got != "" || len(got) < len(c.wantPrefix) || got[:len(c.wantPrefix)] != c.wantPrefix {
			t.Errorf("%s %s: %q, want %q…", c.path, c.header, got, c.wantPrefix)
		}
	}
}

func TestHeaderRulesErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"not TOML":       "[[headers]\nfor = ",
		"a relative for": "[[headers]]\nfor = \"css/*\"\n[headers.values]\nX-A = \"1\"\n",
	} {
		p := filepath.Join(dir, "netlify.toml")
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := LoadHeaderRules(p); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// The proxy replaces the upstream's header of the same name and keeps
// the others.
func TestHeaderRulesProxy(t *testing.T) {
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("X-Upstream", "kept")
		w.Write([]byte("<p>page</p>"))
	}))
	defer upstream.Close()
	dir := t.TempDir()
	p := filepath.Join(dir, "netlify.toml")
	os.WriteFile(p, []byte("[[headers]]\nfor = \"/*\"\n[headers.values]\nX-Frame-Options = \"DENY\"\n\n[[headers]]\nfor = \"/originals/:id/original.html\"\n[headers.values]\nContent-Type = \"text/html; charset=utf-8\"\nContent-Disposition = \"attachment\"\n"), 0o644)
	rules, err := LoadHeaderRules(p)
	if err != nil {
		t.Fatal(err)
	}
	target, _ := url.Parse(upstream.URL)
	front := httptest.NewServer(rules.Proxy(target))
	defer front.Close()
	for path, want := range map[string]map[string]string{
		"/zh-hans/":                   {"X-Frame-Options": "DENY", "X-Upstream": "kept", "Content-Disposition": "", "Content-Type": "text/plain"},
		"/originals/r1/original.html": {"X-Frame-Options": "DENY", "Content-Disposition": "attachment", "Content-Type": "text/html; charset=utf-8"},
	} {
		resp, err := http.Get(front.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for k, v := range want {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s %s: %q, want %q", path, k, got, v)
			}
		}
	}
}
