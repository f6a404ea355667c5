package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eduportal/portal/generator/source"
)

// Cache keeps each report's stage output on disk, keyed by everything the
// output depends on, so that an unchanged report is not cleaned, converted,
// located or extracted again. A hit gives exactly what the stages would
// give: the build's output stays byte-identical.
type Cache struct {
	Dir string // e.g. .cache/pipeline under the repository
}

// cacheKey hashes the generator and data fingerprint with the report's id,
// original bytes (by sha256) and meta.yaml.
func (e *Env) cacheKey(s source.Report) string {
	h := sha256.New()
	for _, part := range []string{e.Fingerprint, s.ID, s.SHA256, s.Encoding} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	if meta, err := os.ReadFile(s.MetaPath); err == nil {
		h.Write(meta)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key[:2], key+".gob") }

func (c *Cache) load(key string) (Report, bool) {
	if c == nil {
		return Report{}, false
	}
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return Report{}, false
	}
	var r Report
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&r); err != nil {
		return Report{}, false // a stale or damaged entry is a miss
	}
	return r, true
}

// store writes an entry; a failure only costs the next build time.
func (c *Cache) store(key string, r Report) {
	if c == nil {
		return
	}
	r.Source = source.Report{}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(r); err != nil {
		return
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	tmp := p + ".tmp"
	if os.WriteFile(tmp, b.Bytes(), 0o644) == nil {
		os.Rename(tmp, p)
	}
}

// fingerprint hashes what every report's stages depend on besides the
// report: the generator's Go code (its version) and the shared data files
// (dictionaries, overrides, gazetteer, registry, corrections).
func fingerprint(root string) (string, error) {
	var files []string
	for _, dir := range []string{"generator", filepath.Join("data", "zh"), filepath.Join("data", "places")} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if !d.IsDir() && !strings.HasSuffix(p, "_test.go") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	files = append(files, filepath.Join(root, "go.sum"), filepath.Join(root, "data", "indicators.yaml"), filepath.Join(root, "data", "corrections.yaml"))
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return "", err
		}
		rel, _ := filepath.Rel(root, f)
		h.Write([]byte(filepath.ToSlash(rel)))
		h.Write([]byte{0})
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// PruneCache removes the cache's entries that none of srcs uses (and
// leftover temporary files): every change to a report, to the generator or
// to the shared data leaves the old entry behind, so without this the
// cache only grew. It says how many files it removed. Call it only with
// every report of the build.
func (e *Env) PruneCache(srcs []source.Report) int {
	if e.Cache == nil {
		return 0
	}
	keep := make(map[string]bool, len(srcs))
	for _, s := range srcs {
		keep[filepath.Base(e.Cache.path(e.cacheKey(s)))] = true
	}
	removed := 0
	filepath.WalkDir(e.Cache.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || keep[d.Name()] {
			return nil
		}
		if os.Remove(p) == nil {
			removed++
		}
		return nil
	})
	return removed
}
