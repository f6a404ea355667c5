package place

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/source"
)

var benchReports = []string{
	"liaocheng-2020-evaluation-news",
	"shandong-2020-typical-cases",
	"anonymised-district-2022-self-evaluation",
	"jinan-2018-bureau-chief-speech",
	"pingyu-2022-bureau-chief-interview",
}

// benchTexts returns the decoded text of the five corpus reports.
func benchTexts(b *testing.B) []string {
	b.Helper()
	var out []string
	for _, id := range benchReports {
		raw, err := os.ReadFile(filepath.Join("..", "..", "data", "sources", id, "original.txt"))
		if err != nil {
			b.Fatal(err)
		}
		text, _, err := source.Decode(id, raw, "")
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, text)
	}
	return out
}

func benchGazetteer(b *testing.B) *Gazetteer {
	b.Helper()
	gazOnce.Do(func() { gaz, gazErr = Load("../../data/places", testHant) })
	if gazErr != nil {
		b.Fatal(gazErr)
	}
	return gaz
}

// BenchmarkMentions finds the place names in the five reports, whole and
// paragraph by paragraph (as Locate does).
func BenchmarkMentions(b *testing.B) {
	g := benchGazetteer(b)
	texts := benchTexts(b)
	b.Run("whole", func(b *testing.B) {
		all := strings.Join(texts, "\n")
		b.SetBytes(int64(len(all)))
		b.ReportAllocs()
		for b.Loop() {
			g.Mentions(all)
		}
	})
	b.Run("lines", func(b *testing.B) {
		var lines []string
		n := 0
		for _, t := range texts {
			for _, l := range strings.Split(t, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					lines = append(lines, l)
					n += len(l)
				}
			}
		}
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range lines {
				g.Mentions(l)
			}
		}
	})
}
