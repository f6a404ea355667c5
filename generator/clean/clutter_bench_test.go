package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkClutterRuleFor tries every line of the five reports against the
// clutter rules.
func BenchmarkClutterRuleFor(b *testing.B) {
	var lines []string
	n := 0
	for _, id := range []string{
		"liaocheng-2020-evaluation-news",
		"shandong-2020-typical-cases",
		"anonymised-district-2022-self-evaluation",
		"jinan-2018-bureau-chief-speech",
		"pingyu-2022-bureau-chief-interview",
	} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "data", "sources", id, "original.txt"))
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n") {
			lines = append(lines, l)
			n += len(l)
		}
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			clutterRuleFor(l)
		}
	}
}
