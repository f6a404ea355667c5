package script

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

// roundTripWhy explains every character that ToHant changes in the
// Traditional (and mixed) paragraphs of the reports. All are repairs of
// the sources' own character-by-character conversion from Simplified,
// which picked the one Traditional character of a Simplified one that is
// wrong in this word; the right form is the Taiwan standard (教育部).
var roundTripWhy = map[string]string{
	"范→範": "规范/防范/示范/范围 converted character by character: 規範, 防範, 示範, 範圍 (范 is only a surname or 范县)",
	"并→並": "并 left Simplified: 並 (and, side by side) in 協調並進, 多措並舉, 並注明, 並不",
	"干→幹": "干部/精干 left Simplified: 幹部, 精幹",
	"于→於": "于 left Simplified: 高於, 在於, 關於",
	"余→餘": "3500余人 left Simplified: 餘",
	"佈→布": "發佈 as received: Taiwan's standard form is 發布 (data/zh/tw-standard.txt)",
	"註→注": "更加註重 as received: 注重 (to value) is written 注 (override 加注重)",
	"采→採": "采访/采取 left Simplified: 採訪, 採取",
	"制→製": "先进制造业: 製造",
	"周→週": "活動周 (a week of events): 週 (the named-week rule, week.go)",
	"游→遊": "游戏 left Simplified: 遊戲",
	"扎→紮": "扎实: Taiwan writes 紮實",
	"筑→築": "筑牢/建筑 left Simplified: 築",
	"注→註": "注明: Taiwan writes 註明",
	"凈→淨": "凈化 uses the variant 凈; standard 淨化",
	"借→藉": "凭借 (憑借): standard 憑藉",
	"匯→彙": "匯總 (to compile): standard 彙總; 匯 is for money (匯款)",
}

// TestRoundTrip converts the Traditional and mixed paragraphs of every
// report with ToHant (t2s, then s2tw) and lists each character that
// changes in testdata/roundtrip.golden; each kind of change must be
// explained in roundTripWhy.
func TestRoundTrip(t *testing.T) {
	c := testConverter(t)
	rs := reports(t)
	var b strings.Builder
	b.WriteString("# Characters ToHant changes in the Traditional and mixed paragraphs of the\n" +
		"# reports (pinyin notes removed). Regenerate: go test ./generator/script/ -run RoundTrip -update\n" +
		"# report\tline\tchange\tcontext before → after\n")
	seen := map[string]bool{}
	for _, id := range slices.Sorted(maps.Keys(rs)) {
		for n, line := range strings.Split(rs[id], "\n") {
			if c.Detect(line) == Hans {
				continue
			}
			in, out := []rune(line), []rune(c.ToHant(line))
			if len(in) != len(out) {
				fmt.Fprintf(&b, "%s\t%d\tlength\t%s → %s\n", id, n+1, line, string(out))
				t.Errorf("%s:%d: ToHant changed the length of the line", id, n+1)
				continue
			}
			for i := range in {
				if in[i] == out[i] {
					continue
				}
				ch := string(in[i]) + "→" + string(out[i])
				lo, hi := max(0, i-4), min(len(in), i+5)
				fmt.Fprintf(&b, "%s\t%d\t%s\t%s → %s\n", id, n+1, ch, string(in[lo:hi]), string(out[lo:hi]))
				if roundTripWhy[ch] == "" && !seen[ch] {
					t.Errorf("%s:%d: unexplained change %s in %q", id, n+1, ch, string(in[lo:hi]))
				}
				seen[ch] = true
			}
		}
	}
	for ch := range roundTripWhy {
		if !seen[ch] {
			t.Errorf("roundTripWhy explains %s, which no longer occurs: remove it", ch)
		}
	}
	golden := filepath.Join("testdata", "roundtrip.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != b.String() {
		t.Errorf("round trip differs from %s (run with -update and read the diff):\n%s", golden, b.String())
	}
}
