package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/eduportal/portal/generator/script"
	"github.com/eduportal/portal/generator/source"
)

// The corpus harness measures the whole pipeline the way an editor meets
// it: each document of the development corpus (../shared/corpus) is added
// to a temporary copy of the site as `generator add` would copy it, given
// the meta.yaml an editor would write from its .meta.json, and generated;
// the published observations.json and report records are then compared
// with the hand-made gold. The five seed reports go through the same run
// with their own meta.yaml and the project's gold
// (generator/extract/testdata/gold.yaml). The metrics are defined in
// corpus_measure.go and in the README.

func runCorpus(args []string) error {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	corpus := fs.String("corpus", "", "the development corpus (default ../shared/corpus beside the repository)")
	floors := fs.String("floors", "", "fail when an overall figure is below the floors in this file (e.g. generator/testdata/corpus_floors.yaml)")
	keep := fs.Bool("keep", false, "keep the temporary site (its data/generated holds every record measured) and print its path")
	verbose := fs.Bool("v", false, "list every miss: gold figures not found, figures not in the gold, wrong places, years, kinds, labels and ties")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if *corpus == "" {
		*corpus = filepath.Join(root, "..", "shared", "corpus")
	}
	res, err := measureCorpus(root, *corpus, *keep)
	if err != nil {
		return err
	}
	res.print(os.Stdout, *verbose)
	if *floors != "" {
		f, err := loadFloors(*floors)
		if err != nil {
			return err
		}
		if problems := res.belowFloors(f); len(problems) > 0 {
			return fmt.Errorf("below the floors in %s:\n  %s", *floors, strings.Join(problems, "\n  "))
		}
		fmt.Printf("\nall figures at or above the floors in %s\n", *floors)
	}
	return nil
}

// corpusDoc is one document of the development corpus with its gold.
type corpusDoc struct {
	ID    string // the report id it gets in the temporary site
	Text  string // path of the text as received
	Meta  corpusMeta
	Gold  []goldFigure
	Clean cleanGold
}

// corpusMeta is the part of a .meta.json an editor turns into meta.yaml.
type corpusMeta struct {
	Title       string          `json:"title"`
	Publisher   string          `json:"publisher"`
	URL         string          `json:"url"`
	Date        *string         `json:"date"`
	Script      string          `json:"script"`
	Places      []string        `json:"places"`
	YearCovered json.RawMessage `json:"year_covered"`
	Kind        string          `json:"kind"`
}

// cleanGold is a document's cleaning gold: strings of clutter lines that
// must not survive, and body sentences that must survive whole.
type cleanGold struct {
	Clutter []string `json:"clutter"`
	Keep    []string `json:"keep"`
}

// loadCorpus reads every document of corpus/docs with its gold.
func loadCorpus(dir string) ([]corpusDoc, error) {
	metas, err := filepath.Glob(filepath.Join(dir, "docs", "*.meta.json"))
	if err != nil {
		return nil, err
	}
	if len(metas) == 0 {
		return nil, fmt.Errorf("%s: no docs/*.meta.json", dir)
	}
	sort.Strings(metas)
	var docs []corpusDoc
	for _, m := range metas {
		name := strings.TrimSuffix(filepath.Base(m), ".meta.json")
		d := corpusDoc{ID: corpusID(name), Text: filepath.Join(dir, "docs", name+".txt")}
		if err := readJSON(m, &d.Meta); err != nil {
			return nil, err
		}
		if err := readJSON(filepath.Join(dir, "gold", name+".json"), &d.Gold); err != nil {
			return nil, err
		}
		if err := readJSON(filepath.Join(dir, "gold", name+".clean.json"), &d.Clean); err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// corpusID makes a report id from a corpus file name (01_hunan-guanliqu →
// corpus-01-hunan-guanliqu).
func corpusID(name string) string {
	return "corpus-" + strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(name), "-"), "-")
}

// editorMeta writes the meta.yaml an editor would write from the corpus
// metadata: the fields it holds, mapped onto the schema.
func editorMeta(id string, m corpusMeta, sha string, receivedAs string) ([]byte, error) {
	meta := source.Meta{
		ID:         id,
		Title:      m.Title,
		Kind:       schemaKind(m.Kind),
		Publisher:  m.Publisher,
		URL:        m.URL,
		CoversYear: coversYear(m.YearCovered, m.Date, m.Title),
		Places:     m.Places,
		Script:     m.Script,
		SHA256:     sha,
		ReceivedAs: receivedAs,
	}
	if m.Date != nil {
		meta.Published = *m.Date
	}
	if !strings.HasPrefix(meta.URL, "http://") && !strings.HasPrefix(meta.URL, "https://") {
		meta.URL = ""
	}
	b, err := yaml.Marshal(meta)
	if err != nil {
		return nil, err
	}
	if _, err := source.ParseMeta(id+"/meta.yaml", b); err != nil {
		return nil, err
	}
	return b, nil
}

// schemaKind maps the corpus's free description of a document onto the
// schema's kinds by the first word of the description that names one
// ("news summary of …" is news, "report summary of …" a report); bulletins,
// announcements and summaries are reports; anything else is other.
func schemaKind(desc string) string {
	words := strings.FieldsFunc(strings.ToLower(desc), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '-')
	})
	for _, w := range words {
		switch w {
		case "self-evaluation":
			return "self-evaluation"
		case "interview":
			return "interview"
		case "speech":
			return "speech"
		case "news":
			return "news"
		case "compilation":
			return "compilation"
		case "notice":
			return "notice"
		case "report", "bulletin", "announcement", "summary":
			return "report"
		}
	}
	return "other"
}

