package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Indicator is one entry of data/indicators.yaml.
type Indicator struct {
	ID       string   `yaml:"id" json:"id"`
	NameHans string   `yaml:"name_hans" json:"name_hans"`
	NameEn   string   `yaml:"name_en" json:"name_en"`
	Unit     string   `yaml:"unit" json:"unit"`
	Category string   `yaml:"category" json:"category"`
	Aliases  []string `yaml:"aliases" json:"aliases"`
	// Measure is stock (how many there are at a date), flow (how many
	// were added, spent or done in a period) or rate; a stock is tied only
	// when its wording stands alone (see tie).
	Measure string `yaml:"measure" json:"measure"`
	// Level is the level of schooling (scope.go) of an indicator that
	// exists at one only (幼儿园数); empty when a report's figures of it may
	// count at any (新增学位), each then scoped by its own words.
	Level string `yaml:"level" json:"level,omitempty"`
	// Definition says what the indicator counts, at which level of
	// schooling, stock or flow, in which unit and what it leaves out: the
	// comparability note of its page, in Simplified and in English.
	Definition   string `yaml:"definition_hans" json:"definition_hans"`
	DefinitionEn string `yaml:"definition_en" json:"definition_en"`
}

// Unit kinds and categories an indicator may have; anything else in the
// file is a typo and an error.
var (
	unitKinds  = []string{"percent", "money", "count", "people", "places", "area", "times", "ratio"}
	measures   = []string{"stock", "flow", "rate"}
	categories = []string{"funding", "preschool", "compulsory", "high_school", "vocational",
		"teachers", "safety", "after_school", "health", "governance"}
)

type registryFile struct {
	Version    int         `yaml:"version"`
	Indicators []Indicator `yaml:"indicators"`
}

// Registry is the loaded indicator registry plus the script fold used to
// match Traditional text against its Simplified wordings. It is read-only
// after setup and safe for concurrent use by Extract.
type Registry struct {
	Indicators []Indicator
	byID       map[string]*Indicator
	aliases    []alias          // longest first
	byFirst    map[rune][]int32 // aliases by their first rune, in aliases' order
	fold       func(string) string
}

type alias struct {
	text  []rune
	ind   *Indicator
	runes int
}

// LoadRegistry reads the registry strictly: unknown keys, duplicate ids,
// missing names and unknown unit kinds or categories are errors that name
// the file and line.
func LoadRegistry(path string) (*Registry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseRegistry(path, b)
}

// ParseRegistry is LoadRegistry on bytes already read; name is used in
// errors.
func ParseRegistry(name string, b []byte) (*Registry, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var f registryFile
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty registry", name)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// A second pass over the node tree gives line numbers for the checks.
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	lines := indicatorLines(&doc)
	r := &Registry{byID: map[string]*Indicator{}}
	r.Indicators = f.Indicators
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		where := fmt.Sprintf("%s:%d", name, line)
		switch {
		case ind.ID == "":
			return nil, fmt.Errorf("%s: indicator without id", where)
		case !isASCIIID(ind.ID):
			return nil, fmt.Errorf("%s: id %q: use lower-case ASCII letters, digits and _", where, ind.ID)
		case r.byID[ind.ID] != nil:
			return nil, fmt.Errorf("%s: duplicate id %q", where, ind.ID)
		case ind.NameHans == "" || ind.NameEn == "":
			return nil, fmt.Errorf("%s: %s: name_hans and name_en are required", where, ind.ID)
		case !contains(unitKinds, ind.Unit):
			return nil, fmt.Errorf("%s: %s: unit %q is not one of %s", where, ind.ID, ind.Unit, strings.Join(unitKinds, ", "))
		case !contains(measures, ind.Measure):
			return nil, fmt.Errorf("%s: %s: measure %q is not one of %s", where, ind.ID, ind.Measure, strings.Join(measures, ", "))
		case ind.Definition == "" || ind.DefinitionEn == "":
			return nil, fmt.Errorf("%s: %s: definition_hans and definition_en are required (what it counts, level, stock or flow, unit, exclusions)", where, ind.ID)
		case ind.Level != "" && (!contains(Levels, ind.Level) || ind.Level == LevelSeveral):
			return nil, fmt.Errorf("%s: %s: level %q is not one of %s", where, ind.ID, ind.Level, strings.Join(Levels[:len(Levels)-1], ", "))
		case !contains(categories, ind.Category):
			return nil, fmt.Errorf("%s: %s: category %q is not one of %s", where, ind.ID, ind.Category, strings.Join(categories, ", "))
		}
		r.byID[ind.ID] = ind
		words := append([]string{ind.NameHans}, ind.Aliases...)
		for _, w := range words {
			if w = strings.TrimSpace(w); w != "" {
				r.aliases = append(r.aliases, alias{text: []rune(w), ind: ind, runes: utf8.RuneCountInString(w)})
			}
		}
	}
	sort.SliceStable(r.aliases, func(a, b int) bool { return r.aliases[a].runes > r.aliases[b].runes })
	r.byFirst = map[rune][]int32{}
	for i, a := range r.aliases {
		r.byFirst[a.text[0]] = append(r.byFirst[a.text[0]], int32(i))
	}
	return r, nil
}

