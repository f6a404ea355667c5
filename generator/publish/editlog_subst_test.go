package publish

import (
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// The one-pass diff of characters replaced in place gives what the general
// diff gives for the normalisations that make such edits, and rebuilds both
// texts; it leaves other edits to the general diff.
func TestSubstitutionsMatchTheGeneralDiff(t *testing.T) {
	dmp := diffmatchpatch.New()
	cases := []struct {
		before, after string
		own           bool // handled in one pass
	}{
		{"全市共有幼儿园58所,在园幼儿1.2万人。", "全市共有幼儿园58所，在园幼儿1.2万人。", true},
		{"教育局发言人说:「这些幼稚园(幼儿园)是否获批准,仍有待审核。」", "教育局发言人说：「这些幼稚园（幼儿园）是否获批准，仍有待审核。」", true},
		{"ＡＢＣ学校１２所", "ABC学校12所", false}, // over a quarter changes
		{"返回 本地 新闻", "", false},
		{"全市共有幼儿园58所。", "全市共有幼儿园58所", false},
	}
	for _, c := range cases {
		got := onePass(t, substitutions, c.before, c.after, c.own)
		if got == nil {
			continue
		}
		want := dmp.DiffCleanupMerge(dmp.DiffMain(c.before, c.after, false))
		if len(want) != len(got) {
			t.Errorf("%q → %q: %v, the general diff gives %v", c.before, c.after, got, want)
			continue
		}
		for i := range want {
			if want[i] != got[i] {
				t.Errorf("%q → %q: piece %d is %v, the general diff gives %v", c.before, c.after, i, got[i], want[i])
			}
		}
	}
}

// The one-pass diff of characters taken out rebuilds both texts and takes
// out as many characters as the general diff, for the edits that make
// such diffs (pinyin, invisible characters, clutter inside a line); it
// leaves other edits to the general diff.
func TestDeletionsMatchTheGeneralDiff(t *testing.T) {
	dmp := diffmatchpatch.New()
	for _, c := range []struct {
		before, after string
		own           bool
	}{
		{"教育(jiào yù)局发(fā)布", "教育局发布", true},
		{"學(xue)(xue)校(xiao)共有", "學校共有", true},
		{"全市\u200b共有\u200b幼儿园", "全市共有幼儿园", true},
		{"首页 要闻 全市新建学校5所。", "全市新建学校5所。", true},
		{"aXa", "a", true},
		{"全市共有幼儿园58所", "全市共有幼儿园59所", false}, // a replacement
		{"全市", "全市共有", false},               // an insertion
		{"全市", "全市", false},
	} {
		got := onePass(t, deletions, c.before, c.after, c.own)
		if got == nil {
			continue
		}
		deleted := func(ds []diffmatchpatch.Diff) (n int) {
			for _, d := range ds {
				if d.Type == diffmatchpatch.DiffDelete {
					n += len([]rune(d.Text))
				}
			}
			return n
		}
		if want := dmp.DiffMain(c.before, c.after, false); deleted(got) != deleted(want) {
			t.Errorf("%q → %q: %v deletes %d, the general diff %d", c.before, c.after, got, deleted(got), deleted(want))
		}
	}
}

// onePass runs a one-pass diff and checks that it takes the edit when it
// should (own) and that what it gives rebuilds both texts; nil when it
// does not take the edit.
func onePass(t *testing.T, diff func(before, after string) []diffmatchpatch.Diff, before, after string, own bool) []diffmatchpatch.Diff {
	t.Helper()
	got := diff(before, after)
	if (got != nil) != own {
		t.Errorf("%q → %q: handled in one pass = %v, want %v", before, after, got != nil, own)
		return nil
	}
	dmp := diffmatchpatch.New()
	if got != nil && (dmp.DiffText1(got) != before || dmp.DiffText2(got) != after) {
		t.Errorf("%q → %q: the diff %v does not rebuild both texts", before, after, got)
	}
	return got
}
