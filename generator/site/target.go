package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file every built site carries at its top. A folder that
// exists is replaced by a build only when it holds this file (or is empty):
// `build --public .` or `--public data` must fail, not delete the checkout.
const Marker = ".eduportal-site"

// markerText says what the marker is for to whoever finds it.
const markerText = "This folder is a site built by the portal's generator.\n" +
	"`go run ./generator build --public DIR` replaces a folder only when it holds this file.\n"

// CheckTarget refuses a destination for the built site that a build must
// not replace: the repository or a folder holding it, anything inside one
// of the repository's own folders (data/, content/, generator/, .git/ …),
// a file, and a folder that exists but is neither empty nor a previous
// build (no Marker). Symbolic links are followed before comparing.
func CheckTarget(root, public string) error {
	absRoot, err := resolve(root)
	if err != nil {
		return err
	}
	target, err := resolve(public)
	if err != nil {
		return err
	}
	refuse := func(why string) error {
		return fmt.Errorf("refusing to build the site into %s: %s", public, why)
	}
	if within(absRoot, target) {
		if target == absRoot {
			return refuse("it is the repository itself")
		}
		return refuse("it contains the repository " + absRoot)
	}
	if within(target, absRoot) {
		rel, _ := filepath.Rel(absRoot, target)
		top := strings.Split(rel, string(filepath.Separator))[0]
		if top != rel && isDir(filepath.Join(absRoot, top)) && !hasMarker(filepath.Join(absRoot, top)) {
			return refuse("it is inside the repository's folder " + top + "/")
		}
		if isRepoFolder(top) {
			return refuse(top + " is one of the repository's folders")
		}
	}
	fi, err := os.Lstat(target)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return refuse("it exists and is not a folder")
	}
	if hasMarker(target) || builtBeforeMarkers(target) {
		return nil
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return refuse("it exists and holds no " + Marker + " (it is not a site an earlier build made); remove it or choose another folder")
	}
	return nil
}

// repoFolders are the repository's own top-level folders, refused even when
// they do not exist yet in this checkout.
var repoFolders = []string{".git", ".ci", ".cache", "content", "data", "generator", "layouts", "static", "i18n", "assets", "resources", "node_modules"}

func isRepoFolder(name string) bool {
	for _, f := range repoFolders {
		if name == f {
			return true
		}
	}
	return false
}

// resolve makes path absolute and follows the symbolic links in the part
// of it that exists.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	existing, rest := abs, ""
	for {
		if r, err := filepath.EvalSymlinks(existing); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
}

// within reports whether path is dir or lies under it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

func hasMarker(dir string) bool {
	fi, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && fi.Mode().IsRegular()
}

// builtBeforeMarkers recognises a site built before sites carried the
// marker by the files every such build made: the script chooser, both
// scripts' home pages and the sitemap. No source folder has that shape
// (content/ holds _index.md, never index.html).
func builtBeforeMarkers(dir string) bool {
	for _, f := range []string{"index.html", "sitemap.xml", filepath.Join("zh-hans", "index.html"), filepath.Join("zh-hant", "index.html")} {
		if fi, err := os.Lstat(filepath.Join(dir, f)); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

func writeMarker(dir string) error {
	return os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644)
}
