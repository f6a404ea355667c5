package clean_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/source"
)

// The development corpus (../shared/corpus, outside the repository) holds
// real documents the cleaner was not built on, each with hand-made gold:
// `clutter`, short strings from page-clutter lines that must not survive
// cleaning, and `keep`, body sentences that must survive whole, in one
// paragraph. TestCorpusClean decodes each document as the source stage
// does, cleans it, and counts both; it prints the counts per document and
// overall and fails when they fall below the floors, set a little under
// what the cleaner reached when they were last raised.
//
//	go test ./generator/clean -run TestCorpusClean -v
const (
	corpusDir = root + "/../shared/corpus"
	// maxClutterLeft and maxKeepLost are the floors (ceilings of failures).
	maxClutterLeft = 2
	maxKeepLost    = 0
)

type cleanGold struct {
	Clutter []string `json:"clutter"`
	Keep    []string `json:"keep"`
}

// corpusResult is what the harness measures on one document.
type corpusResult struct {
	clutter, clutterLeft int
	keep, lost, split    int
	left, missing        []string
}

func TestCorpusClean(t *testing.T) {
	golds, err := filepath.Glob(filepath.Join(corpusDir, "gold", "*.clean.json"))
	if err != nil || len(golds) == 0 {
		t.Skip("no corpus at " + corpusDir)
	}
	var total corpusResult
	for _, g := range golds {
		name := strings.TrimSuffix(filepath.Base(g), ".clean.json")
		raw, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		var gold cleanGold
		if err := json.Unmarshal(raw, &gold); err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		b, err := os.ReadFile(filepath.Join(corpusDir, "docs", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := source.Decode(name, b, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		d := clean.Clean(text, clean.Options{SourceID: name})
		r := measureClean(d, gold)
		t.Logf("%-52s clutter left %2d of %2d   keep lost %d, split %d of %d", name, r.clutterLeft, r.clutter, r.lost, r.split, r.keep)
		for _, s := range r.left {
			t.Logf("    clutter left: %q", s)
		}
		for _, s := range r.missing {
			t.Logf("    keep not whole: %q", s)
		}
		total.clutter += r.clutter
		total.clutterLeft += r.clutterLeft
		total.keep += r.keep
		total.lost += r.lost
		total.split += r.split
	}
	t.Logf("overall: clutter left %d of %d; keep sentences lost %d, split %d, of %d", total.clutterLeft, total.clutter, total.lost, total.split, total.keep)
	if total.clutterLeft > maxClutterLeft {
		t.Errorf("%d clutter strings left in the text, more than the %d allowed", total.clutterLeft, maxClutterLeft)
	}
	if total.lost+total.split > maxKeepLost {
		t.Errorf("%d body sentences lost or split, more than the %d allowed", total.lost+total.split, maxKeepLost)
	}
}

// measureClean counts the gold's clutter strings found in the published
// text (the title and the paragraphs) and the keep sentences not found
// whole in one paragraph. A keep sentence is lost when no paragraph holds
// even its first or last part, split otherwise.
//
// The gold is written from the copy as received, so before comparing, the
// width of punctuation is folded on both sides (the cleaner makes
// punctuation full-width) and the mirrors' pinyin annotations are taken out
// of the gold strings only: an annotation the cleaner left in the text then
// makes the sentence fail to match, as it should.
func measureClean(d clean.Document, gold cleanGold) corpusResult {
	var r corpusResult
	paras := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		paras[i] = fold(p.Text)
	}
	published := fold(d.Title) + "\x00" + strings.Join(paras, "\x00")
	for _, c := range gold.Clutter {
		c = fold(goldWithoutPinyin(c))
		if c == "" {
			continue
		}
		r.clutter++
		if strings.Contains(published, c) {
			r.clutterLeft++
			r.left = append(r.left, c)
		}
	}
	for _, k := range gold.Keep {
		k = fold(goldWithoutPinyin(k))
		r.keep++
		whole := false
		for _, p := range paras {
			if strings.Contains(p, k) {
				whole = true
				break
			}
		}
		if whole {
			continue
		}
		r.missing = append(r.missing, k)
		rs := []rune(k)
		head, tail := string(rs[:len(rs)/3]), string(rs[len(rs)-len(rs)/3:])
		if strings.Contains(published, head) || strings.Contains(published, tail) {
			r.split++
		} else {
			r.lost++
		}
	}
	return r
}

// goldPinyinRe is any parenthesised run of Latin letters (toned or not):
// in the gold strings of the corpus these are all injected annotations.
var goldPinyinRe = regexp.MustCompile(`\s*[(（]\s*[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\s*[)）]`)

func goldWithoutPinyin(s string) string { return goldPinyinRe.ReplaceAllString(s, "") }

// fold makes width and quote style irrelevant to the comparison and drops
// white space, which the cleaner trims and joins.
func fold(s string) string {
	s = width.Fold.String(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\u3000', '\n':
			return -1
		case '“', '”', '"':
			return '"'
		}
		return r
	}, s)
}

// TestNothingLost checks, on the five reports and the corpus, that every Han
// character received is either published (title, paragraphs) or in the
// record of a removal (clutter, byline, repeat; the title's record is a
// move to Document.Title, counted as published): the cleaner drops
// nothing without an edit. The reports are cleaned without corrections,
// which replace characters.
func TestNothingLost(t *testing.T) {
	docs := map[string][]byte{}
	for _, id := range reports {
		docs[id] = readReport(t, id)
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "docs", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = b
	}
	for name, b := range docs {
		text, _, err := source.Decode(name, b, "")
		if err != nil {
			t.Fatal(err)
		}
		d := clean.Clean(text, clean.Options{SourceID: name})
		published := hanOf(d.Title)
		for _, p := range d.Paragraphs {
			published += hanOf(p.Text)
		}
		removed := 0
		for _, e := range d.Edits {
			switch e.Kind {
			case "clutter", "byline", "repeat":
				removed += hanOf(e.Before)
			}
		}
		if in := hanOf(text); published+removed != in {
			t.Errorf("%s: %d Han characters received, %d published and %d in removal records", name, in, published, removed)
		}
	}
}

func hanOf(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}
