package publish

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/eduportal/portal/generator/clean"
)

// The edit log on a report page is for readers: changes are grouped by
// kind (去除拼音注音, 删除网页杂项 …, named in layouts through the
// edit_kind_/edit_rule_ interface strings), each group with its count, and
// each change shown as a small diff: only the changed spans and a few
// characters around them, deleted and inserted text marked, instead of the
// whole line twice. The rule id stays in the markup for editors. The text
// is as received: the log records what the original said.

// editContext is how many characters of unchanged text a diff keeps on
// each side of a change.
const editContext = 8

// editHunks is how many changes of one line the log shows; a line with
// more (34 pinyin annotations) says how many it leaves out.
const editHunks = 4

// editRemovedRunes is how much of a removed line the log shows.
const editRemovedRunes = 120

type editGroup struct {
	Kind    string      `json:"kind"`
	Count   int         `json:"count"` // changes, counting each of a line's several (Edit.Count)
	Entries []editEntry `json:"entries"`
}

type editEntry struct {
	Line    int         `json:"line"`
	Rule    string      `json:"rule"`
	Removed bool        `json:"removed,omitempty"` // the whole line went
	Diff    []diffPiece `json:"diff"`
	Note    string      `json:"note,omitempty"` // an editor's note, in the page's script (corrections)
}

// diffPiece is a run of a diff: Op "" kept, "del" deleted, "ins" inserted,
// "gap" unchanged text left out (shown as …), "more" the number of further
// changes not shown (Text).
type diffPiece struct {
	Op   string `json:"op,omitempty"`
	Text string `json:"text,omitempty"`
}

// editKindOrder lists kinds as a reader meets them: what was taken out of
// the text first, then what was fixed in it.
var editKindOrder = []string{"correction", "damaged", "clutter", "pinyin", "byline", "title", "repeat", "join", "punct"}

func editGroups(lang Lang, edits []clean.Edit) []editGroup {
	byKind := map[string]*editGroup{}
	var kinds []string
	for _, e := range edits {
		g := byKind[e.Kind]
		if g == nil {
			g = &editGroup{Kind: e.Kind}
			byKind[e.Kind] = g
			kinds = append(kinds, e.Kind)
		}
		g.Count += max(e.Count, 1)
		entry := editEntry{Line: e.Line, Rule: e.Rule}
		if e.After == "" {
			entry.Removed = true
			entry.Diff = []diffPiece{{Op: "del", Text: shortenRunes(e.Before, editRemovedRunes)}}
		} else {
			entry.Diff = smallDiff(e.Before, e.After, editContext)
		}
		if e.Kind == "correction" && e.Note != "" {
			entry.Note = lang.Convert(e.Note)
		}
		g.Entries = append(g.Entries, entry)
	}
	rank := func(k string) int {
		for i, o := range editKindOrder {
			if o == k {
				return i
			}
		}
		return len(editKindOrder)
	}
	sort.SliceStable(kinds, func(i, j int) bool { return rank(kinds[i]) < rank(kinds[j]) })
	out := make([]editGroup, len(kinds))
	for i, k := range kinds {
		out[i] = *byKind[k]
	}
	return out
}

// deletions is the diff of two texts when the second is the first with
// characters taken out — what removing pinyin, invisible characters or an
// item of clutter does to a line — found in one pass instead of by the
// general diff. Any alignment of a subsequence deletes the same number of
// characters; of matching each kept character at its first place from the
// left or from the right, the one with fewer deleted runs is kept (from the
// right on a tie): 網(wǎng))” loses (wǎng), not (wǎng and the report's ).
// Nil when after is not a subsequence of before, or is before.
func deletions(before, after string) []diffmatchpatch.Diff {
	a, b := []rune(before), []rune(after)
	if len(b) >= len(a) || len(b) == 0 {
		return nil
	}
	left, ok := keptRuns(a, b)
	if !ok {
		return nil
	}
	ra, rb := slices.Clone(a), slices.Clone(b)
	slices.Reverse(ra)
	slices.Reverse(rb)
	right, _ := keptRuns(ra, rb)
	slices.Reverse(right)
	for k := range right {
		slices.Reverse(right[k].rs)
	}
	if deletedRuns(left) < deletedRuns(right) {
		return toDiffs(left)
	}
	return toDiffs(right)
}

type run struct {
	kept bool
	rs   []rune
}

