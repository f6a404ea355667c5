package script

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestOverrides runs the tests every override carries in
// data/zh/overrides.yaml, in both directions, and checks that plain OpenCC
// gets at least one of them wrong (else the override is dead weight).
func TestOverrides(t *testing.T) {
	c := testConverter(t)
	plain := plainOpenCC(t)
	plainHant := func(s string) string {
		h, _ := plain.OpenCC("t2s", s)
		r, _ := plain.OpenCC("s2tw", h)
		return r
	}
	ovs := c.Overrides()
	if len(ovs) == 0 {
		t.Fatal("no overrides loaded")
	}
	for _, o := range ovs {
		needed := false
		for _, ex := range o.Tests {
			if o.Dir != Hans {
				if got := c.ToHant(ex.Hans); got != ex.Hant {
					t.Errorf("%s: ToHant(%q) = %q, want %q", o.Pos(), ex.Hans, got, ex.Hant)
				}
				if got := c.ToHant(ex.Hant); got != ex.Hant {
					t.Errorf("%s: ToHant(%q) = %q, want it unchanged", o.Pos(), ex.Hant, got)
				}
				needed = needed || plainHant(ex.Hans) != ex.Hant || plainHant(ex.Hant) != ex.Hant
			}
			if o.Dir != Hant {
				if got := c.ToHans(ex.Hant); got != ex.Hans {
					t.Errorf("%s: ToHans(%q) = %q, want %q", o.Pos(), ex.Hant, got, ex.Hans)
				}
				p, _ := plain.OpenCC("t2s", ex.Hant)
				needed = needed || p != ex.Hans
			}
		}
		if !needed && o.Kind != "name" {
			t.Errorf("%s: plain OpenCC already passes every test of this override: remove it or add the failing case", o.Pos())
		}
	}
}

func TestOverridesFileErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"header", "- hans: a\n", ":1: want \"overrides:\""},
		{"no test", "overrides:\n  - hans: 发\n    hant: 發\n", ":2: every override needs"},
		{"one form", "overrides:\n  - hans: 发\n    test: 发 = 發\n", ":2: entry needs both"},
		{"bad test", "overrides:\n  - hans: 发\n    hant: 發\n    test: 发\n", ":4: want \"test:"},
		{"unknown", "overrides:\n  - hans: 发\n    color: red\n", ":3: unknown field"},
		{"bad dir", "overrides:\n  - hans: 发\n    dir: up\n", ":3: dir must be"},
	} {
		p := filepath.Join(t.TempDir(), "overrides.yaml")
		if err := os.WriteFile(p, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := readOverrides(p)
		if err == nil || !strings.Contains(err.Error(), p+tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, p+tc.want)
		}
	}
}

func TestDictErrors(t *testing.T) {
	p := filepath.Join(t.TempDir(), "X.txt")
	os.WriteFile(p, []byte("# c\n发\t發\n干 幹\n"), 0o644)
	if _, err := readDict(p); err == nil || !strings.Contains(err.Error(), p+":3:") {
		t.Errorf("error %v, want %s:3", err, p)
	}
}

