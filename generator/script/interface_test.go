package script

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInterfaceTextInTaiwanTraditional converts every interface string
// (data/ui.yaml) and the site's own pages (data/pages) as publish does
// (ToHantVocab) and checks that no Simplified-only character is left and
// no mainland word that Taiwan writes otherwise (數據, 鏈接, 搜索, 信息,
// 視頻).
func TestInterfaceTextInTaiwanTraditional(t *testing.T) {
	c := testConverter(t)
	texts := map[string]string{} // where → text
	b, err := os.ReadFile(filepath.Join(repo, "data", "ui.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ": "); ok && !strings.HasPrefix(k, "#") {
			texts["data/ui.yaml:"+k] = v
		}
	}
	pages, _ := filepath.Glob(filepath.Join(repo, "data", "pages", "*.md"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(p)] = string(b)
	}
	if len(texts) < 100 {
		t.Fatalf("only %d interface texts found", len(texts))
	}
	mainland := []string{"數據", "鏈接", "搜索", "信息", "視頻"}
	for where, s := range texts {
		hant := c.ToHantVocab(s)
		for _, r := range hant {
			if c.hansOnly[r] && c.ToHant(string(r)) != string(r) {
				t.Errorf("%s: Simplified %q left in %q", where, r, hant)
				break
			}
		}
		for _, w := range mainland {
			if strings.Contains(hant, w) {
				t.Errorf("%s: mainland word %s in %q", where, w, hant)
			}
		}
	}
}

// TestHanInsideLatinText: a Chinese term quoted in English text (the
// registry's English names: "School groups (集团化办学)") converts like any
// text, both ways.
func TestHanInsideLatinText(t *testing.T) {
	c := testConverter(t)
	for _, tc := range []struct{ hans, hant string }{
		{"School groups (集团化办学)", "School groups (集團化辦學)"},
		{"Inclusive kindergartens (普惠性幼儿园), %", "Inclusive kindergartens (普惠性幼兒園), %"},
	} {
		convertsBothWays(t, c, "Latin around Han", tc.hans, tc.hant)
		if got := c.ToHantVocab(tc.hans); got != tc.hant {
			t.Errorf("ToHantVocab(%q) = %q, want %q", tc.hans, got, tc.hant)
		}
	}
}
