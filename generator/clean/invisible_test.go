package clean

import (
	"strings"
	"testing"
)

// Invisible characters inside numbers and words are removed, each line's
// removals recorded with the characters named, and nothing else changes.
func TestInvisibleCharactersRemoved(t *testing.T) {
	tests := []struct {
		name, text, want string
		count            int
		before           string // a part of the edit's Before
	}{
		{"zero-width space in a number", "全市共有幼儿园1\u200b200所。", "全市共有幼儿园1200所。", 1, "1⟨U+200B⟩200"},
		{"BOM inside a number", "在校学生3\ufeff500人。", "在校学生3500人。", 1, "3⟨U+FEFF⟩500"},
		{"soft hyphen in a number", "投入资金2\u00ad5亿元。", "投入资金25亿元。", 1, "2⟨U+00AD⟩5"},
		{"bidi override", "教师\u202e人数\u202c增加。", "教师人数增加。", 2, "⟨U+202E⟩人数⟨U+202C⟩"},
		{"joiners, word joiner and isolates", "学\u200d校\u2060建\u2066设\u2069完成。", "学校建设完成。", 4, "学⟨U+200D⟩校"},
		{"marks", "改\u200e造\u200f提升。", "改造提升。", 2, "⟨U+200E⟩"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Clean(tc.text, Options{})
			if len(doc.Paragraphs) != 1 || doc.Paragraphs[0].Text != tc.want {
				t.Fatalf("paragraphs %+v, want one %q", doc.Paragraphs, tc.want)
			}
			var found *Edit
			for i, e := range doc.Edits {
				if e.Kind == "invisible" {
					found = &doc.Edits[i]
				}
			}
			if found == nil {
				t.Fatalf("no invisible edit in %+v", doc.Edits)
			}
			if found.Count != tc.count || found.After != tc.want || !strings.Contains(found.Before, tc.before) || found.Line != 1 {
				t.Errorf("edit %+v, want count %d, after %q, before containing %q", *found, tc.count, tc.want, tc.before)
			}
			for _, r := range found.Before {
				if isInvisible(r) {
					t.Errorf("the record's Before still holds U+%04X", r)
				}
			}
		})
	}
	// Plain text has no invisible edit.
	for _, e := range Clean("全市共有幼儿园1200所。", Options{}).Edits {
		if e.Kind == "invisible" {
			t.Errorf("an edit for text without invisible characters: %+v", e)
		}
	}
}