// TestWithNames registers gazetteer-style names: the Traditional form
// given wins over the dictionaries in both directions, and the original
// Converter is not changed.
func TestWithNames(t *testing.T) {
	c := testConverter(t)
	n, err := c.WithNames(map[string]string{"范县": "范縣", "台儿庄区": "台兒莊區"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ hans, hant string }{
		{"河南省范县教育局", "河南省范縣教育局"},
		{"枣庄市台儿庄区", "棗莊市台兒莊區"},
		{"范局长", "范局長"}, // overrides still apply
	} {
		if got := n.ToHant(tc.hans); got != tc.hant {
			t.Errorf("ToHant(%q) = %q, want %q", tc.hans, got, tc.hant)
		}
		if got := n.ToHans(tc.hant); got != tc.hans {
			t.Errorf("ToHans(%q) = %q, want %q", tc.hant, got, tc.hans)
		}
	}
	if got := c.ToHant("台儿庄区"); got == "台兒莊區" {
		t.Errorf("WithNames changed the original converter")
	}
}

func TestDetect(t *testing.T) {
	c := testConverter(t)
	for _, tc := range []struct {
		s    string
		want Script
	}{
		{"全市普惠性幼儿园覆盖率达到93.37%", Hans},
		{"全市普惠性幼兒園覆蓋率達到93.37%", Hant},
		{"山东省", Hans},   // 山东: 东 is Simplified-only
		{"2020年", Hans}, // no distinguishing character
		{"教育局长座谈会上，教育協調發展", Mixed},
		{"多措并舉消除大班額，推進學校佈局調整，優化專業結構", Hant}, // one stray 并
	} {
		if got := c.Detect(tc.s); got != tc.want {
			h, ht := c.Counts(tc.s)
			t.Errorf("Detect(%q) = %s (hans %d, hant %d), want %s", tc.s, got, h, ht, tc.want)
		}
	}
}

func TestConvertReader(t *testing.T) {
	c := testConverter(t)
	in := "头发干了\r\n规范办学\n\n没有换行"
	for _, tc := range []struct {
		to   Script
		want string
	}{
		{Hant, "頭髮乾了\r\n規範辦學\n\n沒有換行"},
		{Hans, in},
	} {
		var b strings.Builder
		if err := c.ConvertReader(&b, strings.NewReader(in), tc.to); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("ConvertReader to %s = %q, want %q", tc.to, b.String(), tc.want)
		}
	}
	long := strings.Repeat("规范", 50000) + "\n" // longer than the reader's buffer
	var b strings.Builder
	if err := c.ConvertReader(&b, strings.NewReader(long), Hant); err != nil || b.String() != strings.Repeat("規範", 50000)+"\n" {
		t.Errorf("long line: err %v, %d bytes", err, b.Len())
	}
	if err := c.ConvertReader(&strings.Builder{}, strings.NewReader(in), Mixed); err == nil {
		t.Error("ConvertReader to mixed: no error")
	}
}

// TestConcurrent is meant for go test -race: one Converter, many goroutines.
func TestConcurrent(t *testing.T) {
	c := testConverter(t)
	want := c.ToHant("干部规范头发干了")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				if got := c.ToHant("干部规范头发干了"); got != want {
					t.Errorf("got %q, want %q", got, want)
				}
			}
		})
	}
	wg.Wait()
}

// TestChildLookup checks the hash table of trie edges against bisection.
func TestChildLookup(t *testing.T) {
	tr := testConverter(t).s2t
	for id := range tr.nodes {
		nd := tr.nodes[id]
		for i := nd.first; i < nd.first+nd.n; i++ {
			r := tr.labels[i]
			if a, b := tr.child(int32(id), r), tr.childSorted(int32(id), r); a != b {
				t.Fatalf("node %d rune %c: hash %d, sorted %d", id, r, a, b)
			}
			if tr.child(int32(id), r+0x10000) != 0 {
				t.Fatalf("node %d: phantom child", id)
			}
		}
	}
}

