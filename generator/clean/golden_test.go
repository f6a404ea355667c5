package clean_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/source"
)

// update rewrites the golden files: go test ./generator/clean -update. Read
// the diff before committing it; the golden files are the reviewed record of
// what the cleaner does to each report.
var update = flag.Bool("update", false, "rewrite golden files in testdata")

// reports are the corpus folders under data/sources.
var reports = []string{
	"liaocheng-2020-evaluation-news",
	"shandong-2020-typical-cases",
	"anonymised-district-2022-self-evaluation",
	"jinan-2018-bureau-chief-speech",
	"pingyu-2022-bureau-chief-interview",
}

const root = "../.."

func readReport(t testing.TB, id string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "data", "sources", id, "original.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func corrections(t testing.TB) []clean.Correction {
	t.Helper()
	c, err := clean.LoadCorrections(filepath.Join(root, "data", "corrections.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func cleanReport(t testing.TB, id string, b []byte, corr []clean.Correction) clean.Document {
	t.Helper()
	text, _, err := source.Decode(id, b, "")
	if err != nil {
		t.Fatal(err)
	}
	return clean.Clean(text, clean.Options{SourceID: id, Corrections: corr})
}

// renderParagraphs writes the cleaned report in a form a person can read
// and review in a diff.
func renderParagraphs(d clean.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\n", d.Title)
	fmt.Fprintf(&b, "authors: %s\n", strings.Join(d.Authors, ", "))
	fmt.Fprintf(&b, "contributors: %s\n", strings.Join(d.Contributors, ", "))
	fmt.Fprintf(&b, "publisher: %s\n", d.Publisher)
	for _, p := range d.Paragraphs {
		kind := "text"
		switch {
		case p.Heading:
			kind = fmt.Sprintf("heading %d", p.Level)
		case p.Level > 0:
			kind = fmt.Sprintf("item %d", p.Level)
		}
		fmt.Fprintf(&b, "\n## %s  line %d  %s  section: %s (%s)\n%s\n", p.ID, p.Line, kind, p.Section, p.SectionID, p.Text)
		r := []rune(p.Text)
		for _, s := range p.Spans {
			fmt.Fprintf(&b, "   [%s %d-%d] %q", s.Kind, s.Start, s.End, string(r[s.Start:s.End]))
			if s.Original != "" {
				fmt.Fprintf(&b, " was %q", s.Original)
			}
			fmt.Fprintf(&b, ": %s\n", s.Note)
		}
	}
	return b.String()
}

func renderEdits(d clean.Document) string {
	var b strings.Builder
	for _, e := range d.Edits {
		fmt.Fprintf(&b, "line %d  %s  %s", e.Line, e.Kind, e.Rule)
		if e.Count > 0 {
			fmt.Fprintf(&b, "  ×%d", e.Count)
		}
		fmt.Fprintf(&b, "\n  - %s\n  + %s\n", strings.ReplaceAll(e.Before, "\n", "⏎"), strings.ReplaceAll(e.After, "\n", "⏎"))
		if e.Note != "" {
			fmt.Fprintf(&b, "  note: %s\n", e.Note)
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	corr := corrections(t)
	for _, id := range reports {
		t.Run(id, func(t *testing.T) {
			d := cleanReport(t, id, readReport(t, id), corr)
			for suffix, got := range map[string]string{".paragraphs.txt": renderParagraphs(d), ".edits.txt": renderEdits(d)} {
				path := filepath.Join("testdata", id+suffix)
				if *update {
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./generator/clean -update)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs from the cleaner's output; run with -update and review the diff", path)
				}
			}
		})
	}
}

// TestCounts pins the numbers the issue states and the ones a reviewer
// checked by hand.
func TestCounts(t *testing.T) {
	corr := corrections(t)
	want := map[string]struct{ pinyin, damaged, restored int }{
		"liaocheng-2020-evaluation-news":           {256, 0, 3},
		"pingyu-2022-bureau-chief-interview":       {496, 0, 1},
		"shandong-2020-typical-cases":              {0, 0, 0},
		"anonymised-district-2022-self-evaluation": {0, 0, 0},
		"jinan-2018-bureau-chief-speech":           {0, 0, 0},
	}
	for _, id := range reports {
		d := cleanReport(t, id, readReport(t, id), corr)
		var pinyin, damaged, restored int
		for _, e := range d.Edits {
			switch e.Kind {
			case "pinyin":
				pinyin += e.Count
			case "damaged":
				damaged++
			case "correction":
				restored++
			}
		}
		w := want[id]
		if pinyin != w.pinyin || damaged != w.damaged || restored != w.restored {
			t.Errorf("%s: pinyin %d, damaged %d, restored %d; want %d, %d, %d", id, pinyin, damaged, restored, w.pinyin, w.damaged, w.restored)
		}
	}
}

// Without corrections every damaged span stays in the text, marked.
func TestDamagedWithoutCorrections(t *testing.T) {
	want := map[string]int{"liaocheng-2020-evaluation-news": 3, "pingyu-2022-bureau-chief-interview": 1}
	for id, n := range want {
		d := cleanReport(t, id, readReport(t, id), nil)
		got := 0
		for _, p := range d.Paragraphs {
			for _, s := range p.Spans {
				r := []rune(p.Text)
				if s.Kind != "damaged" || !strings.ContainsAny(string(r[s.Start:s.End]), "?\uFFFD") {
					t.Errorf("%s %s: span %+v is not a damaged span", id, p.ID, s)
				}
				got++
			}
		}
		if got != n {
			t.Errorf("%s: %d damaged spans, want %d", id, got, n)
		}
	}
}

// Every correction in data/corrections.yaml is for a span the cleaner
// really finds in its report, so none is dead.
func TestCorrectionsMatchDamage(t *testing.T) {
	for _, c := range corrections(t) {
		b := readReport(t, c.Source)
		d := cleanReport(t, c.Source, b, nil)
		found := false
		for _, e := range d.Edits {
			if e.Kind == "damaged" && e.Before == c.Damaged {
				found = true
			}
		}
		if !found && !strings.Contains(string(b), c.Damaged) {
			t.Errorf("correction %q for %s matches no damaged span", c.Damaged, c.Source)
		}
	}
}

func TestStableRunToRun(t *testing.T) {
	corr := corrections(t)
	for _, id := range reports {
		a := renderParagraphs(cleanReport(t, id, readReport(t, id), corr)) + renderEdits(cleanReport(t, id, readReport(t, id), corr))
		b := renderParagraphs(cleanReport(t, id, readReport(t, id), corr)) + renderEdits(cleanReport(t, id, readReport(t, id), corr))
		if a != b {
			t.Errorf("%s: two runs differ", id)
		}
	}
}