// coversYear is the single year an editor gives a report whose corpus
// metadata names a year or a span [first, last]: the year itself; for a
// span, the first year the title names inside the span (县教育局2022年工作
// 总结及2023年工作安排 is about 2022), else its last year not after the
// publication year (a report is about what had happened by the time it
// appeared), or the last year when the page has no date.
// titleYear finds a year written in a title (2021年, 2021 年).
var titleYear = regexp.MustCompile(`(19[5-9]\d|20\d\d)\s*年`)

func coversYear(raw json.RawMessage, date *string, title string) int {
	var one int
	if json.Unmarshal(raw, &one) == nil {
		return one
	}
	var span []int
	if json.Unmarshal(raw, &span) != nil || len(span) == 0 {
		return 0
	}
	for _, m := range titleYear.FindAllStringSubmatch(title, -1) {
		var y int
		fmt.Sscanf(m[1], "%d", &y)
		if y >= span[0] && y <= span[len(span)-1] {
			return y
		}
	}
	last := span[len(span)-1]
	if date == nil || len(*date) < 4 {
		return last
	}
	var pub int
	fmt.Sscanf((*date)[:4], "%d", &pub)
	for i := len(span) - 1; i >= 0; i-- {
		if span[i] <= pub {
			return span[i]
		}
	}
	return span[0]
}

// buildCorpusSite makes a temporary copy of the site's inputs holding the
// seed reports (with their own meta.yaml) and every corpus document, and
// runs generate there. It returns the temporary root; the caller removes it.
func buildCorpusSite(root string, docs []corpusDoc) (string, error) {
	tmp, err := os.MkdirTemp(memoryTempDir(), "corpus-")
	if err != nil {
		return "", err
	}
	fail := func(err error) (string, error) {
		os.RemoveAll(tmp)
		return "", err
	}
	if err := copySiteInputs(root, tmp); err != nil {
		return fail(err)
	}
	seeds, err := os.ReadDir(filepath.Join(root, "data", "sources"))
	if err != nil {
		return fail(err)
	}
	for _, s := range seeds {
		if s.IsDir() {
			if err := copyDir(filepath.Join(root, "data", "sources", s.Name()), filepath.Join(tmp, "data", "sources", s.Name())); err != nil {
				return fail(err)
			}
		}
	}
	for _, d := range docs {
		b, err := os.ReadFile(d.Text)
		if err != nil {
			return fail(err)
		}
		sum := sha256.Sum256(b)
		meta, err := editorMeta(d.ID, d.Meta, hex.EncodeToString(sum[:]), filepath.Base(d.Text))
		if err != nil {
			return fail(fmt.Errorf("%s: %w", d.Text, err))
		}
		dir := filepath.Join(tmp, "data", "sources", d.ID)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fail(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "original.txt"), b, 0o644); err != nil {
			return fail(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "meta.yaml"), meta, 0o644); err != nil {
			return fail(err)
		}
	}
	// The stages' warnings about the corpus are the harness's business to
	// measure, not to print.
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	err = generate(tmp, generateOptions{noCache: true})
	slog.SetDefault(prev)
	if err != nil {
		return fail(err)
	}
	return tmp, nil
}

func copyDir(src, dst string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// measureCorpus runs the editor's flow over the corpus and the seeds and
// measures the published data against the gold.
func measureCorpus(root, corpusDir string, keep bool) (*corpusResult, error) {
	if _, err := os.Stat(corpusDir); err != nil {
		return nil, fmt.Errorf("no corpus at %s: %w", corpusDir, err)
	}
	docs, err := loadCorpus(corpusDir)
	if err != nil {
		return nil, err
	}
	seedGold, err := loadSeedGold(filepath.Join(root, "generator", "extract", "testdata", "gold.yaml"))
	if err != nil {
		return nil, err
	}
	ties, err := loadTieTable(filepath.Join(root, "generator", "testdata", "corpus_ties.yaml"))
	if err != nil {
		return nil, err
	}
	conv, err := script.Load(filepath.Join(root, "data", "zh"))
	if err != nil {
		return nil, err
	}
	reg, err := loadRegistryWords(filepath.Join(root, "data", "indicators.yaml"))
	if err != nil {
		return nil, err
	}
	tmp, err := buildCorpusSite(root, docs)
	if err != nil {
		return nil, err
	}
	if keep {
		fmt.Fprintf(os.Stderr, "corpus: the temporary site is kept at %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	obs, err := readPublished(filepath.Join(tmp, "data", "generated"))
	if err != nil {
		return nil, err
	}
	m := measurer{fold: conv.ToHans, registry: reg}
	m.ties = map[string][]string{}
	for label, ids := range ties {
		m.ties[m.norm(label)] = ids
	}
	res := &corpusResult{}
	var seedIDs []string
	for id := range seedGold {
		seedIDs = append(seedIDs, id)
	}
	sort.Strings(seedIDs)
	for _, id := range seedIDs {
		rec, err := readRecord(filepath.Join(tmp, "data", "generated", "reports", id+".json"))
		if err != nil {
			return nil, err
		}
		res.Seeds = append(res.Seeds, m.measure(id, seedGold[id], nil, obs[id], rec, true))
	}
	for _, d := range docs {
		rec, err := readRecord(filepath.Join(tmp, "data", "generated", "reports", d.ID+".json"))
		if err != nil {
			return nil, err
		}
		gold := make([]goldFigure, len(d.Gold))
		copy(gold, d.Gold)
		for i := range gold {
			gold[i].defaultPlace = firstOr(d.Meta.Places)
			gold[i].coversYear = coversYear(d.Meta.YearCovered, d.Meta.Date, d.Meta.Title)
		}
		res.Corpus = append(res.Corpus, m.measure(d.ID, gold, &d.Clean, obs[d.ID], rec, false))
	}
	return res, nil
}

func firstOr(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}
