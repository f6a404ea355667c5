package script

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every sentence and clause of the real reports, and every piece between
// digits, cut out of its paragraph's conversion, is what converting it
// alone gives; and most can be cut out (the point of Align).
func TestAlignedSliceIsTheSpansConversion(t *testing.T) {
	c := testConverter(t)
	files, err := filepath.Glob(filepath.Join(repo, "generator", "clean", "testdata", "*.paragraphs.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no paragraphs to test with (%v)", err)
	}
	spans, sliced := 0, 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range strings.Split(string(b), "\n") {
			if text == "" || strings.HasPrefix(text, "## ") {
				continue
			}
			hans, hant := c.Twin(text)
			a := c.Align(text, hans, hant)
			// Cuts after each sentence or clause mark, around each
			// digit (where figures start and end), and the ends.
			cuts := []int{0}
			for i, r := range text {
				switch {
				case strings.ContainsRune("。！？；，、：", r):
					cuts = append(cuts, i+len(string(r)))
				case r >= '0' && r <= '9':
					cuts = append(cuts, i, i+1)
				}
			}
			cuts = append(cuts, len(text))
			for i := 0; i+1 < len(cuts); i++ {
				for j := i + 1; j < len(cuts) && j <= i+3; j++ {
					from, to := cuts[i], cuts[j]
					spans++
					gotHans, gotHant, ok := a.Slice(from, to)
					if !ok {
						continue
					}
					sliced++
					span := text[from:to]
					if want := c.ToHans(span); gotHans != want {
						t.Errorf("%s: Simplified of %q: sliced %q, converted %q", filepath.Base(file), span, gotHans, want)
					}
					if want := c.ToHant(span); gotHant != want {
						t.Errorf("%s: Traditional of %q: sliced %q, converted %q", filepath.Base(file), span, gotHant, want)
					}
				}
			}
		}
	}
	t.Logf("%d spans, %d cut out of their paragraph's conversion", spans, sliced)
	if sliced < spans*9/10 {
		t.Errorf("only %d of %d spans could be cut out", sliced, spans)
	}
}

// Whatever span Slice agrees to cut is converted as converting it alone
// converts it.
func FuzzAlignedSlice(f *testing.F) {
	c := testConverter(f)
	for _, s := range []string{"乾隆年间，天后宫里发展了干部。", "後來，著名的發展；乾坤！", "云计算，出租车：里程", "一二。三，四", "培训3周，实行周调度、活动周。", "并为学生提供，提交并审议：范国强局长"} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		hans, hant := c.Twin(text)
		gotHans, gotHant, ok := c.Align(text, hans, hant).Slice(from, to)
		if !ok {
			return
		}
		span := text[from:to]
		if want := c.ToHans(span); gotHans != want {
			t.Fatalf("Simplified of %q in %q: sliced %q, converted %q", span, text, gotHans, want)
		}
		if want := c.ToHant(span); gotHant != want {
			t.Fatalf("Traditional of %q in %q: sliced %q, converted %q", span, text, gotHant, want)
		}
	})
}

// 周 right after a digit is a week (3週) in its paragraph and 周 alone: a
// span starting there is converted, not cut out.
func TestSliceRefusesAReadingAcrossABarrier(t *testing.T) {
	c := testConverter(t)
	for _, text := range []string{"培训3周。", "培訓3週。"} {
		hans, hant := c.Twin(text)
		from := strings.Index(text, "3") + 1
		if _, got, ok := c.Align(text, hans, hant).Slice(from, len(text)); ok {
			t.Errorf("Slice(%q after the digit) = %q, want it refused (alone: %q)", text, got, c.ToHant(text[from:]))
		}
		if _, _, ok := c.Align(text, hans, hant).Slice(0, from); !ok {
			t.Errorf("Slice(%q up to the digit) refused", text)
		}
	}
}
