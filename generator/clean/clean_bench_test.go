package clean_test

import (
	"strings"
	"testing"

	"github.com/eduportal/portal/generator/clean"
	"github.com/eduportal/portal/generator/source"
)

// BenchmarkClean cleans each of the five reports, and all five
// concatenated.
func BenchmarkClean(b *testing.B) {
	corr := corrections(b)
	var texts []string
	for _, id := range reports {
		text, _, err := source.Decode(id, readReport(b, id), "")
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, text)
		b.Run(id, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				clean.Clean(text, clean.Options{SourceID: id, Corrections: corr})
			}
		})
	}
	all := strings.Join(texts, "\n")
	b.Run("all", func(b *testing.B) {
		b.SetBytes(int64(len(all)))
		b.ReportAllocs()
		for b.Loop() {
			clean.Clean(all, clean.Options{SourceID: "all", Corrections: corr})
		}
	})
}
