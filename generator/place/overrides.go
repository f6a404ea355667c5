package place

import (
	"fmt"
	"os"
	"regexp"

	"gopkg.in/yaml.v3"
)

// Override is one hand-written entry of data/places/overrides.yaml. Name
// must repeat the gazetteer's Simplified name: it guards against a typo in
// the code silently fixing the wrong place.
type Override struct {
	Code    string   `yaml:"code"`
	Name    string   `yaml:"name"`
	Slug    string   `yaml:"slug,omitempty"`    // URL segment, e.g. chongqing for 重庆市
	Hant    string   `yaml:"hant,omitempty"`    // Traditional name when the converter gets it wrong
	Short   string   `yaml:"short,omitempty"`   // short name when the suffix rule gets it wrong
	Level   string   `yaml:"level,omitempty"`   // level when the derived one is wrong
	Aliases []string `yaml:"aliases,omitempty"` // other current names (Simplified)
	Former  []Former `yaml:"former,omitempty"`  // names the place had before

	line int
}

// Former is a name a place was known by until a given year, e.g. 茌平县
// until 2019 for 茌平区. Until is the year of the change: reports about
// earlier years use the old name as a matter of course.
type Former struct {
	Name  string `yaml:"name"`
	Code  string `yaml:"code,omitempty"` // the old code, for the record
	Until int    `yaml:"until"`
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// readOverrides parses overrides.yaml; a missing file means no overrides.
func readOverrides(path string) ([]Override, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var doc struct {
		Places []yaml.Node `yaml:"places"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := make([]Override, 0, len(doc.Places))
	for _, n := range doc.Places {
		var o Override
		if err := n.Decode(&o); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n.Line, err)
		}
		o.line = n.Line
		if o.Slug != "" && !slugRE.MatchString(o.Slug) {
			return nil, fmt.Errorf("%s:%d: slug %q: want lowercase ASCII letters and digits", path, n.Line, o.Slug)
		}
		for _, f := range o.Former {
			if f.Name == "" || f.Until < 1949 {
				return nil, fmt.Errorf("%s:%d: former name of %s needs a name and the year it was replaced (until)", path, n.Line, o.Code)
			}
		}
		out = append(out, o)
	}
	return out, nil
}
