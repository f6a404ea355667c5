package place

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// mentionsByLength is Mentions as it was before the trie: at each position
// every length is looked up in index, longest first. TestMentionsTrie keeps
// the trie to exactly its results.
func (g *Gazetteer) mentionsByLength() func(string) []Mention {
	maxLen := 0
	first := map[rune]bool{}
	for s := range g.index {
		r, _ := utf8.DecodeRuneInString(s)
		first[r] = true
		maxLen = max(maxLen, utf8.RuneCountInString(s))
	}
	return func(text string) []Mention { return g.mentionsByLengthIn(text, first, maxLen) }
}

func (g *Gazetteer) mentionsByLengthIn(text string, first map[rune]bool, maxLen int) []Mention {
	runes := []rune(text)
	offs := make([]int, 0, len(runes)+1)
	for i := range text {
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	folded := make([]rune, len(runes))
	for i, r := range runes {
		if f, ok := g.fold[r]; ok {
			r = f
		}
		folded[i] = r
	}
	var out []Mention
	for i := 0; i < len(runes); {
		if !first[folded[i]] {
			i++
			continue
		}
		n := 0
		var es []entry
		for l := min(maxLen, len(runes)-i); l >= 2; l-- {
			if e, ok := g.index[string(folded[i:i+l])]; ok {
				n, es = l, e
				break
			}
		}
		if n == 2 && es[0].how == "name" && !standsAlone(folded, i) {
			n = 0
		}
		if n == 0 {
			i++
			continue
		}
		m := Mention{Start: offs[i], End: offs[i+n], Name: text[offs[i]:offs[i+n]], How: es[0].how, Until: es[0].until}
		if len(es) == 1 {
			m.Code = es[0].code
		} else {
			for _, e := range es {
				m.Ambiguous = append(m.Ambiguous, e.code)
			}
			sort.Strings(m.Ambiguous)
		}
		out = append(out, m)
		i += n
	}
	return out
}

func TestMentionsTrie(t *testing.T) {
	g := loadTest(t)
	ref := g.mentionsByLength()
	check := func(what, text string) {
		t.Helper()
		if got, want := g.Mentions(text), ref(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: Mentions differs from the length-by-length lookup\n got %+v\nwant %+v", what, got, want)
		}
	}
	// the corpus, whole and line by line
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "data", "sources", "*", "original.txt"))
	for _, p := range dirs {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		check(p, string(b))
		for _, l := range strings.Split(string(b), "\n") {
			check(p, l)
		}
	}
	// names run together, cut, in Traditional, around context characters
	// that standsAlone looks at, and invalid UTF-8
	var keys []string
	for s := range g.index {
		keys = append(keys, s)
	}
	sort.Strings(keys)
	for _, p := range g.places {
		keys = append(keys, p.NameHant, p.ShortHant)
	}
	glue := []string{"", "", "", "在", "示", "级", "域", "市", "区", "，", "a", "\xff", "\uFFFD", "省", "县", "中", "南"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for k := rng.Intn(6); k >= 0; k-- {
			b.WriteString(glue[rng.Intn(len(glue))])
			s := keys[rng.Intn(len(keys))]
			if rng.Intn(4) == 0 {
				r := []rune(s)
				s = string(r[rng.Intn(len(r)):])
			}
			b.WriteString(s)
		}
		check("random", b.String())
	}
}
