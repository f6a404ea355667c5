// Package synth writes a synthetic corpus of reports for benchmarks and
// end-to-end tests: N report folders (original.txt + meta.yaml, exactly as
// the source stage reads them) in the shapes of the five real reports —
// news, multi-city compilation, self-evaluation, speech, interview — in
// Simplified or Traditional script, with the page clutter, mirror pinyin
// annotations and broken lines of the real copies, and figures worded as the
// indicator registry words them, spread over the gazetteer's prefecture- and
// county-level places and over the years 2016–2025.
//
// The corpus is a function of the seed: report i is drawn from its own PCG
// generator seeded with (seed, i), so the same seed gives byte-identical
// files, and report i is the same whatever N is (growing a corpus from N to
// N+1 adds one report and leaves the others as they were).
//
// It is not a pipeline stage: nothing in the build reads it.
package synth

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/extract"
	"github.com/eduportal/portal/generator/internal/parallel"
	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/place"
	"github.com/eduportal/portal/generator/script"
	"github.com/eduportal/portal/generator/source"
)

// Env is what the synthesiser draws from: the gazetteer's places, the
// indicator registry and the Simplified → Traditional converter.
type Env struct {
	Places     []place.Place       // the gazetteer (Gazetteer.Places())
	Indicators []extract.Indicator // the registry (Registry.Indicators)
	ToHant     func(string) string // Simplified → Traditional (script.Converter.ToHant)
}

// NewEnv builds an Env from loaded stage values.
func NewEnv(g *place.Gazetteer, r *extract.Registry, c *script.Converter) Env {
	return Env{Places: g.Places(), Indicators: r.Indicators, ToHant: c.ToHant}
}

// LoadEnv loads what an Env needs from the repository at root: the
// converter (data/zh, with the gazetteer's official Traditional names, as
// the pipeline loads it), the gazetteer (data/places) and the registry
// (data/indicators.yaml).
func LoadEnv(root string) (Env, error) {
	env, err := pipeline.LoadEnv(root)
	if err != nil {
		return Env{}, err
	}
	return NewEnv(env.Gazetteer, env.Registry, env.Converter), nil
}

// Kinds are the shapes a synthetic report takes, as meta.yaml names them.
var Kinds = []string{"news", "compilation", "self-evaluation", "speech", "interview"}

// Report is one synthetic report: its folder name and the two files.
type Report struct {
	ID       string
	Kind     string
	Script   string // hans or hant
	Pinyin   bool   // the copy carries mirror pinyin annotations
	Original []byte // original.txt
	Meta     []byte // meta.yaml
}

// Generator makes reports from an Env. It is read-only after New and safe
// for concurrent use.
type Generator struct {
	env     Env
	ix      *index
	figs    []figTemplate
	byTopic map[string][]figTemplate
	hant    func(string) string
	seed    int64
	kinds   []string
}

// New prepares a generator for seed.
func New(env Env, seed int64) (*Generator, error) {
	if env.ToHant == nil {
		return nil, fmt.Errorf("synth: Env.ToHant is nil")
	}
	ix, err := newIndex(env.Places)
	if err != nil {
		return nil, err
	}
	figs := figureTemplates(env.Indicators)
	if len(figs) == 0 {
		return nil, fmt.Errorf("synth: no figure template fits the indicator registry")
	}
	// The order of the kinds is rotated by the seed, and report i takes
	// kinds[i%5]: any five consecutive reports hold one of each.
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	k := append([]string(nil), Kinds...)
	off := r.IntN(len(k))
	k = append(k[off:], k[:off]...)
	byTopic := map[string][]figTemplate{}
	for _, t := range figs {
		topic := strings.ReplaceAll(t.topic, "_", "") // registry categories: high_school → highschool
		byTopic[topic] = append(byTopic[topic], t)
	}
	return &Generator{env: env, ix: ix, figs: figs, byTopic: byTopic, hant: env.ToHant, seed: seed, kinds: k}, nil
}

// Report makes report i (0-based). The result depends only on the Env, the
// seed and i.
func (gn *Generator) Report(i int) Report {
	r := rand.New(rand.NewPCG(uint64(gn.seed), uint64(i)+1))
	g := &gen{gn: gn, r: r, i: i, kind: gn.kinds[i%len(gn.kinds)]}
	return g.report()
}

