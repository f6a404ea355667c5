package clean_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/source"
)

// FuzzClean runs decode + clean on arbitrary bytes: no panic, and the
// cleaner's promises hold for any input that decodes. Run it with
//
//	go test ./generator/clean -run '^$' -fuzz FuzzClean -fuzztime 30s
func FuzzClean(f *testing.F) {
	for _, id := range reports {
		b := readReport(f, id)
		f.Add(b)
		if len(b) > 600 {
			f.Add(b[len(b)-600:])
		}
	}
	for _, s := range []string{"", "\x00", "領(lǐng)(lǐng)", "?(qū)?", "中?;A(chǔ)", "一、\n(一)\n1.\n①", "\"\"\"", "\uFFFD\uFFFD?", "\xff\xfe\x00"} {
		f.Add([]byte(s))
	}
	corr := []clean.Correction{{Source: "fuzz", Damaged: "?", Restored: "字", Note: "test"}}
	f.Fuzz(func(t *testing.T, b []byte) {
		text, _, err := source.Decode("fuzz", b, "")
		if err != nil {
			return
		}
		d := clean.Clean(text, clean.Options{SourceID: "fuzz", Corrections: corr})
		for i, p := range d.Paragraphs {
			if p.ID != "p"+strconv.Itoa(i+1) {
				t.Fatalf("paragraph %d has id %q", i, p.ID)
			}
			if p.Text == "" {
				t.Fatalf("%s is empty", p.ID)
			}
			if clean.HasAnnotation(plain(p)) {
				t.Fatalf("%s keeps a pinyin annotation: %q", p.ID, p.Text)
			}
			n := len([]rune(p.Text))
			last := 0
			for _, s := range p.Spans {
				if s.Start < last || s.End <= s.Start || s.End > n || (s.Kind != "damaged" && s.Kind != "corrected") {
					t.Fatalf("%s: bad span %+v in %q", p.ID, s, p.Text)
				}
				last = s.End
			}
			if strings.Contains(p.Text, "\n") {
				t.Fatalf("%s holds a line break", p.ID)
			}
		}
		for _, e := range d.Edits {
			if e.Rule == "" || e.Kind == "" || e.Line < 1 {
				t.Fatalf("edit without rule, kind or line: %+v", e)
			}
		}
	})
}

// plain returns the paragraph's text with its spans blanked out: debris
// inside a damaged span is evidence and may look like an annotation.
func plain(p clean.Paragraph) string {
	r := []rune(p.Text)
	for _, s := range p.Spans {
		for i := s.Start; i < s.End && i < len(r); i++ {
			r[i] = '|'
		}
	}
	return string(r)
}