// indicatorLines returns the line of each item of the indicators list.
func indicatorLines(doc *yaml.Node) []int {
	if doc == nil || len(doc.Content) == 0 {
		return nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "indicators" {
			var out []int
			for _, it := range m.Content[i+1].Content {
				out = append(out, it.Line)
			}
			return out
		}
	}
	return nil
}

func isASCIIID(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return s != ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Indicator returns the indicator with the given id, or nil.
func (r *Registry) Indicator(id string) *Indicator { return r.byID[id] }

// SetFold sets the function that folds text to Simplified script before
// matching (the script stage's converter). It should map text character by
// character; where it changes the number of characters, Extract folds rune
// by rune instead so that offsets stay on the original text. A nil fold
// matches the text as it is (Simplified reports).
func (r *Registry) SetFold(f func(string) string) { r.fold = f }

// foldRunes returns the text folded for matching, with exactly one rune per
// rune of text.
func (r *Registry) foldRunes(text, folded string) []rune {
	return r.appendFolded(nil, text, folded)
}

// appendFolded is foldRunes into dst's array.
func (r *Registry) appendFolded(dst []rune, text, folded string) []rune {
	var out []rune
	if r.fold != nil {
		if folded == "" {
			folded = r.fold(text)
		}
		out = appendRunes(dst[:0], folded)
		if n := utf8.RuneCountInString(text); len(out) != n {
			out = make([]rune, n)
			for i, c := range []rune(text) {
				f := []rune(r.fold(string(c)))
				if len(f) == 1 {
					out[i] = f[0]
				} else {
					out[i] = c
				}
			}
		}
	} else {
		out = appendRunes(dst[:0], text)
	}
	for i, c := range out {
		out[i] = normRune(c)
	}
	return out
}

// appendRunes appends the runes of s as []rune(s) has them.
func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// normRune folds full-width digits and signs and the few Traditional forms
// of units and magnitudes, so that figures are found even without a script
// fold. It is not a converter: words are the fold's business.
func normRune(c rune) rune {
	switch {
	case c >= '０' && c <= '９':
		return c - '０' + '0'
	}
	switch c {
	case '．':
		return '.'
	case '％':
		return '%'
	case '，':
		return ','
	case '萬':
		return '万'
	case '億':
		return '亿'
	case '個':
		return '个'
	case '兩':
		return '两'
	case '處':
		return '处'
	case '項':
		return '项'
	case '門':
		return '门'
	case '輛':
		return '辆'
	case '棟':
		return '栋'
	case '臺':
		return '台'
	case '間':
		return '间'
	case '張':
		return '张'
	case '場':
		return '场'
	case '節':
		return '节'
	case '條':
		return '条'
	case '塊':
		return '块'
	case '點':
		return '点'
	}
	return c
}

// unitFits reports whether a figure with the given unit kind can measure an
// indicator of kind want. Strict: a growth rate in % is not an amount in 元
// or a count (it would sit in the same table as them); percentage points
// are a change of a percentage.
func unitFits(want, unitKind string) bool {
	switch want {
	case "percent":
		return unitKind == "percent" || unitKind == "pp"
	case "money":
		return unitKind == "money"
	case "area":
		return unitKind == "area"
	case "ratio":
		return unitKind == "ratio"
	default: // count, people, places, times
		return unitKind == "count"
	}
}

func hasRunes(f []rune, i int, w []rune) bool {
	if i+len(w) > len(f) {
		return false
	}
	for k, c := range w {
		if f[i+k] != c {
			return false
		}
	}
	return true
}