// Generate makes reports 0 … n-1 on every core, in order.
func Generate(env Env, n int, seed int64) ([]Report, error) {
	gn, err := New(env, seed)
	if err != nil {
		return nil, err
	}
	out := make([]Report, n)
	parallel.For(n, func(i int) { out[i] = gn.Report(i) })
	return out, nil
}

// Write writes n reports under dir (created if missing): dir/<id>/original.txt
// and dir/<id>/meta.yaml. A file whose bytes are already right is not
// rewritten, so growing a corpus touches only the new reports. Folders
// already in dir that are not among the n reports are left alone.
func Write(dir string, n int, seed int64, env Env) error {
	reps, err := Generate(env, n, seed)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	seen := make(map[string]bool, n)
	for _, rep := range reps {
		if seen[rep.ID] {
			return fmt.Errorf("synth: duplicate id %s", rep.ID)
		}
		seen[rep.ID] = true
	}
	errs := make([]error, len(reps))
	parallel.For(len(reps), func(i int) { errs[i] = writeReport(dir, reps[i]) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func writeReport(dir string, rep Report) error {
	d := filepath.Join(dir, rep.ID)
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		b    []byte
	}{{"original.txt", rep.Original}, {"meta.yaml", rep.Meta}} {
		p := filepath.Join(d, f.name)
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, f.b) {
			continue
		}
		if err := os.WriteFile(p, f.b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// index is the gazetteer as the synthesiser walks it.
type index struct {
	provinces []place.Place            // mainland provinces with places under them
	byCode    map[string]place.Place   //
	children  map[string][]place.Place // listed, non-synthetic children, in code order
}

func newIndex(places []place.Place) (*index, error) {
	ix := &index{byCode: map[string]place.Place{}, children: map[string][]place.Place{}}
	for _, p := range places {
		ix.byCode[p.Code] = p
	}
	for _, p := range places {
		if p.Synthetic || p.Parent == "" {
			continue
		}
		switch p.Level {
		case place.LevelPrefecture, place.LevelCounty, place.LevelDistrict, place.LevelCountyCity:
			ix.children[p.Parent] = append(ix.children[p.Parent], p)
		}
	}
	for _, p := range places {
		// Taiwan, Hong Kong and Macao are not evaluated on these duties.
		if p.Level != place.LevelProvince || p.Synthetic || strings.HasPrefix(p.Code, "71") {
			continue
		}
		if len(ix.children[p.Code]) > 0 {
			ix.provinces = append(ix.provinces, p)
		}
	}
	for k := range ix.children {
		c := ix.children[k]
		sort.Slice(c, func(a, b int) bool { return c[a].Code < c[b].Code })
	}
	sort.Slice(ix.provinces, func(a, b int) bool { return ix.provinces[a].Code < ix.provinces[b].Code })
	if len(ix.provinces) == 0 {
		return nil, fmt.Errorf("synth: the gazetteer has no provinces with places under them")
	}
	return ix, nil
}

// municipality reports whether a province has counties and districts
// straight under it (北京市, 重庆市).
func (ix *index) municipality(prov place.Place) bool {
	for _, c := range ix.children[prov.Code] {
		if c.Level == place.LevelPrefecture {
			return false
		}
	}
	return true
}

// cities are the prefecture-level places of a province: its prefectures, or
// the municipality itself.
func (ix *index) cities(prov place.Place) []place.Place {
	if ix.municipality(prov) {
		return []place.Place{prov}
	}
	var out []place.Place
	for _, c := range ix.children[prov.Code] {
		if c.Level == place.LevelPrefecture && len(ix.children[c.Code]) > 0 {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return []place.Place{prov}
	}
	return out
}

// counties are the county-level places under a city.
func (ix *index) counties(city place.Place) []place.Place {
	var out []place.Place
	for _, c := range ix.children[city.Code] {
		if c.Level != place.LevelPrefecture {
			out = append(out, c)
		}
	}
	return out
}

// metaYAML renders meta.yaml with the sha256 of the original.
func metaYAML(m source.Meta, original []byte) []byte {
	sum := sha256.Sum256(original)
	m.SHA256 = hex.EncodeToString(sum[:])
	b, err := yaml.Marshal(m)
	if err != nil { // a struct of strings and ints always marshals
		panic(err)
	}
	return b
}
