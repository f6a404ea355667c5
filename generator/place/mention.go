package place

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Mention is a place name found in a text.
type Mention struct {
	Start int    `json:"start"` // byte offset in the text, inclusive
	End   int    `json:"end"`   // byte offset, exclusive
	Code  string `json:"code,omitempty"`
	Name  string `json:"name"` // as written
	// Ambiguous lists the candidate codes while the mention is not settled;
	// Code is then "". Locate empties it when context settles the mention.
	Ambiguous []string `json:"ambiguous,omitempty"`
	// How the name matched: "name" (full name, or parent and child
	// written together: 济南市中区), "short" (济南), "alias", "former"
	// (茌平县), "deictic" (全市, 我区: Locate only).
	How string `json:"how"`
	// Until is the year a former name was replaced.
	Until int `json:"until,omitempty"`
	// Settled says what settled an ambiguous name: "section", "report";
	// "" when the name was unique or is still ambiguous.
	Settled string `json:"settled,omitempty"`
}

type entry struct {
	code  string
	how   string
	until int
}

// shortStop lists short names of provinces and prefectures that are also
// ordinary words or other names (朝阳 the morning sun, 大同 in 世界大同,
// 长治 in 长治久安, 中山 in 孙中山, 阿里 in 阿里巴巴, 大理 in 大理石 …):
// they are only found in their full form (朝阳市).
var shortStop = map[string]bool{}

func init() {
	for _, s := range strings.Fields("朝阳 大同 长治 中山 安康 白银 阿里 大理 大庆 普洱 红河 怒江 黑河 玉树 和田 哈密 兴安 北海 黄山 三沙 吉安 台中 台东 新北 中卫 三明") {
		shortStop[s] = true
	}
}

// generic reports whether a full name is too common a word to be found on
// its own: two characters, the first a direction or 城/郊/矿 (东区, 中区,
// 城区, 郊区, 矿区). Such a name is only found written after its parent
// (阳泉市城区, 台中市中区).
func generic(name string) bool {
	r := []rune(name)
	return len(r) == 2 && strings.ContainsRune("东西南北中城郊矿", r[0])
}

// buildIndex makes the two name tables: names (every form, for looking up
// a name given whole, such as a meta.yaml place) and index (the forms
// Mentions looks for in running text).
//
// Rules for running text, and why:
//   - full names (济南市, 商河县, 市中区) always: they are unambiguous as
//     words, even when several places share them (the resolver decides);
//   - a parent and a child written together (济南市商河县, 济南市中区 for
//     济南市市中区, 阳泉市城区) as one mention of the child;
//   - generic two-character names (东区, 城区) only in that combined form;
//   - short names (济南, 山东, 延边) of provinces and prefectures only, at
//     least two characters, not in shortStop: county short names (平原,
//     和平, 新华, 光明, 合作, 富裕, 通道 …) are too often ordinary words;
//   - a two-character full name (和县, 兴县, 范县, 成县) only where it
//     stands alone (see standsAlone): 示范县, 振兴县域, 完成县级 are words;
//   - aliases and former names from overrides.yaml.
//
// Matching is longest first, left to right, so 市中区 is never read as
// 中区 and 济南市 never as 济南.
func (g *Gazetteer) buildIndex() {
	g.index = map[string][]entry{}
	g.names = map[string][]entry{}
	add := func(m map[string][]entry, s string, e entry) {
		for _, x := range m[s] {
			if x.code == e.code {
				return
			}
		}
		m[s] = append(m[s], e)
	}
	both := func(s string, e entry) {
		add(g.index, s, e)
		add(g.names, s, e)
	}
	for _, p := range g.places {
		if generic(p.Name) {
			add(g.names, p.Name, entry{code: p.Code, how: "name"})
		} else {
			both(p.Name, entry{code: p.Code, how: "name"})
		}
		if p.Short != p.Name {
			e := entry{code: p.Code, how: "short"}
			add(g.names, p.Short, e)
			if (p.Level == LevelProvince || p.Level == LevelPrefecture || p.Level == LevelSpecial && p.Parent == "") &&
				utf8.RuneCountInString(p.Short) >= 2 && !shortStop[p.Short] {
				add(g.index, p.Short, e)
			}
		}
		if par, ok := g.Place(p.Parent); ok {
			add(g.index, par.Name+p.Name, entry{code: p.Code, how: "name"})
			if par.Short != par.Name {
				add(g.index, par.Short+p.Name, entry{code: p.Code, how: "name"})
			}
		}
		for _, a := range p.Aliases {
			both(a, entry{code: p.Code, how: "alias"})
		}
		for _, f := range p.Former {
			both(f.Name, entry{code: p.Code, how: "former", until: f.Until})
		}
	}
	// Traditional text is matched by folding it to Simplified with the
	// character pairs of the names themselves. A character that is also
	// used in some Simplified name (乾 of 乾县) is never folded.
	simp := map[rune]bool{}
	for s := range g.names {
		for _, r := range s {
			simp[r] = true
		}
	}
	g.fold = map[rune]rune{}
	bad := map[rune]bool{}
	pair := func(s, t string) {
		rs, rt := []rune(s), []rune(t)
		if len(rs) != len(rt) {
			return
		}
		for i := range rs {
			if rs[i] == rt[i] || simp[rt[i]] {
				continue
			}
			if old, ok := g.fold[rt[i]]; ok && old != rs[i] {
				bad[rt[i]] = true
			}
			g.fold[rt[i]] = rs[i]
		}
	}
	for _, p := range g.places {
		pair(p.Name, p.NameHant)
		pair(p.Short, p.ShortHant)
	}
	for r := range bad {
		delete(g.fold, r)
	}
	g.folds = runeSet{}
	for r := range g.fold {
		g.folds.add(r)
	}
	g.trie = newNameTrie(g.index)
}

