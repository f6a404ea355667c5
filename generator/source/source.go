// Package source is the first stage: it reads each report's meta.yaml and
// original bytes from data/sources/<id>/, checks them against each other,
// and decodes the text. It never modifies a source file.
package source

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/internal/parallel"
)

// Report is one source report as read from disk.
type Report struct {
	ID           string
	Dir          string // data/sources/<id>
	OriginalPath string // the original file, relative to the repository when loaded with LoadAll
	MetaPath     string
	Meta         Meta
	Bytes        []byte // exactly as received
	SHA256       string // of Bytes, hex
	Encoding     string // as detected or declared ("" for docx and pdf)
	Text         string // decoded or extracted, "\n" line ends
	// Format is the original's format (Format.Name: text, html, docx,
	// pdf) and Extraction how its text was taken out of it: what the
	// source page tells a reader about the copy.
	Format     string
	Extraction string
	// Page is what the file says about itself (a web page's <title>,
	// canonical URL, dates): read by `add` for the draft, not published.
	Page PageInfo
}

// IDPattern is what a report id looks like: a readable lowercase ASCII slug.
var IDPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// LoadAll reads every report under dir (data/sources), in id order. Every
// problem found is reported, each naming its file, not just the first.
func LoadAll(dir string) ([]Report, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading reports: %w", err)
	}
	// Every folder is read, decoded and hashed on every core; what is kept
	// is then decided in folder order, so the errors and the result do not
	// depend on which folder finished first.
	type loaded struct {
		meta   Meta // zero when meta.yaml is missing or does not parse
		report Report
		err    error
	}
	all := make([]loaded, len(entries))
	parallel.For(len(entries), func(i int) {
		if !entries[i].IsDir() {
			return
		}
		folder := filepath.Join(dir, entries[i].Name())
		metaPath, meta, err := readMeta(folder)
		if err != nil {
			all[i].err = err
			return
		}
		all[i].meta = meta
		all[i].report, all[i].err = loadWithMeta(folder, metaPath, meta)
	})
	var reports []Report
	var errs []error
	// Duplicate ids are judged from the meta files alone, so that the
	// editor is told "duplicate" rather than "does not match its folder".
	firstWithID := map[string]string{}
	for i, e := range entries {
		if !e.IsDir() {
			if e.Name() != "README.md" {
				errs = append(errs, fmt.Errorf("%s: not a report folder (each report lives in data/sources/<id>/)", filepath.Join(dir, e.Name())))
			}
			continue
		}
		if id := all[i].meta.ID; id != "" {
			metaPath := filepath.Join(dir, e.Name(), "meta.yaml")
			if prev, ok := firstWithID[id]; ok {
				errs = append(errs, fmt.Errorf("%s:%d: duplicate id %q, already used by %s", metaPath, all[i].meta.line("id"), id, prev))
				continue
			}
			firstWithID[id] = metaPath
		}
		if all[i].err != nil {
			errs = append(errs, all[i].err)
			continue
		}
		reports = append(reports, all[i].report)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.Slice(reports, func(i, j int) bool { return reports[i].ID < reports[j].ID })
	return reports, nil
}

// Load reads one report folder: meta.yaml and exactly one original.* file.
func Load(dir string) (Report, error) {
	metaPath, meta, err := readMeta(dir)
	if err != nil {
		return Report{}, err
	}
	return loadWithMeta(dir, metaPath, meta)
}

// readMeta reads and parses the meta.yaml of the report folder dir.
func readMeta(dir string) (string, Meta, error) {
	metaPath := filepath.Join(dir, "meta.yaml")
	raw, err := os.ReadFile(metaPath)
	if err != nil {
		return metaPath, Meta{}, fmt.Errorf("%s: %w", metaPath, errors.Unwrap(err))
	}
	meta, err := ParseMeta(metaPath, raw)
	return metaPath, meta, err
}

// loadWithMeta reads the original of the report folder dir, whose meta.yaml
// at metaPath has been parsed into meta.
func loadWithMeta(dir, metaPath string, meta Meta) (Report, error) {
	if base := filepath.Base(dir); meta.ID != base {
		return Report{}, fmt.Errorf("%s:%d: id %q does not match its folder name %q", metaPath, meta.line("id"), meta.ID, base)
	}
	originals, _ := filepath.Glob(filepath.Join(dir, "original.*"))
	switch len(originals) {
	case 0:
		return Report{}, fmt.Errorf("%s: missing original: put the report's bytes in %s", metaPath, filepath.Join(dir, "original.txt"))
	case 1:
	default:
		return Report{}, fmt.Errorf("%s: more than one original file: %s", dir, strings.Join(originals, ", "))
	}
	b, err := ReadLimited(originals[0])
	if err != nil {
		return Report{}, err
	}
	sum := sha256.Sum256(b)
	digest := hex.EncodeToString(sum[:])
	if meta.SHA256 != digest {
		return Report{}, fmt.Errorf("%s:%d: sha256 %s does not match %s (%s): the original was changed, or meta.yaml names another file", metaPath, meta.line("sha256"), meta.SHA256, originals[0], digest)
	}
	x, err := Extract(originals[0], b, meta.Encoding)
	if err != nil {
		return Report{}, err
	}
	return Report{
		ID: meta.ID, Dir: dir, OriginalPath: originals[0], MetaPath: metaPath,
		Meta: meta, Bytes: b, SHA256: digest, Encoding: x.Encoding, Text: x.Text,
		Format: x.Format, Extraction: x.How, Page: x.Page,
	}, nil
}

// ReadOriginal decodes a file that has no meta.yaml (for `inspect` and `add`).
func ReadOriginal(path string) (Report, error) {
	b, err := ReadLimited(path)
	if err != nil {
		return Report{}, err
	}
	x, err := Extract(path, b, "")
	if err != nil {
		return Report{}, err
	}
	sum := sha256.Sum256(b)
	return Report{OriginalPath: path, Bytes: b, SHA256: hex.EncodeToString(sum[:]), Encoding: x.Encoding, Text: x.Text,
		Format: x.Format, Extraction: x.How, Page: x.Page}, nil
}

// decodeYAML decodes strictly: unknown fields are errors with their line.
func decodeYAML(raw []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	return dec.Decode(v)
}
