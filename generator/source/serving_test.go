package source

import (
	"os"
	"slices"
	"strings"
	"testing"

	toml "github.com/pelletier/go-toml/v2"
)

// The formats the intake accepts are exactly the originals the site
// publishes (hugo.toml's mount) and the ones netlify.toml serves with a
// type of their own, as a download when a browser would render them, and
// under the sandbox: an original of another kind (a .js beside a saved
// page) can neither be added nor reach the site.
func TestOriginalsServedInert(t *testing.T) {
	var hugo struct {
		Module struct {
			Mounts []struct {
				Source, Target string
				Files          []string
			}
		}
	}
	readTOML(t, "../../hugo.toml", &hugo)
	var netlify struct {
		Headers []struct {
			For    string
			Values map[string]string
		}
	}
	readTOML(t, "../../netlify.toml", &netlify)

	var mounted []string
	for _, m := range hugo.Module.Mounts {
		if m.Target == "static/originals" {
			for _, f := range m.Files {
				mounted = append(mounted, strings.TrimPrefix(f, "**/original"))
			}
		}
	}
	if !slices.Equal(mounted, AcceptedExtensions()) {
		t.Errorf("hugo.toml publishes originals %v, the intake accepts %v", mounted, AcceptedExtensions())
	}
	rules := map[string]map[string]string{}
	for _, h := range netlify.Headers {
		rules[h.For] = h.Values
	}
	all := rules["/originals/*"]
	if !strings.HasPrefix(all["Content-Security-Policy"], "sandbox") || all["X-Content-Type-Options"] != "nosniff" {
		t.Errorf("/originals/* is not sandboxed with nosniff: %v", all)
	}
	for _, f := range Formats {
		for _, ext := range f.Exts {
			v := rules["/originals/:id/original"+ext]
			if v["Content-Type"] != f.ContentType {
				t.Errorf("%s served as %q, want %q", ext, v["Content-Type"], f.ContentType)
			}
			if got := v["Content-Disposition"] == "attachment"; got != f.Attachment {
				t.Errorf("%s: Content-Disposition %q, attachment wanted: %v", ext, v["Content-Disposition"], f.Attachment)
			}
		}
	}
}

func readTOML(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