// nameTrie is index as a trie over runes, so that Mentions finds the
// longest name starting at a position in one walk, instead of looking up
// every length from the longest name down. Node 0 is the root.
type nameTrie struct {
	edges edgeTable // node<<32 | rune → child node
	ends  [][]entry // the index entry of the name ending at a node; nil if none
	first runeSet   // runes with an edge from the root
}

// edgeTable is an open-addressing hash table of a trie's edges: every
// character of every report is looked up in it, and a Go map's lookup
// cost a tenth of the place stage.
type edgeTable struct {
	slots []edgeSlot
	mask  uint64
}

type edgeSlot struct {
	key   uint64 // 0: empty (no edge has key 0: no name holds U+0000)
	child int32
}

func newEdgeTable(m map[uint64]int32) edgeTable {
	size := 1
	for size < 2*len(m) {
		size <<= 1
	}
	t := edgeTable{slots: make([]edgeSlot, size), mask: uint64(size - 1)}
	for k, c := range m {
		j := t.slot(k)
		for t.slots[j].key != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = edgeSlot{k, c}
	}
	return t
}

func (t *edgeTable) slot(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15 >> 20) & t.mask }

func (t *edgeTable) get(k uint64) (int32, bool) {
	if k == 0 || len(t.slots) == 0 {
		return 0, false
	}
	for j := t.slot(k); ; j = (j + 1) & t.mask {
		switch t.slots[j].key {
		case k:
			return t.slots[j].child, true
		case 0:
			return 0, false
		}
	}
}

func newNameTrie(index map[string][]entry) *nameTrie {
	edges := map[uint64]int32{}
	t := &nameTrie{ends: make([][]entry, 1), first: runeSet{}}
	for s, es := range index {
		// Mentions matches runes of valid text only: a key that is not
		// valid UTF-8 could never equal string(runes).
		if !utf8.ValidString(s) {
			continue
		}
		n := int32(0)
		for i, r := range s {
			if i == 0 {
				t.first.add(r)
			}
			k := trieKey(n, r)
			c, ok := edges[k]
			if !ok {
				c = int32(len(t.ends))
				t.ends = append(t.ends, nil)
				edges[k] = c
			}
			n = c
		}
		t.ends[n] = es
	}
	t.edges = newEdgeTable(edges)
	return t
}

