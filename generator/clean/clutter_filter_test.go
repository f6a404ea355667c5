package clean

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp/syntax"
	"strings"
	"testing"
)

// clutterRuleUnfiltered is clutterRuleFor without the filter: every rule's
// regexp is tried.
func clutterRuleUnfiltered(s string) string {
	t := bulletTrim(s)
	if t == "" {
		t = strings.TrimSpace(s)
	}
	for _, r := range clutterRules {
		if r.re.MatchString(t) {
			return r.name
		}
	}
	if isSlogan(t) {
		return "site-slogan"
	}
	return ""
}

// TestClutterFilterCoversRules: every rule has a filter (a rule the
// analysis gives up on is always tried, which is correct but slow).
func TestClutterFilterCoversRules(t *testing.T) {
	for i, r := range clutterRules {
		if clutterFilter.always&(1<<i) != 0 {
			t.Errorf("rule %s: no filter, its regexp runs on every line", r.name)
		}
	}
}

// pieces returns the characters and literals a pattern is made of, to build
// lines that come near to matching it.
func pieces(t *testing.T, pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpLiteral:
			out = append(out, string(re.Rune))
			for _, r := range re.Rune {
				out = append(out, string(r))
			}
		case syntax.OpCharClass:
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i+1]-re.Rune[i] < 16 {
					for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
						out = append(out, string(r))
					}
				} else {
					out = append(out, string(re.Rune[i]), string(re.Rune[i+1]))
				}
			}
		}
		for _, s := range re.Sub {
			walk(s)
		}
	}
	walk(re)
	return out
}

// TestClutterFilter: the filter never rules out a rule whose regexp
// matches, on the corpus lines and on random lines made of the rules' own
// characters and literals.
func TestClutterFilter(t *testing.T) {
	var lines []string
	files, _ := filepath.Glob(filepath.Join("..", "..", "data", "sources", "*", "original.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	var parts []string
	for _, r := range clutterRules {
		parts = append(parts, pieces(t, r.re.String())...)
	}
	parts = append(parts, " ", "  ", "\t", "。", "，", "教育", "学校", "1", "2023", "-", "•", "\xff", "\uFFFD", "a", "")
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for k := rng.Intn(8); k >= 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		lines = append(lines, b.String())
	}
	matched := make([]int, len(clutterRules))
	for _, l := range lines {
		tl := bulletTrim(l)
		if tl == "" {
			tl = strings.TrimSpace(l)
		}
		may := clutterFilter.may(tl)
		for i, r := range clutterRules {
			if r.re.MatchString(tl) {
				matched[i]++
				if may&(1<<i) == 0 {
					t.Fatalf("%q: rule %s matches but the filter rules it out", l, r.name)
				}
			}
		}
		if got, want := clutterRuleFor(l), clutterRuleUnfiltered(l); got != want {
			t.Fatalf("clutterRuleFor(%q) = %q, without the filter %q", l, got, want)
		}
	}
	for i, r := range clutterRules {
		t.Logf("rule %s: %d lines match", r.name, matched[i])
		if matched[i] == 0 {
			t.Errorf("rule %s: no test line matches it", r.name)
		}
	}
}
