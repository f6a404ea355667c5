package script

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// pinyinNote is the mirror's pinyin annotation (領(lǐng)) that the clean
// stage removes; whole-report tests strip it first.
var pinyinNote = regexp.MustCompile(`\([a-zü̈āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]+\)`)

// reports returns the corpus reports (pinyin notes removed) by source id.
func reports(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repo, "data", "sources", "*", "original.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no reports under data/sources: %v", err)
	}
	m := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m[filepath.Base(filepath.Dir(f))] = pinyinNote.ReplaceAllString(string(b), "")
	}
	return m
}

func corpus(t testing.TB) string {
	m := reports(t)
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(m[id])
	}
	return b.String()
}

func benchConvert(b *testing.B, f func(c *Converter, s string) string) {
	c := testConverter(b)
	s := corpus(b)
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		f(c, s)
	}
}

func BenchmarkT2S(b *testing.B) { benchConvert(b, (*Converter).ToHans) }
func BenchmarkS2T(b *testing.B) {
	benchConvert(b, func(c *Converter, s string) string { r, _ := c.OpenCC("s2t", s); return r })
}
func BenchmarkS2TW(b *testing.B) {
	benchConvert(b, func(c *Converter, s string) string { r, _ := c.OpenCC("s2tw", s); return r })
}

// BenchmarkToHant is the site's zh-Hant conversion: t2s then s2tw.
func BenchmarkToHant(b *testing.B) { benchConvert(b, (*Converter).ToHant) }

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(filepath.Join(repo, "data", "zh")); err != nil {
			b.Fatal(err)
		}
	}
}