// Values are read as YAML reads them: quoted values lose their quotes and
// keep a " #", a plain value's " #" starts a comment, before takes a flow
// list, and YAML this parser does not implement is refused, not misread.
func TestOverridesValues(t *testing.T) {
	for _, tc := range []struct {
		name, entry string
		check       func(o Override) bool
	}{
		{"double-quoted", `hans: "头发干"` + "\n    hant: \"頭髮乾\"", func(o Override) bool { return o.Hans == "头发干" && o.Hant == "頭髮乾" }},
		{"single-quoted with ''", `hans: '发''s'` + "\n    hant: 發's", func(o Override) bool { return o.Hans == "发's" }},
		{"quoted # is text", `hans: "发 #1"` + "\n    hant: 發 #1", func(o Override) bool { return o.Hans == "发 #1" && o.Hant == "發" }},
		{"comment after a quote", `hans: "发" # note` + "\n    hant: 發", func(o Override) bool { return o.Hans == "发" }},
		{"escape", `hans: "\u53d1"` + "\n    hant: 發", func(o Override) bool { return o.Hans == "发" }},
		{"flow list", "surname: 范\n    before: [局长, \"校长\"]", func(o Override) bool {
			return len(o.Before) == 2 && o.Before[0] == "局长" && o.Before[1] == "校长"
		}},
		{"plain list", "surname: 范\n    before: 局长 校长", func(o Override) bool { return len(o.Before) == 2 }},
	} {
		text := "overrides:\n  - " + tc.entry + "\n    test: 发 = 發\n"
		ovs, err := parseOverrides("o.yaml", strings.NewReader(text))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(ovs) != 1 || !tc.check(ovs[0]) {
			t.Errorf("%s: read as %+v", tc.name, ovs)
		}
	}
	long := "overrides:\n  - hans: 发\n    hant: 發\n    why: " + strings.Repeat("长", maxOverrideLine) + "\n    test: 发 = 發\n"
	for _, tc := range []struct{ name, text, want string }{
		{"empty file", "", "o.yaml: empty"},
		{"comments only", "# nothing\n", "o.yaml: empty"},
		{"header, no entries", "overrides:\n", `has no entries`},
		{"entries after []", "overrides: []\n  - hans: 发\n", "o.yaml:2: entries after"},
		{"unclosed quote", "overrides:\n  - hans: \"发\n    hant: 發\n    test: 发 = 發\n", "o.yaml:2: hans: no closing \""},
		{"text after the quote", "overrides:\n  - hans: \"发\" x\n", "o.yaml:2: hans: \"x\" after the closing quote"},
		{"flow list elsewhere", "overrides:\n  - hans: [发]\n", "o.yaml:2: hans: \"[发]\": only plain or quoted"},
		{"anchor", "overrides:\n  - hans: &a 发\n", "o.yaml:2: hans:"},
		{"line too long", long, "o.yaml:4: line longer than"},
	} {
		_, err := parseOverrides("o.yaml", strings.NewReader(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
	if ovs, err := parseOverrides("o.yaml", strings.NewReader("overrides: []\n")); err != nil || len(ovs) != 0 {
		t.Errorf("overrides: [] gives %v, %v", ovs, err)
	}
}

// An override whose test line fails stops Load, naming the test's line:
// a sabotaged override cannot reach the site.
func TestLoadRunsOverrideTests(t *testing.T) {
	dir := t.TempDir()
	dicts, err := filepath.Abs(filepath.Join(repo, "data", "zh", "opencc"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dicts, filepath.Join(dir, "opencc")); err != nil {
		t.Fatal(err)
	}
	std, err := filepath.Abs(filepath.Join(repo, "data", "zh", "tw-standard.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(std, filepath.Join(dir, "tw-standard.txt")); err != nil {
		t.Fatal(err)
	}
	sabotage := "overrides:\n  - hans: 学\n    hant: 學笑\n    why: sabotage\n    test: 学校 = 學校\n"
	if err := os.WriteFile(filepath.Join(dir, "overrides.yaml"), []byte(sabotage), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(dir)
	want := filepath.Join(dir, "overrides.yaml") + ":5: test fails: 学校 converts to 學笑校, want 學校"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Load: %v, want %q", err, want)
	}
}

// The parser never panics, and what it accepts has the fields every entry
// needs.
func FuzzParseOverrides(f *testing.F) {
	f.Add("overrides:\n  - hans: 头发干\n    hant: 頭髮乾\n    why: x # c\n    test: 头发干了 = 頭髮乾了\n")
	f.Add("overrides:\n  - surname: 范\n    before: [局长, '校长']\n    test: \"范局长 = 范局長\"\n")
	f.Add("overrides: []\n")
	f.Add("overrides:\n  - hans: 'a''b'\n    hant: \"\\u53d1\"\n    dir: hant\n    kind: name\n    test: a = b\n")
	f.Fuzz(func(t *testing.T, text string) {
		ovs, err := parseOverrides("o.yaml", strings.NewReader(text))
		if err != nil {
			return
		}
		for _, o := range ovs {
			if len(o.Tests) == 0 || (o.Surname == "" && (o.Hans == "" || o.Hant == "")) || (o.Surname != "" && len(o.Before) == 0) {
				t.Fatalf("accepted an incomplete entry %+v from %q", o, text)
			}
		}
	})
}
