package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A paragraph over the bound is cut into pieces within it, at sentence
// ends where there are any; nothing is lost and each cut is recorded.
func TestSplitLongParagraphs(t *testing.T) {
	sentence := "全市共有幼儿园五十八所，在校学生三千人。" // 20 runes
	tests := []struct {
		name           string
		text           string
		pieces         int
		endsWithPeriod bool
	}{
		{"sentences", strings.Repeat(sentence, 500), 3, true},    // 10,000 runes
		{"no sentence end", strings.Repeat("教", 9000), 3, false}, // cut at the bound
		{"short", sentence, 1, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Clean(tc.text, Options{})
			if len(doc.Paragraphs) != tc.pieces {
				t.Fatalf("%d paragraphs, want %d", len(doc.Paragraphs), tc.pieces)
			}
			var joined strings.Builder
			for _, p := range doc.Paragraphs {
				if n := utf8.RuneCountInString(p.Text); n > maxParagraphRunes {
					t.Errorf("%s has %d runes", p.ID, n)
				}
				if tc.endsWithPeriod && !strings.HasSuffix(p.Text, "。") {
					t.Errorf("%s was not cut at a sentence end: …%s", p.ID, snippetEnd(p.Text))
				}
				joined.WriteString(p.Text)
			}
			if joined.String() != tc.text {
				t.Error("the pieces do not make the original text")
			}
			splits := 0
			for _, e := range doc.Edits {
				if e.Kind == "split" {
					splits++
				}
			}
			if splits != tc.pieces-1 {
				t.Errorf("%d split edits, want %d", splits, tc.pieces-1)
			}
		})
	}
}
