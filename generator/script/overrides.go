package script

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
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
// Line is its line in the file.
type Example struct {
	Hans, Hant string
	Line       int
}

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
	return parseOverrides(path, f)
}

// maxOverrideLine bounds a line of overrides.yaml; a longer one is an
// error naming it, not bufio's "token too long".
const maxOverrideLine = 1 << 20

// parseOverrides reads overrides.yaml's text from r; path names it in
// errors.
func parseOverrides(path string, r io.Reader) ([]Override, error) {
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
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxOverrideLine)
	line, header, empty := 0, false, false
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), " \t\r")
		t := strings.TrimSpace(raw)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if !header {
			k, v, _ := strings.Cut(raw, ":")
			rest, err := scalar(strings.TrimSpace(v), true)
			if k != "overrides" || err != nil || (rest != "" && rest != "[]") {
				return nil, fmt.Errorf("%s:%d: want \"overrides:\" first, got %q", path, line, raw)
			}
			header, empty = true, rest == "[]"
			continue
		}
		if empty {
			return nil, fmt.Errorf("%s:%d: entries after \"overrides: []\"", path, line)
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
		k, raw, ok := strings.Cut(t, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"key: value\", got %q", path, line, t)
		}
		if k == "before" && strings.HasPrefix(strings.TrimSpace(raw), "[") {
			list, err := flowList(strings.TrimSpace(raw))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: before: %v", path, line, err)
			}
			cur.Before = list
			continue
		}
		v, err := scalar(strings.TrimSpace(raw), false)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %s: %v", path, line, k, err)
		}
		if v == "" {
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
			cur.Tests = append(cur.Tests, Example{strings.TrimSpace(a), strings.TrimSpace(b), line})
		default:
			return nil, fmt.Errorf("%s:%d: unknown field %q", path, line, k)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%s:%d: line longer than %d bytes", path, line+1, maxOverrideLine)
		}
		return nil, fmt.Errorf("%s:%d: %w", path, line+1, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: empty; want \"overrides:\" and a list of entries (or \"overrides: []\")", path)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if len(out) == 0 && !empty {
		return nil, fmt.Errorf("%s: \"overrides:\" has no entries; write \"overrides: []\" if none are meant", path)
	}
	return out, nil
}

// scalar reads a value as YAML reads a scalar: plain, where " #" starts a
// comment; "double-quoted", with backslash escapes; or 'single-quoted',
// where ” is a quote — a comment may follow the closing quote. Other YAML
// (flow collections, anchors, tags, block scalars) is refused rather than
// misread. flowOK lets "[]" through as the value itself.
func scalar(v string, flowOK bool) (string, error) {
	switch {
	case v == "":
		return "", nil
	case v[0] == '"':
		end := -1
		for i := 1; i < len(v); i++ {
			if v[i] == '\\' {
				i++
				continue
			}
			if v[i] == '"' {
				end = i
				break
			}
		}
		if end < 0 {
			return "", errors.New("no closing \"")
		}
		s, err := strconv.Unquote(v[:end+1])
		if err != nil {
			return "", fmt.Errorf("bad escape in %s", v[:end+1])
		}
		return s, afterQuote(v[end+1:])
	case v[0] == '\'':
		var b strings.Builder
		for i := 1; i < len(v); i++ {
			if v[i] != '\'' {
				b.WriteByte(v[i])
				continue
			}
			if i+1 < len(v) && v[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			return b.String(), afterQuote(v[i+1:])
		}
		return "", errors.New("no closing '")
	case flowOK && strings.HasPrefix(v, "[]"):
		return "[]", afterQuote(v[2:])
	case strings.ContainsRune("[]{}&*!|>%@`", rune(v[0])):
		return "", fmt.Errorf("%q: only plain or quoted values are allowed here", v)
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v), nil
}

// afterQuote checks that only a comment follows a closing quote.
func afterQuote(rest string) error {
	rest = strings.TrimSpace(rest)
	if rest != "" && !strings.HasPrefix(rest, "#") {
		return fmt.Errorf("%q after the closing quote", rest)
	}
	return nil
}

// flowList reads a YAML flow list of scalars: [局长, "校长"].
func flowList(v string) ([]string, error) {
	end := strings.LastIndex(v, "]")
	if end < 0 {
		return nil, errors.New("no closing ]")
	}
	if err := afterQuote(v[end+1:]); err != nil {
		return nil, err
	}
	var out []string
	for _, item := range strings.Split(v[1:end], ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		s, err := scalar(item, false)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, errors.New("empty list")
	}
	return out, nil
}
