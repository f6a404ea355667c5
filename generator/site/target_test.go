package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A build refuses every destination whose replacement would delete
// something that is not a site it built: the checkout, a folder above it,
// its source folders and anything in them, files, and foreign folders.
func TestCheckTargetRefusesWhatABuildMustNotReplace(t *testing.T) {
	outer := t.TempDir()
	root := filepath.Join(outer, "repo")
	for _, d := range []string{".git", "data/sources", "content", "generator", "layouts", "elsewhere-empty"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"hugo.toml":                 "baseURL = \"https://x/\"\n",
		".git/HEAD":                 "ref: refs/heads/main\n",
		"data/sources/a.yaml":       "id: a\n",
		"built/" + Marker:           markerText,
		"built/index.html":          "<html>",
		"foreign/notes.txt":         "mine",
		"legacy/index.html":         "<html>",
		"legacy/sitemap.xml":        "<urlset/>",
		"legacy/zh-hans/index.html": "<html>",
		"legacy/zh-hant/index.html": "<html>",
	}
	for rel, text := range files {
		p := filepath.Join(root, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "data"), filepath.Join(outer, "link-to-data")); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		target string
		refuse string // "" when the target is accepted
	}{
		{root, "the repository itself"},
		{root + "/.", "the repository itself"},
		{outer, "contains the repository"},
		{"/", "contains the repository"},
		{filepath.Join(root, "data"), "data is one of the repository's folders"},
		{filepath.Join(root, "data", "sources"), "inside the repository's folder data/"},
		{filepath.Join(root, "data", "new-site"), "inside the repository's folder data/"},
		{filepath.Join(root, ".git"), ".git is one of"},
		{filepath.Join(root, "content"), "content is one of"},
		{filepath.Join(root, "static"), "static is one of"}, // refused even where it does not exist yet
		{filepath.Join(root, "generator", "public"), "inside the repository's folder generator/"},
		{filepath.Join(outer, "link-to-data"), "data is one of"},
		{filepath.Join(outer, "link-to-data", "x"), "inside the repository's folder data/"},
		{filepath.Join(root, "hugo.toml"), "not a folder"},
		{filepath.Join(root, "foreign"), "holds no " + Marker},
		{filepath.Join(root, "public"), ""},
		{filepath.Join(root, "built"), ""},
		{filepath.Join(root, "legacy"), ""},
		{filepath.Join(root, "elsewhere-empty"), ""},
		{filepath.Join(outer, "site", "public"), ""},
	}
	for _, c := range cases {
		err := CheckTarget(root, c.target)
		switch {
		case c.refuse == "" && err != nil:
			t.Errorf("%s: refused: %v", c.target, err)
		case c.refuse != "" && err == nil:
			t.Errorf("%s: accepted, want refusal (%s)", c.target, c.refuse)
		case c.refuse != "" && !strings.Contains(err.Error(), c.refuse):
			t.Errorf("%s: %v, want it to say %q", c.target, err, c.refuse)
		}
	}
}
