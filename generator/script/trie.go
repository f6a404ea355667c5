package script

import (
	"sort"
	"unicode/utf8"
)

// trie is an immutable rune trie for maximum forward matching. The first
// rune is looked up in a flat table (Basic Multilingual Plane) or a small
// map (other planes); deeper levels are sorted label arrays searched by
// bisection. A lookup therefore costs one table read per position plus a
// few comparisons per extra rune: linear in the input, no per-call
// allocation, and safe for concurrent readers because nothing is written
// after build.
type trie struct {
	root   []int32 // rune < 0x10000 → node index; 0 means no key starts here
	rootHi map[rune]int32
	nodes  []tnode
	labels []rune  // children labels, grouped per node, sorted
	kids   []int32 // child node index, parallel to labels
	vals   []entry // node value (val.key == "" means no value)

	// edges is an open-addressing hash table (node, rune) → child, the
	// fast path for child lookups: one multiply and usually one probe.
	edges []edge
	mask  uint64
}

type edge struct {
	key   uint64 // node<<21 | rune, 0 = empty slot (node 0 has no children)
	child int32
}

func edgeKey(id int32, r rune) uint64 { return uint64(id)<<21 | uint64(r) }

func (t *trie) slot(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15 >> 20) & t.mask }

type tnode struct {
	first, n int32 // children in labels/kids[first:first+n]
	val      int32 // index in vals, -1 if no key ends here
}

// newTrie builds a trie over the entries of m (key → entry).
func newTrie(m map[string]entry) *trie {
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys) // byte order of UTF-8 is code point order
	rk := make([][]rune, len(keys))
	for i, k := range keys {
		rk[i] = []rune(k)
	}
	t := &trie{root: make([]int32, 0x10000), rootHi: map[rune]int32{}, nodes: []tnode{{val: -1}}}
	// node 0 is a sentinel so that 0 in root means "absent".
	var build func(lo, hi, depth int) int32
	build = func(lo, hi, depth int) int32 {
		id := int32(len(t.nodes))
		t.nodes = append(t.nodes, tnode{val: -1})
		if len(rk[lo]) == depth { // sorted: the key ending here comes first
			t.nodes[id].val = int32(len(t.vals))
			t.vals = append(t.vals, m[keys[lo]])
			lo++
		}
		type group struct {
			r      rune
			lo, hi int
		}
		var groups []group
		for i := lo; i < hi; {
			r := rk[i][depth]
			j := i + 1
			for j < hi && rk[j][depth] == r {
				j++
			}
			groups = append(groups, group{r, i, j})
			i = j
		}
		first := int32(len(t.labels))
		for _, g := range groups {
			t.labels = append(t.labels, g.r)
			t.kids = append(t.kids, 0)
		}
		t.nodes[id].first, t.nodes[id].n = first, int32(len(groups))
		for i, g := range groups {
			t.kids[int(first)+i] = build(g.lo, g.hi, depth+1)
		}
		return id
	}
	defer t.hashEdges()
	for i := 0; i < len(rk); {
		r := rk[i][0]
		j := i + 1
		for j < len(rk) && rk[j][0] == r {
			j++
		}
		id := build(i, j, 1)
		if r < 0x10000 {
			t.root[r] = id
		} else {
			t.rootHi[r] = id
		}
		i = j
	}
	return t
}

// hashEdges fills the edge hash table from labels/kids.
func (t *trie) hashEdges() {
	size := uint64(1)
	for size < uint64(len(t.labels))*2+2 {
		size <<= 1
	}
	t.edges, t.mask = make([]edge, size), size-1
	for id := range t.nodes {
		nd := t.nodes[id]
		for i := nd.first; i < nd.first+nd.n; i++ {
			k := edgeKey(int32(id), t.labels[i])
			j := t.slot(k)
			for t.edges[j].key != 0 {
				j = (j + 1) & t.mask
			}
			t.edges[j] = edge{k, t.kids[i]}
		}
	}
}

// start returns the node for the first rune r, or 0.
func (t *trie) start(r rune) int32 {
	if r < 0x10000 {
		if r < 0 {
			return 0
		}
		return t.root[r]
	}
	return t.rootHi[r]
}

// child returns the child of node id labelled r, or 0.
func (t *trie) child(id int32, r rune) int32 {
	k := edgeKey(id, r)
	for j := t.slot(k); ; j = (j + 1) & t.mask {
		switch t.edges[j].key {
		case k:
			return t.edges[j].child
		case 0:
			return 0
		}
	}
}

// childSorted is child by bisection of the sorted labels (kept as the
// reference implementation for tests).
func (t *trie) childSorted(id int32, r rune) int32 {
	nd := t.nodes[id]
	lab := t.labels[nd.first : nd.first+nd.n]
	lo, hi := 0, len(lab)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if lab[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(lab) && lab[lo] == r {
		return t.kids[int(nd.first)+lo]
	}
	return 0
}

// longest finds the longest key that is a prefix of s, given that s starts
// with rune r0 of byte length n0. It returns the key's byte length and the
// entry, or 0 and nil.
func (t *trie) longest(s string, r0 rune, n0 int) (int, *entry) {
	id := t.start(r0)
	if id == 0 {
		return 0, nil
	}
	best, bestVal := 0, int32(-1)
	pos := n0
	for {
		if v := t.nodes[id].val; v >= 0 {
			best, bestVal = pos, v
		}
		if t.nodes[id].n == 0 || pos >= len(s) {
			break
		}
		r, n := decode(s, pos)
		id = t.child(id, r)
		if id == 0 {
			break
		}
		pos += n
	}
	if bestVal < 0 {
		return 0, nil
	}
	return best, &t.vals[bestVal]
}

// decode is utf8.DecodeRuneInString(s[i:]) with the two common cases of
// Chinese text (ASCII and three-byte sequences) inlined.
func decode(s string, i int) (rune, int) {
	b := s[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	if b&0xF0 == 0xE0 && i+2 < len(s) {
		b1, b2 := s[i+1], s[i+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