// keptRuns aligns b with a as a subsequence, each character of b at its
// first place in a from the left, as alternating runs of a's characters
// kept and deleted; false when b is not a subsequence of a.
func keptRuns(a, b []rune) ([]run, bool) {
	var runs []run
	push := func(kept bool, rs []rune) {
		if len(rs) == 0 {
			return
		}
		if n := len(runs); n > 0 && runs[n-1].kept == kept {
			runs[n-1].rs = append(runs[n-1].rs, rs...)
			return
		}
		runs = append(runs, run{kept, slices.Clone(rs)})
	}
	i := 0
	for j := 0; j < len(b); {
		k := i
		for k < len(a) && a[k] != b[j] {
			k++
		}
		if k == len(a) {
			return nil, false
		}
		push(false, a[i:k])
		e := 0
		for k+e < len(a) && j+e < len(b) && a[k+e] == b[j+e] {
			e++
		}
		push(true, a[k:k+e])
		i, j = k+e, j+e
	}
	push(false, a[i:])
	return runs, true
}

func deletedRuns(runs []run) (n int) {
	for _, r := range runs {
		if !r.kept {
			n++
		}
	}
	return n
}

func toDiffs(runs []run) []diffmatchpatch.Diff {
	out := make([]diffmatchpatch.Diff, len(runs))
	for i, r := range runs {
		out[i] = diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(r.rs)}
		if !r.kept {
			out[i].Type = diffmatchpatch.DiffDelete
		}
	}
	return out
}

// substitutions is the diff of two texts of the same length in runes
// that differ only by characters replaced in place — what width and
// punctuation normalisation do to a line (, → ，) — found in one pass
// instead of by a general diff, whose cost grows with the line's length
// times its changes. Nil when the lengths differ or more than a quarter of
// the characters change (then the general diff says it better).
func substitutions(before, after string) []diffmatchpatch.Diff {
	a, b := []rune(before), []rune(after)
	if len(a) != len(b) {
		return nil
	}
	changed := 0
	for i := range a {
		if a[i] != b[i] {
			changed++
		}
	}
	if changed*4 > len(a) {
		return nil
	}
	var diffs []diffmatchpatch.Diff
	for i := 0; i < len(a); {
		j := i
		for j < len(a) && (a[j] == b[j]) == (a[i] == b[i]) {
			j++
		}
		if a[i] == b[i] {
			diffs = append(diffs, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(a[i:j])})
		} else {
			diffs = append(diffs,
				diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: string(a[i:j])},
				diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: string(b[i:j])})
		}
		i = j
	}
	return diffs
}

// smallDiff is the character diff of before and after with unchanged runs
// longer than 2×ctx cut to ctx characters on each side of a change.
func smallDiff(before, after string, ctx int) []diffPiece {
	diffs := substitutions(before, after)
	if diffs == nil {
		diffs = deletions(before, after)
	}
	if diffs == nil {
		dmp := diffmatchpatch.New()
		diffs = dmp.DiffCleanupMerge(dmp.DiffMain(before, after, false))
	}
	var out []diffPiece
	hunks := 0
	for i, d := range diffs {
		if d.Type != diffmatchpatch.DiffEqual && (i == 0 || diffs[i-1].Type == diffmatchpatch.DiffEqual) {
			hunks++
			if hunks > editHunks {
				rest := 0
				for j := i; j < len(diffs); j++ {
					if diffs[j].Type != diffmatchpatch.DiffEqual && diffs[j-1].Type == diffmatchpatch.DiffEqual {
						rest++
					}
				}
				return append(out, diffPiece{Op: "more", Text: strconv.Itoa(rest)})
			}
		}
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			out = append(out, diffPiece{Op: "del", Text: d.Text})
		case diffmatchpatch.DiffInsert:
			out = append(out, diffPiece{Op: "ins", Text: d.Text})
		default:
			rs := []rune(d.Text)
			first, last := i == 0, i == len(diffs)-1
			switch {
			case first && len(rs) > ctx:
				out = append(out, diffPiece{Op: "gap"}, diffPiece{Text: string(rs[len(rs)-ctx:])})
			case last && len(rs) > ctx:
				out = append(out, diffPiece{Text: string(rs[:ctx])}, diffPiece{Op: "gap"})
			case !first && !last && len(rs) > 2*ctx:
				out = append(out, diffPiece{Text: string(rs[:ctx])}, diffPiece{Op: "gap"}, diffPiece{Text: string(rs[len(rs)-ctx:])})
			default:
				out = append(out, diffPiece{Text: d.Text})
			}
		}
	}
	return out
}

// shortenRunes cuts s to n characters, marking the cut with "…".
func shortenRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	var b strings.Builder
	for i, r := range []rune(s) {
		if i == n {
			break
		}
		b.WriteRune(r)
	}
	return b.String() + "…"
}
