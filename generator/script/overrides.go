package script

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Override is one entry of data/zh/overrides.yaml: a phrase that must
// convert differently from OpenCC. Hans is its Simplified form and Hant its
// Traditional (Taiwan) form; the override makes ToHant give Hant for Hans
// and ToHans give Hans for Hant, unless Dir restricts it to one direction.
// The phrase is matched like a dictionary phrase (longest match first), and
// wins over the dictionaries when both match the same span.
//
// An entry with Surname and Before stands for one phrase per word in Before
// (a title or a given name): Surname+word, whose Traditional form keeps the
// surname as written and converts the word as OpenCC does.
type Override struct {
	Hans, Hant string
	Dir        Script // "" both directions, Hans or Hant only one
	Surname    string
	Before     []string
	Why        string
	Kind       string // "name": a protected name, which plain OpenCC may already get right
	Tests      []Example
	File       string
	Line       int
}

// Example is a test case carried by an override: ToHant(Hans) must be Hant
// and ToHans(Hant) must be Hans (for the directions the override covers).
type Example struct{ Hans, Hant string }

// Pos names the override's place in its file, for error messages.
func (o Override) Pos() string { return fmt.Sprintf("%s:%d", o.File, o.Line) }

// readOverrides parses overrides.yaml. The file is a strict subset of YAML
// (a list of flat maps under "overrides:"; "test" may repeat), read by hand
// so that every error can name its line and the package needs no YAML
// library.
func readOverrides(path string) ([]Override, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Override
	var cur *Override
	finish := func() error {
		if cur == nil {
			return nil
		}
		o := cur
		switch {
		case o.Surname != "":
			if len(o.Before) == 0 || o.Hans != "" || o.Hant != "" {
				return fmt.Errorf("%s: surname entry needs \"before\" and no hans/hant", o.Pos())
			}
		case o.Hans == "" || o.Hant == "":
			return fmt.Errorf("%s: entry needs both \"hans\" and \"hant\"", o.Pos())
		}
		if len(o.Tests) == 0 {
			return fmt.Errorf("%s: every override needs at least one \"test: 简体 = 繁體\"", o.Pos())
		}
		out = append(out, *o)
		cur = nil
		return nil
	}
	sc := bufio.NewScanner(f)
	line, header := 0, false
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), " \t\r")
		t := strings.TrimSpace(raw)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if i := strings.Index(t, " #"); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
		if !header {
			if raw != "overrides:" {
				return nil, fmt.Errorf("%s:%d: want \"overrides:\" first, got %q", path, line, raw)
			}
			header = true
			continue
		}
		if strings.HasPrefix(t, "- ") {
			if err := finish(); err != nil {
				return nil, err
			}
			cur = &Override{File: path, Line: line}
			t = strings.TrimSpace(t[2:])
		} else if raw == t { // no indentation: a second top-level key
			return nil, fmt.Errorf("%s:%d: only \"overrides:\" is allowed at the top level", path, line)
		}
		if cur == nil {
			return nil, fmt.Errorf("%s:%d: field outside a \"- \" entry", path, line)
		}
		k, v, ok := strings.Cut(t, ":")
		v = strings.TrimSpace(v)
		if !ok || v == "" {
			return nil, fmt.Errorf("%s:%d: want \"key: value\", got %q", path, line, t)
		}
		switch k {
		case "hans":
			cur.Hans = v
		case "hant":
			cur.Hant = v
		case "surname":
			cur.Surname = v
		case "before":
			cur.Before = strings.Fields(v)
		case "why":
			cur.Why = v
		case "kind":
			if v != "name" {
				return nil, fmt.Errorf("%s:%d: kind must be name, got %q", path, line, v)
			}
			cur.Kind = v
		case "dir":
			if v != string(Hans) && v != string(Hant) && v != "both" {
				return nil, fmt.Errorf("%s:%d: dir must be hans, hant or both, got %q", path, line, v)
			}
			if v != "both" {
				cur.Dir = Script(v)
			}
		case "test":
			a, b, ok := strings.Cut(v, " = ")
			if !ok || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
				return nil, fmt.Errorf("%s:%d: want \"test: 简体 = 繁體\", got %q", path, line, v)
			}
			cur.Tests = append(cur.Tests, Example{strings.TrimSpace(a), strings.TrimSpace(b)})
		default:
			return nil, fmt.Errorf("%s:%d: unknown field %q", path, line, k)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return out, nil
}
