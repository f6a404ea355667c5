package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eduportal/portal/generator/pipeline"
	"github.com/eduportal/portal/generator/source"
)

const root = "../.."

var loadEnv = sync.OnceValues(func() (Env, error) { return LoadEnv(root) })

func env(t testing.TB) Env {
	t.Helper()
	e, err := loadEnv()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestDeterministic(t *testing.T) {
	e := env(t)
	a, err := Generate(e, 10, 42)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(e, 12, 42)
	c, _ := Generate(e, 10, 43)
	for i := range a {
		if a[i].ID != b[i].ID || !bytes.Equal(a[i].Original, b[i].Original) || !bytes.Equal(a[i].Meta, b[i].Meta) {
			t.Errorf("report %d differs between two runs with seed 42", i)
		}
		if bytes.Equal(a[i].Original, c[i].Original) {
			t.Errorf("report %d is the same with seeds 42 and 43", i)
		}
	}
	// and on disk, byte for byte
	d1, d2 := t.TempDir(), t.TempDir()
	if err := Write(d1, 10, 7, e); err != nil {
		t.Fatal(err)
	}
	if err := Write(d2, 10, 7, e); err != nil {
		t.Fatal(err)
	}
	if x, y := dirBytes(t, d1), dirBytes(t, d2); x != y {
		t.Error("two corpora written with the same seed differ")
	}
}

func dirBytes(t *testing.T, dir string) string {
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(rel + "\x00" + string(raw) + "\x00")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// annotationRe is a mirror pinyin annotation as the cleaner defines it: a
// toned syllable in parentheses after a Han character.
var annotationRe = regexp.MustCompile(`\p{Han}[(（]((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouvü` + toneVowels + `]{1,4}(?:ng|n|r)?)[)）]`)

func hasAnnotation(s string) bool {
	for _, m := range annotationRe.FindAllStringSubmatch(s, -1) {
		if strings.ContainsAny(m[1], toneVowels) {
			return true
		}
	}
	return false
}

func TestLoadableAndShapes(t *testing.T) {
	e := env(t)
	dir := t.TempDir()
	const n = 20
	if err := Write(dir, n, 1, e); err != nil {
		t.Fatal(err)
	}
	reps, err := source.LoadAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != n {
		t.Fatalf("LoadAll read %d reports, want %d", len(reps), n)
	}
	kinds := map[string]int{}
	scripts := map[string]int{}
	for _, r := range reps {
		kinds[r.Meta.Kind]++
		scripts[r.Meta.Script]++
		if sz := len(r.Bytes); sz < 5000 || sz > 21000 {
			t.Errorf("%s: %d bytes, want 5–20 KB", r.ID, sz)
		}
		if r.Meta.CoversYear < 2016 || r.Meta.CoversYear > 2025 {
			t.Errorf("%s: covers %d", r.ID, r.Meta.CoversYear)
		}
		text := annotationRe.ReplaceAllStringFunc(r.Text, func(m string) string { return string([]rune(m)[:1]) })
		switch r.Meta.Kind {
		case "news":
			want(t, r, text, "记者", "記者")
			want(t, r, text, "APP")
		case "compilation":
			want(t, r, text, "一、")
			want(t, r, text, "典型工作案例")
		case "self-evaluation":
			want(t, r, text, "联系客服", "聯繫客服", "聯系客服")
			want(t, r, text, "¥")
			want(t, r, text, "阅读全文", "閱讀全文")
		case "speech":
			want(t, r, text, "分享到")
			if strings.Count(text, "座谈会上，") == 0 || strings.Count(text, "座談會上，") == 0 {
				t.Errorf("%s: the title is not in both scripts", r.ID)
			}
		case "interview":
			want(t, r, text, "版权声明", "版權聲明")
			if strings.Count(text, "\n-\n") < 3 {
				t.Errorf("%s: no run of related headlines", r.ID)
			}
		}
		if (r.Meta.Kind == "news" || r.Meta.Kind == "interview") && r.Meta.Script == "hant" && !hasAnnotation(r.Text) {
			t.Errorf("%s: a Traditional %s without pinyin annotations", r.ID, r.Meta.Kind)
		}
		if r.Meta.Script == "hans" && hasAnnotation(r.Text) {
			t.Errorf("%s: a Simplified report with pinyin annotations", r.ID)
		}
	}
	for _, k := range Kinds {
		if kinds[k] < 2 {
			t.Errorf("%d reports of kind %s in %d, want at least 2", kinds[k], k, n)
		}
	}
	if scripts["hans"] < n/5 || scripts["hant"] < n/5 {
		t.Errorf("scripts %v: want both", scripts)
	}
}

func want(t *testing.T, r source.Report, text string, any ...string) {
	t.Helper()
	for _, s := range any {
		if strings.Contains(text, s) {
			return
		}
	}
	t.Errorf("%s (%s): none of %q", r.ID, r.Meta.Kind, any)
}

// TestPipelineAcceptsCorpus runs the real stages on a small corpus: every
// report goes through, no pinyin annotation survives cleaning, and figures
// are found and tied to the registry.
func TestPipelineAcceptsCorpus(t *testing.T) {
	penv, err := pipeline.LoadEnv(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	const n = 15
	if err := Write(dir, n, 2026, NewEnv(penv.Gazetteer, penv.Registry, penv.Converter)); err != nil {
		t.Fatal(err)
	}
	srcs, err := source.LoadAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	var figures, registered int
	placed := 0
	for _, s := range srcs {
		r, err := penv.Process(s)
		if err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		for _, p := range r.Paragraphs {
			for _, txt := range []string{p.Text, p.Hans, p.Hant} {
				if hasAnnotation(txt) {
					t.Errorf("%s %s: pinyin annotation survived cleaning: %.80s", s.ID, p.ID, txt)
				}
			}
			for _, clutter := range []string{"¥", "APP", "联系客服", "聯繫客服", "版权声明", "版權聲明", "网友评论", "網友評論", "阅读全文", "閱讀全文"} {
				if strings.Contains(p.Hans, clutter) || strings.Contains(p.Hant, clutter) {
					t.Errorf("%s %s: clutter %q survived: %.80s", s.ID, p.ID, clutter, p.Text)
				}
			}
		}
		if len(r.Figures) == 0 {
			t.Errorf("%s: no figures found", s.ID)
		}
		for _, f := range r.Figures {
			figures++
			if f.Indicator != "" {
				registered++
			}
		}
		if len(r.Places) > 0 {
			placed++
		}
		if r.Year != s.Meta.CoversYear {
			t.Logf("%s: year %d, meta covers %d (%s)", s.ID, r.Year, s.Meta.CoversYear, r.YearHow)
		}
	}
	t.Logf("%d reports, %d figures, %d tied to an indicator (%.0f%%), %d reports placed", n, figures, registered, 100*float64(registered)/float64(max(figures, 1)), placed)
	if registered < figures/2 {
		t.Errorf("only %d of %d figures tied to an indicator", registered, figures)
	}
	if placed < n {
		t.Errorf("only %d of %d reports tied to a place", placed, n)
	}
}

// TestTime2000 measures the time to synthesise 2,000 reports (skipped with
// -short).
func TestTime2000(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	e := env(t)
	dir := t.TempDir()
	start := time.Now()
	if err := Write(dir, 2000, 1, e); err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	var total int64
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "original.txt" {
			if fi, err := d.Info(); err == nil {
				total += fi.Size()
			}
		}
		return nil
	})
	t.Logf("2000 reports, %.1f MB of originals, written in %v", float64(total)/1e6, el.Round(time.Millisecond))
}
