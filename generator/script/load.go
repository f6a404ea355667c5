package script

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Load reads the OpenCC dictionaries in dir/opencc and the project's
// overrides in dir/overrides.yaml (dir is the repository's data/zh) and
// builds a Converter. It reads the files once; the Converter keeps no
// reference to them.
func Load(dir string) (*Converter, error) {
	ds, err := readDictSet(filepath.Join(dir, "opencc"))
	if err != nil {
		return nil, err
	}
	ovs, err := readOverrides(filepath.Join(dir, "overrides.yaml"))
	if err != nil {
		return nil, err
	}
	std, err := readDict(filepath.Join(dir, fileTWStandard))
	if err != nil {
		return nil, err
	}
	ds.std = std
	base := newBase(ds, false)
	phrases, err := base.expand(ovs)
	if err != nil {
		return nil, err
	}
	c := base.with(nil, phrases)
	c.overrides = ovs
	c.surnames = newSurnameRule(ovs) // before the examples: some test the surname rule
	c.rules = true
	if err := c.checkExamples(); err != nil {
		return nil, err
	}
	return c, nil
}

// checkExamples runs every override's test lines, in the directions it
// covers, when the converter loads: an override that breaks its own test
// (a sabotaged or mistyped one put 學笑 on every zh-Hant page) stops the
// build with the file and line, instead of waiting for go test.
func (c *Converter) checkExamples() error {
	var problems []string
	for _, o := range c.overrides {
		for _, ex := range o.Tests {
			pos := fmt.Sprintf("%s:%d", o.File, ex.Line)
			if o.Dir != Hans {
				if got := c.ToHant(ex.Hans); got != ex.Hant {
					problems = append(problems, fmt.Sprintf("%s: test fails: %s converts to %s, want %s", pos, ex.Hans, got, ex.Hant))
				}
				if got := c.ToHant(ex.Hant); got != ex.Hant {
					problems = append(problems, fmt.Sprintf("%s: test fails: %s converts to %s, want it unchanged", pos, ex.Hant, got))
				}
			}
			if o.Dir != Hant {
				if got := c.ToHans(ex.Hant); got != ex.Hans {
					problems = append(problems, fmt.Sprintf("%s: test fails: %s converts to %s, want %s", pos, ex.Hant, got, ex.Hans))
				}
			}
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// Overrides returns the overrides the Converter was loaded with, for tests
// and for editors' tools.
func (c *Converter) Overrides() []Override { return slices.Clone(c.overrides) }

// WithNames returns a Converter that also knows the given names, Simplified
// → Traditional (Taiwan). It is how the gazetteer registers official place
// names, and how person or organisation names are protected: a name is a
// phrase that wins over the dictionaries wherever it matches, in both
// directions (ToHans maps the Traditional form back to the Simplified one).
// Overrides still win over names. c itself is not changed, so Converters
// stay safe to share between goroutines.
func (c *Converter) WithNames(pairs map[string]string) (*Converter, error) {
	var ph []phrase
	for _, hans := range slices.Sorted(maps.Keys(pairs)) {
		hant := pairs[hans]
		if hans == "" || hant == "" {
			return nil, fmt.Errorf("script: name %q → %q: empty form", hans, hant)
		}
		ph = append(ph, phrase{hans: hans, hant: hant})
	}
	n := c.with(ph, c.phrases)
	n.overrides = c.overrides
	return n, nil
}

// phrase is an override or a name after expansion.
type phrase struct {
	hans, hant string
	dir        Script
}

// addStandard adds Taiwan's standard forms (data/zh/tw-standard.txt) to
// the Taiwan stage tw: after the variants, so a variant that maps to the
// non-standard form maps to the standard one. It returns the forms
// replaced (a character, 佈, or a word, 週轉).
func addStandard(tw map[string]entry, std *dictFile) []string {
	var replaced []string
	if std == nil {
		return replaced
	}
	for _, e := range std.entries {
		replaced = append(replaced, e.key)
		for k, v := range tw {
			if v.val == e.key {
				v.val = e.val
				tw[k] = v
			}
		}
		tw[e.key] = entry{key: e.key, val: e.val}
	}
	return replaced
}

// newBase builds the Converter of the plain OpenCC chains. With tofu, t2s
// also uses TSCharactersExt (only for generating
// STPhrases_GeneratedFromRegionalPhrases, as OpenCC's build does).
func newBase(ds *dictSet, tofu bool) *Converter {
	c := &Converter{
		t2sMap: map[string]entry{}, s2tMap: map[string]entry{}, twMap: map[string]entry{},
		hansOnly: map[rune]bool{}, hantOnly: map[rune]bool{},
	}
	compat := map[string]entry{}
	put(compat, ds.compat, false)
	c.compat = newTrie(compat)

	// Later puts win on equal keys: this gives OpenCC's group semantics
	// (see the package comment) because phrase keys are never shorter than
	// character keys.
	put(c.t2sMap, ds.tsChars, false)
	if tofu {
		for k, v := range ds.tsChars.tofu {
			c.t2sMap[k] = entry{key: k, val: v}
		}
	}
	put(c.t2sMap, ds.tsPhrases, true)

	put(c.twMap, ds.twChars, false)
	put(c.twMap, ds.twPhrases, true)
	replaced := addStandard(c.twMap, ds.std)
	c.tw = newTrie(c.twMap)
	// s2twp's second stage, TWPhrases ▸ TWVariantsPhrases ▸ TWVariants, as
	// one trie: Taiwan's words win over the variants on the same key. Words
	// written with a form the standard replaces are left out: TWPhrases'
	// 發佈 → 釋出 (a software release) would take every 發布 (to publish).
	vocab := maps.Clone(c.twMap)
	for _, e := range ds.twVocab.entries {
		if !slices.ContainsFunc(replaced, func(form string) bool { return strings.Contains(e.key, form) }) {
			e.seg = true
			vocab[e.key] = e
		}
	}
	c.vocab = newTrie(vocab)

	put(c.s2tMap, ds.stChars, false)
	if ds.stGenerated != nil {
		put(c.s2tMap, ds.stGenerated, true)
	}
	put(c.s2tMap, ds.stPhrases, true)
	for k, e := range c.s2tMap {
		if e.seg {
			e.tw = string(appendMatch(nil, c.tw, e.val))
			c.s2tMap[k] = e
		}
	}
	c.t2s, c.s2t = newTries(c.t2sMap, c.s2tMap)

	for k, vs := range ds.stChars.all {
		if r := []rune(k); len(r) == 1 && !slices.Contains(vs, k) {
			c.hansOnly[r[0]] = true
		}
	}
	for k, vs := range ds.tsChars.all {
		if r := []rune(k); len(r) == 1 && !slices.Contains(vs, k) {
			c.hantOnly[r[0]] = true
		}
	}
	return c
}

func put(m map[string]entry, d *dictFile, seg bool) {
	for _, e := range d.entries {
		e.seg = seg
		m[e.key] = e
	}
}

// expand turns overrides into phrases; surname entries are expanded with
// the plain OpenCC conversion of each following word.
func (c *Converter) expand(ovs []Override) ([]phrase, error) {
	var ph []phrase
	for _, o := range ovs {
		if o.Surname == "" {
			ph = append(ph, phrase{o.Hans, o.Hant, o.Dir})
			continue
		}
		for _, w := range o.Before {
			hant, _ := c.OpenCC("s2tw", w)
			ph = append(ph, phrase{o.Surname + w, o.Surname + hant, o.Dir})
		}
	}
	seen := map[string]int{}
	for i, p := range ph {
		if j, dup := seen[p.hans+"\x00"+string(p.dir)]; dup && ph[j].hant != p.hant {
			return nil, fmt.Errorf("script: overrides disagree on %q: %q and %q", p.hans, ph[j].hant, p.hant)
		}
		seen[p.hans+"\x00"+string(p.dir)] = i
	}
	return ph, nil
}

// with returns a copy of the base Converter c with names and overrides
// added as phrases (overrides last, so they win).
func (c *Converter) with(names, overrides []phrase) *Converter {
	n := &Converter{
		compat: c.compat, tw: c.tw, vocab: c.vocab, t2sMap: c.t2sMap, s2tMap: c.s2tMap, twMap: c.twMap,
		hansOnly: c.hansOnly, hantOnly: c.hantOnly, surnames: c.surnames, rules: c.rules,
		names: append(slices.Clone(c.names), names...), phrases: overrides,
	}
	t2s, s2t := maps.Clone(c.t2sMap), maps.Clone(c.s2tMap)
	for _, p := range append(slices.Clone(n.names), overrides...) {
		if p.dir != Hant {
			t2s[p.hant] = entry{key: p.hant, val: p.hans, seg: true}
		}
		if p.dir != Hans {
			s2t[p.hans] = entry{key: p.hans, val: p.hant, tw: p.hant, seg: true}
		}
	}
	n.t2s, n.s2t = newTries(t2s, s2t)
	return n
}

// newTries builds a trie over each map, at once: a build waits for the
// converter's tries, a tenth of a second each.
func newTries(ms ...map[string]entry) (*trie, *trie) {
	ts := make([]*trie, len(ms))
	var wg sync.WaitGroup
	for i, m := range ms {
		wg.Go(func() { ts[i] = newTrie(m) })
	}
	wg.Wait()
	return ts[0], ts[1]
}