func trieKey(n int32, r rune) uint64 { return uint64(uint32(n))<<32 | uint64(uint32(r)) }

// longest returns the length in runes of the longest name of at least two
// runes that rs starts with, and its entries; 0 if there is none.
func (t *nameTrie) longest(rs []rune) (int, []entry) {
	if len(rs) == 0 || !t.first.has(rs[0]) {
		return 0, nil
	}
	n, best, es := int32(0), 0, []entry(nil)
	for j, r := range rs {
		c, ok := t.edges.get(trieKey(n, r))
		if !ok {
			break
		}
		n = c
		if j >= 1 && t.ends[n] != nil {
			best, es = j+1, t.ends[n]
		}
	}
	return best, es
}

// standsAlone reports whether the two-character name at rs[i:i+2] (和县,
// 新县, 兴县, 范县, 成县, 芒市 …) reads as a name and not as the tail or
// head of a word: 示范县, 振兴县域, 完成县级, 新县城 are not places. It
// must not follow a Han character, except a preposition or conjunction,
// nor be followed by 级, 域, 城, 委, 乡, 区 ….
func standsAlone(rs []rune, i int) bool {
	if i > 0 && unicode.Is(unicode.Han, rs[i-1]) && !strings.ContainsRune("在于与和及对为由至到从向赴经原", rs[i-1]) {
		return false
	}
	if i+2 < len(rs) && strings.ContainsRune("级級域城委里区區乡鄉镇鎮长長市", rs[i+2]) {
		return false
	}
	return true
}

// Simplify folds the Traditional characters of place names in s to
// Simplified (濟南 → 济南), character by character; other text is kept.
func (g *Gazetteer) Simplify(s string) string {
	return strings.Map(func(r rune) rune {
		if f, ok := g.fold[r]; ok {
			return f
		}
		return r
	}, s)
}

// Lookup returns the codes a name given whole may mean, in Simplified or
// Traditional script: full names, short names of every level, aliases and
// former names. It is how meta.yaml places are resolved.
func (g *Gazetteer) Lookup(name string) []string {
	var out []string
	for _, e := range g.names[g.Simplify(strings.TrimSpace(name))] {
		out = append(out, e.code)
	}
	sort.Strings(out)
	return out
}

// Mentions finds the place names in text, longest match first, left to
// right, with byte offsets into text. A name several places share (市中区)
// comes back with Code "" and the candidates in Ambiguous: Mentions knows no
// context; Locate settles what context can settle.
func (g *Gazetteer) Mentions(text string) []Mention {
	// The text's runes, folded, and the byte offset of each (and of the
	// end), in buffers reused from call to call.
	buf := mentionScratch.Get().(*mentionBuffers)
	defer mentionScratch.Put(buf)
	folded, offs := buf.folded[:0], buf.offs[:0]
	for i, r := range text {
		if g.folds.has(r) {
			r = g.fold[r]
		}
		folded = append(folded, r)
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	buf.folded, buf.offs = folded, offs
	var out []Mention
	for i := 0; i < len(folded); {
		n, es := g.trie.longest(folded[i:])
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

type mentionBuffers struct {
	folded []rune
	offs   []int
}

var mentionScratch = sync.Pool{New: func() any { return new(mentionBuffers) }}

// runeSet is a set of runes, a bitmap for the Basic Multilingual Plane (the
// names' characters), so that the runes of running text that start no name
// and fold to nothing cost no map lookup.
type runeSet struct {
	bmp   []uint64
	other map[rune]bool
}

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 0x10000 {
		if s.bmp == nil {
			s.bmp = make([]uint64, 0x10000/64)
		}
		s.bmp[r/64] |= 1 << (r % 64)
		return
	}
	if s.other == nil {
		s.other = map[rune]bool{}
	}
	s.other[r] = true
}

func (s *runeSet) has(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return s.bmp != nil && s.bmp[r/64]&(1<<(r%64)) != 0
	}
	return s.other[r]
}
